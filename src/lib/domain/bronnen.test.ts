import { describe, expect, it } from 'vitest';
import { BRON_UITLEG, bronnenHref, bronRegels, isVerouderd, verouderdeBronnen, verouderdZin } from './bronnen';
import { EXPORT_SOORTEN } from './exports';

const VANDAAG = new Date('2026-12-03T10:00:00Z');

describe('old figures', () => {
	it('a peildatum more than a year before today is old; exactly a year is not', () => {
		expect(isVerouderd('2025-12-03', VANDAAG)).toBe(false);
		expect(isVerouderd('2025-12-02', VANDAAG)).toBe(true);
		expect(isVerouderd('2023-12-04', VANDAAG)).toBe(true);
		expect(isVerouderd('2026-09-30', VANDAAG)).toBe(false);
		expect(isVerouderd(null, VANDAAG)).toBe(false);
	});

	it('names the old sources of a chart by their plain name and date, oldest first; the gemeenten never age', () => {
		const bronnen = [
			{ soort: 'inwoners', peildatum: '2026-01-01' },
			{ soort: 'hkg_opgave', peildatum: '2023-12-04' },
			{ soort: 'hkg_biedingen', peildatum: '2023-12-04' },
			{ soort: 'gemeenten', peildatum: '2020-01-01' },
			{ soort: 'projecten', peildatum: '2023-12-01' }
		];
		expect(verouderdeBronnen(bronnen, VANDAAG).map((b) => b.soort)).toEqual(['projecten', 'hkg_opgave', 'hkg_biedingen']);
		expect(verouderdZin(bronnen, VANDAAG)).toBe(
			'Let op: de cijfers van Projecten (peildatum 1 december 2023) en HKG-opgave en HKG-biedingen (peildatum 4 december 2023) zijn meer dan een jaar oud.'
		);
		expect(verouderdZin([{ soort: 'wlz_instroom', peildatum: '2024-06-30' }], VANDAAG)).toBe(
			'Let op: de cijfers van Wlz-instroom (peildatum 30 juni 2024) zijn meer dan een jaar oud.'
		);
		expect(verouderdZin([{ soort: 'capaciteit', peildatum: '2026-01-01' }], VANDAAG)).toBeNull();
		expect(verouderdZin([], VANDAAG)).toBeNull();
	});

	it('marks the rows of /data and /bronnen', () => {
		const row = { bron: 'B', toelichting: null, illustratief: false, rijen: 3, ingelezen_op: '2026-12-01T10:00:00' };
		const regels = bronRegels([{ ...row, soort: 'capaciteit', peildatum: '2026-01-01' }, { ...row, soort: 'hkg_biedingen', peildatum: '2023-12-04' }], VANDAAG);
		expect(regels.map((r) => [r.naam, r.verouderd])).toEqual([
			['Capaciteit en behoefte', false],
			['HKG-biedingen', true]
		]);
	});
});

describe('the sources page', () => {
	it('explains every kind of export, with who delivers it and a licence', () => {
		for (const soort of EXPORT_SOORTEN) {
			const uitleg = BRON_UITLEG[soort];
			expect(uitleg.inhoud.length, soort).toBeGreaterThan(20);
			expect(uitleg.levering.length, soort).toBeGreaterThan(5);
			expect(uitleg.licentie.length, soort).toBeGreaterThan(20);
			for (const tekst of [uitleg.inhoud, uitleg.levering, uitleg.licentie]) expect(tekst, soort).not.toMatch(/README|npm|_|snapshot/i);
		}
	});

	it('links a chart to its first source on /bronnen', () => {
		expect(bronnenHref(['hkg_opgave', 'hkg_biedingen'])).toBe('/bronnen#bron-hkg_opgave');
		expect(bronnenHref([])).toBe('/bronnen');
	});
});
