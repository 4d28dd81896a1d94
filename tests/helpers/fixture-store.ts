/**
 * A temporary store built from the small hand-made exports in tests/fixtures/store-small,
 * through the real ingest. Tests copy the exports first, so a test can
 * edit them and build a second snapshot (see `rebuild`).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readPointer, type StorePaths } from '../../src/lib/server/db/layout';
import { closeStore, useStore } from '../../src/lib/server/db/store';
import { runIngest } from '../../src/lib/server/ingest';

export const FIXTURE_EXPORTS = resolve(import.meta.dirname, '../fixtures/store-small');

export interface FixtureStore {
	paths: StorePaths;
	/** Id of the snapshot the pointer names now. */
	snapshotId(): string;
	/** Edit the copied exports, then build and switch to a new snapshot. Returns its id. */
	rebuild(edit: (exportsDir: string) => void): Promise<string>;
	cleanup(): void;
}

/** Build a temporary store from the fixture exports (or another exports directory), after `prepare` edited the copy. */
export async function buildFixtureStore({ exports = FIXTURE_EXPORTS, prepare }: { exports?: string; prepare?: (exportsDir: string) => void } = {}): Promise<FixtureStore> {
	const root = mkdtempSync(join(tmpdir(), 'regio-store-'));
	const paths: StorePaths = { store: join(root, 'store'), exports: join(root, 'exports'), reports: join(root, 'reports') };
	cpSync(exports, paths.exports, { recursive: true });
	prepare?.(paths.exports);
	await build(paths);
	return {
		paths,
		snapshotId: () => readPointer(paths.store)?.snapshotId ?? '',
		async rebuild(edit) {
			edit(paths.exports);
			await build(paths);
			return readPointer(paths.store)?.snapshotId ?? '';
		},
		cleanup: () => rmSync(root, { recursive: true, force: true })
	};
}

async function build(paths: StorePaths): Promise<void> {
	const report = await runIngest({ paths, force: true });
	if (!report.ok) throw new Error(`fixture ingest failed: ${JSON.stringify(report.errors.slice(0, 5), null, 1)}`);
}

/**
 * Register beforeAll/afterAll hooks that build a fixture store and make it the shared store
 * (pointer checked on every query). Returns a getter for the store, valid inside tests.
 */
export function useFixtureStore(hooks: { beforeAll: (fn: () => Promise<void>) => void; afterAll: (fn: () => Promise<void>) => void }): () => FixtureStore {
	let fixture: FixtureStore | undefined;
	const notebooks = process.env.REGIO_NOTEBOOKS_DIR;
	hooks.beforeAll(async () => {
		fixture = await buildFixtureStore();
		// The shipped notebooks are written for the example data, not for this store: none by default
		// (tests of notebooks point REGIO_NOTEBOOKS_DIR at their own).
		process.env.REGIO_NOTEBOOKS_DIR = join(fixture.paths.exports, '..', 'notebooks');
		await useStore(fixture.paths.store, { checkIntervalMs: 0 });
	});
	hooks.afterAll(async () => {
		await closeStore();
		fixture?.cleanup();
		if (notebooks === undefined) delete process.env.REGIO_NOTEBOOKS_DIR;
		else process.env.REGIO_NOTEBOOKS_DIR = notebooks;
	});
	return () => {
		if (!fixture) throw new Error('fixture store not built yet');
		return fixture;
	};
}
