/**
 * A notebook's chart block → a ChartDefinition, so a notebook chart is drawn, described,
 * tabled, exported and put in a deck exactly like the views' charts (notebooks/README.md,
 * "4. Chart blocks"). Compiling checks the spec against the query's result and throws a
 * ChartSpecError in Dutch when it does not fit; the definition's builder is pure and
 * deterministic, as export caches and snapshot tests need.
 */
import type { LegendItem } from '$lib/charts/types';
import type { ChartSpec, NotebookChartDefinition, ResultRow } from './types';
import { seriesColour } from './charts/colours';
import { describeChart } from './charts/describe';
import { ChartSpecError, chartName } from './charts/errors';
import { buildCell, buildTilemap } from './charts/grid';
import { planChart, type CompileContext, type Plan } from './charts/plan';
import { chartTable } from './charts/table';
import { buildXY } from './charts/xy';

export { ChartSpecError } from './charts/errors';
export { RULE_REFERENCE, type CompileContext, type TileGemeente } from './charts/plan';

/** One legend item per series (a categorical fill of bar, barh, line, dot or area); none for one series, cells or tiles. */
function legendOf(plan: Plan): LegendItem[] {
	if (!plan.series) return [];
	// Drawn as the marks are: lines as lines, dots as circles, bars and areas as boxes.
	const shape = plan.mark === 'line' ? 'line' : plan.mark === 'dot' ? 'dot' : 'bar';
	return plan.series.map((label, i) => ({ label, colour: seriesColour(i), shape }));
}

/**
 * Compile chart block `id` (the chart's id; its last `/` segment names it in messages) for a
 * query result. Throws ChartSpecError when the spec does not fit the result's columns.
 */
export function compileChart(id: string, spec: ChartSpec, context: CompileContext): NotebookChartDefinition {
	const plan = planChart(chartName(id), spec, context);
	const build = plan.mark === 'cell' ? buildCell : plan.mark === 'tilemap' ? buildTilemap : buildXY;
	return {
		id,
		build: (rows: readonly ResultRow[], options) => build(plan, rows, options),
		describe: (rows: readonly ResultRow[]) => describeChart(plan, rows),
		table: (rows: readonly ResultRow[]) => chartTable(plan, rows),
		legend: legendOf(plan)
	};
}

/** Whether an error is a chart block's misfit (shown in place) rather than a fault of the app. */
export function isChartSpecError(error: unknown): error is ChartSpecError {
	return error instanceof ChartSpecError;
}
