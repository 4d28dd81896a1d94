/**
 * The front page against the built app on the example store: the tiles show the store's key
 * figures in nl-NL and lead to their views; the sparklines are in the HTML without JavaScript;
 * axe finds nothing serious; printing hides the navigation and prints the tables.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { formatDate, formatInteger, formatPer10k, formatPercent } from '../../src/lib/domain/format';
import { closeStore, useStore } from '../../src/lib/server/db/store';
import { overzicht, type Overzicht } from '../../src/lib/server/db/queries';
import { expectNoSeriousAxe, useBrowser } from './helpers';

/** The key figures straight from the store the app serves, so the test asserts the real data. */
let cijfers: Overzicht;
beforeAll(async () => {
	await useStore(inject('paths').store, { checkIntervalMs: 0 });
	cijfers = await overzicht();
	await closeStore();
});

const { withPage, onPage, url } = useBrowser();

const tegel = (page: Page, id: string) => page.locator(`article[data-tegel="${id}"]`);

describe('overzicht tiles', () => {
	it('show the key figures of the store, formatted nl-NL', async () => {
		await withPage(async (page) => {
			await page.goto(url('/'));
			const hkg = cijfers.hkg!;
			// data/exports/README.md, "Wat de voorbeelddata laat zien": the definitive bid was presented on 4 December 2023.
			expect(hkg.ronde).toBe('definitief');
			const hkgText = await tegel(page, 'hkg').innerText();
			expect(hkgText).toContain(`${formatInteger(hkg.bod)} van ${formatInteger(hkg.opgave)}`);
			expect(hkgText).toContain(`${formatPercent(hkg.aandeel)} van de opgave`);
			expect(hkgText).toContain(`Definitief bod van ${formatDate(hkg.ronde_datum)}`);
			expect(hkgText).toContain('4 december 2023');

			const top = cijfers.tekorten[0];
			const tekortText = await tegel(page, 'tekort').innerText();
			expect(tekortText).toContain(formatInteger(top.tekort));
			expect(tekortText).toContain(`Peiljaar ${cijfers.peiljaar}: behoefte ${formatInteger(top.behoefte)}, bestaand ${formatInteger(top.bestaand)}.`);

			const wlz = cijfers.wlz!;
			const wlzText = await tegel(page, 'wlz').innerText();
			// Two decimals, as on /wlz.
			expect(wlzText).toContain(formatPer10k(wlz.instroom_per_10k, { digits: 2 }));
			expect(wlzText).toContain(`Mediaan van de andere regio’s: ${formatPer10k(wlz.mediaan_andere_regios, { digits: 2 })}`);
			// data/exports/README.md, "Wat de voorbeelddata laat zien": Wlz-instroom in this region is modest compared with other regions.
			expect(wlz.instroom_per_10k).toBeLessThan(wlz.mediaan_andere_regios!);
			expect(wlzText).toContain('deze regio zit eronder');

			const dag = cijfers.dagbesteding!;
			const dagText = await tegel(page, 'dagbesteding').innerText();
			expect(dagText).toContain(formatPercent(dag.aandeel));
			// data/exports/README.md, "Wat de voorbeelddata laat zien": the share fell from 60%.
			expect(dagText).toContain('Was 60%');

			for (const id of ['tekort', 'hkg', 'wlz', 'dagbesteding']) {
				const footer = await tegel(page, id).locator('footer').innerText();
				expect(footer, id).toMatch(/^Bron: .+\. Peildatum \d{1,2} \w+ \d{4}\./);
				expect(footer, id).toContain('Illustratief');
			}
		});
	});

	it('lead to their views with real links', async () => {
		await withPage(async (page) => {
			await page.goto(url('/'));
			const hrefs = await page.locator('article[data-tegel] h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
			expect(hrefs).toEqual(['/capaciteit', '/hkg', '/wlz', '/dagbesteding']);
			// The whole tile is clickable: a click on the figure follows the heading's link.
			// (A mouse click at the figure's position: the link's overlay, not the figure, receives it.)
			const box = (await tegel(page, 'hkg').locator('.tegel__getal').boundingBox())!;
			await Promise.all([page.waitForURL(url('/hkg')), page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)]);
			await expect(page.locator('nav a[aria-current="page"]').innerText()).resolves.toBe('HKG-biedingen');
			await page.goto(url('/'));
			await page.locator('article[data-tegel="wlz"] h2 a').focus();
			await Promise.all([page.waitForURL(url('/wlz')), page.keyboard.press('Enter')]);
		});
	});

	it('have their sparklines and text alternatives in the HTML, without JavaScript', async () => {
		await withPage(
			async (page) => {
				await page.goto(url('/'));
				for (const id of ['tekort', 'hkg', 'wlz', 'dagbesteding']) {
					const svg = tegel(page, id).locator('svg[role="img"]');
					await expect(svg.count(), id).resolves.toBe(1);
					const describedBy = await svg.getAttribute('aria-describedby');
					const description = await page.locator(`[id="${describedBy}"]`).textContent();
					expect(description?.length, id).toBeGreaterThan(20);
				}
				// The HKG sparkline has a bar per round.
				await expect(tegel(page, 'hkg').locator('svg rect').count()).resolves.toBe(cijfers.hkg!.trend.length);
				await expect(page.locator('figure[data-chart-id="tekort-per-type"] svg[role="img"]').count()).resolves.toBe(1);
			},
			{ javaScript: false }
		);
	});
});

describe('overzicht accessibility and print', () => {
	it('has no serious or critical axe violations', () => onPage('/', expectNoSeriousAxe));

	it('prints without navigation, with the table open, on A4 landscape', async () => {
		await withPage(async (page) => {
			await page.goto(url('/'));
			const table = page.locator('figure[data-chart-id="tekort-per-type"] .chart-table table');
			await expect(table.isVisible()).resolves.toBe(false);
			await page.emulateMedia({ media: 'print' });
			await expect(page.locator('nav[aria-label="Hoofdnavigatie"]').isVisible()).resolves.toBe(false);
			await expect(page.locator('.skip-link').isVisible()).resolves.toBe(false);
			await expect(table.isVisible()).resolves.toBe(true);
			await expect(page.getByText('Toon de cijfers als tabel').isVisible()).resolves.toBe(false);
			const style = await page.evaluate(() => {
				const figure = document.querySelector('figure.chart')!;
				const row = document.querySelector('table.data tbody tr')!;
				return { figure: getComputedStyle(figure).breakInside, row: getComputedStyle(row).breakInside, h1: getComputedStyle(document.querySelector('h1')!).color };
			});
			expect(style).toEqual({ figure: 'avoid', row: 'avoid', h1: 'rgb(0, 0, 0)' });
			// A4 landscape: the PDF's first page is 297 × 210 mm (842 × 595 pt).
			const pdf = await page.pdf({ preferCSSPageSize: true });
			const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
			expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([842, 595]);
		});
	});
});
