/**
 * The staging area of one delivery and its preview. `<aanleveringen>/<id>/` holds
 * `upload/<n>.upload` (the files as received, under generated names), `exports/` (the staged
 * export set: the current exports with the uploads added or replacing every file of their
 * kind, and the manifest that says so), `build/snapshots/<snapshotId>.duckdb` (the staged
 * snapshot, built by the ingest's own buildSnapshot) and `preview.json` (what publishing needs).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, createReadStream, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, constants as fsConstants } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { z } from 'zod';
import { EXPORT_KINDS, type ExportSoort } from '../../domain/exports';
import { manifestSchema, type Manifest, type ManifestEntry } from '../../domain/schemas';
import { SNAPSHOT_DIR, pointerSchema, readPointer, storePaths, type Pointer } from '../db/layout';
import { buildSnapshot, seconds } from '../ingest/build';
import { ingestReportSchema } from '../ingest/report';
import { MANIFEST_FILE, combineFingerprint, isExportFile } from '../ingest/sources';
import { computeWijzigingen, readProvenance, type ProvenanceFile } from './diff';
import type { AanleveringBestand, Wijzigingen } from './types';
import type { IngestError } from '../ingest/report';

export const uploadDir = (dir: string) => join(dir, 'upload');
export const uploadPath = (dir: string, index: number) => join(dir, 'upload', `${index}.upload`);
export const stagedExportsDir = (dir: string) => join(dir, 'exports');
export const buildRoot = (dir: string) => join(dir, 'build');
/** Copies of the uploads that publishing renames into data/exports (the uploads themselves go to the archive). */
export const publishCopiesDir = (dir: string) => join(dir, 'publiceren');
export const stagedSnapshotFile = (dir: string, snapshotId: string) => join(dir, 'build', SNAPSHOT_DIR, `${snapshotId}.duckdb`);
const previewFile = (dir: string) => join(dir, 'preview.json');

/** A file of an export set as it was when the preview was made: content and identity on disk. */
const seenFileSchema = z.object({ bestand: z.string(), sha256: z.string(), bytes: z.number(), ino: z.number(), mtimeMs: z.number() });
export type SeenFile = z.infer<typeof seenFileSchema>;

export const previewStateSchema = z.object({
	pointer: pointerSchema,
	report: ingestReportSchema,
	/** The current snapshot and export files (manifest included) the preview was made on. */
	basis: z.object({ pointer: pointerSchema.nullable(), bestanden: z.array(seenFileSchema), fingerprint: z.string().nullable() }),
	/** The staged set: its files (manifest included) and sha256. */
	staged: z.array(z.object({ bestand: z.string(), sha256: z.string(), bytes: z.number() }))
});
export type PreviewState = z.infer<typeof previewStateSchema>;

export function readPreviewState(dir: string): PreviewState | null {
	try {
		const parsed = previewStateSchema.safeParse(JSON.parse(readFileSync(previewFile(dir), 'utf8')));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

/** The form's provenance for the uploaded files. */
export interface Provenance {
	bron: string | null;
	peildatum: string | null;
	illustratief: boolean;
}

/** The current export set: manifest (null when missing or invalid) and export files on disk. */
export function currentExports(exportsDir: string): { manifest: Manifest | null; files: string[] } {
	let manifest: Manifest | null = null;
	try {
		const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(join(exportsDir, MANIFEST_FILE), 'utf8').replace(/^\ufeff/, '')));
		if (parsed.success) manifest = parsed.data;
	} catch {
		/* missing or not JSON: the staged build reports it as the ingest does */
	}
	const files = existsSync(exportsDir) ? readdirSync(exportsDir).filter((f) => isExportFile(f) && statSync(join(exportsDir, f)).isFile()) : [];
	return { manifest, files };
}

const EXTENSION: Record<AanleveringBestand['formaat'], string> = { csv: '.csv', xlsx: '.xlsx', parquet: '.parquet' };

/**
 * Names in the exports and the files each upload replaces. An upload that alone replaces its
 * kind keeps the replaced file's name when the extension matches (`capaciteit.xlsx` stays
 * `capaciteit.xlsx`); otherwise it is named after its kind (`capaciteit.csv`, `capaciteit-2.csv`).
 * Never the client's name.
 */
export function assignNames(bestanden: AanleveringBestand[], current: { manifest: Manifest | null; files: string[] }): AanleveringBestand[] {
	const kinds = new Set(bestanden.map((b) => b.soort).filter((s): s is ExportSoort => s !== null));
	const entries = current.manifest?.bestanden ?? [];
	const replaced = new Set(entries.filter((e) => kinds.has(e.soort)).map((e) => e.bestand));
	const taken = new Set(current.files.filter((f) => !replaced.has(f)).map((f) => f.toLowerCase()));
	return bestanden.map((b) => {
		const vervangt = b.soort ? entries.filter((e) => e.soort === b.soort).map((e) => e.bestand) : [];
		const ext = EXTENSION[b.formaat];
		const sameKind = bestanden.filter((x) => x.soort === b.soort);
		let naam = sameKind.length === 1 ? vervangt.find((f) => extname(f).toLowerCase() === ext && !taken.has(f.toLowerCase())) : undefined;
		if (!naam) {
			const stem = b.soort ?? 'onbekend';
			for (let n = 1; !naam || taken.has(naam.toLowerCase()); n++) naam = `${stem}${n === 1 ? '' : `-${n}`}${ext}`;
		}
		taken.add(naam.toLowerCase());
		return { ...b, bestand: naam, vervangt };
	});
}

/** The staged manifest: the current one with each uploaded kind's entries replaced by the uploads, in place. */
export function stagedManifest(manifest: Manifest, bestanden: AanleveringBestand[], provenance: Provenance): Manifest {
	const kinds = new Set(bestanden.map((b) => b.soort));
	const entry = (b: AanleveringBestand): ManifestEntry => {
		const previous = manifest.bestanden.find((e) => e.soort === b.soort);
		return {
			bestand: b.bestand,
			soort: b.soort!,
			// Without a bron or peildatum in the form, the file takes those of the file it replaces.
			bron: provenance.bron ?? previous?.bron ?? `Aanlevering ${EXPORT_KINDS[b.soort!].label}`,
			peildatum: provenance.peildatum ?? previous?.peildatum ?? new Date().toISOString().slice(0, 10),
			illustratief: provenance.illustratief,
			...(b.blad ? { blad: b.blad } : {})
		};
	};
	const out: ManifestEntry[] = [];
	const placed = new Set<ExportSoort>();
	for (const e of manifest.bestanden) {
		if (!kinds.has(e.soort)) out.push(e);
		else if (!placed.has(e.soort)) {
			placed.add(e.soort);
			out.push(...bestanden.filter((b) => b.soort === e.soort).map(entry));
		}
	}
	out.push(...bestanden.filter((b) => !placed.has(b.soort!)).map(entry));
	return { regio: manifest.regio, bestanden: out };
}

function linkOrCopy(from: string, to: string): void {
	try {
		linkSync(from, to);
	} catch {
		copyFileSync(from, to, fsConstants.COPYFILE_FICLONE);
	}
}

export interface PreviewOutcome {
	ok: boolean;
	bestanden: AanleveringBestand[];
	basisSnapshot: string | null;
	stagedSnapshot: string | null;
	fouten: IngestError[];
	foutenTotaal: number;
	wijzigingen: Wijzigingen | null;
}

/**
 * Stage the set and run it through the ingest's reading, checks and build, into the staging
 * area (the store is not touched); then compare with the current snapshot. Never throws for
 * bad files: the outcome lists every error.
 */
export async function runPreview(dir: string, bestanden: AanleveringBestand[], provenance: Provenance, log: (line: string) => void): Promise<PreviewOutcome> {
	const paths = storePaths();
	const basis = readPointer(paths.store);
	const current = currentExports(paths.exports);
	const named = assignNames(bestanden, current);
	const replaced = new Set(named.flatMap((b) => b.vervangt));
	const exportsDir = stagedExportsDir(dir);
	rmSync(exportsDir, { recursive: true, force: true });
	rmSync(buildRoot(dir), { recursive: true, force: true });
	rmSync(publishCopiesDir(dir), { recursive: true, force: true });
	rmSync(previewFile(dir), { force: true });
	mkdirSync(exportsDir, { recursive: true });
	mkdirSync(publishCopiesDir(dir), { recursive: true });

	// Current files are hard-linked (the build only reads them; an edit in data/exports replaces
	// the file or changes its mtime, and publishing then refuses). Files named in the manifest
	// but missing, and files not in it, stay as they are: the build reports them as the ingest would.
	const kept = current.files.filter((f) => !replaced.has(f) && !named.some((b) => b.bestand.toLowerCase() === f.toLowerCase()));
	for (const f of kept) linkOrCopy(join(paths.exports, f), join(exportsDir, f));
	for (const b of named) linkOrCopy(uploadPath(dir, b.index), join(exportsDir, b.bestand));
	const manifestPath = join(paths.exports, MANIFEST_FILE);
	if (current.manifest) writeFileSync(join(exportsDir, MANIFEST_FILE), JSON.stringify(stagedManifest(current.manifest, named, provenance), null, '\t') + '\n');
	else if (existsSync(manifestPath)) copyFileSync(manifestPath, join(exportsDir, MANIFEST_FILE));

	// What the current set is on disk, for the archive and for publishing's "unchanged" check;
	// hashed beside the build (the files that are linked are hashed by the build itself).
	const seen = [...current.files, ...(existsSync(manifestPath) ? [MANIFEST_FILE] : [])].map((bestand) => ({ bestand, stat: statSync(join(paths.exports, bestand)) }));
	const linked = new Set(kept);
	// Started once the build has hashed its files (main-thread work) and DuckDB takes over: the
	// replaced files' sha256 (for the archive) and the copies a publish renames into data/exports.
	// A replaced file not touched since the current snapshot was built, with the size that build
	// read, is the file it hashed: its sha256 comes from the snapshot's provenance (roll back
	// verifies archived files before restoring them). Any other file is hashed.
	const builtFrom = basis ? await readProvenance(join(paths.store, basis.file)).catch(() => new Map<string, ProvenanceFile>()) : new Map<string, ProvenanceFile>();
	const known = (s: (typeof seen)[number]) => {
		const p = builtFrom.get(s.bestand);
		return p && basis && p.bytes === s.stat.size && s.stat.mtimeMs < Date.parse(basis.createdAt) ? p.sha256 : null;
	};
	let hashing: Promise<(readonly [string, string])[]> = Promise.resolve([]);
	let copying: Promise<unknown> = Promise.resolve();
	const besides = () => {
		hashing = Promise.all(seen.filter((s) => !linked.has(s.bestand)).map(async (s) => [s.bestand, known(s) ?? (await sha256Of(join(paths.exports, s.bestand)))] as const));
		copying = Promise.all(named.map((b) => copyFile(uploadPath(dir, b.index), join(publishCopiesDir(dir), b.bestand), fsConstants.COPYFILE_FICLONE)));
		// Awaited after the build; a failing build must not leave them as unhandled rejections.
		hashing.catch(() => undefined);
		copying.catch(() => undefined);
	};

	const built = await buildSnapshot({ exportsDir, buildRoot: buildRoot(dir), grenzenDir: paths.exports, log, onFilesRead: besides });
	const ownHashes = new Map(await hashing);
	await copying;
	// The uploads' sha256 from the build, which hashed them as staged (hard links of the uploads).
	const builtHash = new Map(built.hashes.bestanden.map((f) => [f.bestand, f.sha256]));
	const hashed = await Promise.all(named.map(async (b) => ({ ...b, sha256: builtHash.get(b.bestand) ?? (await sha256Of(uploadPath(dir, b.index))) })));
	if (!built.report.ok || !built.snapshotFile || !built.pointer) {
		rmSync(buildRoot(dir), { recursive: true, force: true });
		rmSync(publishCopiesDir(dir), { recursive: true, force: true });
		return { ok: false, bestanden: hashed, basisSnapshot: basis?.snapshotId ?? null, stagedSnapshot: null, fouten: built.report.errors, foutenTotaal: built.report.errorCount, wijzigingen: null };
	}
	const snapshotFile = stagedSnapshotFile(dir, built.pointer.snapshotId);
	mkdirSync(join(buildRoot(dir), SNAPSHOT_DIR), { recursive: true });
	renameSync(built.snapshotFile, snapshotFile);
	rmSync(dirname(built.snapshotFile), { recursive: true, force: true });

	const stagedHash = new Map(built.hashes.bestanden.map((f) => [f.bestand, f.sha256]));
	const basisFiles: SeenFile[] = seen.map(({ bestand, stat }) => ({
		bestand,
		sha256: ownHashes.get(bestand) ?? stagedHash.get(bestand) ?? '',
		bytes: stat.size,
		ino: stat.ino,
		mtimeMs: stat.mtimeMs
	}));
	const basisManifest = basisFiles.find((f) => f.bestand === MANIFEST_FILE);
	const basisFingerprint = basisManifest && current.manifest ? combineFingerprint(basisManifest.sha256, basisFiles.filter((f) => current.manifest!.bestanden.some((e) => e.bestand === f.bestand))) : null;
	const state: PreviewState = {
		pointer: built.pointer,
		report: built.report,
		basis: { pointer: basis, bestanden: basisFiles, fingerprint: basisFingerprint },
		staged: [...built.hashes.bestanden, { bestand: MANIFEST_FILE, sha256: built.hashes.manifest!, bytes: statSync(join(exportsDir, MANIFEST_FILE)).size }]
	};
	writeFileSync(previewFile(dir), JSON.stringify(state, null, '\t') + '\n');
	const basisFile = basis ? join(paths.store, basis.file) : null;
	const diffStarted = performance.now();
	const wijzigingen = await computeWijzigingen(basisFile && existsSync(basisFile) ? basisFile : null, snapshotFile);
	log(`${'Wijzigingen tegenover de huidige gegevens bepaald'.padEnd(52)} ${seconds((performance.now() - diffStarted) / 1000).padStart(9)}`);
	return { ok: true, bestanden: hashed, basisSnapshot: basis?.snapshotId ?? null, stagedSnapshot: built.pointer.snapshotId, fouten: [], foutenTotaal: 0, wijzigingen };
}

async function sha256Of(path: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 })) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

/** The pointer of a staged snapshot (for opening it read-only). */
export function stagedPointer(dir: string): Pointer | null {
	return readPreviewState(dir)?.pointer ?? null;
}
