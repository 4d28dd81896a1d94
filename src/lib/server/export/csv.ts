/**
 * A chart's data as CSV that Dutch Excel opens with a double click, without the import wizard:
 * ';' between fields (Excel takes the list separator of the regional settings, which is ';'
 * where the decimal separator is ','), decimal commas, a UTF-8 byte order mark (without it
 * Excel reads the file as Windows-1252 and mangles ë and –) and CRLF line ends (RFC 4180).
 *
 * Under the table, after a blank line, the title, the filters and the source line, so a
 * copied file still says where its numbers come from.
 */
import { footerText } from '$lib/charts/meta';
import type { LoadedChart } from '../charts/types';
import { isMissing, parseDutchNumber } from './table-cells';

const BOM = '\uFEFF';
const SEPARATOR = ';';
const EOL = '\r\n';

/** The CSV text, BOM included. */
export function csv(chart: LoadedChart): string {
	const table = chart.definition.table(chart.rows);
	const lines = [
		table.columns.map((c) => field(c.label)),
		...table.rows.map((row) => row.map((cell, i) => field(table.columns[i]?.numeric ? numericCell(cell) : cell))),
		[],
		[field(chart.meta.title)],
		...(chart.meta.subtitle ? [[field(chart.meta.subtitle)]] : []),
		[field(footerText(chart.meta))]
	];
	return BOM + lines.map((fields) => fields.join(SEPARATOR)).join(EOL) + EOL;
}

/**
 * A numeric cell as Excel parses it: the table's nl-NL text without the true minus sign (Excel
 * reads only '-') and with an empty cell for a missing value ('–' would make the column text).
 */
function numericCell(text: string): string {
	if (isMissing(text)) return '';
	return parseDutchNumber(text) ? text.trim().replace('−', '-') : text;
}

/**
 * One field: neutralised against formula injection (OWASP: a cell that starts with = + - @,
 * tab or CR is run as a formula by Excel; a leading ' makes it text), except plain numbers,
 * and quoted when it holds the separator, a quote or a line break.
 */
export function field(value: string): string {
	let text = value;
	if (/^[=+\-@\t\r]/.test(text) && !parseDutchNumber(text)) text = `'${text}`;
	return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
