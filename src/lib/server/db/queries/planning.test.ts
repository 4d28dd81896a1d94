import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useFixtureStore } from '../../../../../tests/helpers/fixture-store';
import { planVsTekort, projecten } from './planning';

useFixtureStore({ beforeAll, afterAll });

describe('projecten', () => {
	test('ordered by expected delivery, unknown dates last, dates as YYYY-MM-DD', async () => {
		const rows = await projecten();
		expect(rows.map((r) => [r.project_id, r.verwachte_oplevering])).toEqual([
			['SH-DOR-01', '2022-06-01'],
			['CR-DOR-01', '2024-09-01'],
			['SH-GOR-01', '2025-06-30'],
			['SH-MOL-01', '2025-09-30'],
			['CR-GOR-01', null],
			['DP-REG-01', null]
		]);
		expect(rows[2]).toMatchObject({ gemeentenaam: 'Gorinchem', status: 'besluitvorming', status_stap: 3, status_datum: '2023-10-01', toelichting: 'Besluit verwacht begin 2024' });
	});

	test('filters by types, statuses and gemeente', async () => {
		expect((await projecten({ voorzieningstypen: ['skaeve_huse'], statussen: ['besluitvorming'] })).map((r) => r.project_id)).toEqual(['SH-GOR-01', 'SH-MOL-01']);
		expect((await projecten({ gemeentecode: 'GM0512' })).map((r) => r.project_id)).toEqual(['SH-GOR-01', 'CR-GOR-01']);
		expect((await projecten({ voorzieningstypen: [], statussen: [] })).length).toBe(6);
	});
});

describe('planVsTekort', () => {
	test('units in projects not yet in use against the tekort of the same type', async () => {
		const rows = await planVsTekort({ peiljaar: 2024 });
		// crisis: CR-DOR-01 2 + CR-GOR-01 1; domus: DP-REG-01 4; skaeve: 3 + 2 planned, SH-DOR-01 5 in use.
		expect(rows.map((r) => [r.voorzieningstype, r.projecten, r.eenheden_gepland, r.eenheden_in_gebruik, r.tekort, r.tekort_na_plan])).toEqual([
			['crisisopvang', 2, 3, 0, 6, 2],
			['domus_plus', 1, 4, 0, 8, 4],
			['skaeve_huse', 2, 5, 5, 6, 1]
		]);
	});

	test('for one gemeente', async () => {
		const rows = await planVsTekort({ peiljaar: 2023, gemeentecode: 'GM0505' });
		// 2023 Dordrecht: crisis tekort 4+2, domus 8, skaeve 1; its projects: CR-DOR-01, DP-REG-01, SH-DOR-01 (in use).
		expect(rows.map((r) => [r.voorzieningstype, r.eenheden_gepland, r.eenheden_in_gebruik, r.tekort])).toEqual([
			['crisisopvang', 2, 0, 6],
			['domus_plus', 4, 0, 8],
			['skaeve_huse', 0, 5, 1]
		]);
	});
});
