import { describe, expect, it } from 'vitest';
import { SCENARIO_ROWS } from './fixtures.test-data';
import { wlzPerJaar, wlzScenario } from './model';

const eigen = [
	{ jaar: 2022, regiocode: 'CR0505', regionaam: 'Dordrecht', eigen_regio: true, instroom: 32, inwoners: 400_000, instroom_per_10k: 0.8 },
	{ jaar: 2023, regiocode: 'CR0505', regionaam: 'Dordrecht', eigen_regio: true, instroom: 31, inwoners: 400_000, instroom_per_10k: 0.775 }
];
const spreiding = [{ jaar: 2023, regios: 5, p25: 1, mediaan: 1.2, p75: 1.5 }];

describe('wlz model', () => {
	it('sets the own region per year against the spread, per 10.000 or scaled to its inwoners', () => {
		expect(wlzPerJaar(eigen, spreiding, 'per_10k')).toEqual([
			{ jaar: 2022, regionaam: 'Dordrecht', waarde: 0.8, p25: null, mediaan: null, p75: null, regios: 0 },
			{ jaar: 2023, regionaam: 'Dordrecht', waarde: 0.775, p25: 1, mediaan: 1.2, p75: 1.5, regios: 5 }
		]);
		// At the others' median of 1,2 per 10.000, 400.000 inwoners would give 48 clients.
		expect(wlzPerJaar(eigen, spreiding, 'absolute')[1]).toMatchObject({ waarde: 31, p25: 40, mediaan: 48, p75: 60 });
	});

	it('turns a reduction percentage into clients and a rank among the other regions', () => {
		expect(wlzScenario(SCENARIO_ROWS, { reductie: 20 })).toEqual({
			jaar: 2023,
			regionaam: 'Dordrecht',
			reductie: 20,
			instroom: 31,
			nieuw: 25,
			minder: 6,
			per10k: 0.775,
			per10kNieuw: 0.625,
			anderen: 5,
			lagerNu: 1,
			lagerNa: 0,
			p25: 1,
			mediaan: 1.2
		});
		expect(wlzScenario(SCENARIO_ROWS, { reductie: 50 })).toMatchObject({ nieuw: 16, minder: 15 });
		expect(wlzScenario(SCENARIO_ROWS.filter((r) => !r.eigen_regio), { reductie: 20 })).toBeNull();
	});
});
