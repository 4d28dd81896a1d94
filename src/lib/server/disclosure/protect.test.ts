import { describe, expect, test } from 'vitest';
import type { Disclosure } from './patterns';
import { DisclosureError, protectRows, type Protection } from './protect';

const disclosure = (drempel = 5, wlz = new Map()): Disclosure => ({ drempel, patterns: { wlz, dagbesteding: new Map(), capaciteit: new Map() } });
const protection: Protection = {
	counts: ['instroom'],
	derived: { instroom_per_10k: ['instroom'] },
	safe: ['jaar', 'inwoners'],
	cell: { pattern: 'wlz', key: (row) => `${String(row.jaar)}|${String(row.gemeentecode)}` }
};

describe('protectRows', () => {
	test('primary: a small count and its rate become null with their labels; other rows are untouched', () => {
		const rows = [
			{ jaar: 2022, gemeentecode: 'GM0512', instroom: 3, inwoners: 40000, instroom_per_10k: 0.75 },
			{ jaar: 2022, gemeentecode: 'GM0505', instroom: 0, inwoners: 125000, instroom_per_10k: 0 }
		];
		expect(protectRows(rows, 'SELECT instroom …', {}, protection, disclosure())).toEqual([
			{ jaar: 2022, gemeentecode: 'GM0512', instroom: null, inwoners: 40000, instroom_per_10k: null, afgeschermd: { instroom: '< 5', instroom_per_10k: 'afgeschermd' } },
			rows[1]
		]);
	});
	test('secondary: a cell of the pattern is hidden whatever its value', () => {
		const pattern = new Map([['2022|GM0505', new Map([['instroom', 'secundair' as const]])]]);
		const [row] = protectRows([{ jaar: 2022, gemeentecode: 'GM0505', instroom: 40, inwoners: 125000, instroom_per_10k: 3.2 }], 'SELECT instroom', {}, protection, disclosure(5, pattern));
		expect(row).toMatchObject({ instroom: null, instroom_per_10k: null, afgeschermd: { instroom: 'afgeschermd', instroom_per_10k: 'afgeschermd' } });
	});
	test('drempel 0 shows every value', () => {
		const rows = [{ jaar: 2022, gemeentecode: 'GM0512', instroom: 3, inwoners: 40000, instroom_per_10k: 0.75 }];
		expect(protectRows(rows, 'SELECT instroom', {}, protection, disclosure(0))).toEqual(rows);
	});
	test('a query that reads person counts without a declaration is refused', () => {
		expect(() => protectRows([{ n: 3 }], 'SELECT sum(instroom) AS n FROM wlz_instroom', {}, undefined, disclosure())).toThrow(DisclosureError);
		expect(() => protectRows([{ bw_clienten: 3 }], 'SELECT * FROM t', {}, undefined, disclosure())).toThrow(DisclosureError);
		expect(protectRows([{ bod: 3 }], 'SELECT bod FROM hkg_biedingen', {}, undefined, disclosure())).toEqual([{ bod: 3 }]);
	});
	test('a numeric column the declaration does not classify is refused', () => {
		expect(() => protectRows([{ jaar: 2022, instroom: 9, totaal: 40 }], 'SELECT instroom', {}, { counts: ['instroom'], safe: ['jaar'] }, disclosure())).toThrow(
			/totaal is not classified/
		);
	});
});
