/**
 * A chart as a standalone SVG file: the builder's figure with everything the page's chart
 * frame prints around it (title, filters, legend, source line) drawn inside the image, so the
 * file says what it shows when it is dropped on a slide or mailed on its own.
 *
 * Same chart and rows give byte-identical output: coordinates are rounded and ids renumbered
 * (the figure is the export cache's and the snapshot tests' unit of comparison).
 */
import { addHatch, legendFor } from '$lib/charts/afgeschermd';
import { footerText } from '$lib/charts/meta';
import { serverDocument } from '$lib/server/charts/render';
import { swatchMarkup } from '$lib/charts/legend-swatch';
import type { LegendItem } from '$lib/charts/types';
import type { LoadedChart } from '../charts/types';
import { FONT_STACK } from './fonts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Space around the figure and between its parts, in CSS pixels. */
const PAD = 16;
const INK = '#1a1a1a';
const MUTED = '#4d4d4d';

const TITLE = { size: 18, line: 23, weight: 600 };
const SUBTITLE = { size: 13, line: 18 };
const LEGEND = { size: 12, line: 20, swatch: 12, gap: 6, itemGap: 18 };
const FOOTER = { size: 11, line: 15 };

/**
 * Average advance of a character in Source Sans 3, as a share of the font size. There is no
 * layout engine on the server, so lines are broken on this estimate; it errs wide (0.5 against
 * a measured ~0.47 for Dutch text) so a line never runs out of the image.
 */
const CHAR_WIDTH = 0.5;

export interface StandaloneSvgOptions {
	/** Layout width of the chart itself; the image is 2 × 16 px wider. Default: the width the view uses. */
	width?: number;
}

/** The chart as a self-contained SVG document (xmlns, fonts named, title, filters and source inside). */
export function standaloneSvg(chart: LoadedChart, { width = chart.width }: StandaloneSvgOptions = {}): string {
	const { definition, rows, meta } = chart;
	const figure = chartSvg(chart, width);
	const chartWidth = number(figure.getAttribute('width')) || width;
	const chartHeight = number(figure.getAttribute('height'));
	const imageWidth = round(chartWidth + 2 * PAD);
	const textWidth = imageWidth - 2 * PAD;

	const parts: string[] = [];
	let y = PAD;

	for (const line of wrap(meta.title, textWidth, TITLE.size)) {
		parts.push(text(line, { x: PAD, y: y + TITLE.size, size: TITLE.size, weight: TITLE.weight, fill: INK }));
		y += TITLE.line;
	}
	if (meta.subtitle) {
		y += 2;
		for (const line of wrap(meta.subtitle, textWidth, SUBTITLE.size)) {
			parts.push(text(line, { x: PAD, y: y + SUBTITLE.size, size: SUBTITLE.size, fill: MUTED }));
			y += SUBTITLE.line;
		}
	}
	const legendItems = chartLegend(chart);
	if (legendItems.length > 0) {
		y += 6;
		const legend = legendParts(legendItems, { top: y, width: textWidth });
		parts.push(...legend.parts);
		y += legend.height;
	}
	y += 8;
	figure.setAttribute('x', String(PAD));
	figure.setAttribute('y', String(round(y)));
	parts.push(figure.outerHTML);
	y = round(y + chartHeight + 10);
	for (const line of wrap(footerText(meta), textWidth, FOOTER.size)) {
		parts.push(text(line, { x: PAD, y: y + FOOTER.size, size: FOOTER.size, fill: MUTED }));
		y += FOOTER.line;
	}
	const imageHeight = round(y + PAD - 4);

	return (
		`<svg xmlns="${SVG_NS}" width="${imageWidth}" height="${imageHeight}" viewBox="0 0 ${imageWidth} ${imageHeight}" ` +
		`font-family="${escapeXml(FONT_STACK)}" role="img" aria-label="${escapeXml(meta.title)}">` +
		`<title>${escapeXml(meta.title)}</title><desc>${escapeXml(definition.describe(rows))}</desc>` +
		`<rect width="${imageWidth}" height="${imageHeight}" fill="#ffffff"/>` +
		parts.join('') +
		'</svg>\n'
	);
}

/** The legend of an exported figure: only the entries its rows draw, plus the one for hidden cells when some are hidden. */
export function chartLegend({ definition, rows }: LoadedChart): readonly LegendItem[] {
	return legendFor(definition.legendOf?.(rows) ?? definition.legend, rows);
}

/** Style properties of Plot's root that SVG also takes as attributes; the others (background) are page-only. */
const PRESENTATION = new Set(['font-size', 'font-weight', 'color', 'fill', 'overflow']);

/** The builder's <svg>, made fit to nest in another (the standalone image, a slide's chart area); `height` fixes its height. */
export function chartSvg({ definition, rows }: LoadedChart, width: number, height?: number): SVGSVGElement {
	let svg = addHatch(definition.build(rows, { width, height, document: serverDocument() })) as Element;
	// Plot wraps a chart in a <figure> when it has a title or legend; the image draws both itself.
	if (svg.tagName.toLowerCase() !== 'svg') {
		const inner = svg.querySelector('svg');
		if (!inner) throw new Error(`Chart ${definition.id} rendered no <svg>`);
		svg = inner;
	}
	for (const name of ['role', 'aria-label', 'aria-description', 'aria-describedby', 'xmlns']) svg.removeAttribute(name);
	// Plot's style option becomes presentation attributes: a file is then CSS-free (viewers that
	// apply a no-inline-style policy, and resvg, read it alike). The page's stylesheet set the
	// font ('inherit'); a file has no page, so it names the font itself.
	for (const declaration of (svg.getAttribute('style') ?? '').split(';')) {
		const [name, value] = declaration.split(':').map((part) => part.trim());
		if (value && PRESENTATION.has(name)) svg.setAttribute(name, value);
	}
	svg.removeAttribute('style');
	svg.setAttribute('font-family', FONT_STACK);
	// Plot's <style> only sizes the figure for a web page (display, max-width) and uses :where(),
	// which image renderers do not read.
	for (const element of svg.querySelectorAll('style')) element.remove();
	stabilise(svg, definition.id);
	return svg as SVGSVGElement;
}

/** Attributes holding text or links, not coordinates: their digits are left alone. */
const TEXT_ATTRIBUTE = /^(aria-|data-|class$|href$|xlink:href$|id$)/;

/** Round coordinates to 2 decimals and renumber ids in document order, so output is byte-stable. */
function stabilise(svg: Element, prefix: string): void {
	const elements = [svg, ...svg.querySelectorAll('*')];
	const ids = new Map<string, string>();
	for (const element of elements) {
		const id = element.getAttribute('id');
		if (id) ids.set(id, `${prefix}-${ids.size + 1}`);
	}
	for (const element of elements) {
		for (const { name, value } of [...element.attributes]) {
			let next = value;
			if (!TEXT_ATTRIBUTE.test(name)) next = next.replace(/-?\d*\.\d{3,}/g, (n) => String(round(Number(n))));
			if (ids.size > 0) {
				if (name === 'id') next = ids.get(value) ?? value;
				next = next.replace(/url\(#([^)]+)\)/g, (whole, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : whole));
				if ((name === 'href' || name === 'xlink:href') && value.startsWith('#') && ids.has(value.slice(1))) next = `#${ids.get(value.slice(1))}`;
			}
			if (next !== value) element.setAttribute(name, next);
		}
	}
}

/** The legend as swatches and labels, flowing into rows of the given width. */
function legendParts(items: readonly LegendItem[], { top, width }: { top: number; width: number }): { parts: string[]; height: number } {
	const out: string[] = [];
	let x = 0;
	let row = 0;
	for (const item of items) {
		const itemWidth = LEGEND.swatch + LEGEND.gap + estimateWidth(item.label, LEGEND.size);
		if (x > 0 && x + itemWidth > width) {
			x = 0;
			row += 1;
		}
		const left = PAD + x;
		const y = top + row * LEGEND.line;
		out.push(legendSwatch(item, left, y));
		out.push(text(item.label, { x: left + LEGEND.swatch + LEGEND.gap, y: y + LEGEND.size + 1, size: LEGEND.size, fill: INK }));
		x += itemWidth + LEGEND.itemGap;
	}
	return { parts: out, height: (row + 1) * LEGEND.line };
}

/** The swatch of a legend entry in a 12-unit square whose legend row starts at `y` (the row is 20 units high, the label's baseline at y + 13), drawn like the page's (legend-swatch.ts). */
export function legendSwatch(item: LegendItem, left: number, y: number): string {
	return swatchMarkup(item, { x: left, y: y + 2, width: LEGEND.swatch, height: LEGEND.swatch });
}

function text(content: string, { x, y, size, fill, weight }: { x: number; y: number; size: number; fill: string; weight?: number }): string {
	const bold = weight ? ` font-weight="${weight}"` : '';
	return `<text x="${round(x)}" y="${round(y)}" font-size="${size}"${bold} fill="${fill}">${escapeXml(content)}</text>`;
}

function estimateWidth(content: string, size: number): number {
	return round(content.length * size * CHAR_WIDTH);
}

/** Greedy line breaking on spaces by the estimated width. */
export function wrap(content: string, width: number, size: number): string[] {
	const perLine = Math.max(10, Math.floor(width / (size * CHAR_WIDTH)));
	const lines: string[] = [];
	let line = '';
	for (const word of content.trim().split(/\s+/)) {
		if (line && line.length + 1 + word.length > perLine) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

/** Escape text for XML content and double-quoted attributes. */
export function escapeXml(value: string): string {
	return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

function round(value: number): number {
	const rounded = Math.round(value * 100) / 100;
	return Object.is(rounded, -0) ? 0 : rounded;
}

function number(value: string | null): number {
	const parsed = Number(value);
	return Number.isFinite(parsed) ? parsed : 0;
}
