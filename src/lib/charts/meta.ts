/** Text around a chart that is the same on the page, in an export and on a slide. */
import { afschermingZin } from '../domain/disclosure';
import { formatDate } from '../domain/format';
import type { ChartMeta } from './types';

/** `Bron: CBS; capaciteitsonderzoek regio. Peildatum 1 januari 2024.` */
export function sourceLine(meta: Pick<ChartMeta, 'bron' | 'peildatum'>): string {
	const bron = meta.bron.trim() || 'onbekend';
	const peildatum = meta.peildatum ? `Peildatum ${formatDate(meta.peildatum)}.` : 'Peildatum onbekend.';
	return `Bron: ${bron.replace(/\.$/, '')}. ${peildatum}`;
}

/** The footer as one line of plain text, for exports and slides; it always states the disclosure rule. */
export function footerText(meta: ChartMeta): string {
	const text = meta.illustratief ? `${sourceLine(meta)} Illustratief: voorbeeldgegevens.` : sourceLine(meta);
	return `${text} ${meta.afscherming}`;
}

/** The footer facts of a chart from the store's source facts (bronVoor): source, peildatum, illustratief, disclosure rule. */
export function bronMeta(bron: { bron: string; peildatum: string | null; illustratief: boolean; drempel: number }): Pick<ChartMeta, 'bron' | 'peildatum' | 'illustratief' | 'afscherming'> {
	return { bron: bron.bron, peildatum: bron.peildatum, illustratief: bron.illustratief, afscherming: afschermingZin(bron.drempel) };
}
