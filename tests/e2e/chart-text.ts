/**
 * Chart text as a phone shows it (issue 15, WCAG 1.4.4): the smallest SVG text on a page in
 * shown pixels, once the frames have swapped in the drawings made for their boxes. Shared by the
 * narrow-screen tests of every page (narrow.test.ts) and of the maps (kaarten.test.ts).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const MIN_TEXT_PX = 12;

interface SmallestText {
	px: number;
	text: string;
	chart: string;
}

/**
 * Waits until every chart fits its box or has been drawn for it (data-breedte), i.e. the narrow
 * drawings have been swapped in; gives up after a while (the checks then say what is wrong).
 */
export async function chartsSettled(page: Page): Promise<void> {
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
export function smallestSvgText(page: Page): Promise<SmallestText | null> {
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

export async function expectReadableCharts(page: Page, path: string): Promise<void> {
	const smallest = await smallestSvgText(page);
	if (smallest) expect(smallest.px, `${path}: '${smallest.text}' in ${smallest.chart}`).toBeGreaterThanOrEqual(MIN_TEXT_PX - 0.01);
}

// The routes of each check run side by side (vitest's maxConcurrency), each in a context of its
// own: one page load leaves the processor idle much of the time, and these tests only read the server.
