/**
 * /planning against the built app on the shipped example data: projects on a timeline by
 * status, planned units against the tekort, the project table, URL filters (data/exports/README.md, "Wat de voorbeelddata laat zien":
 * domus plus in locatieonderzoek, Skaeve huse in Dordrecht in use, Gorinchem and Molenlanden
 * in besluitvorming).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chartTable, expectDutch400, expectErrorPage, expectNoHorizontalScroll, expectNoSeriousAxe, TABLET, useBrowser } from './helpers';

const { withPage, url } = useBrowser();

/** Project ids in the project table, top to bottom. */
function projectIds(page: Page): Promise<string[]> {
	return page.locator('#projecten tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-project-id') ?? ''));
}

const tijdlijn = (page: Page) => page.locator('figure[data-chart-id="planning-tijdlijn"] svg[role="img"]');

const ALL = ['CR-GOR-01', 'NO-DOR-01', 'DP-ALW-01', 'DP-REG-01', 'CR-DOR-02', 'SH-GOR-01', 'SH-MOL-01', 'CR-DOR-01', 'TV-ZWD-01', 'BW-DOR-03', 'SH-DOR-01', 'TV-DOR-02'];

describe('/planning', () => {
	it('shows every project on the timeline, in the table and planned units against the tekort', async () => {
		await withPage(async (page) => {
			const response = await page.goto(url('/planning'));
			expect(response?.status()).toBe(200);
			await expect(page.locator('h1').innerText()).resolves.toBe('Planning');
			expect(await projectIds(page)).toEqual(ALL);
			const svg = tijdlijn(page);
			await expect(svg.getAttribute('aria-label')).resolves.toBe('Projecten in de regio naar status en verwachte oplevering');
			await expect(svg.locator('circle').count()).resolves.toBe(12);
			// Domus plus has no date yet: it sits in the 'Datum onbekend' band, not dropped.
			const text = await svg.textContent();
			expect(text).toContain('Datum onbekend');
			expect(text).toContain('Dordrecht · 12 eenheden');
			expect(text).toContain('Locatieonderzoek (2)');
			const row = page.locator('#projecten tr[data-project-id="SH-GOR-01"]');
			await expect(row.innerText()).resolves.toMatch(/Skaeve huse Gorinchem\s+Gorinchem\s+Skaeve huse\s+4\s+Besluitvorming\s+15 nov\. 2023\s+30 sep\. 2026/);
			// Peiljaar 2026: 16 domus plus units planned against a tekort of 15; Skaeve huse 7 against 14.
			const plan = await chartTable(page, 'planning-plan-vs-tekort');
			expect(plan).toContainEqual(['Domus plus', '2', '16', '15', '0']);
			expect(plan).toContainEqual(['Skaeve huse', '2', '7', '14', '7']);
			const footer = await page.locator('figure[data-chart-id="planning-tijdlijn"] footer').innerText();
			expect(footer).toMatch(/^Bron: .+\. Peildatum 1 december 2023\./);
			expect(footer).toContain('Illustratief');
		});
	});

	it('filters on type through the form, keeps the filter in the URL, and back restores the view', async () => {
		await withPage(async (page) => {
			await page.goto(url('/planning'));
			await page.getByLabel('Skaeve huse').check();
			await Promise.all([page.waitForURL(/type=skaeve_huse/), page.getByRole('button', { name: 'Toon' }).click()]);
			expect(await projectIds(page)).toEqual(['SH-GOR-01', 'SH-MOL-01', 'SH-DOR-01']);
			const text = (await tijdlijn(page).textContent()) ?? '';
			expect(text).toContain('Skaeve huse Gorinchem');
			expect(text).toContain('Skaeve huse Molenlanden');
			expect(text).not.toContain('Domus plus');
			await expect(tijdlijn(page).locator('circle').count()).resolves.toBe(3);
			expect(await chartTable(page, 'planning-plan-vs-tekort')).toEqual([['Skaeve huse', '2', '7', '14', '7']]);
			await expect(page.locator('figure[data-chart-id="planning-tijdlijn"] .chart__subtitle').innerText()).resolves.toBe(
				'Skaeve huse · alle statussen · hele regio'
			);
			await page.goBack();
			await page.waitForURL(url('/planning'));
			await expect.poll(() => projectIds(page)).toEqual(ALL);
		});
	});

	it('filters on gemeente and status from a link', async () => {
		await withPage(async (page) => {
			await page.goto(url('/planning?gemeente=GM0512'));
			expect(await projectIds(page)).toEqual(['CR-GOR-01', 'DP-ALW-01', 'SH-GOR-01']);
			await expect(page.locator('#planning-gemeente').inputValue()).resolves.toBe('GM0512');
			await page.goto(url('/planning?status=besluitvorming&status=realisatie'));
			expect(await projectIds(page)).toEqual(['CR-DOR-02', 'SH-GOR-01', 'SH-MOL-01', 'CR-DOR-01', 'TV-ZWD-01', 'BW-DOR-03']);
			await expect(page.getByLabel('Besluitvorming').isChecked()).resolves.toBe(true);
		});
	});

	it('opens a gemeente from the timeline (with JavaScript) and from the table', async () => {
		await withPage(async (page) => {
			await page.goto(url('/planning'));
			await Promise.all([page.waitForURL(url('/gemeente/GM1978')), tijdlijn(page).locator('text[data-href="/gemeente/GM1978"]').click()]);
			await expect(page.locator('h1').innerText()).resolves.toBe('Molenlanden');
			await page.goto(url('/planning'));
			await Promise.all([page.waitForURL(url('/gemeente/GM0512')), page.locator('#projecten tr[data-project-id="SH-GOR-01"] a').click()]);
			await expect(page.locator('h1').innerText()).resolves.toBe('Gorinchem');
		});
	});

	it('renders the charts and filters without JavaScript', async () => {
		await withPage(
			async (page) => {
				await page.goto(url('/planning'));
				await expect(tijdlijn(page).locator('circle').count()).resolves.toBe(12);
				await expect(page.locator('figure[data-chart-id="planning-plan-vs-tekort"] svg rect').count()).resolves.toBeGreaterThan(0);
				await page.getByLabel('Domus plus').check();
				await Promise.all([page.waitForURL(/type=domus_plus/), page.getByRole('button', { name: 'Toon' }).click()]);
				expect(await projectIds(page)).toEqual(['DP-ALW-01', 'DP-REG-01']);
			},
			{ javaScript: false }
		);
	});

	it('answers invalid parameters with a Dutch 400 naming the parameter, an unknown gemeente with a 404', async () => {
		await withPage(async (page) => {
			await expectDutch400(page, '/planning?type=woonwagens', 'type', "Ongeldige waarde voor parameter 'type': 'woonwagens'. Toegestaan: een van: crisisopvang");
			await expectDutch400(page, '/planning?status=klaar', 'status');
			await expectErrorPage(page, '/planning?gemeente=GM9999', 404, 'Er is geen gemeente met code GM9999');
		});
	});

	it('has no serious or critical axe violations and fits 768 px', async () => {
		await withPage(
			async (page) => {
				for (const path of ['/planning', '/planning?type=skaeve_huse&gemeente=GM0512']) {
					await page.goto(url(path));
					await expectNoSeriousAxe(page, path);
					await expectNoHorizontalScroll(page, path);
				}
			},
			{ viewport: TABLET }
		);
	});
});
