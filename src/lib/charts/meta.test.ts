import { describe, expect, it } from 'vitest';
import { footerText, sourceLine } from './meta';

describe('chart footer text', () => {
	it('names source and peildatum in Dutch', () => {
		expect(sourceLine({ bron: 'Capaciteitsonderzoek BW&O', peildatum: '2024-01-01' })).toBe(
			'Bron: Capaciteitsonderzoek BW&O. Peildatum 1 januari 2024.'
		);
		expect(sourceLine({ bron: '', peildatum: null })).toBe('Bron: onbekend. Peildatum onbekend.');
	});
	it('marks illustrative data', () => {
		expect(footerText({ title: 't', bron: 'Voorbeeld', peildatum: '2020-05-28', illustratief: true })).toBe(
			'Bron: Voorbeeld. Peildatum 28 mei 2020. Illustratief: voorbeeldgegevens.'
		);
	});
});
