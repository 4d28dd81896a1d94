/** Rows and helpers shared by the /capaciteit chart tests (not shipped: only tests import this). */
import { capaciteitPerGemeente, type GemeenteInput, type GemeenteTypeInput, type Maat } from './rows';

export const GEMEENTEN: GemeenteInput[] = [
	{ gemeentecode: 'GM0482', naam: 'Alblasserdam', inwoners: 20000, tegel_x: 1, tegel_y: 0 },
	{ gemeentecode: 'GM0505', naam: 'Dordrecht', inwoners: 125000, tegel_x: 1, tegel_y: 1 },
	{ gemeentecode: 'GM0512', naam: 'Gorinchem', inwoners: 40000, tegel_x: 3, tegel_y: 1 },
	{ gemeentecode: 'GM0523', naam: 'Hardinxveld-Giessendam', inwoners: 19000, tegel_x: 2, tegel_y: 1 },
	{ gemeentecode: 'GM1978', naam: 'Molenlanden', inwoners: 50000, tegel_x: 2, tegel_y: 0 }
];

const row = (gemeentecode: string, bestaand: number, gepland: number, behoefte: number, inwoners: number): GemeenteTypeInput => ({
	gemeentecode,
	inwoners,
	bestaand,
	gepland,
	behoefte,
	tekort: Math.max(behoefte - bestaand, 0),
	tekort_na_plan: Math.max(behoefte - bestaand - gepland, 0)
});

/** Two types per gemeente as the query gives them (absolute); Alblasserdam has no rows. */
export const QUERY_ROWS: GemeenteTypeInput[] = [
	row('GM0505', 12, 2, 15, 125000), // crisis
	row('GM0505', 5, 0, 6, 125000), // skaeve huse
	row('GM0512', 2, 1, 4, 40000),
	row('GM0512', 0, 3, 3, 40000),
	row('GM0523', 3, 0, 2, 19000), // surplus: no tekort
	row('GM1978', 0, 2, 2, 50000)
];

export const perGemeente = (maat: Maat = 'absolute') => capaciteitPerGemeente(QUERY_ROWS, GEMEENTEN, maat);

/** The snapshot rounding, for tests that import it from here. */
export { normalise } from '../snapshot.test-helpers';
