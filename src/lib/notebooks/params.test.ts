import { describe, expect, test } from 'vitest';
import { FilterError } from '../filters';
import { parseNotebookParams } from './params';
import type { NotebookParameter } from './types';

const parameters: NotebookParameter[] = [
	{ line: 4, name: 'peiljaar', label: 'Peiljaar', type: 'integer', default: '2024', min: 2019, max: 2026 },
	{ line: 10, name: 'gemeente', label: 'Gemeente', type: 'choice', default: 'GM0505', valuesFrom: 'gemeentelijst' },
	{
		line: 15,
		name: 'soort',
		label: 'Soort',
		type: 'choice',
		default: 'crisisopvang',
		values: [
			{ value: 'crisisopvang', label: 'Crisisopvang' },
			{ value: 'skaeve_huse', label: 'Skaeve huse' }
		]
	}
];
const allowed = {
	gemeente: [
		{ value: 'GM0505', label: 'Dordrecht' },
		{ value: 'GM0512', label: 'Gorinchem' }
	]
};

const parse = (query: string) => parseNotebookParams(new URLSearchParams(query), parameters, allowed);
const failure = (query: string) => {
	try {
		parse(query);
	} catch (e) {
		expect(e).toBeInstanceOf(FilterError);
		return { parameter: (e as FilterError).parameter, message: (e as Error).message };
	}
	throw new Error(`no FilterError for ${query}`);
};

describe('parseNotebookParams', () => {
	test('defaults when absent or empty, URL values when valid (as strings)', () => {
		expect(parse('')).toEqual({ peiljaar: '2024', gemeente: 'GM0505', soort: 'crisisopvang' });
		expect(parse('peiljaar=2019&gemeente=GM0512&soort=skaeve_huse')).toEqual({ peiljaar: '2019', gemeente: 'GM0512', soort: 'skaeve_huse' });
		expect(parse('peiljaar=&gemeente=')).toEqual({ peiljaar: '2024', gemeente: 'GM0505', soort: 'crisisopvang' });
	});

	test('unknown parameters are ignored, like in the views', () => {
		expect(parse('utm_source=mail&peiljaar=2020')).toMatchObject({ peiljaar: '2020' });
	});

	test('an integer outside its bounds or not an integer is a Dutch FilterError naming what is allowed', () => {
		expect(failure('peiljaar=1900')).toEqual({
			parameter: 'peiljaar',
			message: "Ongeldige waarde voor parameter 'peiljaar': '1900'. Toegestaan: een geheel getal van 2019 t/m 2026."
		});
		expect(failure('peiljaar=2027').message).toBe("Ongeldige waarde voor parameter 'peiljaar': '2027'. Toegestaan: een geheel getal van 2019 t/m 2026.");
		expect(failure('peiljaar=abc').message).toBe("Ongeldige waarde voor parameter 'peiljaar': 'abc'. Toegestaan: een geheel getal.");
		expect(failure('peiljaar=2024.5').parameter).toBe('peiljaar');
	});

	test('a choice outside the resolved values is refused with the list', () => {
		expect(failure("gemeente=GM0505' OR 1=1 --")).toEqual({
			parameter: 'gemeente',
			message: "Ongeldige waarde voor parameter 'gemeente': 'GM0505' OR 1=1 --'. Toegestaan: een van: GM0505, GM0512."
		});
		expect(failure('soort=domus_plus').message).toBe("Ongeldige waarde voor parameter 'soort': 'domus_plus'. Toegestaan: een van: crisisopvang, skaeve_huse.");
	});

	test('a repeated parameter is refused', () => {
		expect(failure('peiljaar=2020&peiljaar=2021')).toEqual({ parameter: 'peiljaar', message: "Parameter 'peiljaar' mag maar één keer voorkomen." });
	});

	test('without resolved values (values_from failed) only the default is accepted', () => {
		expect(parseNotebookParams(new URLSearchParams('gemeente=GM0505'), parameters, {})).toMatchObject({ gemeente: 'GM0505' });
		expect(() => parseNotebookParams(new URLSearchParams('gemeente=GM0512'), parameters, {})).toThrow(FilterError);
	});

	test('an integer without bounds takes any whole number', () => {
		const open: NotebookParameter[] = [{ line: 1, name: 'n', label: 'N', type: 'integer', default: '5' }];
		expect(parseNotebookParams(new URLSearchParams('n=-12'), open)).toEqual({ n: '-12' });
	});
});
