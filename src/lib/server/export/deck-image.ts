/**
 * The chart image of a deck slide, rendered for the slide rather than for the web page. The
 * slide carries title, subtitle and source line as editable text boxes (deck.ts), so the image
 * holds the legend and the chart only, and it is exactly the slide's chart area (the room between
 * the text boxes, slide-layout.ts) so it fills it without white margins.
 *
 * The image's SVG works in points of the slide: 1 unit is 1 pt once the image is placed. The
 * chart is laid out by its builder at the width and height that make its smallest text
 * (tick labels, bar labels, annotations, all from the builder's own font sizes) come out at
 * TARGET_PT when the figure is scaled up to fill the area; the legend is drawn at TARGET_PT
 * directly, with the shipped font's measured widths. A narrower layout also means fewer ticks:
 * Plot picks their number from the width and height it lays out.
 */
import { renderAsync } from '@resvg/resvg-js';
import type { LegendItem } from '$lib/charts/types';
import type { LoadedChart } from '../charts/types';
import { textWidth } from './font-metrics';
import { FONT_FAMILY, FONT_STACK, fontFiles } from './fonts';
import { chartLegend, chartSvg, escapeXml, legendSwatch } from './svg';
import { svgTexts } from './svg-text';

/** The smallest point size any text of a chart may have on its slide. */
export const MIN_PT = 14;
/** What the layout aims at, a little above MIN_PT so rounding never takes a label under it. */
export const TARGET_PT = 14.5;
/** Pixel density of the slide image: sharp on a 1920-pixel projector and in print. */
export const DECK_IMAGE_DPI = 200;

const INK = '#1a1a1a';
/** The legend in the 12-unit geometry of svg.ts's legend, scaled to TARGET_PT labels. */
const LEGEND = { size: TARGET_PT, scale: TARGET_PT / 12, line: 20, swatch: 12, gap: 5, itemGap: 14 };
/** Space between the legend and the chart, in points. */
const LEGEND_GAP = 6;
/** A layout narrower than this is no chart any more; a builder whose text would need it fails the deck tests instead. */
const MIN_LAYOUT_WIDTH = 320;

const round = (n: number) => Math.round(n * 100) / 100;

export interface SlideChartSvg {
	svg: string;
	/** Size of the image in points (= the chart area). */
	width: number;
	height: number;
	/** Points per CSS pixel of the builder's layout. */
	scale: number;
	/** The builder's layout size in CSS pixels. */
	layout: { width: number; height: number };
}

/** The legend flowed into rows of the given width, in points. */
function legendSvg(items: readonly LegendItem[], width: number): { svg: string; height: number } {
	const k = LEGEND.scale;
	const parts: string[] = [];
	let x = 0;
	let row = 0;
	for (const item of items) {
		const itemWidth = (LEGEND.swatch + LEGEND.gap) * k + textWidth(item.label, LEGEND.size);
		if (x > 0 && x + itemWidth > width) {
			x = 0;
			row += 1;
		}
		const top = row * LEGEND.line * k;
		parts.push(`<g transform="translate(${round(x)} ${round(top)}) scale(${round(k * 1000) / 1000})">${legendSwatch(item, 0, 0)}</g>`);
		parts.push(`<text x="${round(x + (LEGEND.swatch + LEGEND.gap) * k)}" y="${round(top + 13 * k)}" font-size="${LEGEND.size}" fill="${INK}">${escapeXml(item.label)}</text>`);
		x += itemWidth + LEGEND.itemGap * k;
	}
	return { svg: parts.join(''), height: items.length ? (row + 1) * LEGEND.line * k : 0 };
}

/**
 * The smallest font size (CSS px) among the texts the builder draws at its web width, or, when
 * it draws none there (a tile's sparkline), in a frame of fixed height (where it draws axes);
 * undefined when it draws none at all.
 */
function smallestText(chart: LoadedChart, frame: { width: number; height: number }): number | undefined {
	for (const svg of [() => chartSvg(chart, chart.width), () => chartSvg(chart, Math.floor(frame.width), Math.floor(frame.height))]) {
		const sizes = svgTexts(svg().outerHTML).map((t) => t.size);
		if (sizes.length) return Math.min(...sizes);
	}
	return undefined;
}

/** The slide image as SVG, in points: `width` × `height` is the chart area in points. */
export function slideChartSvg(chart: LoadedChart, { width, height }: { width: number; height: number }): SlideChartSvg {
	const legend = legendSvg(chartLegend(chart), width);
	const top = legend.height ? legend.height + LEGEND_GAP : 0;
	const box = { width, height: height - top };

	const smallest = smallestText(chart, box);
	let scale = smallest ? TARGET_PT / smallest : 1;
	scale = Math.min(scale, box.width / MIN_LAYOUT_WIDTH);
	const layout = { width: Math.floor(box.width / scale), height: Math.floor(box.height / scale) };
	const figure = chartSvg(chart, layout.width, layout.height);
	const drawn = { width: Number(figure.getAttribute('width')) || layout.width, height: Number(figure.getAttribute('height')) || layout.height };
	// A builder that cannot take the height (or needs more) is shrunk to fit, never cut off: the tests then flag its text size.
	const fit = Math.min(scale, box.width / drawn.width, box.height / drawn.height);
	if (!figure.getAttribute('viewBox')) figure.setAttribute('viewBox', `0 0 ${drawn.width} ${drawn.height}`);
	figure.setAttribute('x', String(round((box.width - drawn.width * fit) / 2)));
	figure.setAttribute('y', String(round(top + (box.height - drawn.height * fit) / 2)));
	figure.setAttribute('width', String(round(drawn.width * fit)));
	figure.setAttribute('height', String(round(drawn.height * fit)));

	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${round(width)}" height="${round(height)}" viewBox="0 0 ${round(width)} ${round(height)}" font-family="${escapeXml(FONT_STACK)}">` +
		`<rect width="${round(width)}" height="${round(height)}" fill="#ffffff"/>${legend.svg}${figure.outerHTML}</svg>\n`;
	return { svg, width, height, scale: fit, layout: drawn };
}

/** The slide image as PNG bytes: the chart area (inches) at DECK_IMAGE_DPI. */
export async function deckImage(chart: LoadedChart, area: { w: number; h: number }): Promise<Buffer> {
	const image = await renderAsync(slideChartSvg(chart, { width: area.w * 72, height: area.h * 72 }).svg, {
		fitTo: { mode: 'width', value: Math.round(area.w * DECK_IMAGE_DPI) },
		background: '#ffffff',
		font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
		logLevel: 'off'
	});
	return image.asPng();
}
