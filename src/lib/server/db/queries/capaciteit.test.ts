import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useFixtureStore } from '../../../../../tests/helpers/fixture-store';
import { capaciteitPerGemeente, capaciteitRegio, capaciteitTotalen, capaciteitTrend, grootsteTekorten } from './capaciteit';

useFixtureStore({ beforeAll, afterAll });

// Fixture 2024 (Dordrecht: only the 2024-07-01 rows count), bestaand/behoefte/gepland → tekort, na plan:
//   GM0505 crisis algemeen 12/15/2 → 3,1; crisis autisme 2/3/1 → 1,0; skaeve 5/6/0 → 1,1; domus 0/8/4 → 8,4
//   GM0512 crisis 2/4/1 → 2,1; skaeve 0/3/3 → 3,0
//   GM1978 crisis 2/2/0 → 0,0; skaeve 0/2/2 → 2,0
// Inwoners 2024: 125000, 40000, 50000 (215000); 2023: 120000, 40000, 40000 (200000).

describe('capaciteitPerGemeente', () => {
	test('sums doelgroepen per gemeente and type, ordered by gemeente then type', async () => {
		const rows = await capaciteitPerGemeente({ peiljaar: 2024 });
		expect(rows.map((r) => `${r.gemeentecode}:${r.voorzieningstype}`)).toEqual([
			'GM0505:crisisopvang',
			'GM0505:domus_plus',
			'GM0505:skaeve_huse',
			'GM0512:crisisopvang',
			'GM0512:skaeve_huse',
			'GM1978:crisisopvang',
			'GM1978:skaeve_huse'
		]);
		expect(rows[0]).toMatchObject({ naam: 'Dordrecht', doelgroep: null, inwoners: 125000, bestaand: 14, behoefte: 18, gepland: 3, tekort: 4, tekort_na_plan: 1, bezet: 14, wachtlijst: 5 });
		expect(rows[2]).toMatchObject({ voorzieningstype: 'skaeve_huse', bezet: 5, wachtlijst: null });
	});

	test('the earlier 2024-01-01 count of Dordrecht is ignored', async () => {
		const [row] = await capaciteitPerGemeente({ peiljaar: 2024, gemeentecode: 'GM0505', voorzieningstypen: ['crisisopvang'], doelgroep: 'algemeen' });
		expect(row).toMatchObject({ doelgroep: 'algemeen', bestaand: 12, behoefte: 15 });
	});

	test('per 10,000 inwoners', async () => {
		const rows = await capaciteitPerGemeente({ peiljaar: 2024, voorzieningstypen: ['skaeve_huse'], measure: 'per_10k' });
		// GM0512: tekort 3 / 40000 × 10000 = 0.75; GM1978: 2 / 50000 × 10000 = 0.4; GM0505: 1 / 125000 × 10000 = 0.08
		expect(rows.map((r) => [r.gemeentecode, r.tekort])).toEqual([
			['GM0505', 0.08],
			['GM0512', 0.75],
			['GM1978', 0.4]
		]);
		expect(rows[1].behoefte).toBe(0.75);
	});

	test('sort by tekort (largest first), ties by name', async () => {
		const rows = await capaciteitPerGemeente({ peiljaar: 2024, sort: 'tekort' });
		expect(rows.map((r) => [r.naam, r.voorzieningstype, r.tekort])).toEqual([
			['Dordrecht', 'domus_plus', 8],
			['Dordrecht', 'crisisopvang', 4],
			['Gorinchem', 'skaeve_huse', 3],
			['Gorinchem', 'crisisopvang', 2],
			['Molenlanden', 'skaeve_huse', 2],
			['Dordrecht', 'skaeve_huse', 1],
			['Molenlanden', 'crisisopvang', 0]
		]);
	});

	test('an unknown sort key is refused before any SQL is built', async () => {
		await expect(capaciteitPerGemeente({ peiljaar: 2024, sort: 'naam; DROP TABLE x' as never })).rejects.toThrow();
	});

	test('a doelgroep filter keeps only its rows', async () => {
		const rows = await capaciteitPerGemeente({ peiljaar: 2024, doelgroep: 'autisme' });
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ gemeentecode: 'GM0505', voorzieningstype: 'crisisopvang', bestaand: 2, tekort: 1 });
	});
});

describe('regional totals', () => {
	test('capaciteitRegio sums per type; tekort is the sum of per-gemeente tekorten', async () => {
		const rows = await capaciteitRegio({ peiljaar: 2024 });
		expect(rows).toEqual([
			{ peiljaar: 2024, voorzieningstype: 'crisisopvang', inwoners: 215000, bestaand: 18, gepland: 4, behoefte: 24, tekort: 6, tekort_na_plan: 2, gemeenten_met_tekort: 2 },
			{ peiljaar: 2024, voorzieningstype: 'domus_plus', inwoners: 215000, bestaand: 0, gepland: 4, behoefte: 8, tekort: 8, tekort_na_plan: 4, gemeenten_met_tekort: 1 },
			{ peiljaar: 2024, voorzieningstype: 'skaeve_huse', inwoners: 215000, bestaand: 5, gepland: 5, behoefte: 11, tekort: 6, tekort_na_plan: 1, gemeenten_met_tekort: 3 }
		]);
	});

	test('per 10,000 inwoners of the whole region', async () => {
		const [crisis] = await capaciteitRegio({ peiljaar: 2024, voorzieningstypen: ['crisisopvang'], measure: 'per_10k' });
		// 18 / 215000 × 10000 = 0.8372…; 6 / 215000 × 10000 = 0.2790…
		expect(crisis.bestaand).toBe(0.837);
		expect(crisis.tekort).toBe(0.279);
	});

	test('capaciteitTrend gives every peiljaar, with that year’s inwoners', async () => {
		const rows = await capaciteitTrend({ voorzieningstypen: ['crisisopvang'] });
		// 2023: bestaand 10+1+2+1, behoefte 14+3+4+2, tekort 4+2+2+1
		expect(rows.map((r) => [r.peiljaar, r.inwoners, r.bestaand, r.behoefte, r.tekort])).toEqual([
			[2023, 200000, 14, 23, 9],
			[2024, 215000, 18, 24, 6]
		]);
	});

	test('capaciteitTotalen of one gemeente uses that gemeente’s inwoners', async () => {
		const rows = await capaciteitTotalen({ gemeentecode: 'GM0512', voorzieningstypen: ['skaeve_huse'], measure: 'per_10k' });
		expect(rows.map((r) => [r.peiljaar, r.inwoners, r.tekort])).toEqual([
			[2023, 40000, 0.75],
			[2024, 40000, 0.75]
		]);
	});
});

describe('grootsteTekorten', () => {
	test('per type, largest regional tekort first, with the gemeente that misses most', async () => {
		const rows = await grootsteTekorten({ peiljaar: 2024 });
		expect(rows.map((r) => [r.voorzieningstype, r.tekort, r.tekort_na_plan, r.gemeentecode, r.gemeente_tekort])).toEqual([
			['domus_plus', 8, 4, 'GM0505', 8],
			['crisisopvang', 6, 2, 'GM0505', 4],
			['skaeve_huse', 6, 1, 'GM0512', 3]
		]);
	});

	test('a type without any tekort has no gemeente', async () => {
		const rows = await grootsteTekorten({ peiljaar: 2024, gemeentecode: 'GM1978' });
		const crisis = rows.find((r) => r.voorzieningstype === 'crisisopvang');
		expect(crisis).toMatchObject({ tekort: 0, gemeentecode: null, naam: null, gemeente_tekort: null });
	});
});
