import { describe, expect, it } from 'vitest';
import { FilterError } from '../../filters';
import { parseWlzFilters } from './filters';

const parse = (query: string) => parseWlzFilters(new URL(`http://x/wlz?${query}`), [2022, 2023]);
function failure(query: string): FilterError {
	try {
		parse(query);
	} catch (e) {
		if (e instanceof FilterError) return e;
		throw e;
	}
	throw new Error(`no error for ${query}`);
}

describe('wlz filters', () => {
	it('defaults to per 10.000 inwoners and a 20% reduction', () => {
		// The schema holds the defaults: per 10.000, the latest jaar, 20%.
		expect(parse('')).toEqual({ maat: 'per_10k', jaar: 2023, reductie: 20 });
		expect(parse('maat=absolute&jaar=2022&reductie=50')).toEqual({ maat: 'absolute', jaar: 2022, reductie: 50 });
	});

	it('rejects invalid values with a Dutch message naming the parameter', () => {
		expect(failure('reductie=-5').message).toBe("Ongeldige waarde voor parameter 'reductie': '-5'. Toegestaan: een geheel getal van 0 t/m 50.");
		expect(failure('reductie=51').message).toContain('van 0 t/m 50');
		expect(failure('reductie=tien').parameter).toBe('reductie');
		expect(failure('jaar=2030').message).toBe("Ongeldige waarde voor parameter 'jaar': '2030'. Toegestaan: een van: 2022, 2023.");
		expect(failure('maat=procent').message).toContain('absolute, per_10k');
	});
});
