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
import { ALLE_PARAM, PAGE_ROWS, sqlAlleId } from '$lib/charts/table-html';
import type { RenderedChart } from '$lib/charts/types';

export { ALLE_PARAM, PAGE_ROWS };

/** A list as a page shows it: `rows` (its first {@link PAGE_ROWS}, or all), and how many it has. */
export interface PageRows<Row> {
	rows: Row[];
	totalRows: number;
}

/** `rows` cut to their first {@link PAGE_ROWS} unless the URL names list `id` in `alle`. */
export function pageRows<Row>(rows: readonly Row[], { url, id }: { url: URL; id: string }): PageRows<Row> {
	const whole = rows.length <= PAGE_ROWS || url.searchParams.getAll(ALLE_PARAM).includes(id);
	return { rows: whole ? [...rows] : rows.slice(0, PAGE_ROWS), totalRows: rows.length };
}

/** A rendered chart as the page data holds it: a string `svg` and a `table` with `rows`. */
function isRenderedChart(value: object): value is RenderedChart {
	const chart = value as Partial<RenderedChart>;
	return typeof chart.svg === 'string' && typeof chart.table === 'object' && chart.table !== null && Array.isArray(chart.table.rows);
}

/** Keep `key` readable on the server, out of the serialised data. */
function hide(object: object, key: string): void {
	Object.defineProperty(object, key, { enumerable: false });
}

/** A notebook's SQL block as its page shows it (src/lib/server/notebooks/page.ts): its rows are a table in the HTML. */
interface SqlResult {
	kind: 'sql';
	name: string;
	rows: string[][];
	shownRows: number;
}

function isSqlResult(value: object): value is SqlResult {
	return (value as { kind?: unknown }).kind === 'sql' && Array.isArray((value as { rows?: unknown }).rows);
}

/** Every rendered chart and notebook SQL result in `data`, at any depth. */
function tablesIn(data: unknown): { charts: RenderedChart[]; results: SqlResult[] } {
	const found: RenderedChart[] = [];
	const results: SqlResult[] = [];
	const seen = new Set<object>();
	const walk = (value: unknown): void => {
		if (typeof value !== 'object' || value === null || seen.has(value)) return;
		seen.add(value);
		if (Array.isArray(value)) {
			for (const item of value) walk(item);
			return;
		}
		if (isRenderedChart(value)) found.push(value);
		else if (isSqlResult(value)) results.push(value);
		for (const item of Object.values(value)) walk(item);
	};
	walk(data);
	return { charts: found, results };
}

/**
 * `data` for a view's load function: tables cut to their first rows unless the URL asks for
 * all of a chart's (`alle=<chart id>`) or a notebook SQL block's (`alle=sql.<name>`), and on a
 * page request (not a data request) every SVG and table row, of charts and of notebook SQL
 * results, kept for the server's render only. Changes `data` in place and returns it.
 */
export function pageData<T>(data: T, { url, isDataRequest }: { url: URL; isDataRequest: boolean }): T {
	const alle = new Set(url.searchParams.getAll(ALLE_PARAM));
	const { charts, results } = tablesIn(data);
	for (const result of results) {
		if (result.rows.length > PAGE_ROWS && !alle.has(sqlAlleId(result.name))) {
			result.rows = result.rows.slice(0, PAGE_ROWS);
			result.shownRows = PAGE_ROWS;
		}
		if (!isDataRequest) hide(result, 'rows');
	}
	for (const chart of charts) {
		const { rows } = chart.table;
		if (rows.length > PAGE_ROWS && !alle.has(chart.id)) chart.table = { ...chart.table, rows: rows.slice(0, PAGE_ROWS), totalRows: chart.table.totalRows ?? rows.length, shownRows: PAGE_ROWS };
		if (!isDataRequest) {
			hide(chart, 'svg');
			hide(chart.table, 'rows');
		}
	}
	return data;
}
