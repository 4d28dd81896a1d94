/**
 * The table view of a notebook chart: the query's result as it is, formatted nl-NL. The
 * measured column follows the chart's `format`; years stay `2024`; the x and y columns carry
 * the axis titles.
 */
import type { ChartTable } from '$lib/charts/types';
import type { ResultColumn, ResultRow } from '../types';
import { axesOf } from './data';
import { cellText } from './format';
import type { Plan } from './plan';

function label(plan: Plan, column: ResultColumn): string {
	if (column === plan.x && plan.spec.xLabel) return plan.spec.xLabel;
	if (column === plan.y && plan.spec.yLabel) return plan.spec.yLabel;
	return column.name;
}

export function chartTable(plan: Plan, rows: readonly ResultRow[]): ChartTable {
	const axes = axesOf(rows);
	const measured = plan[plan.valueField];
	return {
		columns: plan.columns.map((c) => ({ label: label(plan, c), numeric: c.numeric })),
		rows: rows.map((row) =>
			plan.columns.map((c) => cellText(row[c.name] ?? null, c, { format: c === measured ? plan.format : undefined, year: axes.year(c) }))
		)
	};
}
