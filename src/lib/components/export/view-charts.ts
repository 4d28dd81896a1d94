/**
 * The charts a view shows, found in its page data: every ViewChart ({ meta, chart: { id,
 * description, … } }, what renderLoaded gives the views) however the view nests them. Not by its
 * svg: a page's hydration data leaves that out ($lib/server/charts/page-data). "Exporteer weergave" says
 * how many charts its deck holds, and offers no deck when the view shows none.
 */

function isViewChart(value: unknown): value is { chart: { id: string; description: string } } {
	if (value === null || typeof value !== 'object' || !('chart' in value) || !('meta' in value)) return false;
	const chart = (value as { chart: unknown }).chart;
	return chart !== null && typeof chart === 'object' && typeof (chart as { id?: unknown }).id === 'string' && typeof (chart as { description?: unknown }).description === 'string';
}

/** The ids of the charts in a view's page data, in order, each once. */
export function viewChartIds(data: unknown, depth = 6): string[] {
	const ids: string[] = [];
	const walk = (value: unknown, level: number) => {
		if (value === null || typeof value !== 'object' || level > depth) return;
		if (isViewChart(value)) {
			if (!ids.includes(value.chart.id)) ids.push(value.chart.id);
			return;
		}
		for (const child of Array.isArray(value) ? value : Object.values(value)) walk(child, level + 1);
	};
	walk(data, 0);
	return ids;
}
