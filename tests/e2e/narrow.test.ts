/**
 * Issue 15, point 3 (WCAG 1.4.4 resize text, 1.4.10 reflow) in a real browser: on a 320 px
 * phone no view scrolls sideways and no chart text is shown below 12 px, with JavaScript (the
 * frame swaps in the chart drawn for its box) and without (the chart keeps a minimum width and
 * scrolls inside its box); axe stays clean at 320 px and at 200 % zoom (1280 px at 200 % is a
 * 640 px layout).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, expectNoHorizontalScroll, url, useBrowser } from './helpers';

const { withPage } = useBrowser();

const ROUTES = ['/', '/capaciteit', '/planning', '/dagbesteding', '/hkg', '/wlz', '/gemeente/GM0505', '/notebooks', '/notebooks/hkg-fair-share', '/bronnen', '/data'];

const PHONE = { width: 320, height: 640 };
/** 1280 × 900 at 200 % zoom: the layout of a 640 px wide window, drawn with twice the pixels. */
const ZOOM_200 = { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 };

const MIN_TEXT_PX = 12;

interface SmallestText {
	px: number;
	text: string;
	chart: string;
}

/**
 * Waits until every chart fits its box or has been drawn for it (data-breedte), i.e. the narrow
 * drawings have been swapped in; gives up after a while (the checks then say what is wrong).
 */
async function chartsSettled(page: Page): Promise<void> {
	await page
		.waitForFunction(
			() =>
				[...document.querySelectorAll('.chart__svg')].every((box) => {
					const svg = box.querySelector(':scope > svg');
					return !svg || box.hasAttribute('data-breedte') || svg.getBoundingClientRect().width <= box.clientWidth + 1;
				}),
			null,
			{ timeout: 15_000 }
		)
		.catch(() => {});
}

/**
 * The smallest text of any SVG on the page as shown: its computed font size times the scale
 * of every SVG around it (shown width / viewBox width). Null when the page has no SVG text.
 */
function smallestSvgText(page: Page): Promise<SmallestText | null> {
	return page.evaluate(() => {
		let smallest: { px: number; text: string; chart: string } | null = null;
		for (const text of document.querySelectorAll('svg text')) {
			const content = (text.textContent ?? '').trim();
			if (!content || getComputedStyle(text).display === 'none') continue;
			let scale = 1;
			for (let svg = (text as SVGTextElement).ownerSVGElement; svg; svg = svg.parentElement?.closest('svg') ?? null) {
				const viewBox = svg.viewBox.baseVal;
				if (viewBox && viewBox.width > 0) scale *= svg.getBoundingClientRect().width / viewBox.width;
			}
			const px = parseFloat(getComputedStyle(text).fontSize) * scale;
			if (!smallest || px < smallest.px) {
				smallest = { px, text: content.slice(0, 40), chart: text.closest('[data-chart-id]')?.getAttribute('data-chart-id') ?? text.closest('[data-tegel]')?.getAttribute('data-tegel') ?? '?' };
			}
		}
		return smallest;
	});
}

async function expectReadableCharts(page: Page, path: string): Promise<void> {
	const smallest = await smallestSvgText(page);
	if (smallest) expect(smallest.px, `${path}: '${smallest.text}' in ${smallest.chart}`).toBeGreaterThanOrEqual(MIN_TEXT_PX - 0.01);
}

// The routes of each check run side by side (vitest's maxConcurrency), each in a context of its
// own: one page load leaves the processor idle much of the time, and these tests only read the server.
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
