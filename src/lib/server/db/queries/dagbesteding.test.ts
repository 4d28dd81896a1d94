import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useFixtureStore } from '../../../../../tests/helpers/fixture-store';
import { dagbestedingPerAanbieder, dagbestedingRegio } from './dagbesteding';

useFixtureStore({ beforeAll, afterAll });

describe('dagbesteding', () => {
	test('regional share per periode, marked before/after P×Q', async () => {
		const rows = await dagbestedingRegio();
		// 2020: 90/150; 2021: 70/150; 2022: 75/160
		expect(rows.map((r) => [r.periode, r.periode_start, r.bw_clienten, r.met_dagbesteding, r.aandeel, r.na_pxq])).toEqual([
			['2020', '2020-01-01', 150, 90, 0.6, false],
			['2021', '2021-01-01', 150, 70, 0.4667, true],
			['2022', '2022-01-01', 160, 75, 0.4688, true]
		]);
	});

	test('per aanbieder, summed over gemeenten', async () => {
		const rows = await dagbestedingPerAanbieder({ periode: '2022' });
		expect(rows.map((r) => [r.aanbieder, r.bw_clienten, r.met_dagbesteding, r.aandeel])).toEqual([
			['Aanbieder A', 110, 50, 0.4545],
			['Aanbieder B', 50, 25, 0.5]
		]);
		expect((await dagbestedingPerAanbieder({ aanbieders: ['Aanbieder B'] })).map((r) => r.aandeel)).toEqual([0.6, 0.4, 0.5]);
	});

	test('for one gemeente only its own rows count', async () => {
		expect((await dagbestedingRegio({ gemeentecode: 'GM0505' })).map((r) => [r.periode, r.bw_clienten, r.aandeel])).toEqual([
			['2020', 50, 0.6],
			['2021', 50, 0.4],
			['2022', 40, 0.5]
		]);
	});
});
