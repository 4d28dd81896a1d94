/**
 * The rows of a chart's table as HTML, escaped: DataTable writes them with {@html}, so that a
 * page whose hydration data leaves the rows out (they are in the HTML already,
 * $lib/server/charts/hydration) keeps the server's rows while hydrating.
 */
import type { ChartTable } from './types';

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
