import { describe, expect, it } from 'vitest';
import { FilterError } from '../../filters';
import { dagbestedingSubtitle, inPeriode, parseDagbestedingFilters, STANDAARD_PERIODEN } from './filters';

const lists = { aanbieders: ['Aanbieder A', 'Aanbieder B'], perioden: ['2020-K3', '2020-K4', '2021-K1', '2021-K2'] };
const parse = (query: string) => parseDagbestedingFilters(new URL(`http://x/dagbesteding?${query}`), lists);

describe('dagbesteding filters', () => {
	it('parses aanbieders, period range and maat with defaults', () => {
		// The schema holds the defaults: every aanbieder, the first to the last periode.
		expect(parse('')).toEqual({ van: '2020-K3', tot: '2021-K2', maat: 'aandeel' });
		expect(parse('aanbieder=Aanbieder+B&van=2020-K4&tot=2021-K1&maat=aantallen')).toEqual({ aanbieder: ['Aanbieder B'], van: '2020-K4', tot: '2021-K1', maat: 'aantallen' });
	});

	it(`shows the last ${STANDAARD_PERIODEN} periods by default of a longer history, and any earlier one on request`, () => {
		const perioden = Array.from({ length: 39 }, (_, j) => [1, 2, 3, 4].map((k) => `${2000 + j}-K${k}`)).flat();
		const long = (query: string) => parseDagbestedingFilters(new URL(`http://x/dagbesteding?${query}`), { aanbieders: lists.aanbieders, perioden });
		expect(long('')).toEqual({ van: '2029-K1', tot: '2038-K4', maat: 'aandeel' });
		expect(long('van=2000-K1').van).toBe('2000-K1');
	});

	it('rejects unknown values naming the parameter and the allowed values, and van after tot', () => {
		expect(() => parse('maat=procent')).toThrow("Ongeldige waarde voor parameter 'maat': 'procent'. Toegestaan: een van: aandeel, aantallen.");
		expect(() => parse('aanbieder=Aanbieder+Z')).toThrow("parameter 'aanbieder'");
		expect(() => parse('van=2019-K1')).toThrow('Toegestaan: een van: 2020-K3, 2020-K4, 2021-K1, 2021-K2.');
		const error = (() => {
			try {
				parse('van=2021-K2&tot=2020-K4');
			} catch (e) {
				return e;
			}
		})();
		expect(error).toBeInstanceOf(FilterError);
		expect((error as FilterError).parameter).toBe('tot');
	});

	it('keeps the periods from van to tot inclusive', () => {
		const rows = lists.perioden.map((periode) => ({ periode }));
		expect(inPeriode(rows, lists.perioden, { van: '2020-K4', tot: '2021-K1' }).map((r) => r.periode)).toEqual(['2020-K4', '2021-K1']);
		expect(inPeriode(rows, lists.perioden, {}).length).toBe(4);
	});

	it('says which filters are active', () => {
		expect(dagbestedingSubtitle(parse(''))).toBe('2020 K3 t/m 2021 K2 · alle aanbieders · aandeel met dagbesteding');
		expect(dagbestedingSubtitle(parse('maat=aantallen&aanbieder=Aanbieder+A&aanbieder=Aanbieder+B&van=2021-K1'))).toBe(
			'2021 K1 t/m 2021 K2 · aanbieders Aanbieder A, Aanbieder B · aantallen cliënten'
		);
	});
});
