/**
 * The shipped example exports as a temporary store for the deck tests, registered as the
 * suite's beforeAll/afterAll: built by the real ingest, opened as the current store, with the
 * repository's notebooks (and, when asked, the copied exports as REGIO_EXPORTS_DIR, for files
 * such as a boundaries file that `prepare` adds); everything is put back afterwards.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { closeStore, useStore } from '$lib/server/db/store';
import { buildFixtureStore, type FixtureStore } from '../../../../tests/helpers/fixture-store';

export function useExampleStore({ prepare, exportsEnv = false }: { prepare?: (exportsDir: string) => void; exportsEnv?: boolean } = {}): () => FixtureStore {
	let store: FixtureStore | undefined;
	const saved = { REGIO_NOTEBOOKS_DIR: process.env.REGIO_NOTEBOOKS_DIR, REGIO_EXPORTS_DIR: process.env.REGIO_EXPORTS_DIR };
	beforeAll(async () => {
		store = await buildFixtureStore({ exports: resolve('data/exports') });
		prepare?.(store.paths.exports);
		if (exportsEnv) process.env.REGIO_EXPORTS_DIR = store.paths.exports;
		process.env.REGIO_NOTEBOOKS_DIR = resolve('notebooks');
		await useStore(store.paths.store, { checkIntervalMs: 0 });
	});
	afterAll(async () => {
		await closeStore();
		store?.cleanup();
		for (const [key, value] of Object.entries(saved)) {
			if (value === undefined) delete process.env[key];
			else process.env[key] = value;
		}
	});
	return () => {
		if (!store) throw new Error('useExampleStore: the store is made in beforeAll');
		return store;
	};
}
