import { describe, expect, it } from 'vitest';
import { perGemeente } from './fixtures.test-helpers';
import { formatMaat, maatEenheid, rankByTekort } from './rows';

describe('capaciteitPerGemeente (rows)', () => {
	it('sums the types per gemeente and gives every gemeente a row, also without capaciteit rows', () => {
		const rows = perGemeente();
		expect(rows.map((r) => r.naam)).toEqual(['Alblasserdam', 'Dordrecht', 'Gorinchem', 'Hardinxveld-Giessendam', 'Molenlanden']);
		expect(rows[0]).toMatchObject({ bestaand: 0, gepland: 0, behoefte: 0, tekort: 0, tekort_na_plan: 0, inwoners: 20000 });
		// Dordrecht: 12+5 bestaand, 2+0 gepland, 15+6 behoefte, tekort 3+1, na plan 1+1
		expect(rows[1]).toMatchObject({ bestaand: 17, gepland: 2, behoefte: 21, tekort: 4, tekort_na_plan: 2, tegel_x: 1, tegel_y: 1 });
		// A surplus of 1 in Hardinxveld-Giessendam is not a negative tekort.
		expect(rows[3]).toMatchObject({ bestaand: 3, behoefte: 2, tekort: 0 });
	});

	it('per 10.000 inwoners from the summed counts', () => {
		const rows = perGemeente('per_10k');
		// Gorinchem: tekort 2 + 3 = 5 / 40000 × 10000 = 1,25
		expect(rows[2].tekort).toBeCloseTo(1.25, 10);
		expect(rows[1].bestaand).toBeCloseTo((17 * 10000) / 125000, 10);
		// The maat is the charts' option beside the rows, not a field of every row.
		expect(rows.every((r) => !('maat' in r))).toBe(true);
	});

	it('ranks by tekort, ties by name', () => {
		expect(rankByTekort(perGemeente()).map((r) => [r.naam, r.tekort])).toEqual([
			['Gorinchem', 5],
			['Dordrecht', 4],
			['Molenlanden', 2],
			['Alblasserdam', 0],
			['Hardinxveld-Giessendam', 0]
		]);
	});

	it('formats in the chosen maat', () => {
		expect(formatMaat(1234, 'absolute')).toBe('1.234');
		expect(formatMaat(1.25, 'per_10k')).toBe('1,25');
		expect(formatMaat(null, 'per_10k')).toBe('–');
		expect(maatEenheid('per_10k')).toBe('plekken per 10.000 inwoners');
	});
});
