/**
 * The rows of a chart's table as HTML, escaped: DataTable writes them with {@html}, so that a
 * page whose hydration data leaves the rows out (they are in the HTML already,
 * $lib/server/charts/page-data) keeps the server's rows while hydrating.
 */
import type { ChartTable } from './types';

/** Rows of a chart's table on a page; the rest behind "Toon alle" (the downloads have every row). */
export const PAGE_ROWS = 50;
/** The URL parameter naming the lists that show all rows: `alle=<chart id>` (or a list's own value), repeated. */
export const ALLE_PARAM = 'alle';

/**
 * `alle` of a notebook SQL block's result: `sql.<name>`. No chart id starts so: the views' ids
 * are kebab-case and a notebook's are `notebook/<slug>/<chart>`.
 */
export const sqlAlleId = (name: string): string => `sql.${name}`;

/**
 * The same page with list `id` (a chart's table, a notebook SQL result, the project list) whole
 * (`show`) or cut again, keeping the filters and the other lists in `alle`; at `#<hash>`, by
 * default the chart's table.
 */
export function alleRowsHref(url: URL, id: string, show: boolean, hash = `${id}-tabel`): string {
	const params = new URLSearchParams(url.search);
	const others = params.getAll(ALLE_PARAM).filter((a) => a !== id);
	params.delete(ALLE_PARAM);
	for (const a of show ? [...others, id] : others) params.append(ALLE_PARAM, a);
	const query = params.toString();
	return `${url.pathname}${query ? `?${query}` : ''}#${hash}`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** One `<tr>` per row; with `rowHeaders` the first cell is a `<th scope="row">`, numeric columns get class `num`. */
export function tableRowsHtml(table: Pick<ChartTable, 'columns' | 'rows'>, rowHeaders = true): string {
	return table.rows
		.map(
			(row) =>
				`<tr>${row
					.map((cell, c) => (c === 0 && rowHeaders ? `<th scope="row">${escape(cell)}</th>` : `<td${table.columns[c]?.numeric ? ' class="num"' : ''}>${escape(cell)}</td>`))
					.join('')}</tr>`
		)
		.join('');
}
