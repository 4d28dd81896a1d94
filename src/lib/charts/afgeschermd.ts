/**
 * How charts show cells hidden by disclosure control ($lib/server/disclosure): the value is
 * null and the row's `afgeschermd` holds the text to show (`< 5`, `afgeschermd`). A hidden
 * bar is an open, hatched stub at zero labelled with that text; a hidden point an open circle
 * on the baseline; the legend gets an entry for it. Nothing here knows the hidden value.
 */
import * as Plot from '@observablehq/plot';
import type { Afgeschermd } from '../domain/disclosure';
import { PALETTE } from './palette';
import type { LegendItem } from './types';

export { shown, isAfgeschermd } from '../domain/disclosure';

/** The id of the hatch pattern a chart defines once (addHatch) and its hidden marks fill with. */
export const ARCERING = 'afgeschermd-arcering';
const ARCERING_FILL = `url(#${ARCERING})`;

export const AFGESCHERMD_LEGEND: LegendItem = { label: 'Afgeschermd (klein aantal, AVG)', colour: PALETTE.grijs, shape: 'afgeschermd' };

type MaybeHidden = { afgeschermd?: Afgeschermd };

/** Whether any row hides a cell. */
export function hasHidden(rows: readonly unknown[]): boolean {
	return rows.some((r) => r !== null && typeof r === 'object' && (r as MaybeHidden).afgeschermd !== undefined);
}

/** The chart's legend, with the entry for hidden cells when the rows hide any. */
export function legendFor(legend: readonly LegendItem[], rows: readonly unknown[]): readonly LegendItem[] {
	return hasHidden(rows) ? [...legend, AFGESCHERMD_LEGEND] : legend;
}

/** The label of a hidden column of a row, or undefined when it is visible. */
export function hiddenLabel(row: MaybeHidden, column: string): string | undefined {
	return row.afgeschermd?.[column];
}

/**
 * Marks for rows whose `column` is hidden in a horizontal bar chart: a hatched square at x = 0
 * on the row's band, and the label to its right; `title` gives the tooltip.
 */
export function hiddenBarsX<Row extends MaybeHidden>(rows: readonly Row[], { column, y, title }: { column: string; y: string; title?: (d: Row) => string }): Plot.Markish[] {
	const hidden = rows.filter((r) => hiddenLabel(r, column) !== undefined);
	if (hidden.length === 0) return [];
	return [
		Plot.dot(hidden, { x: () => 0, y, symbol: 'square', r: 6, fill: ARCERING_FILL, stroke: PALETTE.grijs, strokeWidth: 1, dx: 7, title }),
		Plot.text(hidden, { x: () => 0, y, text: (d: Row) => hiddenLabel(d, column) ?? '', textAnchor: 'start', dx: 17, fill: PALETTE.inkt })
	];
}

/** Open circles on the baseline (y = 0) at the x of rows whose `column` is hidden. */
export function hiddenPoints<Row extends MaybeHidden>(
	rows: readonly Row[],
	{ column, x, stroke = PALETTE.grijs, title, facet = {} }: { column: string; x: (d: Row) => number; stroke?: string; title?: (d: Row) => string; facet?: { fx?: string; fy?: string } }
): Plot.Markish[] {
	const hidden = rows.filter((r) => hiddenLabel(r, column) !== undefined);
	if (hidden.length === 0) return [];
	return [Plot.dot(hidden, { x, y: () => 0, r: 4, fill: ARCERING_FILL, stroke, strokeWidth: 1.5, title, ...facet })];
}

/** Define the hatch pattern in a built chart, when one of its marks uses it. */
export function addHatch(svg: SVGSVGElement): SVGSVGElement {
	const root = svg.tagName.toLowerCase() === 'svg' ? svg : (svg.querySelector('svg') as SVGSVGElement | null);
	// A selector, not the serialised SVG: serialising a large chart twice costs more than the chart.
	if (!root || !root.querySelector(`[fill="${ARCERING_FILL}"]`)) return svg;
	const doc = root.ownerDocument;
	const ns = 'http://www.w3.org/2000/svg';
	const defs = doc.createElementNS(ns, 'defs');
	const pattern = doc.createElementNS(ns, 'pattern');
	for (const [k, v] of Object.entries({ id: ARCERING, width: '4', height: '4', patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' })) pattern.setAttribute(k, v);
	const background = doc.createElementNS(ns, 'rect');
	for (const [k, v] of Object.entries({ width: '4', height: '4', fill: '#ffffff' })) background.setAttribute(k, v);
	const line = doc.createElementNS(ns, 'rect');
	for (const [k, v] of Object.entries({ width: '1.5', height: '4', fill: PALETTE.grijs })) line.setAttribute(k, v);
	pattern.append(background, line);
	defs.append(pattern);
	root.insertBefore(defs, root.firstChild);
	return svg;
}
