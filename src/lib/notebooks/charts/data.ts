/**
 * Result rows → the points a chart draws: categories as Dutch text, numbers as numbers, ISO
 * dates as Dates, each with its tooltip and (when the rows carry a gemeentecode) its link.
 * Rows without a position are left out here, so no mark ever sees a null; the text
 * alternative counts what was left out.
 */
import { gemeenteHref } from '$lib/charts/capaciteit/per-gemeente';
import { formatDate, formatDateTime, inZin } from '$lib/domain/format';
import type { CellValue, ResultColumn, ResultRow } from '../types';
import { categoryText, formatPlain, formatValue, isDateColumn, isTemporalColumn, isYearColumn, toDate } from './format';
import type { Plan } from './plan';

export interface Point {
	row: ResultRow;
	/** Category text (bar, cell), number or Date (line, dot, area), number (barh); absent for tilemap. */
	x?: string | number | Date;
	/** Number (bar, line, dot, area; NaN is a gap in a line) or category text (barh, cell). */
	y?: string | number;
	/** Series (categorical fill) text. */
	series?: string;
	/** The coloured value of cell and tilemap. */
	value?: number | null;
	facet?: string;
	/** What the point is called in its tooltip and in the text alternative. */
	name: string;
	title: string;
	href?: string;
}

/** How the columns of one set of rows are shown: which numeric columns are years. */
export interface Axes {
	year: (column: ResultColumn | undefined) => boolean;
}

export function axesOf(rows: readonly ResultRow[]): Axes {
	const cache = new Map<string, boolean>();
	return {
		year(column) {
			if (!column) return false;
			let year = cache.get(column.name);
			if (year === undefined) {
				year = isYearColumn(column, rows.map((r) => r[column.name] ?? null));
				cache.set(column.name, year);
			}
			return year;
		}
	};
}

type Field = 'x' | 'y' | 'fill' | 'facet';

/** A value in running text and tooltips: the measure by the chart's format, years plain, dates in full. */
export function valueText(plan: Plan, axes: Axes, field: Field, value: CellValue): string {
	const column = plan[field];
	if (!column) return '';
	if (typeof value === 'number') return axes.year(column) ? String(value) : field === plan.valueField ? formatValue(value, plan.format) : formatPlain(value);
	if (typeof value === 'string' && isTemporalColumn(column)) return isDateColumn(column) ? formatDate(value) : formatDateTime(value);
	return categoryText(value, column, { year: axes.year(column) });
}

/** The label of a field in running text: `tekort`, `peiljaar`. */
export function fieldLabel(plan: Plan, field: Field): string {
	if (field === 'x') return inZin(plan.xLabel);
	if (field === 'y') return inZin(plan.yLabel);
	return plan[field]?.name ?? '';
}

/** The field that names a point when the spec gives no `label` column. */
function nameField(plan: Plan): Field | null {
	switch (plan.mark) {
		case 'bar':
			return 'x';
		case 'barh':
			return 'y';
		case 'line':
		case 'dot':
		case 'area':
			return plan.fill ? 'fill' : null;
		default:
			return null;
	}
}

const number = (value: CellValue): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The points of a bar, barh, line, dot, area or cell chart. */
export function pointsOf(plan: Plan, rows: readonly ResultRow[], axes: Axes = axesOf(rows)): Point[] {
	// A `label` column names the point; otherwise the category or series does, and is not repeated.
	const named = plan.label ? null : nameField(plan);
	const fields: Field[] = (['x', 'y', 'fill', 'facet'] as const).filter((f) => plan[f] !== undefined && f !== named && plan[f] !== plan.label);
	const points: Point[] = [];
	for (const row of rows) {
		const get = (column: ResultColumn | undefined) => (column ? (row[column.name] ?? null) : null);
		const x = convert(plan, axes, 'x', get(plan.x));
		// y is never an axis of dates: line, dot and area measure it, bar and cell categorise it.
		const y = convert(plan, axes, 'y', get(plan.y)) as string | number | null;
		const lineLike = plan.mark === 'line' || plan.mark === 'area';
		if (x === null || (y === null && !lineLike)) continue;
		const point: Point = { row, x, y: y ?? Number.NaN, name: '', title: '' };
		if (plan.fill) {
			if (plan.mark === 'cell') {
				point.value = number(get(plan.fill));
				if (point.value === null) continue;
			} else point.series = categoryText(get(plan.fill), plan.fill, { year: axes.year(plan.fill) });
		}
		if (plan.facet) point.facet = categoryText(get(plan.facet), plan.facet, { year: axes.year(plan.facet) });
		point.name = plan.label ? categoryText(get(plan.label), plan.label) : named ? valueText(plan, axes, named, get(plan[named])) : '';
		const details = fields.map((f) => `${fieldLabel(plan, f)} ${valueText(plan, axes, f, get(plan[f]))}`).join(', ');
		point.title = point.name ? `${point.name}: ${details}` : details;
		const code = get(plan.gemeentecode);
		if (typeof code === 'string' && code !== '') point.href = gemeenteHref(code);
		points.push(point);
	}
	return points;
}

/** A row's x or y as the mark needs it, or null when it has none. */
function convert(plan: Plan, axes: Axes, field: 'x' | 'y', value: CellValue): string | number | Date | null {
	const column = plan[field];
	if (!column || value === null) return null;
	const measured = (field === 'x' && plan.mark === 'barh') || (field === 'y' && ['bar', 'line', 'dot', 'area'].includes(plan.mark));
	const axis = field === 'x' && ['line', 'dot', 'area'].includes(plan.mark);
	if (measured) return number(value);
	if (axis) return isTemporalColumn(column) ? toDate(value) : number(value);
	return categoryText(value, column, { year: axes.year(column) });
}

/** Categories of a field in order of first appearance (the query's ORDER BY). */
export function categories(points: readonly Point[], key: 'x' | 'y' | 'series' | 'facet'): string[] {
	return [...new Set(points.map((p) => p[key]).filter((v): v is string => typeof v === 'string'))];
}
