/**
 * /dagbesteding against the built app on the shipped example data: the regional share falls
 * from 60% (2019 K1) to 46% (2020 K4) before P×Q per 1 January 2021 (data/exports/README.md, "Wat de voorbeelddata laat zien"), per
 * aanbieder as small multiples, filters aanbieder, van/tot and maat in the URL.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chartTable, expectDutch400, expectNoHorizontalScroll, expectNoSeriousAxe, TABLET, useBrowser } from './helpers';

const { withPage, url } = useBrowser();

const svgText = async (page: Page, chartId: string) => (await page.locator(`figure[data-chart-id="${chartId}"] svg[role="img"]`).textContent()) ?? '';
const description = (page: Page, chartId: string) => page.locator(`#${chartId}-beschrijving`).innerText();

/** Aanbieder panels in the small multiples: the bold titles, sorted (the DOM orders facets by column). */
async function panels(page: Page): Promise<string[]> {
	return page
		.locator('figure[data-chart-id="dagbesteding-per-aanbieder"] svg g[font-weight="bold"] text')
		.evaluateAll((texts) => texts.map((t) => t.textContent ?? '').filter((t) => t.startsWith('Aanbieder')).sort());
}

describe('/dagbesteding', () => {
	it('shows the fall from 60% to 46% and the switch to P×Q', async () => {
		await withPage(async (page) => {
			const response = await page.goto(url('/dagbesteding'));
			expect(response?.status()).toBe(200);
			await expect(page.locator('h1').innerText()).resolves.toBe('Dagbesteding');
			const regio = await svgText(page, 'dagbesteding-regio');
			expect(regio).toContain('2019 K1: 60%');
			expect(regio).toContain('2020 K4: 46%');
			expect(regio).toContain('Overgang op P×Q, 1 januari 2021');
			await expect(description(page, 'dagbesteding-regio')).resolves.toBe(
				'Het aandeel BW-cliënten met dagbesteding in de regio was 60% in 2019 K1 (279 van 465) en 45% in 2026 K3 (217 van 480). ' +
					'Vlak voor de overgang op P×Q per 1 januari 2021, in 2020 K4, was het 46%. Sinds P×Q ligt het tussen 45% en 48%.'
			);
			const table = await chartTable(page, 'dagbesteding-regio');
			expect(table).toHaveLength(31);
			expect(table[7]).toEqual(['2020 K4', 'Regio (alle aanbieders)', '467', '215', '46%', 'vóór P×Q']);
			expect(await panels(page)).toEqual(['Aanbieder A', 'Aanbieder B', 'Aanbieder C', 'Aanbieder D', 'Aanbieder E']);
			const footer = await page.locator('figure[data-chart-id="dagbesteding-regio"] footer').innerText();
			expect(footer).toMatch(/^Bron: .+\. Peildatum 30 september 2026\./);
			expect(footer).toContain('Illustratief');
		});
	});

	it('filters on aanbieder through the form, with the filter in the URL', async () => {
		await withPage(async (page) => {
			await page.goto(url('/dagbesteding'));
			await page.getByLabel('Aanbieder C').check();
			await Promise.all([page.waitForURL(/aanbieder=Aanbieder\+C/), page.getByRole('button', { name: 'Toon' }).click()]);
			expect(await panels(page)).toEqual(['Aanbieder C']);
			const table = await chartTable(page, 'dagbesteding-per-aanbieder');
			expect(table).toHaveLength(31);
			expect(new Set(table.map((r) => r[1]))).toEqual(new Set(['Aanbieder C']));
			expect(table[0]).toEqual(['2019 K1', 'Aanbieder C', '92', '64', '69,6%', 'vóór P×Q']);
			await expect(description(page, 'dagbesteding-per-aanbieder')).resolves.toMatch(/^Aandeel BW-cliënten met dagbesteding per aanbieder: Aanbieder C van 70% \(2019 K1\) naar 53% \(2026 K3\)\.$/);
			await page.goBack();
			await expect.poll(() => panels(page)).toHaveLength(5);
		});
	});

	it('limits the periode and switches to numbers of clients', async () => {
		await withPage(async (page) => {
			await page.goto(url('/dagbesteding'));
			await page.locator('#dagbesteding-van').selectOption('2021-K1');
			await page.getByLabel('Aantallen cliënten').check();
			await Promise.all([page.waitForURL(/maat=aantallen/), page.getByRole('button', { name: 'Toon' }).click()]);
			expect(new URL(page.url()).searchParams.get('van')).toBe('2021-K1');
			const table = await chartTable(page, 'dagbesteding-regio');
			expect(table[0][0]).toBe('2021 K1');
			expect(table).toHaveLength(23);
			const regio = await svgText(page, 'dagbesteding-regio');
			expect(regio).toContain('BW-cliënten: 480');
			expect(regio).toContain('Met dagbesteding: 217');
			await expect(page.locator('figure[data-chart-id="dagbesteding-regio"] .chart__subtitle').innerText()).resolves.toBe(
				'2021 K1 t/m 2026 K3 · alle aanbieders · aantallen cliënten'
			);
			await expect(description(page, 'dagbesteding-regio')).resolves.toContain('was 46% in 2021 K1 (217 van 475)');
		});
	});

	it('renders the charts and filters without JavaScript', async () => {
		await withPage(
			async (page) => {
				await page.goto(url('/dagbesteding?tot=2020-K4'));
				const regio = page.locator('figure[data-chart-id="dagbesteding-regio"] svg[role="img"]');
				await expect(regio.locator('circle').count()).resolves.toBe(8);
				expect(await svgText(page, 'dagbesteding-regio')).not.toContain('Overgang op P×Q');
				await page.getByLabel('Aanbieder D').check();
				await Promise.all([page.waitForURL(/aanbieder=Aanbieder\+D/), page.getByRole('button', { name: 'Toon' }).click()]);
				expect(await panels(page)).toEqual(['Aanbieder D']);
			},
			{ javaScript: false }
		);
	});

	it('answers invalid parameters with a Dutch 400 naming the parameter', async () => {
		await withPage(async (page) => {
			await expectDutch400(page, '/dagbesteding?maat=procent', 'maat', "Ongeldige waarde voor parameter 'maat': 'procent'. Toegestaan: een van: aandeel, aantallen.");
			await expectDutch400(page, '/dagbesteding?aanbieder=Aanbieder+Z', 'aanbieder', "parameter 'aanbieder': 'Aanbieder Z'. Toegestaan: een van: Aanbieder A, Aanbieder B");
			await expectDutch400(page, '/dagbesteding?van=2024-K1&tot=2020-K1', 'tot');
		});
	});

	it('has no serious or critical axe violations and fits 768 px', async () => {
		await withPage(
			async (page) => {
				for (const path of ['/dagbesteding', '/dagbesteding?maat=aantallen&aanbieder=Aanbieder+A&aanbieder=Aanbieder+B']) {
					await page.goto(url(path));
					await expectNoSeriousAxe(page, path);
					await expectNoHorizontalScroll(page, path);
				}
			},
			{ viewport: TABLET }
		);
	});
});
