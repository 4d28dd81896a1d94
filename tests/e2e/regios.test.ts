/**
 * Regions (issue 12) in the built app: the example store (one region) has no region picker and
 * looks as before; a store with two regions has a picker in the header that works with the
 * keyboard and keeps the region in the URL only, every view then shows the chosen region, and
 * /regios sets all regions side by side (sortable table, tiles to each region's views, charts
 * that export like all others).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegiosStore } from '../helpers/regios-store';
import type { FixtureStore } from '../helpers/fixture-store';
import { chartTable, expectNoSeriousAxe, useBrowser } from './helpers';
import { startApp, type RunningApp } from './server';

const { withPage, url } = useBrowser();

let store: FixtureStore;
let app: RunningApp;

beforeAll(async () => {
	store = await buildRegiosStore();
	app = await startApp(store.paths);
}, 120_000);

afterAll(async () => {
	await app?.stop();
	store?.cleanup();
});

const at = (path: string) => `${app.baseURL}${path}`;
const header = (page: Page) => page.locator('header.site-header');
/** Gemeenten in the capaciteit ranking, top to bottom. */
const ranglijst = (page: Page) => page.locator('#capaciteit-ranglijst tbody th[scope="row"]').allInnerTexts();

describe('one region in the store (the example data)', () => {
	it('has no region picker and no Regio’s in the navigation; links carry no regio', async () => {
		await withPage(async (page) => {
			await page.goto(url('/capaciteit'));
			await expect(page.locator('#regio-keuze').count()).resolves.toBe(0);
			await expect(header(page).getByRole('link', { name: 'Regio’s' }).count()).resolves.toBe(0);
			const hrefs = await page.locator('nav.site-nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
			expect(hrefs.every((h) => h && !h.includes('regio='))).toBe(true);
			await expect(header(page).innerText()).resolves.toContain('centrumregio Dordrecht');
			// No other regions: no comparison with them, and the page title as before.
			await expect(page.locator('figure[data-chart-id="capaciteit-per-type-regios"]').count()).resolves.toBe(0);
			await expect(page.title()).resolves.toMatch(/^Capaciteit · peiljaar/);
		});
	});

	it('accepts regio for its own region and answers another with a Dutch 400', async () => {
		await withPage(async (page) => {
			expect((await page.goto(url('/capaciteit?regio=CR0505')))?.status()).toBe(200);
			const response = await page.goto(url('/hkg?regio=CR0344'));
			expect(response?.status()).toBe(400);
			await expect(page.locator('main').innerText()).resolves.toContain("parameter 'regio'");
		});
	});
});

describe('two regions in the store', () => {
	it('picks a region with the keyboard only, keeping the other filters; nothing changes before Kies', async () => {
		await withPage(async (page) => {
			await page.goto(at('/capaciteit?peiljaar=2023'));
			await expect(header(page).innerText()).resolves.toContain('centrumregio Dordrecht');
			expect(await ranglijst(page)).toEqual(expect.arrayContaining(['Dordrecht', 'Gorinchem', 'Molenlanden']));
			// From the skip link on, Tab reaches the picker's select (it is in the header, before the navigation).
			await page.keyboard.press('Tab');
			let guard = 0;
			while (!(await page.evaluate(() => document.activeElement?.id === 'regio-keuze')) && guard++ < 20) await page.keyboard.press('Tab');
			await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('regio-keuze');
			await expect(page.getByLabel('Regio', { exact: true }).evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.text))).resolves.toEqual(['Dordrecht', 'Utrecht']);
			await page.keyboard.press('ArrowDown');
			await expect(page.locator('#regio-keuze').inputValue()).resolves.toBe('CR0344');
			// An arrow key changes the choice, not the page (WCAG 3.2.2).
			expect(page.url()).toBe(at('/capaciteit?peiljaar=2023'));
			await page.keyboard.press('Tab');
			await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('Kies');
			await Promise.all([page.waitForURL(/regio=CR0344/), page.keyboard.press('Enter')]);
			const params = new URL(page.url()).searchParams;
			expect(params.get('regio')).toBe('CR0344');
			expect(params.get('peiljaar')).toBe('2023');
			await expect(header(page).innerText()).resolves.toContain('centrumregio Utrecht');
			expect((await ranglijst(page)).sort()).toEqual(['Nieuwegein', 'Utrecht']);
			await expect(page.locator('#regio-keuze').inputValue()).resolves.toBe('CR0344');
			// The region is remembered in the URL only: every link of the navigation carries it.
			const hrefs = await page.locator('nav.site-nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
			expect(hrefs.filter((h) => h !== '/regios?regio=CR0344').every((h) => h.endsWith('regio=CR0344'))).toBe(true);
			await page.locator('nav.site-nav').getByRole('link', { name: 'Planning' }).click();
			await page.waitForURL(/\/planning\?regio=CR0344/);
			await expect(page.locator('#projecten tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-project-id')))).resolves.toEqual(['CR-UTR-01']);
			// A new visit without the parameter is the default region again: nothing is stored.
			await page.goto(at('/planning'));
			await expect(header(page).innerText()).resolves.toContain('centrumregio Dordrecht');
		});
	});

	it('works without JavaScript, and a view’s own filter form keeps the region', async () => {
		await withPage(
			async (page) => {
				await page.goto(at('/wlz'));
				await page.locator('#regio-keuze').selectOption('CR0344');
				await Promise.all([page.waitForURL(/regio=CR0344/), page.getByRole('button', { name: 'Kies' }).click()]);
				await expect(page.locator('figure[data-chart-id="wlz-instroom-per-gemeente"] svg[role="img"]').getAttribute('aria-label')).resolves.toContain('regio Utrecht');
				await page.locator('#wlz-maat').selectOption('absolute');
				await Promise.all([page.waitForURL(/maat=absolute/), page.locator('form.filters').getByRole('button', { name: 'Toon' }).click()]);
				expect(new URL(page.url()).searchParams.get('regio')).toBe('CR0344');
			},
			{ javaScript: false }
		);
	});

	it('links inside the pages stay in the region: the overview’s text, Filters wissen, a gemeente page, the way back from a wrong filter', async () => {
		await withPage(async (page) => {
			const hrefs = async (path: string, selector: string) => {
				await page.goto(at(path));
				return page.locator(selector).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
			};
			await expect(hrefs('/?regio=CR0344', 'main p a[href^="/capaciteit"], main p a[href^="/gemeente"]')).resolves.toEqual(['/capaciteit?regio=CR0344', '/gemeente?regio=CR0344']);
			await expect(hrefs('/capaciteit?regio=CR0344&peiljaar=2023', 'form.filters a:text("Filters wissen")')).resolves.toEqual(['/capaciteit?regio=CR0344']);
			await expect(hrefs('/planning?regio=CR0344&status=realisatie', 'form.filters a:text("Wis filters")')).resolves.toEqual(['/planning?regio=CR0344']);
			await expect(hrefs('/dagbesteding?regio=CR0344', 'form.filters a:text("Wis filters")')).resolves.toEqual(['/dagbesteding?regio=CR0344']);
			const notebooks = await hrefs('/notebooks?regio=CR0344', 'ul.notebook-lijst h2 a');
			expect(notebooks.length).toBeGreaterThan(0);
			expect(notebooks.every((h) => h?.endsWith('?regio=CR0344'))).toBe(true);
			await expect(hrefs(notebooks[0]!, 'p.kruimel a')).resolves.toEqual(['/notebooks?regio=CR0344']);
			// A gemeente's page is in that gemeente's region, without regio in its own address.
			await expect(hrefs('/gemeente/GM0356', 'main a[href^="/gemeente?"], main a[href="/gemeente"], main a[href^="/planning"]')).resolves.toEqual(['/gemeente?regio=CR0344', '/planning?regio=CR0344']);
			await page.getByRole('link', { name: '← Alle gemeenten' }).click();
			await page.waitForURL(at('/gemeente?regio=CR0344'));
			await expect(page.locator('main').innerText()).resolves.toContain('Nieuwegein');
			await expect(page.locator('main').innerText()).resolves.not.toContain('Gorinchem');
			// The default region's links stay as they were.
			await expect(hrefs('/gemeente/GM0505', 'main a[href^="/planning"]')).resolves.toEqual(['/planning']);
			// A wrong filter: the way back keeps the region; a wrong region: the way back is the default one.
			expect((await page.goto(at('/capaciteit?regio=CR0344&peiljaar=1800')))?.status()).toBe(400);
			await expect(page.locator('a[data-standaard]').first().getAttribute('href')).resolves.toBe('/capaciteit?regio=CR0344');
			expect((await page.goto(at('/capaciteit?regio=CR9999')))?.status()).toBe(400);
			await expect(page.locator('a[data-standaard]').first().getAttribute('href')).resolves.toBe('/capaciteit');
		});
	});

	it('capaciteit and HKG set the region against the other regions; titles, subtitles and notebooks name the region', async () => {
		await withPage(async (page) => {
			await page.goto(at('/capaciteit?regio=CR0344'));
			await expect(page.title()).resolves.toMatch(/^Capaciteit · regio Utrecht · peiljaar 2024/);
			const spreiding = page.locator('figure[data-chart-id="capaciteit-per-type-regios"]');
			await expect(spreiding.locator('svg[role="img"]').getAttribute('aria-label')).resolves.toContain('Utrecht tegen andere regio’s');
			await expect(page.locator('figure[data-chart-id="capaciteit-per-gemeente"]').innerText()).resolves.toContain('Centrumregio Utrecht.');
			await page.goto(at('/hkg?regio=CR0344'));
			await expect(page.locator('figure[data-chart-id="hkg-bod-opgave-regios"] svg[role="img"]').count()).resolves.toBe(1);
			expect((await chartTable(page, 'hkg-bod-opgave-regios')).map((r) => r[0])).toEqual(['Dordrecht', 'Utrecht (deze regio)']);
			const response = await page.goto(at('/notebooks/crisis-domus-per-10k?regio=CR0344&peiljaar=2024'));
			expect(response?.status()).toBe(200);
			const tekst = await page.locator('main').innerText();
			expect(tekst).toContain('Nieuwegein');
			expect(tekst).not.toContain('Gorinchem');
			await expect(page.locator('form.filters input[type="hidden"][name="regio"]').getAttribute('value')).resolves.toBe('CR0344');
		});
	});

	it('/regios: every region side by side, sortable, with tiles to each region’s views and exportable charts', async () => {
		await withPage(async (page) => {
			const response = await page.goto(at('/regios?regio=CR0344'));
			expect(response?.status()).toBe(200);
			await expect(page.locator('h1').innerText()).resolves.toBe('Regio’s vergeleken');
			const namen = () => page.locator('#regios-tabel tbody th[scope="row"] a').allInnerTexts();
			expect(await namen()).toEqual(['Dordrecht', 'Utrecht']);
			// Wlz 2023: Utrecht 64 / 400.000 = 1,60 per 10.000, Dordrecht 24 / 200.000 = 1,20: the largest first.
			await Promise.all([page.waitForURL(/sorteer=wlz/), page.locator('#regios-tabel thead').getByRole('link', { name: /Wlz-instroom/ }).click()]);
			expect(new URL(page.url()).searchParams.get('richting')).toBe('af');
			expect(new URL(page.url()).searchParams.get('regio')).toBe('CR0344');
			expect(await namen()).toEqual(['Utrecht', 'Dordrecht']);
			await expect(page.locator('#regios-tabel th[aria-sort="descending"]').innerText()).resolves.toContain('Wlz-instroom');
			const utrecht = await page.locator('#regios-tabel tbody tr', { hasText: 'Utrecht' }).innerText();
			expect(utrecht).toContain('1,6');
			// Tiles: each region's views, with its regio (none for the default region).
			await expect(page.locator('.regio-tegel', { hasText: 'Utrecht' }).getByRole('link', { name: 'Capaciteit' }).getAttribute('href')).resolves.toBe('/capaciteit?regio=CR0344');
			await expect(page.locator('.regio-tegel', { hasText: 'Dordrecht' }).getByRole('link', { name: 'Capaciteit' }).getAttribute('href')).resolves.toBe('/capaciteit');
			for (const id of ['regios-tekort-per-10k', 'regios-hkg-bod-opgave', 'regios-wlz-per-10k', 'regios-dagbesteding'])
				await expect(page.locator(`figure[data-chart-id="${id}"] svg[role="img"]`).count(), id).resolves.toBe(1);
			await expectNoSeriousAxe(page, '/regios');
			await page.locator('.regio-tegel', { hasText: 'Utrecht' }).getByRole('link', { name: 'Overzicht' }).click();
			await page.waitForURL(/\/\?regio=CR0344$/);
			await expect(header(page).innerText()).resolves.toContain('centrumregio Utrecht');
		});
		// The charts are in the catalogue and export as all others, with the region in the URL.
		const catalogus = (await (await fetch(at('/charts'))).json()) as { charts: { id: string; parameters: { name: string; values?: string[] }[] }[] };
		const wlz = catalogus.charts.find((c) => c.id === 'regios-wlz-per-10k');
		expect(wlz?.parameters.find((p) => p.name === 'regio')?.values).toEqual(['CR0505', 'CR0344']);
		const csv = await fetch(at('/charts/regios-wlz-per-10k.csv?regio=CR0344'));
		expect(csv.status).toBe(200);
		expect(await csv.text()).toContain('Utrecht');
		const svg = await fetch(at('/charts/capaciteit-per-gemeente.svg?regio=CR0344'));
		expect(svg.status).toBe(200);
		const tekst = await svg.text();
		expect(tekst).toContain('Nieuwegein');
		expect(tekst).not.toContain('Gorinchem');
		const fout = await fetch(at('/charts/capaciteit-per-gemeente.svg?regio=CR9999'));
		expect(fout.status).toBe(400);
		expect(await fout.text()).toContain('CR0505, CR0344');
	});
});
