import { describe, expect, it } from 'vitest';
import { parseSearchParams } from '../../filters';
import { planningFilterSchema, planningSubtitle } from './filters';

const parse = (query: string) => parseSearchParams(new URL(`http://x/planning?${query}`), planningFilterSchema());

describe('planning filters', () => {
	it('parses types, statuses and a gemeente (upper-cased)', () => {
		expect(parse('')).toEqual({});
		expect(parse('type=skaeve_huse&type=domus_plus&status=besluitvorming&gemeente=gm0512')).toEqual({
			type: ['skaeve_huse', 'domus_plus'],
			status: ['besluitvorming'],
			gemeente: 'GM0512'
		});
	});

	it('names the parameter and the allowed values', () => {
		expect(() => parse('type=woonwagens')).toThrow("Ongeldige waarde voor parameter 'type': 'woonwagens'. Toegestaan: een van: crisisopvang, domus_plus");
		expect(() => parse('status=klaar')).toThrow("parameter 'status'");
		expect(() => parse('gemeente=Dordrecht')).toThrow("Ongeldige waarde voor parameter 'gemeente': 'Dordrecht'. Toegestaan: een gemeentecode als GM0505.");
	});

	it('says which filters are active', () => {
		expect(planningSubtitle({})).toBe('Alle voorzieningstypen · alle statussen · hele regio');
		expect(planningSubtitle({ type: ['skaeve_huse', 'domus_plus', 'crisisopvang'], status: ['idee'] }, 'Gorinchem')).toBe(
			'Skaeve huse, Domus plus en Crisisplekken · status idee · gemeente Gorinchem'
		);
	});
});
