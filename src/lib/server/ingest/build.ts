/**
 * The two halves of an ingest. `buildSnapshot` reads an export set and checks it, stages and
 * checks every file, and writes a complete snapshot file in a build directory, touching nothing else; `publishSnapshot` moves
 * a built snapshot into a store, switches the pointer atomically, prunes old snapshots and
 * writes the report. `npm run ingest` does both under the store's lock; an upload's preview
 * (server/intake) builds in its staging area and publishes later, under the same lock.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync, copyFileSync, constants as fsConstants } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { EXPORT_KINDS, EXPORT_SOORTEN } from '../../domain/exports';
import { normaliseKey } from '../../domain/vocabulary';
import type { Manifest } from '../../domain/schemas';
import { SNAPSHOT_DIR, fsyncDir, pruneSnapshots, writePointer, type Pointer, type StorePaths } from '../db/layout';
import { CREATE_DERIVED, CREATE_META_TABLES, STORE_SCHEMA_VERSION, kleineAantallenInsert } from '../db/schema';
import { bindParams, type Params } from '../db/params';
import { loadDisclosure, patternRows } from '../disclosure/patterns';
import { checkDuplicateKeys, crossChecks } from './checks';
import { writeReport, type FileReport, type IngestError, type IngestReport } from './report';
import { boundariesFile, combineFingerprint, fileError, readFileSet, type FileSet } from './sources';
import { storeBoundaries, type BoundariesFile } from '../geo/stored';
import { addError, resolveVocabulary, stageFile, type StagedFile } from './stage';

export const LOCK_FILE = 'ingest.lock';
export const BUILD_PREFIX = 'building-';

export interface BuildOptions {
	/** The export set to read (manifest and files). */
	exportsDir: string;
	/** Where the build directory is made: the store for an ingest, a staging area for a preview. */
	buildRoot: string;
	startedAt?: Date;
	/** Progress lines (the same lines `npm run ingest` prints). */
	log?: (line: string) => void;
	/**
	 * Where the gemeente boundaries file is looked for (`<dir>/geo/*.geojson`): the exports
	 * directory by default. An upload's preview builds from a staged copy of the exports and
	 * takes the boundaries of the store's exports directory, which an upload does not replace.
	 */
	grenzenDir?: string;
	/** The pointer to keep when no build is needed for this fingerprint and boundaries file (ingest: nothing changed), else null. */
	unchanged?: (fingerprint: string, grenzen: string | null) => Pointer | null;
	/** Called once every file has been hashed and read for its encoding (the build's own main-thread work), before DuckDB starts. */
	onFilesRead?: () => void;
}

export interface BuiltSnapshot {
	/** The outcome, not yet written: `nieuwe_snapshot` (built, not switched), `ongewijzigd` or `fouten`. */
	report: IngestReport;
	/** The built DuckDB file, inside `buildRoot/building-<id>/`; null unless a snapshot was built. */
	snapshotFile: string | null;
	/** The pointer that makes it current (or the unchanged current one); null on errors. */
	pointer: Pointer | null;
	/** The manifest of the export set that was read (null when it could not be read). */
	manifest: Manifest | null;
	/** sha256 of the manifest file and of every export file, as read. */
	hashes: { manifest: string | null; bestanden: { bestand: string; sha256: string; bytes: number }[] };
}

/** Progress lines with the time since the previous one, as `npm run ingest` prints them. */
interface Clock {
	lap(label: string): void;
	/** Start the next lap now (after a line that carries its own time). */
	restart(): void;
}

function clock(log: (line: string) => void): Clock {
	let phase = performance.now();
	return {
		lap(label) {
			const now = performance.now();
			log(`${label.padEnd(52)} ${seconds((now - phase) / 1000).padStart(9)}`);
			phase = now;
		},
		restart() {
			phase = performance.now();
		}
	};
}

/** Read and check: the manifest and every file it names must be there, one per kind. */
function completenessErrors(set: FileSet): IngestError[] {
	const errors: IngestError[] = [...set.errors];
	if (!set.manifest || !set.manifestSha256) return errors;
	const present = new Set(set.sources.map((s) => s.entry.soort));
	for (const soort of EXPORT_SOORTEN) {
		if (!present.has(soort) && !errors.some((e) => e.bestand === 'manifest.json')) {
			errors.push(fileError('manifest.json', `Er is geen export van soort '${soort}' (${EXPORT_KINDS[soort].label}) in manifest.json; elke soort is nodig voor een volledige opslag.`, `een bestand per soort: ${EXPORT_SOORTEN.join(', ')}`));
		}
	}
	return errors;
}

/**
 * Stage: load every file into its table (gemeenten first: the others resolve gemeente names
 * against it), resolve the vocabularies, and run the checks within and between exports. The
 * staged files carry their errors; nothing is written when any has one.
 */
async function stageFiles(con: DuckDBConnection, set: FileSet, buildDir: string, log: (line: string) => void, time: Clock): Promise<StagedFile[]> {
	const order = [...set.sources].sort((a, b) => EXPORT_SOORTEN.indexOf(a.entry.soort) - EXPORT_SOORTEN.indexOf(b.entry.soort));
	let gemeenten: Map<string, string> | null = null;
	const names = new Map<string, string>();
	const staged: StagedFile[] = [];
	for (const [i, source] of order.entries()) {
		const file = await stageFile(con, source, i, buildDir);
		if (source.entry.soort === 'gemeenten' && file.rows > 0) {
			gemeenten ??= new Map();
			for (const [code, naam] of (await con.runAndReadAll(`SELECT gemeentecode, naam FROM ${file.table} WHERE gemeentecode IS NOT NULL`)).getRows()) {
				gemeenten.set(String(code), String(naam));
				if (naam !== null) names.set(normaliseKey(String(naam)), String(code));
				names.set(normaliseKey(String(code)), String(code));
			}
		}
		const resolveStart = performance.now();
		if (source.entry.soort !== 'gemeenten') await resolveVocabulary(con, file, gemeenten, names); // without gemeenten (failed), only its own errors are reported
		else await resolveVocabulary(con, file, null, names);
		file.seconds += (performance.now() - resolveStart) / 1000;
		staged.push(file);
		log(progressLine(file));
		time.restart();
	}
	// A kind whose files hold only a header would make a hollow snapshot (and every other
	// export's check against it would fail without naming the real cause): say so.
	for (const soort of EXPORT_SOORTEN) {
		const files = staged.filter((f) => f.kind.soort === soort);
		if (files.length && files.every((f) => f.rows === 0 && f.errorCount === 0)) {
			for (const f of files) addError(f, fileError(f.source.entry.bestand, `${f.source.entry.bestand}: het bestand bevat geen gegevens, alleen een kopregel; verwacht minstens één rij met gegevens.`, 'minstens één rij met gegevens'));
		}
	}
	const reread = await checkDuplicateKeys(con, staged);
	if (reread.length) {
		// Duplicates in a file read without row order: read it again in order to name the lines.
		for (const file of reread) {
			await con.run(`DROP TABLE ${file.table}`);
			const again = await stageFile(con, file.source, order.indexOf(file.source), buildDir, { ordered: true });
			await resolveVocabulary(con, again, gemeenten, names);
			staged[staged.indexOf(file)] = again;
		}
		await checkDuplicateKeys(con, staged);
	}
	time.lap('Controle op dubbele sleutels');
	await crossChecks(con, staged);
	time.lap('Controles tussen exports');
	return staged;
}

/**
 * The hidden cells of the new snapshot (disclosure patterns, computed over its full tables as a
 * request would) into verborgen_cellen.
 */
async function storeHiddenCells(con: DuckDBConnection): Promise<void> {
	const disclosure = await loadDisclosure(async (sql, params = {}) => {
		const { values, types } = bindParams(sql, params as Params);
		return (await con.runAndReadAll(sql, values, types)).getRowObjectsJson() as Record<string, unknown>[];
	});
	const rows = patternRows(disclosure).sort((a, b) => (a.patroon + a.deel < b.patroon + b.deel ? -1 : a.patroon + a.deel > b.patroon + b.deel ? 1 : 0));
	const appender = await con.createAppender('verborgen_cellen');
	for (const r of rows) {
		appender.appendVarchar(r.patroon);
		appender.appendVarchar(r.deel);
		appender.appendVarchar(r.sleutel);
		appender.appendVarchar(r.kolom);
		appender.appendVarchar(r.reden);
		appender.endRow();
	}
	appender.closeSync();
}

/** Write the checked tables, the snapshot's facts and provenance, and the derived tables into the snapshot file. */
async function writeSnapshot(
	con: DuckDBConnection,
	staged: StagedFile[],
	{ snapshotId, startedAt, fingerprint, manifest, grenzen }: { snapshotId: string; startedAt: Date; fingerprint: string; manifest: Manifest; grenzen: BoundariesFile | null },
	time: Clock,
	log: (line: string) => void
): Promise<void> {
	await finaliseTables(con, staged);
	time.lap('Tabellen samengesteld');
	await con.run(CREATE_META_TABLES.join(';\n'));
	await con.run(`INSERT INTO snapshot_info VALUES ($id, CAST($at AS TIMESTAMP), $hash, ${STORE_SCHEMA_VERSION}, $code, $naam)`, {
		id: snapshotId,
		at: startedAt.toISOString(),
		hash: fingerprint,
		code: manifest.regio.code,
		naam: manifest.regio.naam
	});
	// Disclosure threshold of the manifest (issue 11); the query layer reads it from the snapshot.
	await con.run(...kleineAantallenInsert(manifest));
	for (const f of staged) {
		const e = f.source.entry;
		await con.run(
			`INSERT INTO provenance VALUES ($bestand, $soort, $sha, CAST($bytes AS BIGINT), CAST($rijen AS BIGINT), $formaat, $bron, CAST($peildatum AS DATE), CAST($illustratief AS BOOLEAN), nullif($toelichting, ''), CAST($at AS TIMESTAMP), CAST($seconden AS DOUBLE))`,
			{ bestand: e.bestand, soort: e.soort, sha: f.source.sha256, bytes: String(f.source.bytes), rijen: String(f.rows), formaat: f.raw?.formaat ?? '', bron: e.bron, peildatum: e.peildatum, illustratief: String(e.illustratief), toelichting: e.toelichting ?? '', at: startedAt.toISOString(), seconden: String(f.seconds) }
		);
	}
	for (const sql of CREATE_DERIVED) await con.run(sql);
	time.lap('Afgeleide tabellen (tekort, per 10.000, eerlijk deel)');
	await storeHiddenCells(con);
	time.lap('Afgeschermde cellen bepaald');
	const kaart = await storeBoundaries(con, grenzen);
	if (kaart) {
		log(kaart.regel);
		time.lap('Gemeentegrenzen per regio samengevoegd');
	}
	await con.run('CHECKPOINT');
	time.lap('Snapshot weggeschreven (checkpoint)');
}

/**
 * Read, check and build: never throws for bad input (the report lists every problem) and never
 * switches a pointer. On errors nothing is left in `buildRoot`. Three steps: read and check the
 * set (completenessErrors), stage and check every file (stageFiles), write the snapshot
 * (writeSnapshot); publishing is publishSnapshot's.
 */
export async function buildSnapshot({ exportsDir, buildRoot, grenzenDir = exportsDir, startedAt = new Date(), log = () => {}, unchanged = () => null, onFilesRead = () => {} }: BuildOptions): Promise<BuiltSnapshot> {
	const time = clock(log);
	const result = (partial: Pick<IngestReport, 'ok' | 'uitkomst' | 'snapshotId' | 'files' | 'errors'> & { errorCount?: number }, extra: Partial<BuiltSnapshot> = {}): BuiltSnapshot => ({
		report: makeReport(exportsDir, startedAt, partial),
		snapshotFile: null,
		pointer: null,
		manifest: null,
		hashes: { manifest: null, bestanden: [] },
		...extra
	});
	const [set, grenzen] = await Promise.all([readFileSet(exportsDir), boundariesFile(grenzenDir)]);
	time.lap('Bestanden en manifest gecontroleerd (sha256, tekenset)');
	onFilesRead();
	const hashes = { manifest: set.manifestSha256, bestanden: set.sources.map((s) => ({ bestand: s.entry.bestand, sha256: s.sha256, bytes: s.bytes })) };
	const failed = (staged: StagedFile[], errors: IngestError[], errorCount = errors.length) =>
		result({ ok: false, uitkomst: 'fouten', snapshotId: null, files: staged.map(fileReport), errors, errorCount }, { manifest: set.manifest, hashes });
	const errors = completenessErrors(set);
	if (errors.length || !set.manifest || !set.manifestSha256) return failed([], errors);
	const manifest = set.manifest;

	const fingerprint = combineFingerprint(set.manifestSha256, set.sources.map((s) => ({ bestand: s.entry.bestand, sha256: s.sha256 })));
	const current = unchanged(fingerprint, grenzen?.sha256 ?? null);
	if (current) return result({ ok: true, uitkomst: 'ongewijzigd', snapshotId: current.snapshotId, files: [], errors: [] }, { pointer: current, manifest, hashes });

	const snapshotId = newSnapshotId(startedAt, fingerprint);
	mkdirSync(buildRoot, { recursive: true });
	const buildDir = join(buildRoot, `${BUILD_PREFIX}${snapshotId}`);
	mkdirSync(buildDir);
	let built = false;
	try {
		const dbFile = join(buildDir, 'snapshot.duckdb');
		const instance = await DuckDBInstance.create(dbFile);
		const con = await instance.connect();
		let staged: StagedFile[];
		try {
			staged = await stageFiles(con, set, buildDir, log, time);
			if (staged.some((f) => f.errorCount > 0)) {
				return failed(staged, staged.flatMap((f) => f.errors), staged.reduce((n, f) => n + f.errorCount, 0));
			}
			await writeSnapshot(con, staged, { snapshotId, startedAt, fingerprint, manifest, grenzen }, time, log);
		} finally {
			con.closeSync();
			instance.closeSync();
		}
		// Transcoded copies of Windows-1252/UTF-16 exports are not needed once the file is written.
		for (const name of readdirSync(buildDir)) if (name !== 'snapshot.duckdb') rmSync(join(buildDir, name), { recursive: true, force: true });
		built = true;
		const pointer: Pointer = { snapshotId, file: `${SNAPSHOT_DIR}/${snapshotId}.duckdb`, createdAt: startedAt.toISOString(), exportsHash: fingerprint, schemaVersion: STORE_SCHEMA_VERSION, grenzen: grenzen?.sha256 ?? null };
		return { ...result({ ok: true, uitkomst: 'nieuwe_snapshot', snapshotId, files: staged.map(fileReport), errors: [] }), snapshotFile: dbFile, pointer, manifest, hashes };
	} finally {
		if (!built) rmSync(buildDir, { recursive: true, force: true });
	}
}

export interface PublishOptions {
	log?: (line: string) => void;
	/** The report's start (default: the build's); its duration runs from here to the switch. */
	startedAt?: Date;
}

/**
 * Make a built snapshot current in `paths.store`: move its file into snapshots/, switch the
 * pointer (atomic rename), prune old snapshots and write the report as the last one. The
 * caller holds the store's ingest lock.
 */
export function publishSnapshot(paths: StorePaths, built: BuiltSnapshot, { log = () => {}, startedAt }: PublishOptions = {}): IngestReport {
	if (!built.snapshotFile || !built.pointer || built.report.uitkomst !== 'nieuwe_snapshot') throw new Error('publishSnapshot: no built snapshot');
	const { pointer } = built;
	const snapshots = join(paths.store, SNAPSHOT_DIR);
	mkdirSync(snapshots, { recursive: true });
	const target = join(paths.store, pointer.file);
	moveFile(built.snapshotFile, target);
	// Pruning keeps the newest files by modification time: the snapshot made current now is the newest.
	const now = new Date();
	utimesSync(target, now, now);
	fsyncDir(snapshots);
	const buildDir = dirname(built.snapshotFile);
	if (basename(buildDir).startsWith(BUILD_PREFIX)) rmSync(buildDir, { recursive: true, force: true });
	writePointer(paths.store, pointer);
	const pruned = pruneSnapshots(paths.store, pointer);
	if (pruned.length) log(`Oude snapshots opgeruimd: ${pruned.join(', ')}`);
	const start = startedAt ?? new Date(built.report.startedAt);
	const report = makeReport(paths.exports, start, built.report);
	writeReport(paths.reports, report);
	return report;
}

/** Rename, or copy and rename when `from` is on another file system (the app dir may be elsewhere). */
export function moveFile(from: string, to: string): void {
	try {
		renameSync(from, to);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
		const tmp = `${to}.tmp-${process.pid}`;
		copyFileSync(from, tmp, fsConstants.COPYFILE_FICLONE);
		renameSync(tmp, to);
		rmSync(from, { force: true });
	}
}

/** Each staged file becomes its kind's table: a rename for one file, a union for several. */
async function finaliseTables(con: DuckDBConnection, staged: StagedFile[]): Promise<void> {
	for (const soort of EXPORT_SOORTEN) {
		const files = staged.filter((f) => f.kind.soort === soort);
		const columns = EXPORT_KINDS[soort].columns.map((c) => `"${c.name}"`).join(', ');
		if (files.length === 1) {
			if (files[0].hasErrorColumn) await con.run(`ALTER TABLE ${files[0].table} DROP COLUMN _fout`);
			await con.run(`ALTER TABLE ${files[0].table} RENAME TO ${soort}`);
		} else {
			await con.run(`CREATE TABLE ${soort} AS ${files.map((f) => `SELECT ${columns} FROM ${f.table}`).join(' UNION ALL ')}`);
			for (const f of files) await con.run(`DROP TABLE ${f.table}`);
		}
	}
}

function fileReport(f: StagedFile): FileReport {
	return { bestand: f.source.entry.bestand, soort: f.source.entry.soort, formaat: f.raw?.formaat ?? 'onleesbaar', rijen: f.rows, seconden: Math.round(f.seconds * 1000) / 1000, fouten: f.errorCount };
}

/** A report ending now. */
export function makeReport(exportsDir: string, startedAt: Date, partial: Pick<IngestReport, 'ok' | 'uitkomst' | 'snapshotId' | 'files' | 'errors'> & { errorCount?: number }): IngestReport {
	const finishedAt = new Date();
	return {
		ok: partial.ok,
		uitkomst: partial.uitkomst,
		snapshotId: partial.snapshotId,
		files: partial.files,
		errors: partial.errors,
		errorCount: partial.errorCount ?? partial.errors.length,
		exportsDir,
		startedAt: startedAt.toISOString(),
		finishedAt: finishedAt.toISOString(),
		seconden: (finishedAt.getTime() - startedAt.getTime()) / 1000
	};
}

export function newSnapshotId(at: Date, fingerprint: string): string {
	return `${at.toISOString().replace(/[-:]/g, '').replace('.', '').replace('Z', 'Z')}-${fingerprint.slice(0, 8)}`;
}

// ---------------------------------------------------------------- the store's ingest lock

/** Stores with an ingest or publish running in this process (the lock file holds our own pid, so it cannot tell them apart). */
const runningInProcess = new Set<string>();

export function lockedInProcess(storeDir: string): boolean {
	return runningInProcess.has(storeDir);
}

export function markInProcess(storeDir: string, running: boolean): void {
	if (running) runningInProcess.add(storeDir);
	else runningInProcess.delete(storeDir);
}

/** Take the lock file `ingest.lock` of a store (a stale one of a dead process is taken over). */
export function acquireLock(storeDir: string): { ok: true } | { ok: false; pid: number } {
	const file = join(storeDir, LOCK_FILE);
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			writeFileSync(file, String(process.pid), { flag: 'wx' });
			return { ok: true };
		} catch {
			let pid = 0;
			try {
				pid = Number(readFileSync(file, 'utf8')) || 0;
			} catch {
				continue; // released between our attempts
			}
			if (pid && pid !== process.pid && isAlive(pid)) return { ok: false, pid };
			rmSync(file, { force: true }); // left by a killed ingest
		}
	}
	return { ok: false, pid: 0 };
}

export function releaseLock(storeDir: string): void {
	const file = join(storeDir, LOCK_FILE);
	if (existsSync(file) && readFileSync(file, 'utf8') === String(process.pid)) rmSync(file, { force: true });
}

/**
 * The ingest lock of a store, for this process and across processes: `npm run ingest`, the
 * server's publish and roll back exclude each other. Returns a release function, or the pid
 * holding it.
 */
export function takeIngestLock(storeDir: string): { ok: true; release: () => void } | { ok: false; pid: number } {
	if (runningInProcess.has(storeDir)) return { ok: false, pid: process.pid };
	const lock = acquireLock(storeDir);
	if (!lock.ok) return lock;
	runningInProcess.add(storeDir);
	return {
		ok: true,
		release: () => {
			runningInProcess.delete(storeDir);
			releaseLock(storeDir);
		}
	};
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Build directories of killed ingests (we hold the lock, so none is in use). */
export function removeStaleBuilds(storeDir: string): void {
	for (const name of readdirSync(storeDir)) {
		if (name.startsWith(BUILD_PREFIX)) rmSync(join(storeDir, name), { recursive: true, force: true });
	}
	const snapshots = join(storeDir, SNAPSHOT_DIR);
	if (existsSync(snapshots)) for (const name of readdirSync(snapshots)) if (name.includes('.tmp-')) rmSync(join(snapshots, name), { force: true });
}

const nl = new Intl.NumberFormat('nl-NL', { useGrouping: true });
const nl2 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export function seconds(s: number): string {
	return `${nl2.format(s)} s`;
}

function progressLine(f: StagedFile): string {
	const status = f.errorCount ? `${nl.format(f.errorCount)} fout${f.errorCount === 1 ? '' : 'en'}` : 'ok';
	return `${f.source.entry.bestand.padEnd(28)} ${f.source.entry.soort.padEnd(14)} ${nl.format(f.rows).padStart(12)} rijen  ${seconds(f.seconds).padStart(9)}  ${status}`;
}

/** The closing table on the terminal: one line per file and a total. */
export function summaryTable(report: IngestReport): string {
	const lines = ['', `${'bestand'.padEnd(28)} ${'soort'.padEnd(14)} ${'rijen'.padStart(12)}  ${'tijd'.padStart(11)}  ${'fouten'.padStart(6)}  formaat`];
	for (const f of report.files) {
		lines.push(`${f.bestand.padEnd(28)} ${f.soort.padEnd(14)} ${nl.format(f.rijen).padStart(12)}  ${seconds(f.seconden).padStart(11)}  ${nl.format(f.fouten).padStart(6)}  ${f.formaat}`);
	}
	const rows = report.files.reduce((n, f) => n + f.rijen, 0);
	lines.push(`${'totaal'.padEnd(28)} ${''.padEnd(14)} ${nl.format(rows).padStart(12)}  ${seconds(report.seconden).padStart(11)}  ${nl.format(report.errorCount).padStart(6)}`);
	lines.push(report.ok ? `Nieuwe snapshot ${report.snapshotId} is in gebruik.` : `Inlezen mislukt: ${nl.format(report.errorCount)} fout(en). De huidige gegevens blijven in gebruik.`);
	return lines.join('\n');
}
