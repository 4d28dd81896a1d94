import { describe, expect, it } from 'vitest';
import {
	formatCount,
	formatSeconden,
	opsomming,
	inZin,
	formatDate,
	formatDateShort,
	formatDateTime,
	formatDecimal,
	formatDifference,
	formatInteger,
	formatPer10k,
	formatPercent,
	formatPeriode,
	formatQuarter,
	per10k
} from './format';

describe('formatInteger', () => {
	it('groups thousands with a dot, also for four digits', () => {
		expect(formatInteger(1234)).toBe('1.234');
		expect(formatInteger(999)).toBe('999');
		expect(formatInteger(122089)).toBe('122.089');
		expect(formatInteger(1_234_567)).toBe('1.234.567');
	});
	it('rounds and writes no negative zero', () => {
		expect(formatInteger(12.6)).toBe('13');
		expect(formatInteger(-0.2)).toBe('0');
		expect(formatInteger(-1234)).toBe('-1.234');
	});
	it('writes a dash for missing values', () => {
		expect(formatInteger(null)).toBe('–');
		expect(formatInteger(undefined)).toBe('–');
		expect(formatInteger(Number.NaN)).toBe('–');
	});
});

describe('formatDecimal', () => {
	it('uses a decimal comma and grouping dots', () => {
		expect(formatDecimal(1234.5)).toBe('1.234,5');
		expect(formatDecimal(3.14159, { digits: 2 })).toBe('3,14');
		expect(formatDecimal(3)).toBe('3');
		expect(formatDecimal(3, { fixed: true })).toBe('3,0');
	});
});

describe('formatPercent', () => {
	it('writes whole percentages by default and one decimal on request', () => {
		expect(formatPercent(0.46)).toBe('46%');
		expect(formatPercent(0.458)).toBe('46%');
		expect(formatPercent(0.458, { digits: 1 })).toBe('45,8%');
		expect(formatPercent(0.6)).toBe('60%');
		expect(formatPercent(null)).toBe('–');
	});
});

describe('per 10.000', () => {
	it('computes and formats a rate with two decimals, the same on a tile, a gemeente page and a view', () => {
		expect(per10k(39, 122089)).toBeCloseTo(3.194, 3);
		expect(formatPer10k(per10k(39, 122089))).toBe('3,19');
		expect(formatPer10k(per10k(39, 122089), { digits: 1 })).toBe('3,2');
		expect(formatPer10k(12)).toBe('12,00');
		expect(per10k(3, 0)).toBeNull();
		expect(formatPer10k(per10k(3, null))).toBe('–');
	});
});

describe('formatDifference', () => {
	it('signs differences with plus and a true minus', () => {
		expect(formatDifference(12)).toBe('+12');
		expect(formatDifference(-1234)).toBe('−1.234');
		expect(formatDifference(0.3)).toBe('0');
	});
});

describe('dates', () => {
	it('writes long dates with the full month name', () => {
		expect(formatDate('2020-05-28')).toBe('28 mei 2020');
		expect(formatDate('2024-01-01')).toBe('1 januari 2024');
		expect(formatDate(new Date(Date.UTC(2023, 11, 4)))).toBe('4 december 2023');
	});
	it('writes short dates with an abbreviated month and its period', () => {
		expect(formatDateShort('2023-12-04')).toBe('4 dec. 2023');
		expect(formatDateShort('2023-03-04')).toBe('4 mrt. 2023');
		expect(formatDateShort('2020-05-28')).toBe('28 mei 2020');
	});
	it('does not shift plain dates across time zones', () => {
		expect(formatDate('2023-11-30')).toBe('30 november 2023');
	});
	it('writes moments in Dutch local time', () => {
		expect(formatDateTime('2023-12-04T13:05:00Z')).toBe('4 december 2023 om 14:05');
		expect(formatDateTime('2023-07-01T22:30:00Z')).toBe('2 juli 2023 om 00:30');
		// The store writes UTC timestamps without an offset.
		expect(formatDateTime('2023-12-04T13:05:00')).toBe('4 december 2023 om 14:05');
	});
	it('writes a dash for missing or invalid dates', () => {
		expect(formatDate(null)).toBe('–');
		expect(formatDate('geen datum')).toBe('–');
		expect(formatDateShort(undefined)).toBe('–');
	});
});

describe('periods', () => {
	it('labels quarters as 2021 K1', () => {
		expect(formatPeriode('2021-K1')).toBe('2021 K1');
		expect(formatPeriode('2021K4')).toBe('2021 K4');
		expect(formatPeriode('2021')).toBe('2021');
		expect(formatPeriode('2024-2027')).toBe('2024–2027');
		expect(formatQuarter('2021-02-15')).toBe('2021 K1');
		expect(formatQuarter('2021-12-31')).toBe('2021 K4');
	});
});

describe('formatCount', () => {
	it('chooses singular or plural', () => {
		expect(formatCount(1, 'rij', 'rijen')).toBe('1 rij');
		expect(formatCount(1234, 'rij', 'rijen')).toBe('1.234 rijen');
	});
});

describe('inZin', () => {
	it('lowers the first letter of a label but keeps acronyms', () => {
		expect(inZin('Crisisplekken')).toBe('crisisplekken');
		expect(inZin('Domus plus')).toBe('domus plus');
		expect(inZin('BW extramuraal')).toBe('BW extramuraal');
		expect(inZin('')).toBe('');
	});
});

describe('opsomming and formatSeconden', () => {
	it('lists in running Dutch', () => {
		expect(opsomming([])).toBe('');
		expect(opsomming(['Dordrecht'])).toBe('Dordrecht');
		expect(opsomming(['Dordrecht', 'Gorinchem'])).toBe('Dordrecht en Gorinchem');
		expect(opsomming(['Dordrecht', 'Gorinchem', 'Sliedrecht'])).toBe('Dordrecht, Gorinchem en Sliedrecht');
	});
	it('says 1 seconde, otherwise seconden', () => {
		expect(formatSeconden(1)).toBe('1 seconde');
		expect(formatSeconden(1.04)).toBe('1 seconde');
		expect(formatSeconden(0.4)).toBe('0,4 seconden');
		expect(formatSeconden(2)).toBe('2 seconden');
		expect(formatSeconden(12.34)).toBe('12,3 seconden');
	});
});
