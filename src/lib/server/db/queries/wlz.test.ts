import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useFixtureStore } from '../../../../../tests/helpers/fixture-store';
import { wlzEigenRegio, wlzPerGemeente, wlzRegios, wlzSpreiding } from './wlz';

useFixtureStore({ beforeAll, afterAll });

describe('wlz', () => {
	test('the own region per year, absolute and per 10,000', async () => {
		const rows = await wlzEigenRegio();
		// 20 / 200000 × 10000 = 1.0; 24 / 200000 × 10000 = 1.2; 24 / 420 = 5.71 %
		expect(rows.map((r) => [r.jaar, r.regiocode, r.instroom, r.inwoners, r.instroom_per_10k, r.instroom_pct_bw])).toEqual([
			[2022, 'CR0505', 20, 200000, 1, 5],
			[2023, 'CR0505', 24, 200000, 1.2, 5.71]
		]);
	});

	test('the spread of the other regions (quantile_cont)', async () => {
		const rows = await wlzSpreiding();
		// 2022 per 10k: 1.5, 2.0, 2.5, 3.0 → p25 1.875, median 2.25, p75 2.625
		expect(rows[0]).toEqual({ jaar: 2022, regios: 4, min: 1.5, p25: 1.875, mediaan: 2.25, p75: 2.625, max: 3 });
		// 2023 per 10k: 1.6, 2.0, 2.2, 2.5 → p25 1.9, median 2.1, p75 2.275
		expect(rows[1]).toMatchObject({ jaar: 2023, regios: 4, min: 1.6, max: 2.5 });
		expect(rows[1].p25).toBeCloseTo(1.9, 9);
		expect(rows[1].mediaan).toBeCloseTo(2.1, 9);
		expect(rows[1].p75).toBeCloseTo(2.275, 9);
	});

	test('all regions of a year, own region first', async () => {
		const rows = await wlzRegios({ jaar: 2023 });
		expect(rows.map((r) => [r.regionaam, r.instroom_per_10k])).toEqual([
			['Dordrecht', 1.2],
			['Amsterdam', 2.5],
			['Den Haag', 2],
			['Rotterdam', 2.2],
			['Utrecht', 1.6]
		]);
		expect((await wlzRegios({ eigen: false })).every((r) => !r.eigen_regio)).toBe(true);
	});

	test('per gemeente of the own region', async () => {
		const rows = await wlzPerGemeente({ jaar: 2023 });
		// 14/125000, 5/40000, 5/35000 per 10,000
		expect(rows.map((r) => [r.naam, r.instroom, r.instroom_per_10k])).toEqual([
			['Dordrecht', 14, 1.12],
			['Gorinchem', 5, 1.25],
			['Molenlanden', 5, 1.429]
		]);
		// 2022: Gorinchem 4 is under the threshold of 5 and hidden, with what is computed from it.
		const gorinchem = await wlzPerGemeente({ gemeentecode: 'GM0512' });
		expect(gorinchem.map((r) => [r.jaar, r.instroom, r.instroom_per_10k, r.bw_clienten])).toEqual([
			[2022, null, null, 75],
			[2023, 5, 1.25, 80]
		]);
		expect(gorinchem[0].afgeschermd).toEqual({ instroom: '< 5', instroom_per_10k: 'afgeschermd', instroom_pct_bw: 'afgeschermd' });
		expect(gorinchem[1].afgeschermd).toBeUndefined();
	});

	test('2022: two gemeenten under the threshold protect each other; the regional total stays exact', async () => {
		// Dordrecht 12, Gorinchem 4, Molenlanden 4 of 20: two hidden cells, so no third one is needed.
		const rows = await wlzPerGemeente({ jaar: 2022 });
		expect(rows.map((r) => [r.naam, r.instroom, r.afgeschermd?.instroom ?? null])).toEqual([
			['Dordrecht', 12, null],
			['Gorinchem', null, '< 5'],
			['Molenlanden', null, '< 5']
		]);
		expect((await wlzEigenRegio())[0].instroom).toBe(20);
	});
});
