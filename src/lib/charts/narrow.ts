/**
 * Charts drawn for a phone (issue 15, WCAG 1.4.4 and 1.4.10): the page asks for a chart at its
 * box's width (ChartFrame, GET /charts/<id>.svg?breedte=…) instead of scaling the desktop
 * drawing down, so text keeps its size and the builders make room instead: a bar's label goes
 * above the bar rather than in a wide left margin, axes get fewer ticks, long labels wrap.
 * At the views' own widths nothing here changes the drawing (the snapshots stay byte-identical).
 */
import * as Plot from '@observablehq/plot';
import { formatInteger } from '../domain/format';
import { PALETTE } from './palette';

/** Below this layout width a chart gets its narrow layout. */
export const NARROW_WIDTH = 500;

export const isNarrow = (width: number): boolean => width < NARROW_WIDTH;

/**
 * Estimated width of a text in the page font (there is no layout engine on the server): 0.6 em
 * per character errs wide (Source Sans 3 ~0.47, a fallback sans-serif up to ~0.58), so a label
 * is not cut off.
 */
export function textWidth(text: string, fontSize = 13): number {
	return Math.ceil(text.length * fontSize * 0.6);
}

/** How many ticks fit along `length` pixels with labels about `labelWidth` wide and room between them. */
export function tickCount(length: number, labelWidth = 36, gap = 28): number {
	return Math.max(2, Math.floor(length / (labelWidth + gap)));
}

/** Every n-th value, so that at most `count` remain (always the first). */
export function thinned<T>(values: readonly T[], count: number): T[] {
	const step = Math.max(1, Math.ceil(values.length / Math.max(count, 1)));
	return values.filter((_, i) => i % step === 0);
}

/** A text broken into lines (at spaces) that fit `width` pixels by textWidth; a word longer than a line keeps its own line. */
export function wrapText(text: string, width: number, fontSize = 13): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.trim().split(/\s+/)) {
		const next = line ? `${line} ${word}` : word;
		if (line && textWidth(next, fontSize) > width) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}

/** Height of the line a label above a bar takes, in pixels. */
const LABEL_ROW = 17;

export interface BarRowsOptions {
	width: number;
	/** The band step of one bar at the view's width. */
	rowHeight: number;
	/** The view's left margin (where the labels are at its width). */
	marginLeft: number;
	/** The view's right margin (where the value labels are at its width). */
	marginRight: number;
	/** The view's band padding. */
	padding: number;
	/** The bars' names, in the y domain's order. */
	labels: readonly string[];
	/** The text written beside each bar at the view's width ('' for none), in the same order. */
	values?: readonly string[];
}

export interface BarRows {
	narrow: boolean;
	/** The band step per bar: at narrow widths with one or two lines above each bar for its name and value. */
	rowHeight: number;
	marginLeft: number;
	marginRight: number;
	/** The y scale's padding options. */
	y: { padding: number } | { paddingInner: number; paddingOuter: number; align: number; axis: null };
	/** Narrow: the text above each bar by its name ("Dordrecht · tekort 4", or on two lines when that does not fit). */
	text: ReadonlyMap<string, string>;
}

/**
 * The count axis along horizontal bars laid out by {@link barRows}: whole numbers in nl-NL, a
 * grid, the label centred without an arrow, and on a phone as many ticks as fit.
 */
export function countAxis(label: string, layout: BarRows, width: number, extra: Plot.ScaleOptions = {}): Plot.ScaleOptions {
	return {
		label,
		...extra,
		grid: true,
		nice: true,
		tickFormat: (d: number) => formatInteger(d),
		labelAnchor: 'center',
		labelArrow: 'none',
		...(layout.narrow ? { ticks: tickCount(width - layout.marginLeft - layout.marginRight) } : {})
	};
}

/**
 * The layout of horizontal bars with a name per bar and a value beside it: at the view's width
 * the names are the y axis in the left margin and the values right of the bars, as designed;
 * narrow, name and value stand above the bar (one line when all fit, else two) and the bars
 * get the full width.
 */
export function barRows({ width, rowHeight, marginLeft, marginRight, padding, labels, values = [] }: BarRowsOptions): BarRows {
	if (!isNarrow(width)) return { narrow: false, rowHeight, marginLeft, marginRight, y: { padding }, text: new Map() };
	// Room for the first tick label ('0,0') centred on the left edge.
	const left = 14;
	const right = 12;
	const joined = labels.map((label, i) => (values[i] ? `${label} · ${values[i]}` : label));
	const oneLine = joined.every((t) => textWidth(t) <= width - left - right);
	const lines = oneLine || values.every((v) => !v) ? 1 : 2;
	const bar = rowHeight * (1 - padding);
	const step = rowHeight + LABEL_ROW * lines;
	return {
		narrow: true,
		rowHeight: step,
		marginLeft: left,
		marginRight: right,
		// The gap above each bar holds its label, the first one's too (all outer padding on top);
		// the bars keep their thickness.
		y: { paddingInner: 1 - bar / step, paddingOuter: (1 - bar / step) / 2, align: 1, axis: null },
		text: new Map(labels.map((label, i) => [label, lines === 1 ? joined[i] : values[i] ? `${label}\n${values[i]}` : label]))
	};
}

/**
 * The names (and values) above the bars of a narrow layout; none at the view's width. Each
 * stands left-aligned over its bar, with the bar's link when it has one. Put them after the
 * marks they may cross (rules, grid), so that their halo covers those.
 */
export function barLabels(layout: BarRows, { href }: { href?: (label: string) => string | undefined } = {}): Plot.Markish[] {
	if (!layout.narrow) return [];
	const bar = layout.rowHeight * (1 - ('paddingInner' in layout.y ? layout.y.paddingInner : 0));
	return [
		Plot.text([...layout.text.keys()], {
			y: (d: string) => d,
			text: (d: string) => layout.text.get(d) ?? d,
			frameAnchor: 'left',
			textAnchor: 'start',
			lineAnchor: 'bottom',
			dy: -bar / 2 - 3,
			fill: PALETTE.inkt,
			// On a halo of the background: grid and reference lines (a median) run under the names.
			stroke: 'white',
			strokeWidth: 3,
			paintOrder: 'stroke',
			...(href ? { href: (d: string) => href(d) } : {})
		})
	];
}

/** The narrowest a tile of a tile map may be and still hold a 12-character bold name at 12 px. */
const NARROW_TILE = 100;

const span = (values: readonly number[]) => (values.length ? Math.max(...values) - Math.min(...values) + 1 : 0);

/**
 * On a phone a tile map's grid is wider than the screen (tiles of 60 px cannot hold a name at
 * 12 px): the tiles then fill rows of as many as fit, in the map's reading order (north to
 * south, west to east), so every name and value stays readable. Null when the map fits.
 */
export function narrowTilePositions<T>(items: readonly T[], position: (item: T) => { x: number; y: number }, width: number, margin: number): Map<T, { x: number; y: number }> | null {
	const columns = span(items.map((t) => position(t).x));
	if (!isNarrow(width) || items.length === 0 || Math.floor((width - 2 * margin) / columns) >= NARROW_TILE) return null;
	const perRow = Math.max(1, Math.floor((width - 2 * margin) / NARROW_TILE));
	const order = [...items].sort((a, b) => position(a).y - position(b).y || position(a).x - position(b).x);
	return new Map(order.map((t, i) => [t, { x: i % perRow, y: Math.floor(i / perRow) }]));
}
