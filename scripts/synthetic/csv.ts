/**
 * CSV dialects and a fast streaming writer. Real exports come from Dutch Excel (`;`, decimal
 * comma, BOM, CRLF, dates as 15-11-2023) or from other tools (`,`, plain UTF-8, LF); the
 * synthetic files mix both so the reader is exercised on each (data/exports/README.md).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { EXPORT_KINDS, columnNames, type ExportSoort } from '../../src/lib/domain/exports';

export interface CsvDialect {
	separator: ';' | ',';
	decimalComma: boolean;
	bom: boolean;
	eol: '\r\n' | '\n';
	/** Dates as Dutch Excel shows them (15-11-2023) instead of ISO (2023-11-15). */
	dutchDates: boolean;
}

export const DUTCH_EXCEL: CsvDialect = { separator: ';', decimalComma: true, bom: true, eol: '\r\n', dutchDates: false };
export const DUTCH_EXCEL_DATES: CsvDialect = { ...DUTCH_EXCEL, dutchDates: true };
export const PLAIN_CSV: CsvDialect = { separator: ',', decimalComma: false, bom: false, eol: '\n', dutchDates: false };

/** Quotes a field when it holds the separator, a quote or a line break (RFC 4180). */
export function quoteField(text: string, separator: string): string {
	return text.includes(separator) || text.includes('"') || text.includes('\n') || text.includes('\r')
		? `"${text.replaceAll('"', '""')}"`
		: text;
}

/** Formats a typed export row as one CSV line (without line ending), columns in exports.ts order. */
export function formatRow(soort: ExportSoort, row: Record<string, unknown>, dialect: CsvDialect): string {
	const fields: string[] = [];
	for (const column of EXPORT_KINDS[soort].columns) {
		const value = row[column.name];
		let text: string;
		if (value === null || value === undefined) text = '';
		else if (typeof value === 'number') text = dialect.decimalComma ? String(value).replace('.', ',') : String(value);
		else if (column.type.kind === 'date' && dialect.dutchDates) text = String(value).split('-').reverse().join('-');
		else text = String(value);
		fields.push(quoteField(text, dialect.separator));
	}
	return fields.join(dialect.separator);
}

/** The header line: the canonical column names of the kind. */
export function headerLine(soort: ExportSoort, dialect: CsvDialect): string {
	return columnNames(soort).join(dialect.separator);
}

export interface WriteResult {
	rows: number;
	bytes: number;
	seconds: number;
}

/** Bytes gathered before one write; a few MB keeps syscalls and promise overhead negligible. */
const CHUNK_BYTES = 2 * 1024 * 1024;

/**
 * Streams a header and lines to a file. Lines are encoded straight into ~2 MB buffers (much
 * faster than concatenating millions of small strings, which V8 must flatten), and the writer
 * waits for 'drain' when the stream's buffer is full, so memory stays flat at millions of rows.
 */
export async function writeCsv(path: string, header: string, lines: Iterable<string>, dialect: CsvDialect): Promise<WriteResult> {
	const started = performance.now();
	const stream = createWriteStream(path, { highWaterMark: 4 * CHUNK_BYTES });
	const failed = new Promise<never>((_, reject) => stream.once('error', reject));
	failed.catch(() => {}); // observed below; avoids an unhandled rejection when no write is pending
	let bytes = 0;
	let rows = 0;
	let buffer = Buffer.allocUnsafe(CHUNK_BYTES + 64 * 1024);
	let offset = 0;
	const flush = async () => {
		if (offset === 0) return;
		const chunk = buffer.subarray(0, offset);
		bytes += offset;
		// The stream keeps the chunk until written, so the next lines go into a fresh buffer.
		buffer = Buffer.allocUnsafe(buffer.length);
		offset = 0;
		if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
	};
	// UTF-8 needs at most 3 bytes per UTF-16 code unit.
	const worstCase = (text: string) => (text.length + dialect.eol.length) * 3;
	const full = (text: string) => offset >= CHUNK_BYTES || offset + worstCase(text) > buffer.length;
	// Synchronous on purpose: awaiting once per line would cost a promise per row.
	const put = (text: string) => {
		if (worstCase(text) > buffer.length - offset) buffer = Buffer.allocUnsafe(worstCase(text)); // a very long line, after a flush
		offset += buffer.write(text, offset, 'utf8');
		offset += buffer.write(dialect.eol, offset, 'utf8');
	};

	put((dialect.bom ? '\uFEFF' : '') + header);
	for (const line of lines) {
		if (full(line)) await flush();
		put(line);
		rows++;
	}
	await flush();
	stream.end();
	await Promise.race([once(stream, 'finish'), failed]);
	return { rows, bytes, seconds: (performance.now() - started) / 1000 };
}
