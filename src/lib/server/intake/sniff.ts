/**
 * Does a file's content match its name? Checked on the bytes, before any reader sees them:
 * an .xlsx is a zip with an Excel workbook whose entries inflate to a bounded size (zip bombs),
 * a .parquet starts and ends with PAR1, a .csv is text (not a zip, Parquet, old Excel or PDF).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import yauzl from 'yauzl';
import { IntakeError } from './errors';
import { unpackedLimit, type IntakeLimits } from './limits';
import type { Formaat } from './types';
import { formatInteger } from '../../domain/format';

/** Supported extensions and the format each stands for. */
const FORMATS: Record<string, Formaat> = { '.csv': 'csv', '.txt': 'csv', '.xlsx': 'xlsx', '.parquet': 'parquet' };

/** The format a client file name claims, or an IntakeError 415 for any other type. */
export function formatOf(naam: string): Formaat {
	const dot = naam.lastIndexOf('.');
	const ext = dot >= 0 ? naam.slice(dot).toLowerCase() : '';
	const formaat = FORMATS[ext];
	if (!formaat) throw new IntakeError(415, 'bestandstype', `${naam}: bestandstype ${ext || '(geen extensie)'} wordt niet ondersteund; lever CSV (.csv, .txt), Excel (.xlsx) of Parquet (.parquet) aan.`);
	return formaat;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const PAR1 = [0x50, 0x41, 0x52, 0x31];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];
const PDF = [0x25, 0x50, 0x44, 0x46];

const startsWith = (head: Buffer, magic: number[]) => head.length >= magic.length && magic.every((b, i) => head[i] === b);

/** First and last bytes of a file. */
function ends(path: string, n = 8192): { head: Buffer; tail: Buffer; size: number } {
	const fd = openSync(path, 'r');
	try {
		const size = fstatSync(fd).size;
		const head = Buffer.alloc(Math.min(n, size));
		readSync(fd, head, 0, head.length, 0);
		const tail = Buffer.alloc(Math.min(4, size));
		readSync(fd, tail, 0, tail.length, size - tail.length);
		return { head, tail, size };
	} finally {
		closeSync(fd);
	}
}

/** What the bytes are, in the users' words, for the refusal message. */
function looksLike(head: Buffer): string | null {
	if (startsWith(head, ZIP) || startsWith(head, ZIP_EMPTY)) return 'een zip-bestand (zoals een Excel-werkmap .xlsx)';
	if (startsWith(head, PAR1)) return 'een Parquet-bestand';
	if (startsWith(head, OLE2)) return 'een oud Excel-bestand (.xls) of ander Office-bestand';
	if (startsWith(head, PDF)) return 'een PDF-bestand';
	return null;
}

/**
 * Refuse (415) content that does not match the claimed format, and (413) an XLSX whose
 * entries inflate beyond the limit; `naam` is the client's name, for the message only.
 */
export async function checkContent(path: string, naam: string, formaat: Formaat, limits: IntakeLimits): Promise<void> {
	const { head, tail, size } = ends(path);
	const seen = looksLike(head);
	if (formaat === 'csv') {
		if (seen) throw new IntakeError(415, 'inhoud_past_niet', `${naam} heet een CSV-bestand, maar is ${seen}. Geef het bestand de juiste extensie of sla het op als CSV.`);
		const utf16 = head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
		// NUL bytes do not occur in text (UTF-8 or Windows-1252); UTF-16 text has them, with its byte order mark.
		if (!utf16 && head.includes(0)) throw new IntakeError(415, 'inhoud_past_niet', `${naam} heet een CSV-bestand, maar bevat binaire gegevens in plaats van tekst.`);
		return;
	}
	if (formaat === 'parquet') {
		if (!startsWith(head, PAR1) || !startsWith(tail, PAR1) || size < 12) {
			throw new IntakeError(415, 'inhoud_past_niet', `${naam} heet een Parquet-bestand, maar ${seen ? `is ${seen}` : 'begint en eindigt niet met de kenmerkende PAR1-bytes'}.`);
		}
		return;
	}
	if (!startsWith(head, ZIP)) {
		throw new IntakeError(415, 'inhoud_past_niet', `${naam} heet een Excel-bestand (.xlsx), maar is ${seen ?? (head.includes(0) ? 'geen zip-bestand' : 'tekst (zoals CSV)')}; een .xlsx is altijd een zip-bestand.`);
	}
	await checkZip(path, naam, unpackedLimit(limits, size));
}

/** At most this many entries in one workbook (a real one has tens). */
const MAX_ENTRIES = 10_000;

/**
 * Inflate every entry of the zip, counting bytes and discarding them, and stop as soon as the
 * total passes `limit`: declared sizes can lie, so they are checked (yauzl validates each
 * entry's size) and not trusted. A zip that is no Excel workbook is refused as well.
 */
export async function checkZip(path: string, naam: string, limit: number): Promise<void> {
	const tooBig = () => new IntakeError(413, 'uitgepakt_te_groot', `${naam} pakt uit tot meer dan ${formatInteger(limit / 1024 / 1024)} MB: dat is geen gewone Excel-werkmap (mogelijk een zip-bom) en wordt niet ingelezen.`);
	const notExcel = (why: string) => new IntakeError(415, 'inhoud_past_niet', `${naam} heet een Excel-bestand (.xlsx), maar ${why}.`);
	let zip: yauzl.ZipFile;
	try {
		zip = await yauzl.openPromise(path, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, autoClose: false });
	} catch {
		throw notExcel('het is geen leesbaar zip-bestand');
	}
	let total = 0;
	let entries = 0;
	let workbook = false;
	try {
		await new Promise<void>((resolve, reject) => {
			zip.on('error', () => reject(notExcel('het zip-bestand is beschadigd')));
			zip.on('end', () => resolve());
			zip.on('entry', (entry: yauzl.Entry) => {
				entries++;
				if (entries > MAX_ENTRIES) return reject(notExcel(`het bevat meer dan ${formatInteger(MAX_ENTRIES)} onderdelen`));
				if (entry.fileName === 'xl/workbook.xml') workbook = true;
				if (entry.fileName.endsWith('/')) return zip.readEntry();
				// Declared sizes first: a cheap refusal for an honest bomb.
				if (total + entry.uncompressedSize > limit) return reject(tooBig());
				zip.openReadStream(entry, (err, stream) => {
					if (err) return reject(notExcel('het zip-bestand is beschadigd'));
					stream.on('data', (chunk: Buffer) => {
						total += chunk.length;
						if (total > limit) {
							stream.destroy();
							reject(tooBig());
						}
					});
					stream.on('error', () => reject(total > limit ? tooBig() : notExcel('een onderdeel kan niet worden uitgepakt')));
					stream.on('end', () => zip.readEntry());
				});
			});
			zip.readEntry();
		});
	} finally {
		zip.close();
	}
	if (!workbook) throw notExcel('het zip-bestand bevat geen Excel-werkmap (xl/workbook.xml ontbreekt)');
}
