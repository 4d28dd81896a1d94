/** Text around a chart that is the same on the page, in an export and on a slide. */
import { verouderdZin } from '../domain/bronnen';
import { afschermingZin } from '../domain/disclosure';
import { formatDate } from '../domain/format';
import type { ChartMeta } from './types';

/** `Bron: CBS; capaciteitsonderzoek regio. Peildatum 1 januari 2024.` */
export function sourceLine(meta: Pick<ChartMeta, 'bron' | 'peildatum'>): string {
	const bron = meta.bron.trim() || 'onbekend';
	const peildatum = meta.peildatum ? `Peildatum ${formatDate(meta.peildatum)}.` : 'Peildatum onbekend.';
	return `Bron: ${bron.replace(/\.$/, '')}. ${peildatum}`;
}

/** The footer as one line of plain text, for exports and slides; it always states the disclosure rule, and says so when figures are old. */
export function footerText(meta: ChartMeta): string {
	const parts = [sourceLine(meta), meta.illustratief ? 'Illustratief: voorbeeldgegevens.' : null, meta.verouderd ?? null, meta.afscherming];
	return parts.filter(Boolean).join(' ');
}

/** Kinds that support a chart (who lives where) rather than being its subject: its link to /bronnen names them last. */
const ONDERSTEUNEND = new Set(['gemeenten', 'inwoners']);

interface BronFeiten {
	bron: string;
	peildatum: string | null;
	illustratief: boolean;
	drempel: number;
	/** The exports behind the chart: their kinds for the link to /bronnen, their peildata for the warning about old figures. */
	bronnen?: readonly { soort: string; peildatum: string | null }[];
}

/**
 * The footer facts of a chart from the store's source facts (bronVoor): source, peildatum,
 * illustratief, disclosure rule, the kinds it rests on and, when one of them is more than a
 * year old on `vandaag`, the warning.
 */
export function bronMeta(bron: BronFeiten, vandaag: Date = new Date()): Pick<ChartMeta, 'bron' | 'peildatum' | 'illustratief' | 'afscherming' | 'soorten' | 'verouderd'> {
	const bronnen = bron.bronnen ?? [];
	return {
		bron: bron.bron,
		peildatum: bron.peildatum,
		illustratief: bron.illustratief,
		afscherming: afschermingZin(bron.drempel),
		soorten: [...new Set(bronnen.map((b) => b.soort))].sort((a, b) => Number(ONDERSTEUNEND.has(a)) - Number(ONDERSTEUNEND.has(b))),
		verouderd: verouderdZin(bronnen, vandaag)
	};
}
