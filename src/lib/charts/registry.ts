/**
 * The chart registry, derived from the view definitions in $lib/server/views. Kept at this path
 * for the modules that still import it from here (src/lib/server/export, bench).
 */
export { CHARTS, CHART_VIEWS, chartById, isChartId } from '$lib/server/views';
