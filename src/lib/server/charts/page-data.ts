/**
 * What a view's page carries (issue 12: pages that do not grow).
 *
 * Long tables are cut: a chart's table shows its first {@link PAGE_ROWS} rows, and all of them
 * (up to the render's own limit) for the charts the URL names in `alle` ("Toon alle", a link
 * that works without JavaScript); the downloads always have every row.
 *
 * Nothing twice: SvelteKit writes a page's load data
 * into the HTML a second time, as the hydration data of the browser's app; a chart's SVG and
 * its table rows are most of both. On a page request they are made non-enumerable: the server
 * still renders them into the HTML, while devalue, which serialises own enumerable keys only,
 * leaves them out of the hydration data. In the browser ChartFrame and DataTable keep the
 * server's HTML (Svelte does not replace {@html} content while hydrating) and ChartFrame reads
 * the SVG from the page. A client-side navigation's data request (`__data.json`) carries
 * everything, since there is no HTML to take it from.
 */
import { ALLE_PARAM, PAGE_ROWS } from '$lib/charts/table-html';
import type { RenderedChart } from '$lib/charts/types';

export { ALLE_PARAM, PAGE_ROWS };

/** A rendered chart as the page data holds it: a string `svg` and a `table` with `rows`. */
function isRenderedChart(value: object): value is RenderedChart {
	const chart = value as Partial<RenderedChart>;
	return typeof chart.svg === 'string' && typeof chart.table === 'object' && chart.table !== null && Array.isArray(chart.table.rows);
}

/** Keep `key` readable on the server, out of the serialised data. */
function hide(object: object, key: string): void {
	Object.defineProperty(object, key, { enumerable: false });
}

/** Every rendered chart in `data`, at any depth. */
function renderedCharts(data: unknown): RenderedChart[] {
	const found: RenderedChart[] = [];
	const seen = new Set<object>();
	const walk = (value: unknown): void => {
		if (typeof value !== 'object' || value === null || seen.has(value)) return;
		seen.add(value);
		if (Array.isArray(value)) {
			for (const item of value) walk(item);
			return;
		}
		if (isRenderedChart(value)) found.push(value);
		for (const item of Object.values(value)) walk(item);
	};
	walk(data);
	return found;
}

/**
 * `data` for a view's load function: tables cut to their first rows unless the URL asks for
 * all of a chart's (`alle=<chart id>`), and on a page request (not a data request) every SVG
 * and table row kept for the server's render only. Changes `data` in place and returns it.
 */
export function pageData<T>(data: T, { url, isDataRequest }: { url: URL; isDataRequest: boolean }): T {
	const alle = new Set(url.searchParams.getAll(ALLE_PARAM));
	for (const chart of renderedCharts(data)) {
		const { rows } = chart.table;
		if (rows.length > PAGE_ROWS && !alle.has(chart.id)) chart.table = { ...chart.table, rows: rows.slice(0, PAGE_ROWS), totalRows: chart.table.totalRows ?? rows.length, shownRows: PAGE_ROWS };
		if (!isDataRequest) {
			hide(chart, 'svg');
			hide(chart.table, 'rows');
		}
	}
	return data;
}
