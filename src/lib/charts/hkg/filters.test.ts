import { describe, expect, it } from 'vitest';
import { FilterError } from '../../filters';
import { hkgSearchParams, parseHkgFilters } from './filters';

const context = { periodes: ['2024-2027', '2028-2031'], gemeentecodes: ['GM0505', 'GM0512'] };
const parse = (query: string) => parseHkgFilters(new URL(`http://x/hkg?${query}`), context);
const failure = (query: string) => {
	try {
		parse(query);
	} catch (e) {
		if (e instanceof FilterError) return { parameter: e.parameter, message: e.message };
		throw e;
	}
	throw new Error(`no error for ${query}`);
};

describe('hkg filters', () => {
	it('defaults to all categorieën, latest periode and round, agreed key, no what-if', () => {
		expect(parse('')).toEqual({ periode: undefined, categorie: 'alle', ronde: undefined, verdeelsleutel: undefined, watAls: {} });
	});

	it('reads every filter and what-if bids', () => {
		expect(parse('periode=2024-2027&categorie=skaeve_huse&ronde=aanvulling&verdeelsleutel=inwoners&bod_GM0505=120&bod_GM0512=0')).toEqual({
			periode: '2024-2027',
			categorie: 'skaeve_huse',
			ronde: 'aanvulling',
			verdeelsleutel: 'inwoners',
			watAls: { GM0505: 120, GM0512: 0 }
		});
	});

	it('keeps the what-if bids the filter form carried when only the verdeelsleutel changed, drops them for another periode, categorie or ronde', () => {
		const voor = 'wat_als_voor=2024-2027%7Calle%7Cdefinitief&bod_GM0505=120';
		expect(parse(`periode=2024-2027&categorie=alle&ronde=definitief&verdeelsleutel=inwoners&${voor}`).watAls).toEqual({ GM0505: 120 });
		expect(parse(`periode=2024-2027&categorie=skaeve_huse&ronde=definitief&${voor}`).watAls).toEqual({});
		expect(parse(`periode=2028-2031&categorie=alle&ronde=definitief&${voor}`).watAls).toEqual({});
		expect(parse(`periode=2024-2027&categorie=alle&ronde=voorlopig&${voor}`)).toMatchObject({ ronde: 'voorlopig', watAls: {} });
		// A link with bids and no note of the form keeps them, as before.
		expect(parse('categorie=skaeve_huse&bod_GM0505=7').watAls).toEqual({ GM0505: 7 });
		expect(failure(`wat_als_voor=${'x'.repeat(81)}`).parameter).toBe('wat_als_voor');
	});

	it('rejects invalid values with a Dutch message naming the parameter', () => {
		expect(failure('verdeelsleutel=x')).toEqual({
			parameter: 'verdeelsleutel',
			message: "Ongeldige waarde voor parameter 'verdeelsleutel': 'x'. Toegestaan: een van: inwoners, sociale_huurwoningen."
		});
		expect(failure('bod_GM0505=abc')).toMatchObject({ parameter: 'bod_GM0505', message: expect.stringContaining('een geheel getal') });
		expect(failure('bod_GM0505=-3')).toMatchObject({ parameter: 'bod_GM0505', message: expect.stringContaining('van 0 t/m') });
		expect(failure('bod_GM0505=1.5').parameter).toBe('bod_GM0505');
		expect(failure('periode=2030')).toMatchObject({ parameter: 'periode', message: expect.stringContaining('2024-2027, 2028-2031') });
		expect(failure('bod_GM9999=1')).toEqual({
			parameter: 'bod_GM9999',
			message: "Onbekende parameter 'bod_GM9999': GM9999 is geen gemeente in deze regio. Toegestaan: bod_GM0505, bod_GM0512."
		});
	});

	it('writes filters back, with or without the what-if bids', () => {
		const filters = parse('categorie=alle&ronde=definitief&bod_GM0505=120');
		expect(hkgSearchParams(filters).toString()).toBe('ronde=definitief&bod_GM0505=120');
		expect(hkgSearchParams(filters, { metWatAls: false }).toString()).toBe('ronde=definitief');
	});
});
