import { describe, expect, test } from 'vitest';
import { afschermingZin, countLabel, suppress, type Groep } from './disclosure';

const cells = (entries: Record<string, number>) => new Map(Object.entries(entries));
const result = (hidden: Map<string, string>) => Object.fromEntries([...hidden].sort(([a], [b]) => a.localeCompare(b)));

describe('primary suppression', () => {
	test('1 to drempel − 1 is hidden, 0 and drempel stay', () => {
		expect(result(suppress(cells({ a: 0, b: 1, c: 4, d: 5, e: 12 }), [], 5))).toEqual({ b: 'primair', c: 'primair' });
	});
	test('another drempel moves the bound', () => {
		expect(result(suppress(cells({ a: 9, b: 10 }), [], 10))).toEqual({ a: 'primair' });
	});
	test('drempel 0 hides nothing', () => {
		expect(result(suppress(cells({ a: 1, b: 2 }), [{ members: ['a', 'b'] }], 0))).toEqual({});
	});
});

describe('secondary suppression', () => {
	// Regional total 42 with four gemeenten: 3 is hidden, and 42 − 7 − 12 − 20 would give it back,
	// so the next smallest (7) is hidden too.
	test('a single hidden gemeente is joined by the next smallest', () => {
		const g: Groep[] = [{ members: ['a', 'b', 'c', 'd'] }];
		expect(result(suppress(cells({ a: 3, b: 7, c: 12, d: 20 }), g, 5))).toEqual({ a: 'primair', b: 'secundair' });
	});
	test('two hidden cells already protect each other', () => {
		const g: Groep[] = [{ members: ['a', 'b', 'c'] }];
		expect(result(suppress(cells({ a: 2, b: 4, c: 30 }), g, 5))).toEqual({ a: 'primair', b: 'primair' });
	});
	test('a zero is no protection: the smallest non-zero member is taken', () => {
		const g: Groep[] = [{ members: ['a', 'b', 'c', 'd'] }];
		expect(result(suppress(cells({ a: 3, b: 0, c: 9, d: 15 }), g, 5))).toEqual({ a: 'primair', c: 'secundair' });
	});
	test('on a tie the first member in order is taken', () => {
		const g: Groep[] = [{ members: ['a', 'b', 'c'] }];
		expect(result(suppress(cells({ a: 3, b: 8, c: 8 }), g, 5))).toEqual({ a: 'primair', b: 'secundair' });
	});
	test('a total that is itself small reveals nothing by subtraction', () => {
		const g: Groep[] = [{ members: ['a', 'b'] }];
		expect(result(suppress(cells({ a: 3, b: 0 }), g, 5))).toEqual({ a: 'primair' });
	});
	test('a published total that is more than the members (rows without gemeente) still protects', () => {
		const g: Groep[] = [{ members: ['a', 'b'], total: 20 }];
		expect(result(suppress(cells({ a: 3, b: 10 }), g, 5))).toEqual({ a: 'primair', b: 'secundair' });
	});
	test('a cell hidden beforehand counts as hidden', () => {
		const g: Groep[] = [{ members: ['a', 'b', 'c'] }];
		expect(result(suppress(cells({ a: 40, b: 9, c: 12 }), g, 5, new Map([['a', 'secundair']])))).toEqual({ a: 'secundair', b: 'secundair' });
	});
	// Rows A–C by columns 1–3, totals per row and per column all shown.
	//        1   2   3
	//   A    3  10  40
	//   B    9  30  50
	//   C   12  25  60
	// Row A hides A2 (10); column 1 hides B1 (9); column 2 (A2 alone) hides C2 (25); then row B
	// (B1 alone) hides B2 (30) and row C (C2 alone) hides C1 (12). Column 3 stays visible.
	test('overlapping row and column totals', () => {
		const table = cells({ A1: 3, A2: 10, A3: 40, B1: 9, B2: 30, B3: 50, C1: 12, C2: 25, C3: 60 });
		const groups: Groep[] = [
			{ members: ['A1', 'A2', 'A3'] },
			{ members: ['B1', 'B2', 'B3'] },
			{ members: ['C1', 'C2', 'C3'] },
			{ members: ['A1', 'B1', 'C1'] },
			{ members: ['A2', 'B2', 'C2'] },
			{ members: ['A3', 'B3', 'C3'] }
		];
		expect(result(suppress(table, groups, 5))).toEqual({
			A1: 'primair',
			A2: 'secundair',
			B1: 'secundair',
			B2: 'secundair',
			C1: 'secundair',
			C2: 'secundair'
		});
	});
});

test('labels and the footer sentence', () => {
	expect(countLabel('primair', 5)).toBe('< 5');
	expect(countLabel('secundair', 5)).toBe('afgeschermd');
	expect(afschermingZin(5)).toBe('Aantallen onder 5 zijn afgeschermd (AVG).');
	expect(afschermingZin(0)).toBe('Kleine aantallen worden getoond: er is geen drempel voor afscherming ingesteld.');
});
