/**
 * /wlz against the built app on the shipped example data: the region's Wlz-instroom per year
 * against the other regions, per gemeente, and the reduction scenario. In the example data the
 * region is already in the lowest quarter (data/exports/README.md, "Wat de voorbeelddata laat zien"), which the page must derive.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chartTable, expectDutch400, expectNoHorizontalScroll, expectNoSeriousAxe, TABLET, useBrowser } from './helpers';

const { withPage, onPage, url } = useBrowser();

const scenarioZin = (page: Page) => page.locator('#wlz-scenario-zin').innerText();

describe('/wlz', () => {
	it('shows the region per 10.000 inwoners against the other regions, and the 20% scenario', async () => {
		await withPage(async (page) => {
			const response = await page.goto(url('/wlz'));
			expect(response?.status()).toBe(200);
			await expect(page.locator('h1').innerText()).resolves.toBe('Wlz-instroom');
			const perJaar = await chartTable(page, 'wlz-instroom-per-jaar');
			// 2023: 30 clients on 378.932 inwoners = 0,79; the other regions' median 1,37.
			expect(perJaar.find((r) => r[0] === '2023')).toEqual(['2023', '0,79', '1,04', '1,37', '1,57']);
			// Latest year 2026: 27 clients; 20% fewer is 22.
			await expect(scenarioZin(page)).resolves.toBe('20% minder = 5 cliënten per jaar minder, van 27 naar 22 (basis 2026)');
			const beschrijving = await page.locator('#wlz-reductie-scenario-beschrijving').innerText();
			expect(beschrijving).toContain('lager dan alle 20 andere regio’s');
			expect(beschrijving).toContain('laagste kwart van de regio’s; een reductie van 20% is hier daarom weinig realistisch');
			await expect(page.locator('.scenario__oordeel').innerText()).resolves.toContain('weinig realistisch');
			await expect(page.locator('figure[data-chart-id="wlz-instroom-per-jaar"] footer').innerText()).resolves.toContain('Illustratief');
		});
	});

	it('changes the chart data when a filter changes', async () => {
		await withPage(async (page) => {
			await page.goto(url('/wlz'));
			// A change shows on Toon (WCAG 3.2.2; tests/e2e/filters.test.ts checks that nothing moves before).
			const toon = page.getByRole('button', { name: 'Toon', exact: true });
			await page.selectOption('#wlz-maat', 'absolute');
			await Promise.all([page.waitForURL(/maat=absolute/), toon.click()]);
			const perJaar = await chartTable(page, 'wlz-instroom-per-jaar');
			expect(perJaar.find((r) => r[0] === '2023')?.[1]).toBe('30');
			await page.selectOption('#wlz-jaar', '2023');
			await Promise.all([page.waitForURL(/jaar=2023/), toon.click()]);
			const perGemeente = await chartTable(page, 'wlz-instroom-per-gemeente');
			expect(perGemeente.find((r) => r[0] === 'Dordrecht')).toEqual(['Dordrecht', '10', '121.344', '0,82']);
			await expect(scenarioZin(page)).resolves.toBe('20% minder = 6 cliënten per jaar minder, van 30 naar 24 (basis 2023)');
			// The scenario keeps the chosen maat and year.
			await page.fill('#wlz-reductie', '10');
			await Promise.all([page.waitForURL(/reductie=10/), page.keyboard.press('Enter')]);
			expect(page.url()).toMatch(/maat=absolute/);
			await expect(scenarioZin(page)).resolves.toBe('10% minder = 3 cliënten per jaar minder, van 30 naar 27 (basis 2023)');
		});
	});

	it('takes the reduction from the URL', async () => {
		await withPage(async (page) => {
			await page.goto(url('/wlz?reductie=50'));
			await expect(scenarioZin(page)).resolves.toBe('50% minder = 13 cliënten per jaar minder, van 27 naar 14 (basis 2026)');
			await expect(page.locator('#wlz-reductie').inputValue()).resolves.toBe('50');
			expect((await chartTable(page, 'wlz-reductie-scenario')).at(-1)).toEqual(['Dordrecht na 50% minder', '14', '', '0,36']);
		});
	});

	it('opens a gemeente from the chart', async () => {
		await withPage(async (page) => {
			await page.goto(url('/wlz'));
			const label = page.locator('figure[data-chart-id="wlz-instroom-per-gemeente"] svg [data-href="/gemeente/GM0512"] text', { hasText: 'Gorinchem' });
			await Promise.all([page.waitForURL(url('/gemeente/GM0512')), label.click()]);
			await expect(page.locator('h1').innerText()).resolves.toContain('Gorinchem');
		});
	});

	it('works without JavaScript: SVGs in the HTML and the scenario form submits', async () => {
		await withPage(
			async (page) => {
				await page.goto(url('/wlz'));
				for (const id of ['wlz-instroom-per-jaar', 'wlz-instroom-per-gemeente', 'wlz-reductie-scenario']) {
					await expect(page.locator(`figure[data-chart-id="${id}"] svg[role="img"]`).count(), id).resolves.toBe(1);
				}
				// A bar per gemeente, or for a hidden count (under 5) a hatched marker: nine in all.
				const chart = page.locator('figure[data-chart-id="wlz-instroom-per-gemeente"] svg[role="img"]');
				const bars = await chart.locator('rect:not(pattern rect)').count();
				const hidden = await chart.locator('g[fill="url(#afgeschermd-arcering)"] > *').count();
				expect(hidden).toBeGreaterThan(0);
				expect(bars + hidden).toBe(9);
				await page.fill('#wlz-reductie', '30');
				await Promise.all([page.waitForURL(/reductie=30/), page.getByRole('button', { name: 'Doorrekenen' }).click()]);
				await expect(scenarioZin(page)).resolves.toBe('30% minder = 8 cliënten per jaar minder, van 27 naar 19 (basis 2026)');
			},
			{ javaScript: false }
		);
	});

	it('redirects a link with the old parameter name measure to maat, keeping the other filters', async () => {
		await withPage(async (page) => {
			const response = await page.goto(url('/wlz?measure=absolute&jaar=2023'));
			expect(response?.status()).toBe(200);
			expect(new URL(page.url()).search).toBe('?jaar=2023&maat=absolute');
			const perJaar = await chartTable(page, 'wlz-instroom-per-jaar');
			expect(perJaar.find((r) => r[0] === '2023')?.[1]).toBe('30');
			expect(await page.inputValue('#wlz-maat')).toBe('absolute');
		});
	});

	it.each([
		['reductie=-5', 'reductie', 'van 0 t/m 50'],
		['reductie=60', 'reductie', 'van 0 t/m 50'],
		['maat=procent', 'maat', 'absolute, per_10k'],
		['jaar=1999', 'jaar', '2019']
	])('answers %s with a Dutch 400 naming the parameter', (query, parameter, allowed) =>
		withPage((page) => expectDutch400(page, `/wlz?${query}`, parameter, allowed))
	);

	describe('accessibility', () => {
		for (const path of ['/wlz', '/wlz?maat=absolute&jaar=2021&reductie=35']) {
			it(`has no serious or critical axe violations on ${path}`, () => onPage(path, expectNoSeriousAxe));
		}

		it('fits 768 px without horizontal scrolling of the page', () => onPage('/wlz', expectNoHorizontalScroll, { viewport: TABLET }));
	});
});
