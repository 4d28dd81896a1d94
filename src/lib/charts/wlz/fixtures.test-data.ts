/** Regions of one year for the Wlz scenario tests. */
import type { WlzScenarioRow } from './model';

const eigen = { jaar: 2023, regiocode: 'CR0505', regionaam: 'Dordrecht', eigen_regio: true, instroom: 31, inwoners: 400_000, instroom_per_10k: 0.775 };

/** Five other regions at 0,7 / 1,0 / 1,2 / 1,5 / 2,0 per 10.000, and the own region. */
export const SCENARIO_ROWS: WlzScenarioRow[] = [
	...[0.7, 1.0, 1.2, 1.5, 2.0].map((rate, i) => ({
		jaar: 2023,
		regiocode: `CR000${i}`,
		regionaam: ['Alfa', 'Bravo', 'Charlie', 'Delta', 'Echo'][i],
		eigen_regio: false,
		instroom: rate * 50,
		inwoners: 500_000,
		instroom_per_10k: rate
	})),
	eigen
];

