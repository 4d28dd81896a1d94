/**
 * Which export kind a file is, from its header titles: the kind whose required columns are all
 * there and that claims the most of the file's columns (names and the "andere kolomtitels" of
 * data/exports/README.md, compared as the ingest compares them). A tie is no recognition: the
 * user then chooses. Only the first 20 lines (CSV) or rows per sheet (XLSX) are read.
 */
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { EXPORT_KINDS, EXPORT_SOORTEN, type ExportSoort } from '../../domain/exports';
import { cellText, splitLine } from '../ingest/readers';
import { mapHeaders } from '../ingest/stage';
import type { Formaat } from './types';

const HEADER_LINES = 20;
const DELIMITERS = [';', ',', '\t', '|'];

export interface Recognition {
	soort: ExportSoort | null;
	/** XLSX: the sheet holding the recognised headers, when it is not the first. */
	blad?: string;
}

/** How many of a header line's cells a kind claims, or 0 when one of its required columns is missing. */
export function headerScore(soort: ExportSoort, headers: string[]): number {
	const { columns } = mapHeaders(EXPORT_KINDS[soort], headers);
	if (columns.some((c) => c.alias === null && c.column.required)) return 0;
	return columns.filter((c) => c.alias !== null).length;
}

/** The kind with the highest score over all candidate header lines; a tie between kinds is no recognition. */
export function bestKind(candidates: { headers: string[]; blad?: string }[]): Recognition {
	const best = new Map<ExportSoort, { score: number; blad?: string }>();
	for (const { headers, blad } of candidates) {
		for (const soort of EXPORT_SOORTEN) {
			const score = headerScore(soort, headers);
			if (score > (best.get(soort)?.score ?? 0)) best.set(soort, { score, blad });
		}
	}
	const ranked = [...best].sort((a, b) => b[1].score - a[1].score);
	if (!ranked.length || (ranked.length > 1 && ranked[1][1].score === ranked[0][1].score)) return { soort: null };
	const [soort, { blad }] = ranked[0];
	return blad ? { soort, blad } : { soort };
}

export async function recognise(path: string, formaat: Formaat): Promise<Recognition> {
	try {
		if (formaat === 'csv') return bestKind(csvHeaderCandidates(path).map((headers) => ({ headers })));
		if (formaat === 'parquet') return bestKind([{ headers: await parquetHeaders(path) }]);
		return await recogniseXlsx(path);
	} catch {
		return { soort: null }; // unreadable: the preview's reading reports why
	}
}

/** Every way the first lines split into cells, for each candidate delimiter. */
function csvHeaderCandidates(path: string): string[][] {
	const fd = openSync(path, 'r');
	const buffer = Buffer.alloc(64 * 1024);
	const read = readSync(fd, buffer, 0, buffer.length, 0);
	closeSync(fd);
	const bytes = buffer.subarray(0, read);
	let text: string;
	if (bytes[0] === 0xff && bytes[1] === 0xfe) text = iconv.decode(bytes, 'utf-16le');
	else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = iconv.decode(bytes, 'utf-16be');
	else {
		// The buffer may end inside a character: judge the encoding on whole lines.
		const cut = bytes.lastIndexOf(0x0a);
		const whole = cut > 0 ? bytes.subarray(0, cut) : bytes;
		text = isUtf8(whole) ? whole.toString('utf8') : iconv.decode(whole, 'windows-1252');
	}
	const lines = text.replace(/^\ufeff/, '').split(/\r?\n/).slice(0, HEADER_LINES);
	return lines.flatMap((line) => DELIMITERS.map((d) => splitLine(line, d)));
}


async function parquetHeaders(path: string): Promise<string[]> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	try {
		const con = await instance.connect();
		try {
			const reader = await con.runAndReadAll('DESCRIBE SELECT * FROM read_parquet($path)', { path });
			return reader.getRowObjects().map((r) => String(r.column_name));
		} finally {
			con.closeSync();
		}
	} finally {
		instance.closeSync();
	}
}

/** Give up on a workbook whose headers take longer than this to stream (broken XML can stall the reader). */
const XLSX_TIMEOUT_MS = 30_000;

/** The first 20 rows of every sheet, streamed (a large workbook is not loaded whole for this). */
async function recogniseXlsx(path: string): Promise<Recognition> {
	const input = createReadStream(path);
	let timer: NodeJS.Timeout | undefined;
	const failure = new Promise<never>((_, reject) => {
		input.once('error', reject);
		timer = setTimeout(() => reject(new Error('timeout')), XLSX_TIMEOUT_MS);
	});
	let streamed: Recognition;
	try {
		const reading = readXlsxHeaders(input);
		reading.catch(() => undefined); // when the timeout or a read error wins, its later failure is moot
		streamed = await Promise.race([reading, failure]);
	} finally {
		clearTimeout(timer);
		input.destroy();
	}
	// exceljs's streaming reader can hand out the rows of a sheet stored before the shared strings
	// without their text, depending on timing (seen under load): a workbook small enough is then
	// read whole, which resolves every string. Its size was bounded by the zip-bomb check.
	if (streamed.soort === null && statSync(path).size <= XLSX_WHOLE_MAX_BYTES) return recogniseWholeXlsx(path);
	return streamed;
}

/** Up to this size a workbook whose headers the stream did not find is read whole. */
const XLSX_WHOLE_MAX_BYTES = 64 * 1024 * 1024;

export async function recogniseWholeXlsx(path: string): Promise<Recognition> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.readFile(path);
	const candidates: { headers: string[]; blad?: string }[] = [];
	workbook.worksheets.forEach((worksheet, i) => {
		for (let n = 1; n <= Math.min(HEADER_LINES, worksheet.rowCount); n++) {
			const values = worksheet.getRow(n).values;
			candidates.push({ headers: (Array.isArray(values) ? values.slice(1) : []).map((v) => cellText(v as ExcelJS.CellValue) ?? ''), blad: i === 0 ? undefined : worksheet.name });
		}
	});
	return bestKind(candidates);
}

async function readXlsxHeaders(input: ReturnType<typeof createReadStream>): Promise<Recognition> {
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', worksheets: 'emit', entries: 'ignore', styles: 'ignore', hyperlinks: 'ignore' });
	const candidates: { headers: string[]; blad?: string }[] = [];
	let first = true;
	for await (const worksheet of reader) {
		const name = (worksheet as unknown as { name?: string }).name;
		for await (const row of worksheet) {
			const values = Array.isArray(row.values) ? row.values.slice(1) : [];
			candidates.push({ headers: values.map((v) => cellText(v as ExcelJS.CellValue) ?? ''), blad: first ? undefined : name });
			if (row.number >= HEADER_LINES) break;
		}
		first = false;
	}
	return bestKind(candidates);
}
