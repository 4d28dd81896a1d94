/**
 * /gemeente/[code] against the built app on the example store: one gemeente against the region,
 * reached from the list; server-rendered charts; accessible; printable.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { formatInteger, formatPercent } from '../../src/lib/domain/format';
import { closeStore, useStore } from '../../src/lib/server/db/store';
import { gemeenteProfiel, type GemeenteProfiel } from '../../src/lib/server/db/queries';
import { expectNoHorizontalScroll, expectNoSeriousAxe, TABLET, useBrowser } from './helpers';

let gorinchem: GemeenteProfiel;
beforeAll(async () => {
	await useStore(inject('paths').store, { checkIntervalMs: 0 });
	gorinchem = (await gemeenteProfiel('GM0512'))!;
	await closeStore();
});

const { withPage, onPage, url } = useBrowser();

describe('gemeente page', () => {
	it('shows Gorinchem’s Skaeve huse project and its bids against its fair share', async () => {
		await withPage(async (page) => {
			const response = await page.goto(url('/gemeente/GM0512'));
			expect(response?.status()).toBe(200);
			await expect(page.locator('h1').innerText()).resolves.toBe('Gorinchem');

			// data/exports/README.md, "Wat de voorbeelddata laat zien": Gorinchem is preparing a Skaeve huse location.
			const project = gorinchem.projecten.find((p) => p.type === 'skaeve_huse')!;
			expect(project).toBeDefined();
			const row = page.locator('table#projecten tbody tr', { hasText: project.naam });
			const cells = await row.locator('th, td').allInnerTexts();
			expect(cells.slice(0, 4)).toEqual([project.naam, 'Skaeve huse', formatInteger(project.eenheden), 'Besluitvorming']);

			const hkg = page.locator('figure[data-chart-id="gemeente-hkg"]');
			await expect(hkg.locator('h3').innerText()).resolves.toContain('HKG-bod van Gorinchem per ronde');
			const labels = await hkg.locator('svg text').allTextContents();
			for (const t of gorinchem.hkgTotalen) {
				expect(labels).toContain(`${formatInteger(t.bod)} (${formatPercent(t.aandeel)})`);
			}
			await hkg.getByText('Toon de cijfers als tabel').click();
			const totalen = await hkg.locator('tbody tr', { hasText: 'Alle categorieën' }).locator('td').allInnerTexts();
			expect(totalen.filter((_, i) => i % 4 === 1)).toEqual(gorinchem.hkgTotalen.map((t) => formatInteger(t.bod)));

			// Capaciteit against the region, per 10.000 inwoners.
			const capaciteit = page.locator('figure[data-chart-id="gemeente-capaciteit"]');
			await expect(capaciteit.locator('figcaption').innerText()).resolves.toContain('Gorinchem tegenover de regio');
			await expect(capaciteit.locator('.chart__svg svg rect').count()).resolves.toBe(gorinchem.capaciteitPer10k.length * 2);
			await expect(page.locator('figure[data-chart-id="gemeente-wlz"] svg[role="img"]').count()).resolves.toBe(1);
		});
	});

	it('says so when the dagbesteding export has no figures for the gemeente', async () => {
		expect(gorinchem.dagbesteding).toEqual([]);
		await withPage(async (page) => {
			await page.goto(url('/gemeente/GM0512'));
			await expect(page.locator('figure[data-chart-id="gemeente-dagbesteding"]').count()).resolves.toBe(0);
			await expect(page.locator('#dagbesteding-geen-gemeentecijfers').innerText()).resolves.toContain('geen cijfers per gemeente voor Gorinchem');
		});
	});

	it('is reached by clicking a gemeente in the list', async () => {
		await withPage(async (page) => {
			await page.goto(url('/gemeente'));
			await Promise.all([page.waitForURL(url('/gemeente/GM0512')), page.locator('main a[href="/gemeente/GM0512"]').click()]);
			await expect(page.locator('h1').innerText()).resolves.toBe('Gorinchem');
			await Promise.all([page.waitForURL(url('/gemeente')), page.getByRole('link', { name: '← Alle gemeenten' }).click()]);
		});
	});

	it('redirects a lowercase code and answers an unknown one with a Dutch 404', async () => {
		const redirect = await fetch(url('/gemeente/gm0512'), { redirect: 'manual' });
		expect(redirect.status).toBe(308);
		expect(redirect.headers.get('location')).toBe('/gemeente/GM0512');
		const missing = await fetch(url('/gemeente/GM9999'));
		expect(missing.status).toBe(404);
		expect(await missing.text()).toContain('Er is geen gemeente met code GM9999');
	});

	it('fits 768 px without horizontal scrolling of the page', () => onPage('/gemeente/GM0512', expectNoHorizontalScroll, { viewport: TABLET }));

	it('has its chart SVGs in the HTML without JavaScript', async () => {
		await withPage(
			async (page) => {
				await page.goto(url('/gemeente/GM0505'));
				await expect(page.locator('h1').innerText()).resolves.toBe('Dordrecht');
				for (const id of ['gemeente-capaciteit', 'gemeente-wlz', 'gemeente-hkg']) {
					await expect(page.locator(`figure[data-chart-id="${id}"] svg[role="img"]`).count(), id).resolves.toBe(1);
				}
			},
			{ javaScript: false }
		);
	});
});

describe('gemeente accessibility and print', () => {
	it('has no serious or critical axe violations on /gemeente/GM0505', () => onPage('/gemeente/GM0505', expectNoSeriousAxe));

	it('prints without navigation and with every chart table open', async () => {
		await withPage(async (page) => {
			await page.goto(url('/gemeente/GM0512'));
			await page.emulateMedia({ media: 'print' });
			await expect(page.locator('nav[aria-label="Hoofdnavigatie"]').isVisible()).resolves.toBe(false);
			const tables = page.locator('figure .chart-table table');
			const count = await tables.count();
			expect(count).toBe(3);
			for (let i = 0; i < count; i++) await expect(tables.nth(i).isVisible()).resolves.toBe(true);
			await expect(page.locator('table#projecten').isVisible()).resolves.toBe(true);
		});
	});
});
