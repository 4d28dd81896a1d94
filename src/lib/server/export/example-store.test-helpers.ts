/**
 * The shipped example exports as a temporary store for the deck tests, registered as the
 * suite's beforeAll/afterAll: built by the real ingest, opened as the current store, with the
 * repository's notebooks, after `prepare` edited the copied exports (a boundaries file, read by
 * the ingest); everything is put back afterwards.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { closeStore, useStore } from '$lib/server/db/store';
import { buildFixtureStore, type FixtureStore } from '../../../../tests/helpers/fixture-store';

export function useExampleStore({ prepare }: { prepare?: (exportsDir: string) => void } = {}): () => FixtureStore {
	let store: FixtureStore | undefined;
	const saved = { REGIO_NOTEBOOKS_DIR: process.env.REGIO_NOTEBOOKS_DIR };
	beforeAll(async () => {
		store = await buildFixtureStore({ exports: resolve('data/exports'), prepare });
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
