/**
 * The hidden cells are computed at ingest and stored in the snapshot (verborgen_cellen); a
 * request reads them. They must be exactly what the patterns give over the snapshot's tables.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFixtureStore, type FixtureStore } from '../../../../tests/helpers/fixture-store';
import { bindParams, type Params } from '../db/params';
import { closeStore, useStore, withSnapshot } from '../db/store';
import { loadDisclosure, partsLookup, patternPart, patternRows, PATTERN_NAMES, type Disclosure, type Pattern } from './patterns';

let store: FixtureStore;
beforeAll(async () => {
	store = await buildFixtureStore({ exports: resolve(import.meta.dirname, '../../../../data/exports') });
	await useStore(store.paths.store, { checkIntervalMs: 0 });
});
afterAll(async () => {
	await closeStore();
	store?.cleanup();
});

/** The patterns computed now over a snapshot file's tables, as the ingest did. */
async function computed(file: string): Promise<Disclosure> {
	const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
	const con = await instance.connect();
	try {
		return await loadDisclosure(async (sql, params = {}) => {
			const { values, types } = bindParams(sql, params as Params);
			return (await con.runAndReadAll(sql, values, types)).getRowObjectsJson() as Record<string, unknown>[];
		});
	} finally {
		con.closeSync();
		instance.closeSync();
	}
}

const plain = (d: Disclosure) => Object.fromEntries(PATTERN_NAMES.map((n) => [n, Object.fromEntries([...d.patterns[n]].map(([k, v]) => [k, Object.fromEntries(v)]))]));

describe('stored hidden cells', () => {
	test('a request reads the same hidden cells as the patterns compute over the example snapshot', async () => {
		const { stored, file } = await withSnapshot(async (snapshot) => ({ stored: await snapshot.disclosure(), file: snapshot.file }));
		const fresh = await computed(file);
		expect(plain(stored)).toEqual(plain(fresh));
		// Not a comparison of empty maps: the example data has hidden Wlz and capaciteit cells.
		expect(stored.patterns.wlz.size).toBeGreaterThan(0);
		expect(stored.patterns.capaciteit.size).toBeGreaterThan(0);
		expect(PATTERN_NAMES.some((n) => [...stored.patterns[n].values()].some((cell) => [...cell.values()].includes('secundair')))).toBe(true);
	});
});

describe('pattern parts', () => {
	test('a part is the first two segments of a cell key', () => {
		expect(patternPart('2024|GM0505|crisisopvang|*')).toBe('2024|GM0505');
		expect(patternPart('2021-K1|Aanbieder A|')).toBe('2021-K1|Aanbieder A');
		expect(patternPart('2023|GM0512')).toBe('2023|GM0512');
	});

	test('the parts of every row, looked up together, give each cell as the whole pattern does', async () => {
		const stored = await withSnapshot((snapshot) => snapshot.disclosure());
		for (const name of PATTERN_NAMES) {
			const parts = new Map<string, Pattern>();
			for (const r of patternRows(stored).filter((row) => row.patroon === name)) {
				const part = parts.get(r.deel) ?? new Map();
				parts.set(r.deel, part.set(r.sleutel, (part.get(r.sleutel) ?? new Map()).set(r.kolom, r.reden)));
			}
			const lookup = partsLookup(parts);
			for (const [key, cell] of stored.patterns[name]) expect(lookup.get(key), `${name} ${key}`).toEqual(cell);
			// A cell in no part is visible: nothing else is hidden.
			expect(lookup.get('1999|GM0000|x|*')).toBeUndefined();
		}
	});
});
