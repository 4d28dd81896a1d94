import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { gemeentecodeParam } from './domain/schemas';
import { FilterError, parseSearchParams, toSearchParams } from './filters';

const schema = z.object({
	peiljaar: z.coerce.number().int().min(2019).max(2026).optional(),
	type: z.array(z.enum(['crisisopvang', 'domus_plus'])).optional(),
	maat: z.enum(['absoluut', 'per_10k']).default('absoluut'),
	reductie: z.coerce.number().max(10).optional()
});
const url = (query: string) => new URL(`http://x/capaciteit?${query}`);

describe('parseSearchParams', () => {
	it('reads single values, repeated values and defaults', () => {
		expect(parseSearchParams(url('peiljaar=2024&type=crisisopvang&type=domus_plus'), schema)).toEqual({ peiljaar: 2024, type: ['crisisopvang', 'domus_plus'], maat: 'absoluut' });
		expect(parseSearchParams(url('type=crisisopvang,domus_plus&maat=per_10k'), schema)).toEqual({ type: ['crisisopvang', 'domus_plus'], maat: 'per_10k' });
		expect(parseSearchParams(url('utm_source=mail'), schema)).toEqual({ maat: 'absoluut' });
	});

	it.each([
		['maat=relatief', "Ongeldige waarde voor parameter 'maat': 'relatief'. Toegestaan: een van: absoluut, per_10k."],
		['peiljaar=1899', "Ongeldige waarde voor parameter 'peiljaar': '1899'. Toegestaan: een geheel getal van 2019 t/m 2026."],
		['reductie=60', "Ongeldige waarde voor parameter 'reductie': '60'. Toegestaan: 10 of minder."],
		['peiljaar=abc', "Ongeldige waarde voor parameter 'peiljaar': 'abc'. Toegestaan: een geheel getal."],
		["type=hotel'%20OR%201=1", "Ongeldige waarde voor parameter 'type': 'hotel' OR 1=1'. Toegestaan: een van: crisisopvang, domus_plus."],
		['maat=absoluut&maat=per_10k', "Parameter 'maat' mag maar één keer voorkomen."]
	])('%s gives a Dutch message naming the parameter', (query, message) => {
		let thrown: unknown;
		try {
			parseSearchParams(url(query), schema);
		} catch (e) {
			thrown = e;
		}
		expect(thrown).toBeInstanceOf(FilterError);
		expect((thrown as FilterError).message).toBe(message);
	});
});

describe('toSearchParams', () => {
	it('writes arrays as repeated parameters and leaves defaults out', () => {
		expect(toSearchParams({ peiljaar: 2024, type: ['crisisopvang', 'domus_plus'], maat: 'absoluut' }, { maat: 'absoluut' }).toString()).toBe('peiljaar=2024&type=crisisopvang&type=domus_plus');
	});
});

describe('a missing required parameter', () => {
	it('says in words what it takes, not a type name', () => {
		const gemeente = z.object({ gemeente: gemeentecodeParam });
		let error: unknown;
		try {
			parseSearchParams(url(''), gemeente);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(FilterError);
		expect((error as FilterError).message).toBe("Ongeldige waarde voor parameter 'gemeente': '(leeg)'. Toegestaan: een gemeentecode als GM0505.");
		expect(() => parseSearchParams(url('gemeente=Dordrecht'), gemeente)).toThrow("Toegestaan: een gemeentecode als GM0505.");
	});
});
