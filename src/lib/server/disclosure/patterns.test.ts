import { describe, expect, test } from 'vitest';
import { capaciteitPattern, dagbestedingPattern, wlzPattern, type Pattern } from './patterns';

const flat = (pattern: Pattern) =>
	Object.fromEntries([...pattern].flatMap(([key, columns]) => [...columns].map(([column, reden]) => [`${key} ${column}`, reden])).sort(([a], [b]) => a.localeCompare(b)));

describe('wlzPattern', () => {
	test('gemeenten of one year with the region row as total: the smallest other gemeente joins a hidden one', () => {
		const rows = [
			{ jaar: 2023, regiocode: 'CR0505', gemeentecode: null, instroom: 30, bw_clienten: 500 },
			{ jaar: 2023, regiocode: 'CR0505', gemeentecode: 'GM0505', instroom: 18, bw_clienten: 300 },
			{ jaar: 2023, regiocode: 'CR0505', gemeentecode: 'GM0512', instroom: 2, bw_clienten: 80 },
			{ jaar: 2023, regiocode: 'CR0505', gemeentecode: 'GM1978', instroom: 10, bw_clienten: 120 },
			// Another year: two small ones protect each other.
			{ jaar: 2024, regiocode: 'CR0505', gemeentecode: null, instroom: 25, bw_clienten: 510 },
			{ jaar: 2024, regiocode: 'CR0505', gemeentecode: 'GM0505', instroom: 19, bw_clienten: 310 },
			{ jaar: 2024, regiocode: 'CR0505', gemeentecode: 'GM0512', instroom: 3, bw_clienten: 80 },
			{ jaar: 2024, regiocode: 'CR0505', gemeentecode: 'GM1978', instroom: 3, bw_clienten: 120 }
		];
		expect(flat(wlzPattern(rows, 5))).toEqual({
			'2023|GM0512 instroom': 'primair',
			'2023|GM1978 instroom': 'secundair',
			'2024|GM0512 instroom': 'primair',
			'2024|GM1978 instroom': 'primair'
		});
	});
});

describe('dagbestedingPattern', () => {
	// Regional aanbieders (no gemeente) in 2022, met dagbesteding A 3, B 20, C 30: A is hidden,
	// and B (the next smallest) with it, in the sum per aanbieder and in its own cell.
	test('aanbieders of a periode', () => {
		const rows = [
			{ periode: '2022', aanbieder: 'A', gemeentecode: null, bw_clienten: 100, met_dagbesteding: 3 },
			{ periode: '2022', aanbieder: 'B', gemeentecode: null, bw_clienten: 50, met_dagbesteding: 20 },
			{ periode: '2022', aanbieder: 'C', gemeentecode: null, bw_clienten: 80, met_dagbesteding: 30 }
		];
		expect(flat(dagbestedingPattern(rows, 5))).toEqual({
			'2022|A| met_dagbesteding': 'primair',
			'2022|A|* met_dagbesteding': 'primair',
			'2022|B| met_dagbesteding': 'secundair',
			'2022|B|* met_dagbesteding': 'secundair'
		});
	});
	// Two regions publish their own totals (issue 12): A (3) in region X is protected by an
	// aanbieder of X, not by the smaller D of region Y, or X's total minus B would give A back.
	test('aanbieders of a periode, per region', () => {
		const rows = [
			{ periode: '2022', aanbieder: 'A', gemeentecode: 'GM0001', regio: 'CRX', bw_clienten: 100, met_dagbesteding: 3 },
			{ periode: '2022', aanbieder: 'B', gemeentecode: 'GM0001', regio: 'CRX', bw_clienten: 50, met_dagbesteding: 20 },
			{ periode: '2022', aanbieder: 'D', gemeentecode: 'GM0002', regio: 'CRY', bw_clienten: 80, met_dagbesteding: 10 },
			{ periode: '2022', aanbieder: 'E', gemeentecode: 'GM0002', regio: 'CRY', bw_clienten: 80, met_dagbesteding: 30 }
		];
		const hidden = flat(dagbestedingPattern(rows, 5));
		expect(hidden['2022|A|* met_dagbesteding']).toBe('primair');
		expect(hidden['2022|B|* met_dagbesteding']).toBe('secundair');
		expect(hidden['2022|D|* met_dagbesteding']).toBeUndefined();
	});
	// Cells per aanbieder and gemeente, met dagbesteding:
	//          G1  G2 | per aanbieder
	//   A       3  20 | 23
	//   B      10  30 | 40
	//   per gemeente 13, 50
	// No sum is small, so the sums stay visible; the cell A·G1 is hidden, then A·G2 (row A),
	// B·G1 (column G1) and B·G2 (column G2): every cell of the 2×2 table.
	test('cells per aanbieder and gemeente, with both sums published', () => {
		const rows = [
			{ periode: '2022', aanbieder: 'A', gemeentecode: 'G1', bw_clienten: 30, met_dagbesteding: 3 },
			{ periode: '2022', aanbieder: 'A', gemeentecode: 'G2', bw_clienten: 40, met_dagbesteding: 20 },
			{ periode: '2022', aanbieder: 'B', gemeentecode: 'G1', bw_clienten: 25, met_dagbesteding: 10 },
			{ periode: '2022', aanbieder: 'B', gemeentecode: 'G2', bw_clienten: 50, met_dagbesteding: 30 }
		];
		expect(flat(dagbestedingPattern(rows, 5))).toEqual({
			'2022|A|G1 met_dagbesteding': 'primair',
			'2022|A|G2 met_dagbesteding': 'secundair',
			'2022|B|G1 met_dagbesteding': 'secundair',
			'2022|B|G2 met_dagbesteding': 'secundair'
		});
	});
});

describe('capaciteitPattern', () => {
	// Crisisopvang in Dordrecht: wachtlijst algemeen 9, autisme 2 (sum 11): autisme is hidden,
	// and algemeen with it, or 11 − 9 would give it back. Bezet 12 and 6: nothing hidden.
	test('doelgroepen of a type with their sum', () => {
		const rows = [
			{ peiljaar: 2024, gemeentecode: 'GM0505', voorzieningstype: 'crisisopvang', doelgroep: 'algemeen', bezet: 12, wachtlijst: 9 },
			{ peiljaar: 2024, gemeentecode: 'GM0505', voorzieningstype: 'crisisopvang', doelgroep: 'autisme', bezet: 6, wachtlijst: 2 }
		];
		expect(flat(capaciteitPattern(rows, 5))).toEqual({
			'2024|GM0505|crisisopvang|algemeen wachtlijst': 'secundair',
			'2024|GM0505|crisisopvang|autisme wachtlijst': 'primair'
		});
	});
});
