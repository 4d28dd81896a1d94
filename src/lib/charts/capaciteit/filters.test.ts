import { describe, expect, it } from 'vitest';
import { FilterError, parseSearchParams } from '../../filters';
import { capaciteitFilterSchema, capaciteitSubtitle, resolveFilters } from './filters';

const JAREN = [2023, 2024];
const parse = (query: string) => parseSearchParams(new URL(`http://x/capaciteit?${query}`), capaciteitFilterSchema(JAREN));

describe('capaciteit filters', () => {
	it('defaults to the latest peiljaar, all types, all doelgroepen, absolute', () => {
		const keuze = resolveFilters(parse(''));
		expect(keuze).toEqual({ peiljaar: 2024, typen: [], doelgroep: undefined, maat: 'absolute' });
		expect(capaciteitSubtitle(keuze!)).toBe('Peiljaar 2024 · alle voorzieningstypen · alle doelgroepen · aantal plekken');
	});

	it('reads repeated types, a doelgroep and the maat', () => {
		const keuze = resolveFilters(parse('peiljaar=2023&type=skaeve_huse&type=domus_plus&doelgroep=autisme&maat=per_10k'))!;
		expect(keuze).toEqual({ peiljaar: 2023, typen: ['skaeve_huse', 'domus_plus'], doelgroep: 'autisme', maat: 'per_10k' });
		expect(capaciteitSubtitle(keuze)).toBe('Peiljaar 2023 · Skaeve huse en Domus plus · doelgroep autisme · per 10.000 inwoners');
	});

	it('treats every type ticked as all types', () => {
		const all = 'crisisopvang,domus_plus,skaeve_huse,nachtopvang,tussenvoorziening,bw_intramuraal,bw_extramuraal,beschermd_thuis';
		expect(resolveFilters(parse(`type=${all}`))!.typen).toEqual([]);
	});

	it('refuses unknown values, naming the parameter and what is allowed', () => {
		expect(() => parse('peiljaar=1899')).toThrow(/parameter 'peiljaar': '1899'. Toegestaan: een peiljaar uit de gegevens: 2023, 2024/);
		expect(() => parse('type=hotel')).toThrow(/parameter 'type': 'hotel'. Toegestaan: een van: crisisopvang/);
		expect(() => parse('doelgroep=iedereen')).toThrow(/parameter 'doelgroep'.*alle, algemeen/);
		expect(() => parse('maat=procent')).toThrow(FilterError);
	});
});
