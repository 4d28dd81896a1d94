/**
 * Capaciteit per gemeente: bestaand and gepland against the behoefte, the tekort highlighted,
 * for the chosen voorzieningstypen, doelgroep and maat. Largest tekort on top; every bar links
 * to its gemeente page.
 */
import { formatInteger } from '../../domain/format';
import { defineChart, type ChartOptions, type ChartTable } from '../types';
import { BAR_LEGEND, barTable, capaciteitBars, type BarItem } from './bars';
import { CAPACITEIT_STANDAARD, formatMaat, maatEenheid, rankByTekort, type CapaciteitOptions, type GemeenteCapaciteit } from './rows';

export const CAPACITEIT_PER_GEMEENTE_ID = 'capaciteit-per-gemeente';

/** The link of a gemeente page. */
export const gemeenteHref = (gemeentecode: string) => `/gemeente/${encodeURIComponent(gemeentecode)}`;

function items(rows: readonly GemeenteCapaciteit[]): BarItem[] {
	return rankByTekort(rows).map((r) => ({ ...r, label: r.naam, href: gemeenteHref(r.gemeentecode) }));
}

function build(rows: readonly GemeenteCapaciteit[], { width = 640, height, document, maat }: ChartOptions & CapaciteitOptions): SVGSVGElement {
	return capaciteitBars({
		items: items(rows),
		maat,
		width,
		height,
		document,
		marginLeft: 195,
		className: 'chart-capaciteit-per-gemeente'
	});
}

function describe(rows: readonly GemeenteCapaciteit[], { maat }: CapaciteitOptions): string {
	if (rows.length === 0) return 'Er zijn geen gemeenten om te tonen.';
	const ranked = rankByTekort(rows);
	const metTekort = ranked.filter((r) => (r.tekort ?? 0) > 0);
	if (metTekort.length === 0) return `Geen van de ${formatInteger(rows.length)} gemeenten heeft een tekort bij deze keuze.`;
	const top = ranked[0];
	return (
		`${top.naam} heeft het grootste tekort: ${formatMaat(top.tekort, maat)} ${maatEenheid(maat)} ` +
		`(bestaand ${formatMaat(top.bestaand, maat)}, gepland ${formatMaat(top.gepland, maat)}, behoefte ${formatMaat(top.behoefte, maat)}). ` +
		`${formatInteger(metTekort.length)} van de ${formatInteger(rows.length)} gemeenten hebben een tekort.`
	);
}

function table(rows: readonly GemeenteCapaciteit[], { maat }: CapaciteitOptions): ChartTable {
	return barTable('Gemeente', items(rows), maat);
}

export const capaciteitPerGemeenteChart = defineChart<GemeenteCapaciteit, CapaciteitOptions>({
	id: CAPACITEIT_PER_GEMEENTE_ID,
	defaults: CAPACITEIT_STANDAARD,
	build,
	describe,
	table,
	legend: BAR_LEGEND
});
