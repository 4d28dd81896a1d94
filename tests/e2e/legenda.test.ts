/**
 * Issue 15, points 4 and 5 in a real browser, in light and in dark mode: the legend swatches
 * are painted with the shape and the colours of their marks (after the dark theme's remapping),
 * the meaningful pale areas are outlined with 3:1 against the page, and the crisis notebook's
 * lines carry their names.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { url, useBrowser } from './helpers';

const { withPage } = useBrowser();

/** Per legend entry of a chart: its label, the swatch's element and its painted fill and stroke. */
function swatches(page: Page, chartId: string) {
	return page.locator(`figure[data-chart-id="${chartId}"] .legend li`).evaluateAll((items) =>
		items.map((li) => {
			const shape = li.querySelector('svg.legend__swatch :is(rect, line, circle, path)') as SVGElement;
			const style = getComputedStyle(shape);
			return { label: li.textContent?.trim() ?? '', tag: shape.tagName, fill: style.fill, stroke: style.stroke, dash: style.strokeDasharray };
		})
	);
}

/** The painted fill, stroke and dash of the chart's elements of one tag (the page's SVG has no aria-labels on its groups). */
function marks(page: Page, chartId: string, selector: string) {
	return page.locator(`figure[data-chart-id="${chartId}"] .chart__svg svg ${selector}`).evaluateAll((elements) =>
		elements.map((e) => {
			const style = getComputedStyle(e);
			return { fill: style.fill, stroke: style.stroke, dash: style.strokeDasharray };
		})
	);
}

/** WCAG contrast of two computed rgb() colours. */
function contrast(a: string, b: string): number {
	const lum = (c: string) => {
		const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => Number(v) / 255).map((s) => (s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4));
		return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
	};
	const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

describe('legends and contrast in the browser', () => {
	it.each(['light', 'dark'] as const)('/hkg in %s mode: the rounds are circle, square and diamond in the legend as in the chart, the tekort band is outlined with 3:1, no what-if entry without a what-if bid', async (colorScheme) => {
		await withPage(async (page) => {
			await page.emulateMedia({ colorScheme });
			await page.goto(url('/hkg'));
			const legend = await swatches(page, 'hkg-bod-per-gemeente');
			const byLabel = Object.fromEntries(legend.map((s) => [s.label, s]));
			expect(legend.map((s) => s.label)).not.toContain('Wat-als-bod');
			expect(byLabel['Voorlopig bod'].tag).toBe('circle');
			expect(byLabel['Aanvulling'].tag).toBe('rect');
			expect(byLabel['Definitief bod'].tag).toBe('path');
			// Each round's swatch is painted like the round's dots (Plot draws them as paths with the round's fill).
			const dots = await marks(page, 'hkg-bod-per-gemeente', 'path');
			for (const label of ['Voorlopig bod', 'Aanvulling', 'Definitief bod']) {
				expect(dots.map((d) => d.fill), label).toContain(byLabel[label].fill);
			}
			const tekort = byLabel['Tekort t.o.v. redelijk aandeel'];
			const band = (await marks(page, 'hkg-bod-per-gemeente', 'rect')).find((r) => r.fill === tekort.fill);
			expect(band).toMatchObject({ fill: tekort.fill, stroke: tekort.stroke });
			expect(contrast(band!.stroke, await background(page))).toBeGreaterThanOrEqual(3);
		});
	});

	it.each(['light', 'dark'] as const)('/wlz in %s mode: the band of the other regions is outlined with 3:1, and its swatch and the dashed median match the chart', async (colorScheme) => {
		await withPage(async (page) => {
			await page.emulateMedia({ colorScheme });
			await page.goto(url('/wlz'));
			const legend = Object.fromEntries((await swatches(page, 'wlz-instroom-per-jaar')).map((s) => [s.label, s]));
			const band = legend['Andere regio’s: middelste helft (25%–75%)'];
			const area = (await marks(page, 'wlz-instroom-per-jaar', 'path')).find((p) => p.fill === band.fill);
			expect(area).toMatchObject({ fill: band.fill, stroke: band.stroke });
			expect(contrast(area!.stroke, await background(page))).toBeGreaterThanOrEqual(3);
			const lines = await marks(page, 'wlz-instroom-per-jaar', 'path');
			const mediaan = legend['Andere regio’s: mediaan'];
			expect(lines.some((l) => l.stroke === mediaan.stroke && l.dash === mediaan.dash && l.dash !== 'none'), JSON.stringify({ lines, mediaan })).toBe(true);
		});
	});

	it('the crisis notebook names its spread lines at their ends', async () => {
		await withPage(async (page) => {
			await page.goto(url('/notebooks/crisis-domus-per-10k'));
			const figure = page.locator('figure[data-chart-id$="spreiding-door-de-jaren"] .chart__svg svg');
			const texts = await figure.locator('text').allTextContents();
			expect(texts).toEqual(expect.arrayContaining(['Hoogste gemeente', 'Mediaan van de gemeenten', 'Regio als geheel']));
		});
	});
});
