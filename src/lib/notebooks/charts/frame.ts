/** What every notebook chart shares: the views' style, small multiples, the reference line and the empty chart. */
import * as Plot from '@observablehq/plot';
import { PALETTE } from '$lib/charts/palette';
import type { Point } from './data';

/** The views' root style: the page's font, ink colour, no background (the frame draws it). */
export const STYLE = { fontSize: '13px', fontFamily: 'inherit', color: PALETTE.inkt, background: 'transparent' };

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

export function facetsOf(points: readonly Point[], { stacked, width }: { stacked: boolean; width: number }): Facets | null {
	const names = [...new Set(points.map((p) => p.facet).filter((f): f is string => f !== undefined))];
	if (names.length === 0) return null;
	const columns = stacked ? 1 : Math.max(1, Math.min(names.length, width >= 720 ? 3 : 2));
	const place = new Map(names.map((name, i) => [name, { fx: i % columns, fy: Math.floor(i / columns) }]));
	return {
		names,
		columns,
		rows: Math.ceil(names.length / columns),
		of: (point) => (point.facet === undefined ? {} : (place.get(point.facet) ?? {}))
	};
}

/** Plot options for faceted charts: no facet axes (each panel gets a title), room for the titles. */
export function facetScales(facets: Facets | null): Plot.PlotOptions {
	if (!facets) return {};
	return { fx: { axis: null, padding: 0.1 }, fy: { axis: null, padding: 0.2 } };
}

/** The panel titles: the facet value at the top left of each panel, as dagbesteding per aanbieder does. */
export function facetTitles(facets: Facets | null): Plot.Markish[] {
	if (!facets) return [];
	const titles = facets.names.map((name) => ({ name, ...facets.of({ facet: name }) }));
	return [Plot.text(titles, { fx: 'fx', fy: 'fy', text: 'name', frameAnchor: 'top-left', dy: -16, fontWeight: 'bold', fontSize: 13, fill: PALETTE.inkt })];
}

/**
 * The reference line, dashed and labelled with its value, as the views draw P×Q and medians:
 * horizontal, or vertical on a barh chart. Without facet channels Plot repeats it in every panel.
 */
export function ruleMarks(rule: { value: number; text: string } | null, orientation: 'x' | 'y'): Plot.Markish[] {
	if (!rule) return [];
	const line = { stroke: PALETTE.inkt, strokeDasharray: '4,3', strokeWidth: 1.5 };
	const label = { text: () => rule.text, fill: PALETTE.inkt, stroke: 'white', strokeWidth: 4, paintOrder: 'stroke', fontWeight: 'bold' } as const;
	return orientation === 'y'
		? [Plot.ruleY([rule.value], line), Plot.text([rule.value], { y: (d: number) => d, frameAnchor: 'right', textAnchor: 'end', dy: -8, ...label })]
		: [Plot.ruleX([rule.value], line), Plot.text([rule.value], { x: (d: number) => d, frameAnchor: 'top', textAnchor: 'start', dx: 6, dy: -12, ...label })];
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
