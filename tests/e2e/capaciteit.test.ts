import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectDutch400, expectNoHorizontalScroll, expectNoSeriousAxe, useBrowser } from './helpers';

const { withPage, url } = useBrowser();

/** The nine gemeenten of the example data (data/exports/README.md, "Wat de voorbeelddata laat zien"). */
const GEMEENTEN = ['GM0482', 'GM0505', 'GM0512', 'GM0523', 'GM0531', 'GM0590', 'GM0610', 'GM0642', 'GM1978'];

/** The table behind a chart as { gemeente: cells } (read from the DOM, also while <details> is closed). */
async function chartTable(page: Page, chartId: string): Promise<Record<string, string[]>> {
	const rows = await page
		.locator(`figure[data-chart-id="${chartId}"] .chart-table tbody tr`)
		.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')));
	return Object.fromEntries(rows.map(([name, ...cells]) => [name, cells]));
}

const BESTAAND = 0;

describe('/capaciteit', () => {
	it('loads with the bar charts, the tile map and the ranked table, all with source and "illustratief"', async () => {
		await withPage(async (page) => {
			const response = await page.goto(url('/capaciteit'));
			expect(response?.status()).toBe(200);
			await expect(page.locator('h1').innerText()).resolves.toBe('Capaciteit');
			for (const id of ['capaciteit-per-gemeente', 'capaciteit-per-type', 'capaciteit-tegelkaart', 'capaciteit-ranglijst']) {
				const figure = page.locator(`figure[data-chart-id="${id}"]`);
				await expect(figure.count(), id).resolves.toBe(1);
				const footer = await figure.locator('footer').innerText();
				expect(footer, id).toMatch(/^Bron: .+\. Peildatum \d{1,2} \w+ \d{4}\./);
				expect(footer, id).toContain('Illustratief');
			}
			// The latest peiljaar is the default, and the subtitle says which filters are active.
			const peiljaar = await page.locator('#filter-peiljaar').inputValue();
			expect(await page.locator('#filter-peiljaar option').last().getAttribute('value')).toBe(peiljaar);
			await expect(page.locator('figure[data-chart-id="capaciteit-per-gemeente"] .chart__subtitle').innerText()).resolves.toContain(
				`Peiljaar ${peiljaar} · alle voorzieningstypen · alle doelgroepen · aantal plekken`
			);
			// Every gemeente is a tile, and the ranked table lists all nine, largest tekort first.
			const tiles = page.locator('figure[data-chart-id="capaciteit-tegelkaart"] svg g[data-href] rect');
			await expect(tiles.count()).resolves.toBe(GEMEENTEN.length);
			const tekorten = await page.locator('#capaciteit-ranglijst tbody tr td:nth-child(3)').allInnerTexts();
			expect(tekorten).toHaveLength(GEMEENTEN.length);
			const numbers = tekorten.map((t) => Number(t.replace(/\./g, '').replace(',', '.')));
			expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
			// Crisis places and domus plus are short in the example data.
			const perType = await chartTable(page, 'capaciteit-per-type');
			expect(Number(perType['Crisisplekken'][3])).toBeGreaterThan(0);
			expect(perType['Domus plus'][BESTAAND]).toBe('0');
		});
	});

	it('changes the chart data when a type is picked, and back restores the previous choice', async () => {
		await withPage(async (page) => {
			await page.goto(url('/capaciteit?type=crisisopvang'));
			const crisis = await chartTable(page, 'capaciteit-per-gemeente');
			expect(Number(crisis['Dordrecht'][BESTAAND])).toBeGreaterThan(5);

			// A change shows on Toon: tick Skaeve huse and show, then untick Crisisplekken and show.
			await expect(page.getByLabel('Crisisplekken').isChecked()).resolves.toBe(true);
			await page.getByLabel('Skaeve huse').check();
			const toon = page.getByRole('button', { name: 'Toon', exact: true });
			await Promise.all([page.waitForURL(/type=skaeve_huse/), toon.click()]);
			await page.getByLabel('Crisisplekken').uncheck();
			await Promise.all([page.waitForURL((u) => u.searchParams.getAll('type').join() === 'skaeve_huse'), toon.click()]);
			expect(new URL(page.url()).searchParams.getAll('type')).toEqual(['skaeve_huse']);
			await expect(page.locator('figure[data-chart-id="capaciteit-per-gemeente"] .chart__subtitle').innerText()).resolves.toContain('Skaeve huse');

			// Only Dordrecht has Skaeve huse (5 units); every other gemeente shows 0 existing.
			await expect.poll(async () => (await chartTable(page, 'capaciteit-per-gemeente'))['Dordrecht'][BESTAAND]).toBe('5');
			const skaeve = await chartTable(page, 'capaciteit-per-gemeente');
			expect(Object.keys(skaeve)).toHaveLength(GEMEENTEN.length);
			for (const [naam, cells] of Object.entries(skaeve)) expect(cells[BESTAAND], naam).toBe(naam === 'Dordrecht' ? '5' : '0');
			const svg = page.locator('figure[data-chart-id="capaciteit-per-gemeente"] svg');
			await expect(svg.locator('title', { hasText: 'Dordrecht: 5 bestaande plekken' }).count()).resolves.toBe(1);
			await expect(svg.locator('title', { hasText: 'Gorinchem: 0 bestaande plekken' }).count()).resolves.toBe(1);

			await page.goBack();
			await page.waitForURL((u) => u.searchParams.getAll('type').length === 2);
			// The URL changes at once; the data follows when the load function answers.
			await expect
				.poll(async () => Number((await chartTable(page, 'capaciteit-per-gemeente'))['Dordrecht'][BESTAAND]))
				.toBe(Number(crisis['Dordrecht'][BESTAAND]) + 5);
			await expect(page.getByLabel('Crisisplekken').isChecked()).resolves.toBe(true);
		});
	});

	it('shows figures per 10.000 inwoners with a decimal comma', async () => {
		await withPage(async (page) => {
			await page.goto(url('/capaciteit?type=skaeve_huse&maat=per_10k'));
			const table = await chartTable(page, 'capaciteit-per-gemeente');
			expect(table['Dordrecht'][BESTAAND]).toMatch(/^0,\d\d$/);
			await expect(page.locator('#capaciteit-ranglijst thead').innerText()).resolves.toContain('per 10.000 inw.');
		});
	});

	it('opens the gemeente page when a gemeente is clicked in the chart, the tile map or the table', async () => {
		await withPage(async (page) => {
			await page.goto(url('/capaciteit'));
			await Promise.all([
				page.waitForURL(url('/gemeente/GM0505')),
				page.locator('figure[data-chart-id="capaciteit-per-gemeente"] svg g[data-href="/gemeente/GM0505"] rect').first().click()
			]);
			await expect(page.locator('h1').innerText()).resolves.toBe('Dordrecht');

			await page.goto(url('/capaciteit'));
			await Promise.all([
				page.waitForURL(url('/gemeente/GM0512')),
				page.locator('figure[data-chart-id="capaciteit-tegelkaart"] svg g[data-href="/gemeente/GM0512"] rect').click()
			]);
			await expect(page.locator('h1').innerText()).resolves.toBe('Gorinchem');

			await page.goto(url('/capaciteit'));
			await Promise.all([page.waitForURL(url('/gemeente/GM1978')), page.locator('#capaciteit-ranglijst a', { hasText: 'Molenlanden' }).click()]);
			await expect(page.locator('h1').innerText()).resolves.toBe('Molenlanden');
		});
	});

	it('works without JavaScript: SVGs in the page, the form submits as a plain GET', async () => {
		await withPage(
			async (page) => {
				await page.goto(url('/capaciteit'));
				for (const id of ['capaciteit-per-gemeente', 'capaciteit-per-type', 'capaciteit-tegelkaart']) {
					const svg = page.locator(`figure[data-chart-id="${id}"] svg[role="img"]`);
					await expect(svg.count(), id).resolves.toBe(1);
					await expect(svg.locator('rect').count(), id).resolves.toBeGreaterThan(0);
				}
				// Without JavaScript the gemeente pages are reached through the ranked table.
				await expect(page.locator('#capaciteit-ranglijst a[href="/gemeente/GM0505"]').count()).resolves.toBe(1);
				await page.selectOption('#filter-doelgroep', 'autisme');
				await Promise.all([page.waitForURL(/doelgroep=autisme/), page.getByRole('button', { name: 'Toon' }).click()]);
				await expect(page.locator('figure[data-chart-id="capaciteit-per-gemeente"] .chart__subtitle').innerText()).resolves.toContain('doelgroep autisme');
			},
			{ javaScript: false }
		);
	});

	it('answers an invalid parameter with a Dutch 400 page naming the parameter', async () => {
		await withPage(async (page) => {
			for (const [query, parameter, allowed] of [
				['peiljaar=1899', 'peiljaar', 'een peiljaar uit de gegevens'],
				['type=hotel', 'type', 'skaeve_huse'],
				['maat=procent', 'maat', 'per_10k']
			]) {
				await expectDutch400(page, `/capaciteit?${query}`, parameter, `Ongeldige waarde voor parameter '${parameter}'`, allowed);
			}
		});
	});

	it('has no serious or critical axe violations, with the filters and at 768 px without sideways scrolling', async () => {
		for (const width of [1280, 768]) {
			await withPage(
				async (page) => {
					await page.goto(url('/capaciteit?type=skaeve_huse&type=crisisopvang&maat=per_10k'));
					await expectNoSeriousAxe(page, `${width} px`);
					await expectNoHorizontalScroll(page, `${width} px`);
				},
				{ viewport: { width, height: 900 } }
			);
		}
	});
});
