/**
 * The intake (issue 10): an upload is received into a staging area, previewed with exactly
 * the reading and checks of `npm run ingest` (without touching the store), and published
 * under the store's ingest lock: exports archived by sha256, the staged snapshot moved in,
 * data/exports rewritten to the staged set, the pointer switched. Roll back restores any kept
 * snapshot whose exports are in the archive. Routes and pages call only these functions.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Gebruiker } from '../../auth/roles';
import { EXPORT_KINDS, EXPORT_SOORTEN, type ExportSoort } from '../../domain/exports';
import { formatDateTime } from '../../domain/format';
import { audit } from '../app/audit';
import { appPaths } from '../app/paths';
import { SNAPSHOT_DIR, readPointer, storePaths, writePointer, type Pointer } from '../db/layout';
import { STORE_SCHEMA_VERSION } from '../db/schema';
import { Snapshot } from '../db/snapshot';
import { withPinnedSnapshot } from '../db/store';
import { makeReport, publishSnapshot, takeIngestLock, type BuiltSnapshot } from '../ingest/build';
import { writeReport } from '../ingest/report';
import { readProvenance } from './diff';
import { fileError, fileFacts, MANIFEST_FILE, combineFingerprint } from '../ingest/sources';
import { archiveFile, archivedPath, isComplete, pruneArchive, readListing, writeExportSet, writeListing, type ArchiveListing } from './archive';
import { IntakeError } from './errors';
import { parseFields } from './fields';
import { intakeLimits, type IntakeLimits } from './limits';
import { receiveMultipart } from './multipart';
import { recognise } from './recognise';
import { AANLEVERING_ID, insertAanlevering, loadAanlevering, loadAanleveringen, loadExpired, saveAanlevering } from './repository';
import { checkContent } from './sniff';
import { assignNames, currentExports, publishCopiesDir, readPreviewState, runPreview, stagedExportsDir, stagedSnapshotFile, type PreviewState, type SeenFile } from './staging';
import type { Aanlevering, AanleveringBestand } from './types';

export { IntakeError } from './errors';
export { intakeLimits, type IntakeLimits } from './limits';
export type { Aanlevering, AanleveringBestand, AanleveringStatus, Kerncijfer, SoortWijziging, Wijzigingen } from './types';

type Stored = Omit<Aanlevering, 'verouderd'>;

/** Unpublished staging areas are removed after this long (issue 10: "after a day"). */
export const STAGING_TTL_MS = 24 * 60 * 60 * 1000;

const SOORTEN_TEKST = EXPORT_SOORTEN.map((s) => `${s} (${EXPORT_KINDS[s].label})`).join(', ');

/** Previews running in this process, by delivery id. */
const running = new Map<string, Promise<void>>();

function newId(now = new Date()): string {
	return `${now.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z-${randomBytes(6).toString('hex')}`;
}

const stagingDir = (id: string) => join(appPaths().aanleveringen, id);

function withVerouderd(a: Stored, current: string | null = readPointer(storePaths().store)?.snapshotId ?? null): Aanlevering {
	// Only a finished, unpublished preview can be out of date; one being checked is on its way.
	const open = a.status === 'klaar' || a.status === 'fouten';
	return { ...a, verouderd: open && a.basisSnapshot !== current };
}

/**
 * Receive an upload (multipart/form-data: `bestand` 1..n, `soort` per file, `bron`,
 * `peildatum`, `illustratief`), check every file's content and kind, stage it and preview it.
 * A refusal throws IntakeError and leaves nothing on disk and no row.
 */
export async function receiveAanlevering(request: Request, gebruiker: Gebruiker, opts: { limits?: IntakeLimits; achtergrond?: boolean } = {}): Promise<Aanlevering> {
	const limits = opts.limits ?? intakeLimits();
	const root = appPaths().aanleveringen;
	const rootExisted = existsSync(root);
	const id = newId();
	const tmp = join(root, `.upload-${id}`);
	let final: string | null = null;
	try {
		mkdirSync(tmp, { recursive: true });
		const form = await receiveMultipart(request, join(tmp, 'upload'), limits);
		if (!form.files.length) throw new IntakeError(400, 'geen_bestand', 'De aanlevering bevat geen bestanden; kies minstens één bestand (veld `bestand`).');
		const fields = parseFields(form.fields, form.files.map((f) => f.naam));
		const bestanden: AanleveringBestand[] = [];
		for (const file of form.files) {
			await checkContent(file.path, file.naam, file.formaat, limits);
			const herkend = await recognise(file.path, file.formaat);
			const soort = fields.soorten[file.index] ?? herkend.soort;
			if (!soort) {
				throw new IntakeError(422, 'soort_onbekend', `Van ${file.naam} is aan de kolomkoppen niet te zien welke soort export het is; kies de soort (${SOORTEN_TEKST}) en lever het opnieuw aan.`);
			}
			const blad = soort === herkend.soort ? herkend.blad : undefined;
			bestanden.push({ index: file.index, naam: file.naam, bestand: '', formaat: file.formaat, bytes: file.bytes, sha256: '', herkend: herkend.soort, soort, vervangt: [], ...(blad ? { blad } : {}) });
		}
		const named = assignNames(bestanden, currentExports(storePaths().exports));
		const basis = readPointer(storePaths().store)?.snapshotId ?? null;
		const record: Stored = {
			id,
			aangemaakt: new Date().toISOString(),
			gebruiker: gebruiker.naam,
			status: 'controleren',
			voortgang: [],
			basisSnapshot: basis,
			stagedSnapshot: null,
			bron: fields.bron ?? '',
			peildatum: fields.peildatum ?? '',
			illustratief: fields.illustratief,
			bestanden: named,
			fouten: [],
			foutenTotaal: 0,
			wijzigingen: null,
			gepubliceerd: null
		};
		final = stagingDir(id);
		renameSync(tmp, final);
		insertAanlevering(record);
		audit({ gebruiker: gebruiker.naam, actie: 'aanlevering_gemaakt', snapshot: basis, details: { aanlevering: id, bestanden: named.map(({ naam, bestand, soort, bytes }) => ({ naam, bestand, soort, bytes })) } });
		const preview = startPreview(record, gebruiker);
		if (opts.achtergrond) return withVerouderd(record);
		await preview;
		return withVerouderd(loadAanlevering(id)!);
	} catch (error) {
		rmSync(tmp, { recursive: true, force: true });
		if (final && !loadAanlevering(id)) rmSync(final, { recursive: true, force: true });
		if (!rootExisted && existsSync(root) && readdirSync(root).length === 0) rmSync(root, { recursive: true, force: true });
		throw error;
	}
}

const PREVIEW_PID = 'controle.pid';

/** Whether a living process other than this one is checking the delivery in `dir` (npm start -- --workers N). */
function previewElsewhere(dir: string): boolean {
	let pid: number;
	try {
		pid = Number(readFileSync(join(dir, PREVIEW_PID), 'utf8'));
	} catch {
		return false;
	}
	if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Claim the staging area for this process's preview: its pid in `controle.pid` (created
 * exclusively; a file left by a process that died is taken over). Another worker of the same
 * server that is still checking it gets 409, so two previews never write one staging area.
 */
function claimPreview(dir: string): () => void {
	const file = join(dir, PREVIEW_PID);
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			writeFileSync(file, String(process.pid), { flag: 'wx' });
			return () => rmSync(file, { force: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			if (previewElsewhere(dir)) break;
			rmSync(file, { force: true });
		}
	}
	throw new IntakeError(409, 'bezig', 'Deze aanlevering wordt nog gecontroleerd; wacht tot de controle klaar is.');
}

/** Run (or re-run) the preview of a stored delivery; resolves when its record is final. */
function startPreview(record: Stored, gebruiker: Gebruiker): Promise<void> {
	const dir = stagingDir(record.id);
	const release = claimPreview(dir);
	let current: Stored = { ...record, status: 'controleren', voortgang: [], fouten: [], foutenTotaal: 0, wijzigingen: null, stagedSnapshot: null };
	saveAanlevering(current);
	const log = (line: string) => {
		current = { ...current, voortgang: [...current.voortgang, line.trim()] };
		saveAanlevering(current, ['controleren']);
	};
	const job = (async () => {
		try {
			const outcome = await runPreview(dir, current.bestanden, { bron: current.bron || null, peildatum: current.peildatum || null, illustratief: current.illustratief }, log);
			current = {
				...current,
				status: outcome.ok ? 'klaar' : 'fouten',
				bestanden: outcome.bestanden,
				basisSnapshot: outcome.basisSnapshot,
				stagedSnapshot: outcome.stagedSnapshot,
				fouten: outcome.fouten,
				foutenTotaal: outcome.foutenTotaal,
				wijzigingen: outcome.wijzigingen
			};
		} catch (error) {
			// A bug or a full disk, not a bad file: say so plainly; the store is untouched.
			const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
			current = { ...current, status: 'fouten', fouten: [fileError('(controle)', `De controle is afgebroken door een onverwachte fout: ${message}. Er is niets gewijzigd; probeer het opnieuw.`, 'een geslaagde controle')], foutenTotaal: 1 };
		}
		if (saveAanlevering(current, ['controleren'])) {
			audit({ gebruiker: gebruiker.naam, actie: 'aanlevering_gecontroleerd', snapshot: current.basisSnapshot, details: { aanlevering: current.id, status: current.status, fouten: current.foutenTotaal, snapshot: current.stagedSnapshot, bestanden: current.bestanden.map(({ naam, bestand, soort, sha256 }) => ({ naam, bestand, soort, sha256 })) } });
		}
	})().finally(() => {
		running.delete(record.id);
		release();
	});
	running.set(record.id, job);
	return job;
}

function mustLoad(id: string): Stored {
	const a = loadAanlevering(id);
	if (!a) throw new IntakeError(404, 'onbekend', `Aanlevering ${AANLEVERING_ID.test(id) ? id : '(ongeldig nummer)'} bestaat niet.`);
	return a;
}

/** Preview again on the current snapshot, with corrected kinds (by file index) when given. */
export async function controleerOpnieuw(id: string, gebruiker: Gebruiker, opts: { soorten?: Record<number, ExportSoort>; achtergrond?: boolean } = {}): Promise<Aanlevering> {
	const a = mustLoad(id);
	// 'controleren' without a running preview in this process: the server stopped half-way; check again.
	if (running.has(id) || previewElsewhere(stagingDir(id))) throw new IntakeError(409, 'bezig', 'Deze aanlevering wordt nog gecontroleerd; wacht tot de controle klaar is.');
	if (a.status === 'gepubliceerd') throw new IntakeError(409, 'al_gepubliceerd', 'Deze aanlevering is al gepubliceerd; lever de bestanden opnieuw aan voor een nieuwe controle.');
	if (a.status === 'verlopen' || !existsSync(stagingDir(id))) throw new IntakeError(409, 'verlopen', 'Deze aanlevering is verlopen en opgeruimd (na 24 uur); lever de bestanden opnieuw aan.');
	const bestanden = a.bestanden.map((b) => {
		const soort = opts.soorten?.[b.index];
		if (soort === undefined) return b;
		if (!(EXPORT_SOORTEN as readonly string[]).includes(soort)) throw new IntakeError(400, 'ongeldig_veld', `Soort '${String(soort)}' voor ${b.naam} is geen bekende soort; kies uit ${SOORTEN_TEKST}.`);
		const { blad: _blad, ...rest } = b;
		return soort === b.herkend && b.blad ? b : { ...rest, soort };
	});
	for (const index of Object.keys(opts.soorten ?? {})) {
		if (!a.bestanden.some((b) => b.index === Number(index))) throw new IntakeError(400, 'ongeldig_veld', `Deze aanlevering heeft geen bestand ${Number(index) + 1}.`);
	}
	const record: Stored = { ...a, bestanden, basisSnapshot: readPointer(storePaths().store)?.snapshotId ?? null };
	const job = startPreview(record, gebruiker);
	if (opts.achtergrond) return withVerouderd(loadAanlevering(id)!);
	await job;
	return withVerouderd(loadAanlevering(id)!);
}

/** One delivery, or null (also for an id that is not one of ours). */
export function getAanlevering(id: string): Aanlevering | null {
	if (typeof id !== 'string' || !AANLEVERING_ID.test(id)) return null;
	const a = loadAanlevering(id);
	return a ? withVerouderd(a) : null;
}

/** The newest deliveries first. */
export function listAanleveringen({ limit = 50 }: { limit?: number } = {}): Aanlevering[] {
	const current = readPointer(storePaths().store)?.snapshotId ?? null;
	return loadAanleveringen(Math.max(1, Math.min(500, Math.floor(limit) || 50))).map((a) => withVerouderd(a, current));
}

function notReady(a: Stored): IntakeError {
	const why: Record<Stored['status'], string> = {
		controleren: 'wordt nog gecontroleerd',
		fouten: `heeft ${a.foutenTotaal === 1 ? 'een fout' : `${a.foutenTotaal} fouten`}; herstel de bestanden en lever ze opnieuw aan`,
		klaar: 'is klaar',
		gepubliceerd: `is al gepubliceerd${a.gepubliceerd ? ` (snapshot ${a.gepubliceerd.snapshotId}, ${formatDateTime(a.gepubliceerd.tijd)} door ${a.gepubliceerd.door})` : ''}`,
		verlopen: 'is verlopen en opgeruimd; lever de bestanden opnieuw aan'
	};
	return new IntakeError(409, 'niet_klaar', `Deze aanlevering kan niet worden gepubliceerd: ze ${why[a.status]}.`);
}

function lockOrBusy(storeDir: string): () => void {
	mkdirSync(storeDir, { recursive: true });
	const lock = takeIngestLock(storeDir);
	if (!lock.ok) throw new IntakeError(409, 'bezig', `Er loopt al een publicatie of inlees-opdracht (proces ${lock.pid}); probeer het over een ogenblik opnieuw.`);
	return lock.release;
}

/** The first export file (or the manifest) that differs on disk from what the preview saw, or null. */
function changedOnDisk(exportsDir: string, seen: SeenFile[]): string | null {
	const now = currentExports(exportsDir).files;
	for (const f of now) if (!seen.some((s) => s.bestand === f)) return f;
	for (const s of seen) {
		const path = join(exportsDir, s.bestand);
		if (!existsSync(path)) return s.bestand;
		const stat = statSync(path);
		if (stat.size !== s.bytes || stat.ino !== s.ino || stat.mtimeMs !== s.mtimeMs) return s.bestand;
	}
	return null;
}

/** Archive an export set on disk under a snapshot (once): its files by sha256 and its listing. */
function archiveSet(archief: string, pointer: Pointer, dir: string, files: { bestand: string; sha256: string; bytes: number }[], immutable: (bestand: string) => boolean): void {
	if (isComplete(archief, readListing(archief, pointer.snapshotId))) return;
	for (const f of files) archiveFile(archief, join(dir, f.bestand), f.sha256, { immutable: immutable(f.bestand) });
	const manifest = files.find((f) => f.bestand === MANIFEST_FILE)!;
	const listing: ArchiveListing = {
		snapshotId: pointer.snapshotId,
		pointer,
		manifest: { bestand: MANIFEST_FILE, sha256: manifest.sha256, bytes: manifest.bytes },
		bestanden: files.filter((f) => f.bestand !== MANIFEST_FILE).map(({ bestand, sha256, bytes }) => ({ bestand, sha256, bytes })),
		gearchiveerd: new Date().toISOString()
	};
	writeListing(archief, listing);
}

/**
 * Publish a checked delivery: refused unless it is 'klaar' and was checked on the current
 * snapshot and export files, and while another publish or ingest holds the store's lock.
 */
export async function publiceerAanlevering(id: string, gebruiker: Gebruiker): Promise<{ snapshotId: string }> {
	const first = mustLoad(id);
	if (first.status !== 'klaar') throw notReady(first);
	const paths = storePaths();
	const { archief } = appPaths();
	const release = lockOrBusy(paths.store);
	try {
		const a = mustLoad(id);
		if (a.status !== 'klaar') throw notReady(a);
		const dir = stagingDir(id);
		const state = readPreviewState(dir);
		const current = readPointer(paths.store);
		if ((current?.snapshotId ?? null) !== a.basisSnapshot) {
			throw new IntakeError(409, 'verouderd', `De gegevens zijn intussen gewijzigd (nu snapshot ${current?.snapshotId ?? '(geen)'}, gecontroleerd op ${a.basisSnapshot ?? '(geen)'}); controleer de aanlevering opnieuw.`);
		}
		if (!state || !a.stagedSnapshot || state.pointer.snapshotId !== a.stagedSnapshot || !existsSync(stagedSnapshotFile(dir, a.stagedSnapshot))) {
			throw new IntakeError(409, 'verlopen', 'De voorvertoning van deze aanlevering is er niet meer; controleer de aanlevering opnieuw.');
		}
		const changed = changedOnDisk(paths.exports, state.basis.bestanden);
		if (changed) throw new IntakeError(409, 'verouderd', `De gegevens zijn intussen gewijzigd (${changed} in de exportmap is anders dan bij de controle); controleer de aanlevering opnieuw.`);

		const tijd = new Date().toISOString();
		const published: Stored = { ...a, status: 'gepubliceerd', gepubliceerd: { snapshotId: state.pointer.snapshotId, tijd, door: gebruiker.naam } };
		// Claim it first (only one process can move it from 'klaar'); on failure it goes back.
		if (!saveAanlevering(published, ['klaar'])) throw notReady(mustLoad(id));
		let exportsWritten = false;
		try {
			const stagedSha = new Map(state.staged.map((f) => [f.bestand, f.sha256]));
			// The current set into the archive: files this publish renames over or removes are
			// hard-linked (no one can edit them through data/exports afterwards), the others copied.
			if (current && state.basis.fingerprint === current.exportsHash) archiveSet(archief, current, paths.exports, state.basis.bestanden, (bestand) => stagedSha.get(bestand) !== state.basis.bestanden.find((f) => f.bestand === bestand)?.sha256);
			const uploads = new Set(a.bestanden.map((b) => b.bestand));
			const stagedDir = stagedExportsDir(dir);
			// The new set: uploads are linked (ours, never edited; data/exports gets its own copy), the rest is archived already or copied.
			archiveSet(archief, state.pointer, stagedDir, state.staged, (bestand) => uploads.has(bestand) || bestand === MANIFEST_FILE);
			const present = new Map(state.basis.bestanden.map((f) => [f.bestand, f.sha256]));
			const copies = publishCopiesDir(dir);
			const target = state.staged.map((f) => (uploads.has(f.bestand) && existsSync(join(copies, f.bestand)) ? { ...f, source: join(copies, f.bestand), move: true } : { ...f, source: join(stagedDir, f.bestand) }));
			exportsWritten = true;
			writeExportSet(paths.exports, target.filter((f) => f.bestand !== MANIFEST_FILE), target.find((f) => f.bestand === MANIFEST_FILE)!, present);
			const built: BuiltSnapshot = { report: state.report, snapshotFile: stagedSnapshotFile(dir, state.pointer.snapshotId), pointer: state.pointer, manifest: null, hashes: { manifest: null, bestanden: [] } };
			publishSnapshot(paths, built, { startedAt: new Date(tijd) });
			// The store has pruned its oldest snapshots: their archived exports go too.
			pruneArchive(archief, keptSnapshots(paths.store));
		} catch (error) {
			// After the pointer switch (a failing prune or report) the publish stands; before it, undo.
			if (readPointer(paths.store)?.snapshotId !== state.pointer.snapshotId) {
				if (exportsWritten && current) restoreExports(paths.exports, archief, current.snapshotId);
				saveAanlevering(a, ['gepubliceerd']);
			}
			throw error;
		}
		audit({
			gebruiker: gebruiker.naam,
			actie: 'gepubliceerd',
			snapshot: state.pointer.snapshotId,
			details: { aanlevering: id, vorigeSnapshot: current?.snapshotId ?? null, bestanden: a.bestanden.map(({ naam, bestand, soort, sha256, vervangt }) => ({ naam, bestand, soort, sha256, vervangt })) }
		});
		rmSync(dir, { recursive: true, force: true });
		return { snapshotId: state.pointer.snapshotId };
	} finally {
		release();
	}
}

/** Write the archived export set of a snapshot into the exports directory (best effort on the error path). */
function restoreExports(exportsDir: string, archief: string, snapshotId: string): void {
	const listing = readListing(archief, snapshotId);
	if (!isComplete(archief, listing)) return;
	const present = new Map<string, string>(); // unknown: write every file
	writeExportSet(
		exportsDir,
		listing.bestanden.map((f) => ({ ...f, source: archivedPath(archief, f.sha256) })),
		{ ...listing.manifest, source: archivedPath(archief, listing.manifest.sha256) },
		present
	);
}

const SNAPSHOT_ID = /^[A-Za-z0-9_-]{1,80}$/;

/** The ids of the snapshot files in the store (what a roll back can reach). */
function keptSnapshots(storeDir: string): Set<string> {
	const dir = join(storeDir, SNAPSHOT_DIR);
	if (!existsSync(dir)) return new Set();
	return new Set(readdirSync(dir).flatMap((f) => (f.endsWith('.duckdb') && SNAPSHOT_ID.test(f.slice(0, -'.duckdb'.length)) ? [f.slice(0, -'.duckdb'.length)] : [])));
}

/** The snapshots kept in the store, newest first, and whether their exports are archived (roll back needs them). */
export function bewaardeSnapshots(): { snapshotId: string; createdAt: string; huidig: boolean; exportsBewaard: boolean }[] {
	const paths = storePaths();
	const { archief } = appPaths();
	const dir = join(paths.store, SNAPSHOT_DIR);
	const current = readPointer(paths.store)?.snapshotId ?? null;
	return [...keptSnapshots(paths.store)]
		.map((snapshotId) => {
			const f = `${snapshotId}.duckdb`;
			const listing = readListing(archief, snapshotId);
			return { snapshotId, createdAt: listing?.pointer.createdAt ?? createdAtOf(snapshotId) ?? statSync(join(dir, f)).mtime.toISOString(), huidig: snapshotId === current, exportsBewaard: isComplete(archief, listing) };
		})
		.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** The build time in a snapshot id (`20261203T073215123Z-…`). */
function createdAtOf(snapshotId: string): string | null {
	const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-/.exec(snapshotId);
	return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : null;
}

/** Switch back to a kept snapshot and restore its exports from the archive. */
export async function terugzetten(snapshotId: string, gebruiker: Gebruiker): Promise<{ snapshotId: string }> {
	const startedAt = new Date();
	const paths = storePaths();
	const { archief } = appPaths();
	if (typeof snapshotId !== 'string' || !SNAPSHOT_ID.test(snapshotId) || !existsSync(join(paths.store, SNAPSHOT_DIR, `${snapshotId}.duckdb`))) {
		throw new IntakeError(404, 'onbekende_snapshot', `Snapshot ${SNAPSHOT_ID.test(String(snapshotId)) ? snapshotId : '(ongeldig)'} bestaat niet (meer); kies een van de bewaarde snapshots.`);
	}
	const listing = readListing(archief, snapshotId);
	if (!isComplete(archief, listing)) {
		throw new IntakeError(409, 'geen_archief', `Van snapshot ${snapshotId} zijn de exports niet bewaard; terugzetten kan alleen naar een snapshot waarvan de exports in het archief staan.`);
	}
	if (listing.pointer.schemaVersion !== STORE_SCHEMA_VERSION) {
		throw new IntakeError(409, 'andere_versie', `Snapshot ${snapshotId} heeft een oudere opbouw (versie ${listing.pointer.schemaVersion}, nu ${STORE_SCHEMA_VERSION}) en kan niet meer worden gebruikt.`);
	}
	const release = lockOrBusy(paths.store);
	try {
		// The archive holds hard links of files that were once exports: verify before restoring.
		for (const f of [listing.manifest, ...listing.bestanden]) {
			if ((await fileFacts(archivedPath(archief, f.sha256))).sha256 !== f.sha256) {
				throw new IntakeError(409, 'archief_beschadigd', `Het archief van snapshot ${snapshotId} is beschadigd (${f.bestand} is niet meer het bewaarde bestand); terugzetten naar deze snapshot kan niet.`);
			}
		}
		const current = readPointer(paths.store);
		// What is on disk now, hashed: archived under the current snapshot when it is that
		// snapshot's set (so one can roll forward again), and used to skip identical files.
		const { files } = currentExports(paths.exports);
		const onDisk = await Promise.all(
			[...files, ...(existsSync(join(paths.exports, MANIFEST_FILE)) ? [MANIFEST_FILE] : [])].map(async (bestand) => {
				const facts = await fileFacts(join(paths.exports, bestand));
				return { bestand, sha256: facts.sha256, bytes: facts.bytes };
			})
		);
		const manifest = onDisk.find((f) => f.bestand === MANIFEST_FILE);
		if (current && manifest && combineFingerprint(manifest.sha256, onDisk.filter((f) => f.bestand !== MANIFEST_FILE)) === current.exportsHash) {
			archiveSet(archief, current, paths.exports, onDisk, () => false);
		}
		writeExportSet(
			paths.exports,
			listing.bestanden.map((f) => ({ ...f, source: archivedPath(archief, f.sha256) })),
			{ ...listing.manifest, source: archivedPath(archief, listing.manifest.sha256) },
			new Map(onDisk.map((f) => [f.bestand, f.sha256]))
		);
		// Read before the switch: a snapshot file that cannot be opened is not made current.
		const gelezen = [...(await readProvenance(join(paths.store, listing.pointer.file)))].map(([bestand, p]) => ({ bestand, soort: p.soort, formaat: p.formaat, rijen: p.rijen, seconden: 0, fouten: 0 }));
		writePointer(paths.store, listing.pointer);
		// /data shows the last report: it must say that an older version is current again, not show the newer one's.
		writeReport(paths.reports, {
			...makeReport(paths.exports, startedAt, { ok: true, uitkomst: 'teruggezet', snapshotId, files: gelezen, errors: [] }),
			terugzetting: { door: gebruiker.naam, gegevensVan: listing.pointer.createdAt }
		});
		// Archived just now (the set being left) or kept: only what no kept snapshot needs goes.
		pruneArchive(archief, keptSnapshots(paths.store));
		audit({ gebruiker: gebruiker.naam, actie: 'teruggezet', snapshot: snapshotId, details: { vorigeSnapshot: current?.snapshotId ?? null, bestanden: listing.bestanden.map((f) => ({ bestand: f.bestand, sha256: f.sha256 })) } });
		return { snapshotId };
	} finally {
		release();
	}
}

/** Remove unpublished staging areas older than 24 hours (status 'verlopen', audited); returns how many. */
export function ruimAanleveringenOp(now: Date = new Date()): number {
	const cutoff = new Date(now.getTime() - STAGING_TTL_MS).toISOString();
	let removed = 0;
	for (const a of loadExpired(cutoff)) {
		if (running.has(a.id) || previewElsewhere(stagingDir(a.id))) continue;
		if (!saveAanlevering({ ...a, status: 'verlopen', stagedSnapshot: null, voortgang: [] }, ['controleren', 'fouten', 'klaar'])) continue;
		rmSync(stagingDir(a.id), { recursive: true, force: true });
		audit({ gebruiker: null, actie: 'aanlevering_opgeruimd', snapshot: a.basisSnapshot, details: { aanlevering: a.id, status: a.status, aangemaakt: a.aangemaakt } });
		removed++;
	}
	// Upload directories of requests that died half-way (a crash between receiving and the row).
	const root = appPaths().aanleveringen;
	if (existsSync(root)) {
		for (const name of readdirSync(root)) {
			if (!name.startsWith('.upload-')) continue;
			const path = join(root, name);
			if (statSync(path).mtimeMs < now.getTime() - STAGING_TTL_MS) rmSync(path, { recursive: true, force: true });
		}
	}
	return removed;
}

/**
 * Run `fn` with the delivery's staged snapshot pinned, so the existing query and chart
 * functions read the preview (a published delivery: its snapshot in the store).
 */
export async function withStagedSnapshot<T>(id: string, fn: () => Promise<T>): Promise<T> {
	const a = mustLoad(id);
	const dir = stagingDir(id);
	let root: string;
	let pointer: Pointer | null;
	if (a.status === 'gepubliceerd' && a.gepubliceerd) {
		root = storePaths().store;
		const file = `${SNAPSHOT_DIR}/${a.gepubliceerd.snapshotId}.duckdb`;
		pointer = existsSync(join(root, file)) ? { snapshotId: a.gepubliceerd.snapshotId, file, createdAt: a.gepubliceerd.tijd, exportsHash: '', schemaVersion: STORE_SCHEMA_VERSION } : null;
	} else {
		root = join(dir, 'build');
		const state: PreviewState | null = a.status === 'klaar' ? readPreviewState(dir) : null;
		pointer = state && existsSync(stagedSnapshotFile(dir, state.pointer.snapshotId)) ? state.pointer : null;
	}
	if (!pointer) throw new IntakeError(409, 'geen_voorvertoning', 'Deze aanlevering heeft (nog) geen voorvertoning: ze wordt gecontroleerd, heeft fouten of is opgeruimd.');
	const snapshot = await Snapshot.open(root, pointer, { connections: 1, cacheSize: 64 });
	try {
		return await withPinnedSnapshot(snapshot, fn);
	} finally {
		snapshot.retire();
	}
}
