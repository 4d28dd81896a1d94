/**
 * Ingest: read every export of the manifest, validate it, and build a complete new store
 * snapshot next to the current one. Only when every check passed is the pointer switched
 * (atomic rename); a failure, or a kill at any moment, leaves the current snapshot serving
 * and the store directory as it was (a killed build's directory is removed by the next run).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { EXPORT_KINDS, EXPORT_SOORTEN } from '../../domain/exports';
import { normaliseKey } from '../../domain/vocabulary';
import { SNAPSHOT_DIR, fsyncDir, pruneSnapshots, readPointer, writePointer, type Pointer, type StorePaths } from '../db/layout';
import { CREATE_DERIVED, CREATE_META_TABLES, STORE_SCHEMA_VERSION } from '../db/schema';
import { checkDuplicateKeys, crossChecks } from './checks';
import { writeReport, type FileReport, type IngestError, type IngestReport } from './report';
import { combineFingerprint, fileError, readFileSet } from './sources';
import { addError, resolveVocabulary, stageFile, type StagedFile } from './stage';

export interface IngestOptions {
	paths: StorePaths;
	/** Build a new snapshot even when the exports did not change. */
	force?: boolean;
	/** Progress lines for the terminal. */
	log?: (line: string) => void;
}

const LOCK_FILE = 'ingest.lock';
const BUILD_PREFIX = 'building-';

/** Run an ingest; never throws for bad input: the report says what was wrong. */
export async function runIngest({ paths, force = false, log = () => {} }: IngestOptions): Promise<IngestReport> {
	const startedAt = new Date();
	if (runningInProcess.has(paths.store)) {
		// The lock file holds our own pid, so it cannot tell two ingests of one process apart.
		return finish(paths, startedAt, { ok: false, uitkomst: 'fouten', snapshotId: null, files: [], errors: [fileError(LOCK_FILE, `Er loopt al een inlees-opdracht (proces ${process.pid}); wacht tot die klaar is.`, 'één inlees-opdracht tegelijk')] });
	}
	runningInProcess.add(paths.store);
	try {
		return await ingestLocked({ paths, force, log }, startedAt);
	} finally {
		runningInProcess.delete(paths.store);
	}
}

const runningInProcess = new Set<string>();

async function ingestLocked({ paths, force = false, log = () => {} }: IngestOptions, startedAt: Date): Promise<IngestReport> {
	const storeExisted = existsSync(paths.store);
	mkdirSync(paths.store, { recursive: true });
	const lock = acquireLock(paths.store);
	if (!lock.ok) {
		if (!storeExisted) rmSync(paths.store, { recursive: true, force: true });
		return finish(paths, startedAt, { ok: false, uitkomst: 'fouten', snapshotId: null, files: [], errors: [fileError(LOCK_FILE, `Er loopt al een inlees-opdracht (proces ${lock.pid}); wacht tot die klaar is.`, 'één inlees-opdracht tegelijk')] });
	}
	let buildDir: string | null = null;
	try {
		removeStaleBuilds(paths.store);
		let phase = performance.now();
		const timed = (label: string) => {
			const now = performance.now();
			log(`${label.padEnd(52)} ${seconds((now - phase) / 1000).padStart(9)}`);
			phase = now;
		};
		const set = await readFileSet(paths.exports);
		timed('Bestanden en manifest gecontroleerd (sha256, tekenset)');
		const errors: IngestError[] = [...set.errors];
		if (!set.manifest || !set.manifestSha256) return fail(paths, startedAt, [], errors, storeExisted);
		const present = new Set(set.sources.map((s) => s.entry.soort));
		for (const soort of EXPORT_SOORTEN) {
			if (!present.has(soort) && !errors.some((e) => e.bestand === 'manifest.json')) {
				errors.push(fileError('manifest.json', `Er is geen export van soort '${soort}' (${EXPORT_KINDS[soort].label}) in manifest.json; elke soort is nodig voor een volledige opslag.`, `een bestand per soort: ${EXPORT_SOORTEN.join(', ')}`));
			}
		}
		if (errors.length) return fail(paths, startedAt, [], errors, storeExisted);

		const fingerprint = combineFingerprint(set.manifestSha256, set.sources.map((s) => ({ bestand: s.entry.bestand, sha256: s.sha256 })));
		const current = readPointer(paths.store);
		if (!force && current && current.exportsHash === fingerprint && current.schemaVersion === STORE_SCHEMA_VERSION) {
			log(`Exports ongewijzigd sinds snapshot ${current.snapshotId}: niets te doen.`);
			return finish(paths, startedAt, { ok: true, uitkomst: 'ongewijzigd', snapshotId: current.snapshotId, files: [], errors: [] });
		}

		const snapshotId = newSnapshotId(startedAt, fingerprint);
		buildDir = join(paths.store, `${BUILD_PREFIX}${snapshotId}`);
		mkdirSync(buildDir);
		const dbFile = join(buildDir, 'snapshot.duckdb');
		const instance = await DuckDBInstance.create(dbFile);
		const con = await instance.connect();
		const staged: StagedFile[] = [];
		try {
			// gemeenten first: the others resolve gemeente names against it.
			const order = [...set.sources].sort((a, b) => EXPORT_SOORTEN.indexOf(a.entry.soort) - EXPORT_SOORTEN.indexOf(b.entry.soort));
			let gemeenten: Map<string, string> | null = null;
			const names = new Map<string, string>();
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
				phase = performance.now();
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
			timed('Controle op dubbele sleutels');
			await crossChecks(con, staged);
			timed('Controles tussen exports');
			const allErrors = staged.flatMap((f) => f.errors);
			if (staged.some((f) => f.errorCount > 0)) {
				con.closeSync();
				instance.closeSync();
				return fail(paths, startedAt, staged, allErrors, storeExisted, staged.reduce((n, f) => n + f.errorCount, 0));
			}
			await finaliseTables(con, staged);
			timed('Tabellen samengesteld');
			await con.run(CREATE_META_TABLES.join(';\n'));
			await con.run(`INSERT INTO snapshot_info VALUES ($id, CAST($at AS TIMESTAMP), $hash, ${STORE_SCHEMA_VERSION}, $code, $naam)`, {
				id: snapshotId,
				at: startedAt.toISOString(),
				hash: fingerprint,
				code: set.manifest.regio.code,
				naam: set.manifest.regio.naam
			});
			for (const f of staged) {
				const e = f.source.entry;
				await con.run(
					`INSERT INTO provenance VALUES ($bestand, $soort, $sha, CAST($bytes AS BIGINT), CAST($rijen AS BIGINT), $formaat, $bron, CAST($peildatum AS DATE), CAST($illustratief AS BOOLEAN), nullif($toelichting, ''), CAST($at AS TIMESTAMP), CAST($seconden AS DOUBLE))`,
					{ bestand: e.bestand, soort: e.soort, sha: f.source.sha256, bytes: String(f.source.bytes), rijen: String(f.rows), formaat: f.raw?.formaat ?? '', bron: e.bron, peildatum: e.peildatum, illustratief: String(e.illustratief), toelichting: e.toelichting ?? '', at: startedAt.toISOString(), seconden: String(f.seconds) }
				);
			}
			for (const sql of CREATE_DERIVED) await con.run(sql);
			timed('Afgeleide tabellen (tekort, per 10.000, eerlijk deel)');
			await con.run('CHECKPOINT');
			timed('Snapshot weggeschreven (checkpoint)');
		} finally {
			try {
				con.closeSync();
				instance.closeSync();
			} catch {
				/* already closed on the error path */
			}
		}
		const target = join(paths.store, SNAPSHOT_DIR, `${snapshotId}.duckdb`);
		mkdirSync(join(paths.store, SNAPSHOT_DIR), { recursive: true });
		renameSync(dbFile, target);
		fsyncDir(join(paths.store, SNAPSHOT_DIR));
		rmSync(buildDir, { recursive: true, force: true });
		buildDir = null;
		const pointer: Pointer = { snapshotId, file: `${SNAPSHOT_DIR}/${snapshotId}.duckdb`, createdAt: startedAt.toISOString(), exportsHash: fingerprint, schemaVersion: STORE_SCHEMA_VERSION };
		writePointer(paths.store, pointer);
		const pruned = pruneSnapshots(paths.store, pointer);
		if (pruned.length) log(`Oude snapshots opgeruimd: ${pruned.join(', ')}`);
		const report = finish(paths, startedAt, { ok: true, uitkomst: 'nieuwe_snapshot', snapshotId, files: staged.map(fileReport), errors: [] });
		log(summaryTable(report));
		return report;
	} catch (e) {
		// An unexpected failure (disk full, a bug): the old snapshot stays; tell the user plainly.
		const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
		return fail(paths, startedAt, [], [fileError('(inlezen)', `Het inlezen is afgebroken door een onverwachte fout: ${message}. De huidige gegevens blijven in gebruik.`, 'een geslaagde inlees-opdracht')], storeExisted);
	} finally {
		if (buildDir) rmSync(buildDir, { recursive: true, force: true });
		releaseLock(paths.store);
		if (!storeExisted && !readPointer(paths.store) && existsSync(paths.store) && readdirSync(paths.store).length === 0) rmSync(paths.store, { recursive: true, force: true });
	}
}

/** Each staged file becomes its kind's table: a rename for one file, a union for several. */
async function finaliseTables(con: import('@duckdb/node-api').DuckDBConnection, staged: StagedFile[]): Promise<void> {
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

function fail(paths: StorePaths, startedAt: Date, staged: StagedFile[], errors: IngestError[], _storeExisted: boolean, errorCount = errors.length): IngestReport {
	return finish(paths, startedAt, { ok: false, uitkomst: 'fouten', snapshotId: null, files: staged.map(fileReport), errors, errorCount });
}

function finish(paths: StorePaths, startedAt: Date, partial: Pick<IngestReport, 'ok' | 'uitkomst' | 'snapshotId' | 'files' | 'errors'> & { errorCount?: number }): IngestReport {
	const finishedAt = new Date();
	const report: IngestReport = {
		...partial,
		errorCount: partial.errorCount ?? partial.errors.length,
		exportsDir: paths.exports,
		startedAt: startedAt.toISOString(),
		finishedAt: finishedAt.toISOString(),
		seconden: (finishedAt.getTime() - startedAt.getTime()) / 1000
	};
	writeReport(paths.reports, report);
	return report;
}

function newSnapshotId(at: Date, fingerprint: string): string {
	return `${at.toISOString().replace(/[-:]/g, '').replace('.', '').replace('Z', 'Z')}-${fingerprint.slice(0, 8)}`;
}

function acquireLock(storeDir: string): { ok: true } | { ok: false; pid: number } {
	const file = join(storeDir, LOCK_FILE);
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			writeFileSync(file, String(process.pid), { flag: 'wx' });
			return { ok: true };
		} catch {
			const pid = Number(readFileSync(file, 'utf8')) || 0;
			if (pid && pid !== process.pid && isAlive(pid)) return { ok: false, pid };
			rmSync(file, { force: true }); // left by a killed ingest
		}
	}
	return { ok: false, pid: 0 };
}

function releaseLock(storeDir: string): void {
	const file = join(storeDir, LOCK_FILE);
	if (existsSync(file) && readFileSync(file, 'utf8') === String(process.pid)) rmSync(file, { force: true });
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
function removeStaleBuilds(storeDir: string): void {
	for (const name of readdirSync(storeDir)) {
		if (name.startsWith(BUILD_PREFIX)) rmSync(join(storeDir, name), { recursive: true, force: true });
	}
	const snapshots = join(storeDir, SNAPSHOT_DIR);
	if (existsSync(snapshots)) for (const name of readdirSync(snapshots)) if (name.includes('.tmp-')) rmSync(join(snapshots, name), { force: true });
}

const nl = new Intl.NumberFormat('nl-NL', { useGrouping: true });
const nl2 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
function seconds(s: number): string {
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
