import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useFixtureStore } from '../../../../../tests/helpers/fixture-store';
import { gemeenteProfiel } from './gemeente';
import { dagbestedingKerncijfer, overzicht, wlzKerncijfer } from './overzicht';

useFixtureStore({ beforeAll, afterAll });

describe('overzicht', () => {
	test('key figures with their trends', async () => {
		const o = await overzicht();
		expect(o.peiljaar).toBe(2024);
		expect(o.tekorten.map((t) => [t.voorzieningstype, t.tekort, t.trend])).toEqual([
			['domus_plus', 8, [{ peiljaar: 2023, tekort: 8 }, { peiljaar: 2024, tekort: 8 }]],
			['crisisopvang', 6, [{ peiljaar: 2023, tekort: 9 }, { peiljaar: 2024, tekort: 6 }]],
			['skaeve_huse', 6, [{ peiljaar: 2023, tekort: 6 }, { peiljaar: 2024, tekort: 6 }]]
		]);
		expect(o.hkg).toMatchObject({ periode: '2024-2027', ronde: 'definitief', bod: 204, opgave: 225, aandeel: 0.9067 });
		expect(o.hkg?.trend.map((t) => t.bod)).toEqual([128, 155, 204]);
		expect(o.wlz).toMatchObject({ jaar: 2023, instroom_per_10k: 1.2, mediaan_andere_regios: 2.1 });
		expect(o.wlz?.trend.map((t) => t.mediaan_andere_regios)).toEqual([2.25, 2.1]);
		expect(o.dagbesteding).toMatchObject({ periode: '2022', aandeel: 0.4688 });
	});

	test('kerncijfers of empty series are null', () => {
		expect(wlzKerncijfer([], [])).toBeNull();
		expect(dagbestedingKerncijfer([])).toBeNull();
		expect(wlzKerncijfer([{ jaar: 2020, instroom_per_10k: 1 }], [])).toMatchObject({ mediaan_andere_regios: null });
	});
});

describe('gemeenteProfiel', () => {
	test('every view filtered to one gemeente', async () => {
		const p = await gemeenteProfiel('GM0512');
		expect(p?.gemeente.naam).toBe('Gorinchem');
		expect(p?.peiljaar).toBe(2024);
		expect(p?.capaciteit.map((r) => [r.voorzieningstype, r.tekort])).toEqual([
			['crisisopvang', 2],
			['skaeve_huse', 3]
		]);
		expect(p?.capaciteitPer10k.map((r) => r.tekort)).toEqual([0.5, 0.75]);
		expect(p?.projecten.map((r) => r.project_id)).toEqual(['SH-GOR-01', 'CR-GOR-01']);
		// 2022: 4 clients, under the threshold of 5: hidden.
		expect(p?.wlz.map((r) => r.instroom)).toEqual([null, 5]);
		expect(p?.hkgPeriode).toBe('2024-2027');
		expect(p?.hkgBiedingen.every((r) => r.gemeentecode === 'GM0512')).toBe(true);
		expect(p?.hkgTotalen.map((r) => r.bod)).toEqual([20, 31, 42]);
		expect(p?.dagbesteding.map((r) => r.periode)).toEqual(['2022']);
	});

	test('null for a code outside the region', async () => {
		expect(await gemeenteProfiel('GM0363')).toBeNull();
	});
});
