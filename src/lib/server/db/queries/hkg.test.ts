import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useFixtureStore } from '../../../../../tests/helpers/fixture-store';
import { hkgBiedingen, hkgPeriodes, hkgTotalen } from './hkg';

useFixtureStore({ beforeAll, afterAll });

// 2024-2027: uitstroomwoningen 215 (by inwoners), skaeve_huse 10 (by sociale huurvoorraad).
// Inwoners 2024: 125000 / 40000 / 50000 (215000); sociale huur 21000 / 5000 / 4000 (30000).
// Bids uitstroom: voorlopig 80/20/25, aanvulling 90/30/30, definitief 110/40/45; skaeve 2/0/1, 3/1/1, 5/2/2.

describe('hkg', () => {
	test('periodes with their total opgave and latest round', async () => {
		expect(await hkgPeriodes()).toEqual([
			{ periode: '2024-2027', regionale_opgave: 225, categorieen: 2, laatste_ronde: 'definitief', laatste_ronde_datum: '2023-12-04' },
			{ periode: '2028-2031', regionale_opgave: 100, categorieen: 1, laatste_ronde: null, laatste_ronde_datum: null }
		]);
	});

	test('bids with fair shares by both verdeelsleutels', async () => {
		const rows = await hkgBiedingen({ periode: '2024-2027', rondes: ['definitief'] });
		expect(rows).toHaveLength(6);
		const dordrecht = rows.find((r) => r.gemeentecode === 'GM0505' && r.categorie === 'uitstroomwoningen');
		// 215 × 125000/215000 = 125; 215 × 21000/30000 = 150.5
		expect(dordrecht).toMatchObject({ bod: 110, fair_share_inwoners: 125, fair_share_sociale_huur: 150.5, fair_share: 125, verschil: -15, ronde_datum: '2023-12-04' });
		const molenlandenSkaeve = rows.find((r) => r.gemeentecode === 'GM1978' && r.categorie === 'skaeve_huse');
		// 10 × 50000/215000 = 2.33; 10 × 4000/30000 = 1.33 (the agreed key)
		expect(molenlandenSkaeve).toMatchObject({ bod: 2, verdeelsleutel: 'sociale_huurwoningen', fair_share_inwoners: 2.33, fair_share_sociale_huur: 1.33, fair_share: 1.33, verschil: 0.67 });
		expect(rows.find((r) => r.gemeentecode === 'GM0512' && r.categorie === 'uitstroomwoningen')?.toelichting).toBe('Twee locaties in onderzoek');
	});

	test('rounds in order, gemeenten by name', async () => {
		const rows = await hkgBiedingen({ periode: '2024-2027', categorieen: ['uitstroomwoningen'], gemeentecode: 'GM0512' });
		expect(rows.map((r) => [r.ronde, r.bod])).toEqual([
			['voorlopig', 20],
			['aanvulling', 30],
			['definitief', 40]
		]);
	});

	test('a periode without bids has no rows', async () => {
		expect(await hkgBiedingen({ periode: '2028-2031' })).toEqual([]);
	});

	test('totals per round against the opgave', async () => {
		const rows = await hkgTotalen({ periode: '2024-2027' });
		expect(rows.map((r) => [r.ronde, r.ronde_datum, r.bod, r.opgave, r.aandeel])).toEqual([
			['voorlopig', '2023-11-15', 128, 225, 0.5689],
			['aanvulling', '2023-11-28', 155, 225, 0.6889],
			['definitief', '2023-12-04', 204, 225, 0.9067]
		]);
	});

	test('totals per round and categorie', async () => {
		const rows = await hkgTotalen({ periode: '2024-2027', rondes: ['definitief'], perCategorie: true });
		expect(rows.map((r) => [r.categorie, r.bod, r.opgave])).toEqual([
			[null, 204, 225],
			['uitstroomwoningen', 195, 215],
			['skaeve_huse', 9, 10]
		]);
	});

	test('totals of one gemeente against its fair share', async () => {
		const rows = await hkgTotalen({ periode: '2024-2027', gemeentecode: 'GM0512', rondes: ['definitief'] });
		// fair share 40 (inwoners) + 1.67 (sociale huur); bid 40 + 2
		expect(rows).toEqual([{ periode: '2024-2027', ronde: 'definitief', ronde_datum: '2023-12-04', categorie: null, bod: 42, opgave: 41.67, aandeel: 1.0079 }]);
	});
});
