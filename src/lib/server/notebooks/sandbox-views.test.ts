import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFixtureStore, type FixtureStore } from '../../../../tests/helpers/fixture-store';
import { PERSON_COLUMNS } from '../../domain/exports';
import { STORE_TABLES } from '../../domain/store-tables';
import { readPointer } from '../db/layout';
import { Sandbox, SandboxError } from './sandbox';

let fixture: FixtureStore;
let sandbox: Sandbox;

beforeAll(async () => {
	fixture = await buildFixtureStore();
	sandbox = await Sandbox.open(join(fixture.paths.store, readPointer(fixture.paths.store)!.file));
});

afterAll(() => {
	sandbox?.close();
	fixture?.cleanup();
});

describe('notebook SQL sees only protected values', () => {
	// Fixture 2022: Dordrecht 12, Gorinchem 4, Molenlanden 4 of a regional 20 (drempel 5).
	test('a count under the threshold is NULL, with what was derived from it; the total row stays', async () => {
		const { rows } = await sandbox.query(
			`SELECT gemeentecode, instroom, bw_clienten, instroom_per_10k, instroom_pct_bw FROM wlz_per_10k WHERE jaar = 2022 AND regiocode = 'CR0505' ORDER BY gemeentecode NULLS FIRST`
		);
		expect(rows).toEqual([
			{ gemeentecode: null, instroom: 20, bw_clienten: 400, instroom_per_10k: 1, instroom_pct_bw: 5 },
			{ gemeentecode: 'GM0505', instroom: 12, bw_clienten: 240, instroom_per_10k: 0.96, instroom_pct_bw: 5 },
			{ gemeentecode: 'GM0512', instroom: null, bw_clienten: 75, instroom_per_10k: null, instroom_pct_bw: null },
			{ gemeentecode: 'GM1978', instroom: null, bw_clienten: 85, instroom_per_10k: null, instroom_pct_bw: null }
		]);
	});
	test('a sum over the gemeenten counts the visible cells only', async () => {
		const { rows } = await sandbox.query(`SELECT CAST(sum(instroom) AS INTEGER) AS som FROM wlz_instroom WHERE jaar = 2022 AND gemeentecode IS NOT NULL`);
		expect(rows).toEqual([{ som: 12 }]);
	});
	test('the attached snapshot itself cannot be named', async () => {
		await expect(sandbox.query('SELECT instroom FROM store.main.wlz_instroom')).rejects.toThrow(SandboxError);
		await expect(sandbox.query('SELECT instroom FROM store.wlz_instroom')).rejects.toThrow(SandboxError);
		await expect(sandbox.query('SELECT * FROM memory.main._af_wlz')).rejects.toThrow(SandboxError);
	});
	test('every store table with a person count is a protected view', async () => {
		const { rows } = await sandbox.query(`SELECT 1 AS een`);
		expect(rows).toEqual([{ een: 1 }]);
		for (const table of STORE_TABLES) {
			const { columns } = await sandbox.query(`SELECT * FROM ${table} LIMIT 0`);
			const persons = columns.filter((c) => PERSON_COLUMNS.includes(c.name));
			if (persons.length === 0) continue;
			// Counts under 5 anywhere in the table would be a leak.
			for (const column of persons) {
				const { rows: klein } = await sandbox.query(`SELECT count(*) AS n FROM ${table} WHERE ${column.name} > 0 AND ${column.name} < 5`);
				expect(klein, `${table}.${column.name}`).toEqual([{ n: 0 }]);
			}
		}
	});
});
