/** Text around a chart that is the same on the page, in an export and on a slide. */
import { formatDate } from '../domain/format';
import type { ChartMeta } from './types';

/** `Bron: CBS; capaciteitsonderzoek regio. Peildatum 1 januari 2024.` */
export function sourceLine(meta: Pick<ChartMeta, 'bron' | 'peildatum'>): string {
	const bron = meta.bron.trim() || 'onbekend';
	const peildatum = meta.peildatum ? `Peildatum ${formatDate(meta.peildatum)}.` : 'Peildatum onbekend.';
	return `Bron: ${bron.replace(/\.$/, '')}. ${peildatum}`;
}

/** The footer as one line of plain text, for exports and slides. */
export function footerText(meta: ChartMeta): string {
	return meta.illustratief ? `${sourceLine(meta)} Illustratief: voorbeeldgegevens.` : sourceLine(meta);
}
