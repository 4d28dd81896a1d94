/**
 * Issue 15, point 3 (WCAG 1.4.4 resize text, 1.4.10 reflow) in a real browser: on a 320 px
 * phone no view scrolls sideways and no chart text is shown below 12 px, with JavaScript (the
 * frame swaps in the chart drawn for its box) and without (the chart keeps a minimum width and
 * scrolls inside its box); axe stays clean at 320 px and at 200 % zoom (1280 px at 200 % is a
 * 640 px layout).
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, expectNoHorizontalScroll, url, useBrowser } from './helpers';
import { chartsSettled, expectReadableCharts } from './chart-text';

const { withPage } = useBrowser();

const ROUTES = ['/', '/capaciteit', '/planning', '/dagbesteding', '/hkg', '/wlz', '/gemeente/GM0505', '/notebooks', '/notebooks/hkg-fair-share', '/bronnen', '/data'];

const PHONE = { width: 320, height: 640 };
/** 1280 × 900 at 200 % zoom: the layout of a 640 px wide window, drawn with twice the pixels. */
const ZOOM_200 = { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 };

describe('a 320 px phone', () => {
	it.concurrent.each(ROUTES)('%s: no sideways scroll, no chart text below 12 px, axe clean (with JavaScript)', async (path) => {
		await withPage(
			async (page) => {
				await page.goto(url(path));
				await chartsSettled(page);
				await expectNoHorizontalScroll(page, path);
				await expectReadableCharts(page, path);
				// Every chart that was wider than its box is now drawn for it. One may still scroll inside
				// its box (a cell grid whose values need more room than a phone has), but only drawn
				// for the box and reachable by keyboard.
				const scrolling = await page.locator('.chart__svg').evaluateAll((boxes) =>
					boxes
						.filter((b) => b.scrollWidth > b.clientWidth + 1 && (!b.hasAttribute('data-breedte') || b.getAttribute('tabindex') !== '0'))
						.map((b) => b.closest('[data-chart-id]')?.getAttribute('data-chart-id'))
				);
				expect(scrolling, path).toEqual([]);
				await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
				await expectNoHorizontalScroll(page, `${path}, menus and tables open`);
				expect(await axeViolations(page), path).toEqual([]);
			},
			{ viewport: PHONE }
		);
	});

	it.concurrent.each(ROUTES)('%s: no sideways scroll, no chart text below 12 px (without JavaScript)', async (path) => {
		await withPage(
			async (page) => {
				await page.goto(url(path));
				await expectNoHorizontalScroll(page, path);
				await expectReadableCharts(page, path);
				// A chart wider than its box scrolls inside it, and the box can be scrolled by keyboard.
				const unreachable = await page.locator('.chart__svg').evaluateAll((boxes) =>
					boxes.filter((b) => b.scrollWidth > b.clientWidth + 1 && b.getAttribute('tabindex') !== '0').length
				);
				expect(unreachable, path).toBe(0);
			},
			{ viewport: PHONE, javaScript: false }
		);
	});

	it('draws a chart for its box and back for a wide window', async () => {
		await withPage(
			async (page) => {
				await page.goto(url('/capaciteit'));
				await chartsSettled(page);
				const box = page.locator('figure[data-chart-id="capaciteit-per-gemeente"] .chart__svg');
				const narrow = await box.evaluate((b) => ({ box: b.clientWidth, svg: Number(b.querySelector('svg')?.getAttribute('width')), breedte: b.getAttribute('data-breedte') }));
				expect(narrow.svg).toBeLessThanOrEqual(narrow.box);
				expect(narrow.breedte).toBe(String(narrow.svg));
				await page.setViewportSize({ width: 1280, height: 900 });
				await page.waitForFunction(() => !document.querySelector('figure[data-chart-id="capaciteit-per-gemeente"] .chart__svg')?.hasAttribute('data-breedte'), null, { timeout: 10_000 });
				expect(await box.evaluate((b) => Number(b.querySelector('svg')?.getAttribute('width')))).toBe(760);
			},
			{ viewport: PHONE }
		);
	});
});

describe('200 % zoom', () => {
	it.concurrent.each(ROUTES)('%s: no sideways scroll, no chart text below 12 px, axe clean', async (path) => {
		await withPage(
			async (page) => {
				await page.goto(url(path));
				await chartsSettled(page);
				await expectNoHorizontalScroll(page, path);
				await expectReadableCharts(page, path);
				await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
				expect(await axeViolations(page), path).toEqual([]);
			},
			ZOOM_200
		);
	});
});
