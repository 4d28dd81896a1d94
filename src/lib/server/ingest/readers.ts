/**
 * Readers turn one export file into a relation of text columns c0…cN in file order, inside
 * the DuckDB connection that builds the snapshot. DuckDB parses CSV and Parquet itself (fast
 * at millions of rows); XLSX goes through exceljs. Normalising and validating happen later,
 * in SQL generated from the export declarations (sql.ts), the same for every format.
 */
import { closeSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { EXPORT_KINDS, type ExportSoort } from '../../domain/exports';
import { normaliseKey } from '../../domain/vocabulary';
import type { ExportSource } from './sources';

export interface RawSource {
	/** A table function call or table name yielding VARCHAR columns c0…cN, in file order. */
	relation: string;
	/** Values bound to the $parameters of `relation`. */
	params: Record<string, string>;
	/** The header titles as the file has them, by position. */
	headers: string[];
	/** How the file was read, in Dutch, for provenance and progress. */
	formaat: string;
	/**
	 * CSV only: the same file read with DuckDB's typed parser, given a SQL type per column
	 * alias (VARCHAR where absent). Used for the fast path of large, clean files (fast.ts).
	 */
	typedRelation?: (types: Map<string, string>, rejectsTable: string) => string;
	/** Map 0-based record indices to the row numbers a user sees (Excel row or text line). */
	rowNumbers(indices: number[]): Map<number, number>;
}

/** A file that cannot be read at all, with a Dutch message (no stack trace). */
export class ReadError extends Error {
	constructor(
		message: string,
		readonly rij: number | null = null
	) {
		super(message);
	}
}

export const columnAlias = (i: number) => `c${i}`;

export async function readExport(con: DuckDBConnection, source: ExportSource, workDir: string, sequence: number): Promise<RawSource> {
	const ext = source.path.toLowerCase().slice(source.path.lastIndexOf('.'));
	if (ext === '.xlsx') return readXlsx(con, source, sequence);
	if (ext === '.parquet') return readParquet(con, source);
	return readCsv(con, source, workDir, sequence);
}

// ---------------------------------------------------------------- CSV

interface Dialect {
	delimiter: string;
	quote: string;
	escape: string;
	skip: number;
}

const DELIMITER_NAMES: Record<string, string> = { ';': 'puntkomma', ',': 'komma', '\t': 'tab', '|': 'verticale streep' };

async function readCsv(con: DuckDBConnection, source: ExportSource, workDir: string, sequence: number): Promise<RawSource> {
	let path = source.path;
	const utf16 = utf16Bom(source.path);
	if (utf16) {
		// Excel's "Unicode-tekst" (.txt) and some tools write UTF-16 with a byte order mark:
		// transcode a copy to UTF-8 as for Windows-1252.
		path = join(workDir, `bron-${sequence}.csv`);
		writeFileSync(path, iconv.decode(readFileSync(source.path), utf16)); // iconv strips the BOM
	} else if (source.encoding === 'windows-1252') {
		// Dutch Excel saves "CSV (gescheiden door lijstscheidingsteken)" in Windows-1252; DuckDB
		// reads UTF-8, so transcode a copy (never touch the export itself). Node's TextDecoder
		// maps 0x80–0x9F as Latin-1 (€ and ’ would be lost), hence iconv-lite.
		path = join(workDir, `bron-${sequence}.csv`);
		writeFileSync(path, iconv.decode(readFileSync(source.path), 'windows-1252'));
	}
	if (source.bytes === 0 || (source.bom && source.bytes <= 3) || (utf16 && source.bytes <= 2)) throw new ReadError('Het bestand is leeg.');
	const dialect = detectDialect(path, source.entry.soort);
	const base = { path, delim: dialect.delimiter, quote: dialect.quote, escape: dialect.escape };
	// The dialect is ours from here on: DuckDB's own detection gives up on a file with one bad row.
	const options = `delim = $delim, quote = $quote, escape = $escape, skip = ${dialect.skip}, auto_detect = false`;
	let headers: string[];
	try {
		headers = await headerRow(con, options, base);
	} catch (e) {
		throw csvError(e);
	}
	if (headers.length === 0 || headers.every((h) => h === '')) throw new ReadError('De eerste regel bevat geen kolomkoppen.', dialect.skip + 1);
	const relation = `read_csv($path, ${options}, header = true, columns = {${varcharColumns(headers.length)}})`;
	const headerLine = dialect.skip + 1;
	const formaat = [
		'CSV',
		`scheidingsteken ${DELIMITER_NAMES[dialect.delimiter] ?? dialect.delimiter}`,
		utf16 ? (utf16 === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE') : source.encoding === 'windows-1252' ? 'Windows-1252' : source.bom ? 'UTF-8 met BOM' : 'UTF-8'
	].join(', ');
	return {
		relation,
		params: base,
		headers,
		formaat,
		typedRelation: (types, rejects) => {
			const columns = headers.map((_, i) => `'${columnAlias(i)}': '${types.get(columnAlias(i)) ?? 'VARCHAR'}'`).join(', ');
			const decimal = dialect.delimiter === ';' ? `, decimal_separator = ','` : '';
			return `read_csv($path, ${options}, header = true, columns = {${columns}}${decimal}, store_rejects = true, rejects_table = '${rejects}', rejects_scan = '${rejects}_scan')`;
		},
		rowNumbers: (indices) => csvLineNumbers(readFileSync(path, 'utf8'), dialect.quote, headerLine, indices)
	};
}

/** 'utf-16le' / 'utf-16be' when the file starts with that byte order mark. */
function utf16Bom(path: string): 'utf-16le' | 'utf-16be' | null {
	const fd = openSync(path, 'r');
	try {
		const head = Buffer.alloc(2);
		const n = readSync(fd, head, 0, 2, 0);
		if (n < 2) return null;
		if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
		if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
		return null;
	} finally {
		closeSync(fd);
	}
}

const MAX_COLUMNS = 200;

function varcharColumns(count: number): string {
	return Array.from({ length: count }, (_, i) => `'${columnAlias(i)}': 'VARCHAR'`).join(', ');
}

async function headerRow(con: DuckDBConnection, options: string, params: Record<string, string>): Promise<string[]> {
	const reader = await con.runAndReadAll(
		`SELECT * FROM read_csv($path, ${options}, header = false, null_padding = true, strict_mode = false, parallel = false, columns = {${varcharColumns(MAX_COLUMNS)}}) LIMIT 1`,
		params
	);
	const row = (reader.getRows()[0] ?? []).map((v) => (v === null ? '' : String(v).replace(/^\ufeff/, '').trim()));
	while (row.length && row[row.length - 1] === '') row.pop();
	return row;
}

const CANDIDATE_DELIMITERS = [';', ',', '\t', '|'];
const HEADER_SEARCH_LINES = 20;

/**
 * The dialect of a CSV export from its first lines: the header is the first line (of 20) whose
 * cells name the most columns of the kind, so title lines above it are skipped; the delimiter
 * is the candidate that splits that line into the most known columns. Quotes are '"' as Excel,
 * StatLine and every export tool we know write them.
 */
export function detectDialect(path: string, soort: ExportSoort): Dialect {
	const fd = openSync(path, 'r');
	const buffer = Buffer.alloc(64 * 1024);
	const read = readSync(fd, buffer, 0, buffer.length, 0);
	closeSync(fd);
	const lines = buffer.toString('utf8', 0, read).replace(/^\ufeff/, '').split(/\r?\n/).slice(0, HEADER_SEARCH_LINES);
	const known = knownHeaderKeys(soort);
	let best = { skip: 0, delimiter: '', score: 0 };
	lines.forEach((line, skip) => {
		for (const delimiter of CANDIDATE_DELIMITERS) {
			const score = splitLine(line, delimiter).filter((cell) => known.has(normaliseKey(cell))).length;
			if (score > best.score) best = { skip, delimiter, score };
		}
	});
	if (!best.delimiter) {
		// No known column at all: read the first line with its most frequent delimiter, so the
		// message can list the columns that were found.
		const counts = CANDIDATE_DELIMITERS.map((d) => [d, splitLine(lines[0] ?? '', d).length] as const);
		best.delimiter = counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
	}
	return { delimiter: best.delimiter, quote: '"', escape: '"', skip: best.skip };
}

/** Cells of one line, honouring double quotes; enough to recognise a header. */
export function splitLine(line: string, delimiter: string): string[] {
	const cells: string[] = [];
	let cell = '';
	let inQuotes = false;
	for (const ch of line) {
		if (ch === '"') inQuotes = !inQuotes;
		else if (ch === delimiter && !inQuotes) {
			cells.push(cell.trim());
			cell = '';
		} else cell += ch;
	}
	cells.push(cell.trim());
	return cells;
}

/** DuckDB's CSV errors, in Dutch, with the line when DuckDB names one. */
export function csvError(e: unknown): ReadError {
	// DuckDB echoes the statement after the message ("LINE 1: …"); only the message counts.
	// Match only DuckDB's own words: not the echoed data line ("Original Line: …", which may hold
	// any text) nor the option dump after "Possible Solution" (it always contains "quote = ").
	const message = (e instanceof Error ? e.message : String(e))
		.split(/\n\s*LINE \d+:/)[0]
		.split(/\n\s*(?:Possible Solution|file = )/)[0]
		.replace(/^Original Line:.*$/m, '');
	const line = /on Line:?\s*(\d+)/i.exec(message);
	const columns = /Expected Number of Columns:?\s*(\d+)\s*Found:?\s*(\d+)/i.exec(message);
	const rij = line ? Number(line[1]) : null;
	if (columns) {
		return new ReadError(`Regel ${rij ?? '?'} heeft ${columns[2]} kolommen waar de kopregel er ${columns[1]} heeft (controleer scheidingstekens en aanhalingstekens).`, rij);
	}
	const tooLong = /Maximum line size of (\d+) bytes exceeded\.?\s*Actual Size:?\s*(\d+)/i.exec(message);
	if (tooLong) {
		const mb = (bytes: string) => (Number(bytes) / 1e6).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
		return new ReadError(`Regel ${rij ?? '?'} is te lang: ${mb(tooLong[2])} MB, terwijl een regel hoogstens ${mb(tooLong[1])} MB mag zijn (controleer of er een aanhalingsteken ontbreekt of een cel onbedoeld heel veel tekst bevat).`, rij);
	}
	if (/unicode|utf-?8|encoding/i.test(message)) return new ReadError('De tekens in het bestand zijn geen geldige UTF-8 of Windows-1252.', rij);
	if (/quote/i.test(message)) return new ReadError(`Regel ${rij ?? '?'} heeft een aanhalingsteken dat niet wordt gesloten.`, rij);
	const firstLine = message.split('\n')[0].replace(/^[A-Za-z ]+Error:\s*/, '');
	return new ReadError(`Het bestand kan niet als CSV worden gelezen: ${firstLine}`, rij);
}

/**
 * Physical line numbers of data records: records follow the header, blank lines are skipped
 * (as DuckDB does) and quoted fields may span lines. Only run when errors are reported.
 */
export function csvLineNumbers(text: string, quote: string, headerLine: number, indices: number[]): Map<number, number> {
	const wanted = new Set(indices);
	const result = new Map<number, number>();
	let line = 1;
	let record = -1; // the header is record -1
	let inQuotes = false;
	let recordStartLine = 1;
	let recordHasContent = false;
	let pastHeader = false;
	const max = Math.max(-1, ...indices);
	for (let i = 0; i <= text.length && record <= max; i++) {
		const ch = text[i];
		const atEnd = i === text.length;
		// Title lines above the header are skipped by the reader: their quotes do not count.
		if (!atEnd && quote && ch === quote && line >= headerLine) inQuotes = !inQuotes;
		if (atEnd || (ch === '\n' && !inQuotes)) {
			if (line >= headerLine && (recordHasContent || !pastHeader)) {
				if (!pastHeader) pastHeader = true;
				else {
					record += 1;
					if (wanted.has(record)) result.set(record, recordStartLine);
				}
			}
			line += 1;
			recordStartLine = line;
			recordHasContent = false;
			continue;
		}
		if (ch === '\n') line += 1;
		else if (ch !== '\r' && ch !== ' ' && ch !== '\ufeff') recordHasContent = true;
	}
	return result;
}

// ---------------------------------------------------------------- XLSX

async function readXlsx(con: DuckDBConnection, source: ExportSource, sequence: number): Promise<RawSource> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.readFile(source.path);
	} catch {
		throw new ReadError('Het bestand is geen geldig Excel-bestand (.xlsx): het kan niet worden geopend.');
	}
	const wanted = source.entry.blad;
	const sheet = wanted ? workbook.getWorksheet(wanted) : workbook.worksheets[0];
	if (!sheet) {
		const names = workbook.worksheets.map((w) => `'${w.name}'`).join(', ') || '(geen)';
		throw new ReadError(wanted ? `Het werkblad '${wanted}' bestaat niet; wel aanwezig: ${names}.` : 'Het bestand heeft geen werkbladen.');
	}
	const headerRowNumber = findHeaderRow(sheet, source.entry.soort);
	if (headerRowNumber === null) {
		throw new ReadError(`Geen kopregel gevonden in de eerste ${HEADER_SEARCH_ROWS} rijen van werkblad '${sheet.name}': geen enkele cel heet als een kolom van ${source.entry.soort}.`);
	}
	const headerCells = sheet.getRow(headerRowNumber);
	const width = headerCells.cellCount;
	const headers = Array.from({ length: width }, (_, i) => cellText(headerCells.getCell(i + 1).value) ?? '');
	while (headers.length && headers[headers.length - 1] === '') headers.pop();
	const table = `raw_xlsx_${sequence}`;
	await con.run(`CREATE TEMP TABLE ${table} (${headers.map((_, i) => `${columnAlias(i)} VARCHAR`).join(', ')})`);
	const appender = await con.createAppender(table, 'main', 'temp');
	const rowNumbers: number[] = [];
	for (let r = headerRowNumber + 1; r <= sheet.rowCount; r++) {
		const row = sheet.getRow(r);
		const values = headers.map((_, i) => cellText(row.getCell(i + 1).value));
		if (values.every((v) => v === null || v === '')) continue; // blank rows are layout, not data
		for (const v of values) {
			if (v === null) appender.appendNull();
			else appender.appendVarchar(v);
		}
		appender.endRow();
		rowNumbers.push(r);
	}
	appender.closeSync();
	return {
		relation: table,
		params: {},
		headers,
		formaat: `Excel (.xlsx), werkblad '${sheet.name}', kopregel op rij ${headerRowNumber}`,
		rowNumbers: (indices) => new Map(indices.map((i) => [i, rowNumbers[i] ?? i + headerRowNumber + 1]))
	};
}

const HEADER_SEARCH_ROWS = 20;

/** The first row (of the first 20) whose cells name the most columns of the kind: title rows and blank rows above it are skipped. */
function findHeaderRow(sheet: ExcelJS.Worksheet, soort: ExportSoort): number | null {
	const known = knownHeaderKeys(soort);
	let best: { row: number; score: number } | null = null;
	for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
		const row = sheet.getRow(r);
		let score = 0;
		row.eachCell((cell) => {
			const text = cellText(cell.value);
			if (text && known.has(normaliseKey(text))) score++;
		});
		if (score > 0 && (!best || score > best.score)) best = { row: r, score };
	}
	return best?.row ?? null;
}

export function knownHeaderKeys(soort: ExportSoort): Set<string> {
	const keys = new Set<string>();
	for (const c of EXPORT_KINDS[soort].columns) {
		keys.add(normaliseKey(c.name));
		for (const a of c.headerAliases ?? []) keys.add(normaliseKey(a));
	}
	return keys;
}

/** The text of a cell as a user would see its value: formulas give their result, dates ISO. */
export function cellText(value: ExcelJS.CellValue): string | null {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
	if (typeof value === 'boolean') return value ? 'waar' : 'onwaar';
	if (typeof value === 'string') return value;
	if (typeof value === 'object') {
		if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((t) => t.text).join('');
		if ('error' in value) return String(value.error);
		if ('formula' in value || 'sharedFormula' in value) {
			const result = (value as { result?: ExcelJS.CellValue }).result;
			return result === undefined ? null : cellText(result);
		}
		if ('text' in value) return cellText((value as { text: ExcelJS.CellValue }).text);
	}
	return String(value);
}

// ---------------------------------------------------------------- Parquet

async function readParquet(con: DuckDBConnection, source: ExportSource): Promise<RawSource> {
	const params = { path: source.path };
	let headers: string[];
	try {
		const reader = await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet($path)`, params);
		headers = reader.getRowObjects().map((r) => String(r.column_name));
	} catch (e) {
		const first = (e instanceof Error ? e.message : String(e)).split('\n')[0];
		throw new ReadError(`Het bestand is geen geldig Parquet-bestand (${first.replace(/^[A-Za-z ]*Error:\s*/, '')})`);
	}
	// Positional references (#1…) keep column names from the file out of the SQL text.
	const columns = headers.map((_, i) => `CAST(#${i + 1} AS VARCHAR) AS ${columnAlias(i)}`).join(', ');
	return {
		relation: `(SELECT ${columns} FROM read_parquet($path))`,
		params,
		headers,
		formaat: 'Parquet',
		rowNumbers: (indices) => new Map(indices.map((i) => [i, i + 1]))
	};
}
