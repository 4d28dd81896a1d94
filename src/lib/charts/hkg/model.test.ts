import { describe, expect, it } from 'vitest';
import { HKG_ROWS } from './fixtures.test-data';
import { hkgModel, sleutelLabel } from './model';

const uitstroom = HKG_ROWS.filter((r) => r.categorie === 'uitstroomwoningen');

describe('hkg model', () => {
	it('sums bids per round and fair shares by the agreed key per categorie', () => {
		const { gemeenten, totalen, rondes, watAlsActief } = hkgModel(HKG_ROWS, { ronde: 'definitief', sleutel: 'afgesproken' });
		expect(rondes).toEqual(['voorlopig', 'aanvulling', 'definitief']);
		expect(watAlsActief).toBe(false);
		// Dordrecht: 70 (sociale huur) + 7,5 (inwoners) = 77,5; bids 65 + 5 = 70 → tekort 7,5.
		expect(gemeenten[0]).toMatchObject({ naam: 'Dordrecht', voorlopig: 50, aanvulling: 62, definitief: 70, fair_share: 77.5, bod: 70, tekort: 7.5, afgesproken: null });
		// Gorinchem did not bid skaeve huse in the first round: the round's sum is its uitstroom bid only.
		expect(gemeenten[1]).toMatchObject({ naam: 'Gorinchem', voorlopig: 20, aanvulling: 27, definitief: 33, fair_share: 32.5, tekort: 0 });
		expect(totalen.map((t) => [t.ronde, t.bod, t.opgave, t.tekort])).toEqual([
			['voorlopig', 70, 110, 40],
			['aanvulling', 89, 110, 21],
			['definitief', 103, 110, 7]
		]);
	});

	it('follows the key the user picks', () => {
		const { gemeenten } = hkgModel(uitstroom, { ronde: 'definitief', sleutel: 'inwoners' });
		expect(gemeenten.map((g) => [g.naam, g.fair_share, g.tekort])).toEqual([
			['Dordrecht', 75, 10],
			['Gorinchem', 25, 0]
		]);
		expect(hkgModel(uitstroom, { ronde: 'definitief', sleutel: 'afgesproken' }).gemeenten[0].afgesproken).toBe('sociale_huurwoningen');
	});

	it('compares the chosen round', () => {
		const { gemeenten } = hkgModel(uitstroom, { ronde: 'voorlopig', sleutel: 'afgesproken' });
		expect(gemeenten.map((g) => [g.naam, g.bod, g.tekort])).toEqual([
			['Dordrecht', 50, 20],
			['Gorinchem', 20, 10]
		]);
	});

	it('replaces the compared round by what-if bids and adds a what-if total', () => {
		const model = hkgModel(uitstroom, { ronde: 'definitief', sleutel: 'afgesproken', watAls: { GM0505: 80, GM0512: 31 } });
		expect(model.watAlsActief).toBe(true);
		// Gorinchem's what-if equals its real bid: not a change.
		expect(model.gemeenten.map((g) => [g.naam, g.bod, g.wat_als, g.tekort])).toEqual([
			['Dordrecht', 65, 80, 0],
			['Gorinchem', 31, null, 0]
		]);
		expect(model.totalen.at(-1)).toEqual({ ronde: 'wat_als', label: 'Wat-als (definitief bod)', bod: 111, opgave: 100, tekort: 0 });
		expect(hkgModel(uitstroom, { ronde: 'definitief', sleutel: 'afgesproken', watAls: { GM0505: 65 } }).watAlsActief).toBe(false);
	});

	it('names the key in Dutch', () => {
		expect(sleutelLabel('inwoners', null)).toBe('naar inwoners');
		expect(sleutelLabel('afgesproken', 'sociale_huurwoningen')).toBe('naar sociale huurvoorraad (afgesproken)');
		expect(sleutelLabel('afgesproken', null)).toBe('volgens de afgesproken sleutel per categorie');
	});
});
