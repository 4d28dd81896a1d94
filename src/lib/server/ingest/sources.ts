/**
 * The export files of an ingest: the manifest that gives their provenance, and for each file
 * its bytes' fingerprint (sha256), size and text encoding, read in one streaming pass.
 */
import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { manifestSchema, type Manifest, type ManifestEntry } from '../../domain/schemas';
import { findBoundariesFile } from '../geo/boundaries';
import type { BoundariesFile } from '../geo/stored';
import type { IngestError } from './report';

export const MANIFEST_FILE = 'manifest.json';
export const SUPPORTED_EXTENSIONS = ['.csv', '.txt', '.xlsx', '.parquet'] as const;

export interface FileFacts {
	sha256: string;
	bytes: number;
	/** 'utf-8' (with or without BOM) or 'windows-1252' when the bytes are not valid UTF-8. */
	encoding: 'utf-8' | 'windows-1252';
	bom: boolean;
}

export interface ExportSource extends FileFacts {
	entry: ManifestEntry;
	path: string;
}

/** A problem with the file set itself, phrased for the user. */
export function fileError(bestand: string, melding: string, verwacht: string): IngestError {
	return { bestand, rij: null, kolom: null, waarde: null, verwacht, melding };
}

/** Hash a file and check whether it is UTF-8, streaming (exports can be hundreds of MB). */
export async function fileFacts(path: string): Promise<FileFacts> {
	const hash = createHash('sha256');
	let bytes = 0;
	let utf8 = true;
	let carry: Buffer = Buffer.alloc(0);
	let first = true;
	let bom = false;
	for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
		hash.update(chunk);
		bytes += chunk.length;
		if (first) {
			bom = chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
			first = false;
		}
		if (!utf8) continue;
		const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
		// A multi-byte character may straddle chunks: check up to the last character start.
		const cut = lastCompleteBoundary(data);
		if (!isUtf8(data.subarray(0, cut))) utf8 = false;
		carry = Buffer.from(data.subarray(cut));
	}
	if (utf8 && carry.length && !isUtf8(carry)) utf8 = false;
	return { sha256: hash.digest('hex'), bytes, encoding: utf8 ? 'utf-8' : 'windows-1252', bom };
}

/** Index after the last complete UTF-8 sequence in the final 4 bytes. */
function lastCompleteBoundary(data: Buffer): number {
	const n = data.length;
	for (let back = 1; back <= Math.min(4, n); back++) {
		const byte = data[n - back];
		if ((byte & 0xc0) === 0x80) continue; // continuation byte
		const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
		return need > back ? n - back : n;
	}
	return n;
}

export interface FileSet {
	manifest: Manifest | null;
	manifestSha256: string | null;
	sources: ExportSource[];
	errors: IngestError[];
}

/**
 * Read the manifest and the files it names. Every file in the directory must be in the
 * manifest and every manifest entry must exist: provenance is never guessed.
 */
export async function readFileSet(exportsDir: string): Promise<FileSet> {
	const errors: IngestError[] = [];
	const manifestPath = join(exportsDir, MANIFEST_FILE);
	if (!existsSync(exportsDir)) {
		return { manifest: null, manifestSha256: null, sources: [], errors: [fileError(exportsDir, `De map met exports ${exportsDir} bestaat niet.`, 'een map met exports en manifest.json')] };
	}
	if (!existsSync(manifestPath)) {
		return { manifest: null, manifestSha256: null, sources: [], errors: [fileError(MANIFEST_FILE, `${MANIFEST_FILE} ontbreekt in ${exportsDir}: zonder manifest is de herkomst van de exports onbekend.`, 'een manifest.json met regio en bestanden (zie data/exports/README.md)')] };
	}
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(manifestPath, 'utf8').replace(/^\ufeff/, ''));
	} catch (e) {
		return { manifest: null, manifestSha256: null, sources: [], errors: [fileError(MANIFEST_FILE, `${MANIFEST_FILE} is geen geldige JSON: ${(e as Error).message}.`, 'geldige JSON')] };
	}
	const parsed = manifestSchema.safeParse(raw);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const where = issue.path.join('.');
			errors.push(fileError(MANIFEST_FILE, `${MANIFEST_FILE}, veld ${where || '(hoofdniveau)'}: ${issue.message}.`, 'de velden van data/exports/README.md, sectie Manifest'));
		}
		return { manifest: null, manifestSha256: null, sources: [], errors };
	}
	const manifest = parsed.data;
	const named = new Set<string>();
	for (const entry of manifest.bestanden) {
		if (named.has(entry.bestand)) errors.push(fileError(MANIFEST_FILE, `${MANIFEST_FILE} noemt ${entry.bestand} twee keer.`, 'elk bestand één keer'));
		named.add(entry.bestand);
		if (entry.bestand !== basename(entry.bestand)) {
			errors.push(fileError(MANIFEST_FILE, `${MANIFEST_FILE}: bestand '${entry.bestand}' moet een bestandsnaam in de exportmap zijn, zonder map.`, 'een bestandsnaam zonder map'));
		}
	}
	const onDisk = readdirSync(exportsDir).filter((f) => f !== MANIFEST_FILE && !f.startsWith('.') && statSync(join(exportsDir, f)).isFile());
	for (const f of onDisk) {
		if (!named.has(f) && isExportFile(f)) {
			errors.push(fileError(f, `${f} staat niet in ${MANIFEST_FILE}: voeg een regel toe met soort, bron, peildatum en illustratief.`, 'een regel in manifest.json voor elk exportbestand'));
		}
	}
	const sources: ExportSource[] = [];
	for (const entry of manifest.bestanden) {
		if (entry.bestand !== basename(entry.bestand)) continue;
		const path = join(exportsDir, entry.bestand);
		if (!existsSync(path)) {
			errors.push(fileError(entry.bestand, `${entry.bestand} staat in ${MANIFEST_FILE} maar ontbreekt in de exportmap.`, 'het bestand in de exportmap'));
			continue;
		}
		const ext = extname(entry.bestand).toLowerCase();
		if (!isExportFile(entry.bestand)) {
			errors.push(fileError(entry.bestand, `${entry.bestand}: bestandstype ${ext || '(geen extensie)'} wordt niet ondersteund.`, 'CSV (.csv, .txt), Excel (.xlsx) of Parquet (.parquet)'));
			continue;
		}
		sources.push({ entry, path, ...(await fileFacts(path)) });
	}
	return { manifest, manifestSha256: (await fileFacts(manifestPath)).sha256, sources, errors };
}

/** Combine the manifest's and the export files' hashes into one fingerprint of the export set. */
export function combineFingerprint(manifestSha256: string, files: { bestand: string; sha256: string }[]): string {
	const hash = createHash('sha256');
	hash.update(`${MANIFEST_FILE}\0${manifestSha256}\n`);
	for (const f of [...files].sort((a, b) => (a.bestand < b.bestand ? -1 : 1))) hash.update(`${f.bestand}\0${f.sha256}\n`);
	return hash.digest('hex');
}

/**
 * The fingerprint of the export set on disk (manifest and supported export files): `npm start`
 * ingests only when it differs from the current snapshot's.
 */
export async function exportsFingerprint(exportsDir: string): Promise<string | null> {
	const manifestPath = join(exportsDir, MANIFEST_FILE);
	if (!existsSync(manifestPath)) return null;
	const files = readdirSync(exportsDir).filter(
		(f) => isExportFile(f) && statSync(join(exportsDir, f)).isFile()
	);
	const facts = await Promise.all(files.map(async (bestand) => ({ bestand, sha256: (await fileFacts(join(exportsDir, bestand))).sha256 })));
	return combineFingerprint((await fileFacts(manifestPath)).sha256, facts);
}

/**
 * The gemeente boundaries file beside the exports (`geo/*.geojson`, optional) with its sha256:
 * part of what a snapshot is built from, so a file placed, replaced or removed means a new ingest.
 */
export async function boundariesFile(exportsDir: string): Promise<BoundariesFile | null> {
	const found = findBoundariesFile(exportsDir);
	if (!found) return null;
	try {
		const { sha256, bytes } = await fileFacts(found.path);
		return { ...found, sha256, bytes };
	} catch {
		// Unreadable: the ingest says so when it reads it.
		return { ...found, sha256: 'onleesbaar', bytes: 0 };
	}
}

export function isExportFile(name: string): boolean {
	return !name.startsWith('.') && name !== MANIFEST_FILE && SUPPORTED_EXTENSIONS.includes(extname(name).toLowerCase() as (typeof SUPPORTED_EXTENSIONS)[number]);
}
