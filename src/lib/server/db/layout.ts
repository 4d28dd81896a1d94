/**
 * Where the store lives and how the current snapshot is found. A snapshot is a complete
 * DuckDB file under `snapshots/`; `current.json` names the one in use. Ingest writes a new
 * snapshot next to the current one and replaces `current.json` with an atomic rename, so a
 * reader sees either the old or the new pointer, never half of one.
 */
import { existsSync, mkdirSync, openSync, fsyncSync, closeSync, readFileSync, renameSync, writeFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export interface StorePaths {
	/** The store directory: `current.json` and `snapshots/`. */
	store: string;
	/** The exports directory read by ingest. */
	exports: string;
	/** Reports of ingests (outcome, errors) live outside the store, so a failed ingest leaves the store untouched. */
	reports: string;
}

/** Paths from the environment (REGIO_STORE_DIR, REGIO_EXPORTS_DIR, REGIO_REPORTS_DIR) or the defaults under data/. */
export function storePaths(env: Record<string, string | undefined> = process.env): StorePaths {
	return {
		store: resolve(env.REGIO_STORE_DIR ?? 'data/store'),
		exports: resolve(env.REGIO_EXPORTS_DIR ?? 'data/exports'),
		reports: resolve(env.REGIO_REPORTS_DIR ?? 'data/ingest')
	};
}

export const pointerSchema = z.object({
	snapshotId: z.string().regex(/^[A-Za-z0-9_-]+$/),
	file: z.string().regex(/^snapshots\/[A-Za-z0-9_-]+\.duckdb$/),
	createdAt: z.string(),
	exportsHash: z.string(),
	schemaVersion: z.number().int(),
	/** sha256 of the gemeente boundaries file the snapshot was built with (`geo/*.geojson`), null or absent without one. */
	grenzen: z.string().nullable().optional()
});
export type Pointer = z.infer<typeof pointerSchema>;

export const POINTER_FILE = 'current.json';
export const SNAPSHOT_DIR = 'snapshots';
/** Snapshots kept after a successful ingest (the current one included). */
export const SNAPSHOTS_KEPT = 3;

/** The current pointer, or null when there is no (valid) store yet. */
export function readPointer(storeDir: string): Pointer | null {
	const file = join(storeDir, POINTER_FILE);
	if (!existsSync(file)) return null;
	const parsed = pointerSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
	if (!parsed.success) return null;
	return existsSync(join(storeDir, parsed.data.file)) ? parsed.data : null;
}

/** Write a file so that readers see the old or the new content, never a mix (write, fsync, rename, fsync dir). */
export function writeFileAtomic(path: string, content: string, dir: string): void {
	const tmp = `${path}.tmp-${process.pid}`;
	writeFileSync(tmp, content);
	const fd = openSync(tmp, 'r');
	fsyncSync(fd);
	closeSync(fd);
	renameSync(tmp, path);
	fsyncDir(dir);
}

export function fsyncDir(dir: string): void {
	const fd = openSync(dir, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

export function writePointer(storeDir: string, pointer: Pointer): void {
	mkdirSync(storeDir, { recursive: true });
	writeFileAtomic(join(storeDir, POINTER_FILE), JSON.stringify(pointer, null, '\t') + '\n', storeDir);
}

/** Remove all but the newest `keep` snapshots, never the current one. Returns the removed ids. */
export function pruneSnapshots(storeDir: string, current: Pointer, keep = SNAPSHOTS_KEPT): string[] {
	const dir = join(storeDir, SNAPSHOT_DIR);
	if (!existsSync(dir)) return [];
	const currentName = current.file.slice(SNAPSHOT_DIR.length + 1);
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.duckdb'))
		.map((f) => ({ f, mtime: statSync(join(dir, f)).mtimeMs }))
		.sort((a, b) => b.mtime - a.mtime || (a.f < b.f ? 1 : -1));
	const kept = new Set([currentName, ...files.slice(0, keep).map((x) => x.f)]);
	const removed: string[] = [];
	for (const { f } of files) {
		if (kept.has(f)) continue;
		// A server may still have it open: on POSIX the open file stays readable until closed.
		rmSync(join(dir, f), { force: true });
		rmSync(join(dir, `${f}.wal`), { force: true });
		removed.push(f.replace(/\.duckdb$/, ''));
	}
	return removed;
}
