/**
 * A chart's data as a formatted Excel sheet: the title in row 1, the filters under it, a bold
 * header row, numbers stored as numbers (so they sum and sort) with number formats Excel shows
 * the Dutch way (format codes are locale-neutral: '#,##0.0' reads 1.234,5 in Dutch Excel),
 * and the source line under the table. One column has one precision (the most decimals any of
 * its cells writes), dates written in words (`15 november 2023`) are Excel dates, title and
 * header name their font, and the sheet prints on A4 landscape with the header row repeated.
 *
 * Same chart, rows and snapshot give the same bytes, as the SVG does: the workbook's created
 * and modified dates are the snapshot's, and so are the zip entries' dates (ExcelJS stamps
 * both with the current time).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { footerText } from '$lib/charts/meta';
import type { LoadedChart } from '../charts/types';
import { isMissing, parseDutchNumber, type DutchNumber } from './table-cells';

/** Row of the header; the title and filters sit above it. */
const HEADER_ROW = 4;
/** The workbook's font (ExcelJS's default body font, which every Windows with Office has), named on title and header too. */
const FONT = { name: 'Calibri', family: 2 } as const;
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** `15 november 2023` (formatDate) → that day at 00:00 UTC; anything else → null. */
export function parseDutchDate(text: string): Date | null {
	const match = /^(\d{1,2}) ([a-z]+) (\d{4})$/.exec(text.trim());
	const month = match ? MONTHS.indexOf(match[2]) : -1;
	if (!match || month < 0) return null;
	const date = new Date(Date.UTC(Number(match[3]), month, Number(match[1])));
	return date.getUTCDate() === Number(match[1]) ? date : null;
}

export interface XlsxOptions {
	/**
	 * The workbook's created and modified date: the snapshot's creation time (snapshot_info's
	 * created_at). Default: the chart's peildatum, else 1 January 2000, never the clock.
	 */
	date?: Date;
}

/** The workbook as bytes. */
export async function xlsx(chart: LoadedChart, { date = fallbackDate(chart) }: XlsxOptions = {}): Promise<Buffer> {
	const { meta } = chart;
	const table = chart.definition.table(chart.rows);
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Regiomonitor BW&O';
	workbook.lastModifiedBy = 'Regiomonitor BW&O';
	workbook.created = date;
	workbook.modified = date;
	const sheet = workbook.addWorksheet(sheetName(meta.title), {
		views: [{ state: 'frozen', ySplit: HEADER_ROW }],
		// paperSize 9 is A4; the header row repeats on every printed page
		pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` }
	});

	sheet.getCell(1, 1).value = meta.title;
	sheet.getCell(1, 1).font = { ...FONT, bold: true, size: 14 };
	if (meta.subtitle) {
		sheet.getCell(2, 1).value = meta.subtitle;
		sheet.getCell(2, 1).font = { ...FONT, italic: true, color: { argb: 'FF4D4D4D' } };
	}

	const header = sheet.getRow(HEADER_ROW);
	table.columns.forEach((column, i) => {
		const cell = header.getCell(i + 1);
		cell.value = column.label;
		cell.font = { ...FONT, bold: true };
		cell.alignment = { horizontal: column.numeric ? 'right' : 'left', vertical: 'bottom', wrapText: true };
		cell.border = { bottom: { style: 'thin' } };
		cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
	});

	// One column, one precision: the most decimals any of its cells writes.
	const decimals = table.columns.map((column, i) =>
		column.numeric ? Math.max(0, ...table.rows.map((row) => parseDutchNumber(row[i] ?? '')?.decimals ?? 0)) : 0
	);
	table.rows.forEach((cells, r) => {
		const row = sheet.getRow(HEADER_ROW + 1 + r);
		cells.forEach((text, i) => {
			const cell = row.getCell(i + 1);
			const number = table.columns[i]?.numeric ? parseDutchNumber(text) : null;
			const date = number ? null : parseDutchDate(text);
			if (number) {
				cell.value = number.value;
				cell.numFmt = numberFormat({ ...number, decimals: decimals[i] });
			} else if (date) {
				cell.value = date;
				cell.numFmt = 'd mmmm yyyy';
			} else if (table.columns[i]?.numeric && isMissing(text)) {
				cell.value = null;
			} else {
				cell.value = text;
			}
		});
	});

	const sourceRow = HEADER_ROW + table.rows.length + 2;
	sheet.getCell(sourceRow, 1).value = footerText(meta);
	sheet.getCell(sourceRow, 1).font = { italic: true, size: 9, color: { argb: 'FF4D4D4D' } };

	table.columns.forEach((column, i) => {
		const longest = Math.max(column.label.length, ...table.rows.map((row) => (row[i] ?? '').length));
		sheet.getColumn(i + 1).width = Math.min(Math.max(longest + 2, column.numeric ? 10 : 14), 50);
	});

	// Stored, not compressed: stampZip compresses every entry once, when it dates it.
	return stampZip(Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions)), date);
}

function fallbackDate({ meta }: LoadedChart): Date {
	return new Date(`${meta.peildatum ?? '2000-01-01'}T00:00:00Z`);
}

/** The same zip with every entry dated `date` (JSZip dates entries it is not told about with now). */
async function stampZip(bytes: Buffer, date: Date): Promise<Buffer> {
	const source = await JSZip.loadAsync(bytes);
	const out = new JSZip();
	for (const [name, entry] of Object.entries(source.files)) {
		if (!entry.dir) out.file(name, await entry.async('uint8array'), { date, createFolders: false });
	}
	return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** '#,##0' with as many decimals as the table writes; '0.0%' for percentages. */
function numberFormat({ decimals, percent }: DutchNumber): string {
	const fraction = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
	return percent ? `0${fraction}%` : `#,##0${fraction}`;
}

/** Excel's sheet-name rules: at most 31 characters (cut between words), none of \ / ? * [ ] :, not blank. */
export function sheetName(title: string): string {
	const cleaned = title.replace(/[\\/?*[\]:]/g, ' ').replace(/\s+/g, ' ').trim();
	// cut at a word boundary (a comma or space), not in the middle of a word
	const cut = cleaned.length > 31 ? cleaned.slice(0, 32).lastIndexOf(' ') : -1;
	const short = cleaned.length > 31 ? cleaned.slice(0, cut > 0 ? cut : 31).replace(/[\s,;·–-]+$/, '') : cleaned;
	return short.replace(/^'+|'+$/g, '') || 'Gegevens';
}
