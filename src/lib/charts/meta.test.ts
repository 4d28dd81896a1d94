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
});
