/**
 * Ingest: read every export of the manifest, validate it, and build a complete new store
 * snapshot next to the current one. Only when every check passed is the pointer switched
 * (atomic rename); a failure, or a kill at any moment, leaves the current snapshot serving
 * and the store directory as it was (a killed build's directory is removed by the next run).
 * The two halves, build and publish, live in build.ts: an upload's preview uses the same.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readPointer, type StorePaths } from '../db/layout';
import { STORE_SCHEMA_VERSION } from '../db/schema';
import { LOCK_FILE, acquireLock, buildSnapshot, lockedInProcess, makeReport, markInProcess, publishSnapshot, releaseLock, removeStaleBuilds, summaryTable } from './build';
import { writeReport, type IngestReport } from './report';
import { fileError } from './sources';

export { buildSnapshot, publishSnapshot, summaryTable, takeIngestLock, type BuiltSnapshot, type BuildOptions } from './build';

export interface IngestOptions {
	paths: StorePaths;
	/** Build a new snapshot even when the exports did not change. */
	force?: boolean;
	/** Progress lines for the terminal. */
	log?: (line: string) => void;
}

/** Run an ingest; never throws for bad input: the report says what was wrong. */
export async function runIngest({ paths, force = false, log = () => {} }: IngestOptions): Promise<IngestReport> {
	const startedAt = new Date();
	if (lockedInProcess(paths.store)) {
		// The lock file holds our own pid, so it cannot tell two ingests of one process apart.
		return finish(paths, startedAt, { ok: false, uitkomst: 'fouten', snapshotId: null, files: [], errors: [fileError(LOCK_FILE, `Er loopt al een inlees-opdracht (proces ${process.pid}); wacht tot die klaar is.`, 'één inlees-opdracht tegelijk')] });
	}
	markInProcess(paths.store, true);
	try {
		return await ingestLocked({ paths, force, log }, startedAt);
	} finally {
		markInProcess(paths.store, false);
	}
}

async function ingestLocked({ paths, force = false, log = () => {} }: IngestOptions, startedAt: Date): Promise<IngestReport> {
	const storeExisted = existsSync(paths.store);
	mkdirSync(paths.store, { recursive: true });
	const lock = acquireLock(paths.store);
	if (!lock.ok) {
		if (!storeExisted) rmSync(paths.store, { recursive: true, force: true });
		return finish(paths, startedAt, { ok: false, uitkomst: 'fouten', snapshotId: null, files: [], errors: [fileError(LOCK_FILE, `Er loopt al een inlees-opdracht (proces ${lock.pid}); wacht tot die klaar is.`, 'één inlees-opdracht tegelijk')] });
	}
	try {
		removeStaleBuilds(paths.store);
		const built = await buildSnapshot({
			exportsDir: paths.exports,
			buildRoot: paths.store,
			startedAt,
			log,
			unchanged: (fingerprint, grenzen) => {
				const current = readPointer(paths.store);
				return !force && current && current.exportsHash === fingerprint && (current.grenzen ?? null) === grenzen && current.schemaVersion === STORE_SCHEMA_VERSION ? current : null;
			}
		});
		if (built.report.uitkomst === 'ongewijzigd') log(`Exports ongewijzigd sinds snapshot ${built.report.snapshotId}: niets te doen.`);
		if (built.report.uitkomst !== 'nieuwe_snapshot') return finish(paths, startedAt, built.report);
		const report = publishSnapshot(paths, built, { log, startedAt });
		log(summaryTable(report));
		return report;
	} catch (e) {
		// An unexpected failure (disk full, a bug): the old snapshot stays; tell the user plainly.
		const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
		return finish(paths, startedAt, { ok: false, uitkomst: 'fouten', snapshotId: null, files: [], errors: [fileError('(inlezen)', `Het inlezen is afgebroken door een onverwachte fout: ${message}. De huidige gegevens blijven in gebruik.`, 'een geslaagde inlees-opdracht')] });
	} finally {
		releaseLock(paths.store);
		if (!storeExisted && !readPointer(paths.store) && existsSync(paths.store) && readdirSync(paths.store).length === 0) rmSync(paths.store, { recursive: true, force: true });
	}
}

function finish(paths: StorePaths, startedAt: Date, partial: Pick<IngestReport, 'ok' | 'uitkomst' | 'snapshotId' | 'files' | 'errors'> & { errorCount?: number }): IngestReport {
	const report = makeReport(paths.exports, startedAt, partial);
	writeReport(paths.reports, report);
	return report;
}
