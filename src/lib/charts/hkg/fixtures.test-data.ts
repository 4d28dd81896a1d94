/** Small bid rows for the HKG model and chart tests: two gemeenten, two categorieën, three rounds. */
import type { HkgBodInput } from './model';

type Bids = Record<'voorlopig' | 'aanvulling' | 'definitief', number | null>;

function gemeente(gemeentecode: string, naam: string, categorie: HkgBodInput['categorie'], bids: Bids, share: { inw: number; shw: number; opgave: number; sleutel: HkgBodInput['verdeelsleutel'] }): HkgBodInput[] {
	return (['voorlopig', 'aanvulling', 'definitief'] as const).map((ronde) => ({
		ronde,
		gemeentecode,
		naam,
		categorie,
		bod: bids[ronde],
		regionale_opgave: share.opgave,
		verdeelsleutel: share.sleutel,
		fair_share_inwoners: share.inw,
		fair_share_sociale_huur: share.shw,
		fair_share: share.sleutel === 'inwoners' ? share.inw : share.shw
	}));
}

// Uitstroomwoningen: opgave 100 by sociale huurvoorraad (Dordrecht 70, Gorinchem 30; by inwoners 75 / 25).
// Skaeve huse: opgave 10 by inwoners (Dordrecht 7,5, Gorinchem 2,5; by sociale huur 7 / 3).
export const HKG_ROWS: HkgBodInput[] = [
	...gemeente('GM0505', 'Dordrecht', 'uitstroomwoningen', { voorlopig: 50, aanvulling: 60, definitief: 65 }, { inw: 75, shw: 70, opgave: 100, sleutel: 'sociale_huurwoningen' }),
	...gemeente('GM0512', 'Gorinchem', 'uitstroomwoningen', { voorlopig: 20, aanvulling: 26, definitief: 31 }, { inw: 25, shw: 30, opgave: 100, sleutel: 'sociale_huurwoningen' }),
	...gemeente('GM0505', 'Dordrecht', 'skaeve_huse', { voorlopig: 0, aanvulling: 2, definitief: 5 }, { inw: 7.5, shw: 7, opgave: 10, sleutel: 'inwoners' }),
	...gemeente('GM0512', 'Gorinchem', 'skaeve_huse', { voorlopig: null, aanvulling: 1, definitief: 2 }, { inw: 2.5, shw: 3, opgave: 10, sleutel: 'inwoners' })
];
