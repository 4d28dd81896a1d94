import { describe, expect, it } from 'vitest';
import { afschermingZin } from '../domain/disclosure';
import { bronMeta, footerText, sourceLine } from './meta';

describe('chart footer text', () => {
	it('names source and peildatum in Dutch', () => {
		expect(sourceLine({ bron: 'Capaciteitsonderzoek BW&O', peildatum: '2024-01-01' })).toBe(
			'Bron: Capaciteitsonderzoek BW&O. Peildatum 1 januari 2024.'
		);
		expect(sourceLine({ bron: '', peildatum: null })).toBe('Bron: onbekend. Peildatum onbekend.');
	});
	it('marks illustrative data and states the disclosure rule', () => {
		expect(footerText({ title: 't', bron: 'Voorbeeld', peildatum: '2020-05-28', illustratief: true, afscherming: afschermingZin(5) })).toBe(
			'Bron: Voorbeeld. Peildatum 28 mei 2020. Illustratief: voorbeeldgegevens. Aantallen onder 5 zijn afgeschermd (AVG).'
		);
	});
	it('bronMeta turns the store’s threshold into the footer sentence; 0 says small numbers are shown', () => {
		expect(bronMeta({ bron: 'B', peildatum: null, illustratief: false, drempel: 0 }).afscherming).toBe(
			'Kleine aantallen worden getoond: er is geen drempel voor afscherming ingesteld.'
		);
		expect(bronMeta({ bron: 'B', peildatum: null, illustratief: false, drempel: 10 }).afscherming).toBe('Aantallen onder 10 zijn afgeschermd (AVG).');
	});
	it('says so when a source the chart rests on is more than a year old, on the page and in every download', () => {
		const bron = {
			bron: 'HKG',
			peildatum: '2026-01-01',
			illustratief: false,
			drempel: 5,
			bronnen: [
				{ soort: 'inwoners', peildatum: '2026-01-01' },
				{ soort: 'hkg_biedingen', peildatum: '2023-12-04' }
			]
		};
		const meta = { title: 't', ...bronMeta(bron, new Date('2026-12-03')) };
		// The chart's subject first (the footer links there), inwoners last.
		expect(meta.soorten).toEqual(['hkg_biedingen', 'inwoners']);
		expect(meta.verouderd).toBe('Let op: de cijfers van HKG-biedingen (peildatum 4 december 2023) zijn meer dan een jaar oud.');
		expect(footerText(meta)).toBe(
			'Bron: HKG. Peildatum 1 januari 2026. Let op: de cijfers van HKG-biedingen (peildatum 4 december 2023) zijn meer dan een jaar oud. Aantallen onder 5 zijn afgeschermd (AVG).'
		);
		expect(bronMeta(bron, new Date('2024-06-01')).verouderd).toBeNull();
	});
});
