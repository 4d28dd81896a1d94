/** What every notebook chart shares: the views' style, small multiples, the reference line and the empty chart. */
import * as Plot from '@observablehq/plot';
import { PALETTE } from '$lib/charts/palette';
import type { Point } from './data';
import { plotStyle } from '$lib/charts/style';

/** The views' root style (charts/style.ts): the page's font, ink colour, no background (the frame draws it). */
export const STYLE = plotStyle();

/** A class per mark: Plot scopes its stylesheet by it, so it must not vary between renders. */
export const className = (mark: string) => `chart-notebook-${mark}`;

/** Panels of small multiples: a grid filled row by row, or (barh) one panel per row. */
export interface Facets {
	names: string[];
	columns: number;
	rows: number;
	/** Facet channels of a point, empty without facets. */
	of(point: Pick<Point, 'facet'>): { fx?: number; fy?: number };
}

export function facetsOf(points: readonly Point[], { stacked, width, wide = false }: { stacked: boolean; width: number; wide?: boolean }): Facets | null {
	const names = [...new Set(points.map((p) => p.facet).filter((f): f is string => f !== undefined))];
	if (names.length === 0) return null;
	// `wide`: a wide, low frame (a slide) puts up to three panels side by side, whatever the mark.
	// On a phone (below 420 px) one column of panels, each as wide as the screen.
	const columns = wide ? Math.min(names.length, 3) : stacked ? 1 : Math.max(1, Math.min(names.length, width >= 720 ? 3 : width >= 420 ? 2 : 1));
	const place = new Map(names.map((name, i) => [name, { fx: i % columns, fy: Math.floor(i / columns) }]));
	return {
		names,
		columns,
		rows: Math.ceil(names.length / columns),
		of: (point) => (point.facet === undefined ? {} : (place.get(point.facet) ?? {}))
	};
}

/**
 * Plot options for faceted charts: no facet axes (each panel gets a title), and about 40 px
 * between panels whatever their height (Plot's padding is a share of a panel's step).
 */
export function facetScales(facets: Facets | null, { panelHeight = 200 }: { panelHeight?: number } = {}): Plot.PlotOptions {
	if (!facets) return {};
	return { fx: { axis: null, padding: 0.1 }, fy: { axis: null, padding: 40 / (panelHeight + 40) } };
}

/** The panel titles: the facet value at the top left of each panel, as dagbesteding per aanbieder does. */
export function facetTitles(facets: Facets | null): Plot.Markish[] {
	if (!facets) return [];
	const titles = facets.names.map((name) => ({ name, ...facets.of({ facet: name }) }));
	return [Plot.text(titles, { fx: 'fx', fy: 'fy', text: 'name', frameAnchor: 'top-left', dy: -16, fontWeight: 'bold', fontSize: 13, fill: PALETTE.inkt })];
}

export interface RuleOptions {
	/** Where the line is drawn: across the chart (y) or top to bottom (x, on a barh chart). */
	orientation: 'x' | 'y';
	/** A vertical line's label goes left of the line when the line is near the right edge. */
	labelLeft?: boolean;
	/** The panel that carries the label on a faceted chart: once is enough. */
	facets?: Facets | null;
	/** A phone's chart: a vertical line's label starts at the left edge, where it cannot run off the chart. */
	narrow?: boolean;
}

/**
 * The reference line, dashed and labelled with its value, as the views draw P×Q and medians:
 * horizontal, or vertical on a barh chart. Without facet channels Plot repeats the line in
 * every panel; its label goes in the first panel only.
 */
export function ruleMarks(rule: { value: number; text: string } | null, { orientation, labelLeft = false, facets = null, narrow = false }: RuleOptions): Plot.Markish[] {
	if (!rule) return [];
	const line = { stroke: PALETTE.inkt, strokeDasharray: '4,3', strokeWidth: 1.5 };
	const panel = facets ? { ...facets.of({ facet: facets.names[0] }) } : {};
	const data = [{ value: rule.value, ...panel }];
	const label = {
		text: () => rule.text,
		fill: PALETTE.inkt,
		stroke: 'white',
		strokeWidth: 4,
		paintOrder: 'stroke',
		fontWeight: 'bold',
		...(facets ? { fx: 'fx', fy: 'fy' } : {})
	} as const;
	return orientation === 'y'
		? [Plot.ruleY([rule.value], line), Plot.text(data, { y: 'value', frameAnchor: 'right', textAnchor: 'end', dy: -8, ...label })]
		: narrow
			? [Plot.ruleX([rule.value], line), Plot.text(data, { frameAnchor: 'top-left', textAnchor: 'start', dy: -12, ...label })]
			: [Plot.ruleX([rule.value], line), Plot.text(data, { x: 'value', frameAnchor: 'top', textAnchor: labelLeft ? 'end' : 'start', dx: labelLeft ? -6 : 6, dy: -12, ...label })];
}

/** The chart for a result without drawable rows: a framed box saying so, rather than empty axes. */
export function emptyChart({ width, height, document, mark }: { width: number; height?: number; document: Document; mark: string }): SVGSVGElement {
	return Plot.plot({
		document,
		width,
		height: height ?? 120,
		margin: 10,
		className: className(mark),
		style: STYLE,
		axis: null,
		marks: [
			Plot.frame({ stroke: PALETTE.grijs, strokeOpacity: 0.4 }),
			Plot.text(['Geen gegevens om te tonen'], { frameAnchor: 'middle', text: (d: string) => d, fontSize: 14, fill: PALETTE.inkt })
		]
	}) as SVGSVGElement;
}

/** Approximate width of a label at 13px: Plot cannot measure text on the server. */
export function textWidth(text: string, fontSize = 13): number {
	return Math.ceil(text.length * fontSize * 0.55);
}
