/**
 * Regional totals per voorzieningstype: bestaand and gepland against the behoefte of the
 * whole region, the tekort (summed per gemeente) highlighted. Per 10.000 inwoners of the region.
 */
import { formatInteger } from '../../domain/format';
import { labelOf } from '../../domain/vocabulary';
import { defineChart, type ChartOptions, type ChartTable } from '../types';
import { BAR_LEGEND, barTable, capaciteitBars, type BarItem } from './bars';
import { CAPACITEIT_STANDAARD, formatMaat, maatEenheid, type CapaciteitOptions, type TypeCapaciteit } from './rows';

export const CAPACITEIT_PER_TYPE_ID = 'capaciteit-per-type';

const label = (row: TypeCapaciteit) => labelOf('voorzieningstype', row.voorzieningstype);

/** Largest tekort first; ties keep the vocabulary order the rows come in. */
function items(rows: readonly TypeCapaciteit[]): BarItem[] {
	return rows
		.map((r, i) => ({ r, i }))
		.sort((a, b) => (b.r.tekort ?? -1) - (a.r.tekort ?? -1) || a.i - b.i)
		.map(({ r }) => ({ ...r, label: label(r) }));
}

function build(rows: readonly TypeCapaciteit[], { width = 640, height, document, maat }: ChartOptions & CapaciteitOptions): SVGSVGElement {
	return capaciteitBars({
		items: items(rows),
		maat,
		width,
		height,
		document,
		marginLeft: 170,
		className: 'chart-capaciteit-per-type'
	});
}

function describe(rows: readonly TypeCapaciteit[], { maat }: CapaciteitOptions): string {
	if (rows.length === 0) return 'Er zijn geen capaciteitsgegevens voor deze keuze.';
	const sorted = items(rows);
	const metTekort = sorted.filter((r) => (r.tekort ?? 0) > 0);
	if (metTekort.length === 0) return 'Bij geen enkel voorzieningstype is de behoefte in de regio groter dan het aantal bestaande plekken.';
	const top = sorted[0];
	return (
		`Het grootste tekort in de regio is er bij ${top.label}: ${formatMaat(top.tekort, maat)} ${maatEenheid(maat)} ` +
		`(bestaand ${formatMaat(top.bestaand, maat)}, gepland ${formatMaat(top.gepland, maat)}, behoefte ${formatMaat(top.behoefte, maat)}). ` +
		`Bij ${formatInteger(metTekort.length)} van de ${formatInteger(rows.length)} typen is er een tekort.`
	);
}

function table(rows: readonly TypeCapaciteit[], { maat }: CapaciteitOptions): ChartTable {
	return barTable('Voorzieningstype', items(rows), maat);
}

export const capaciteitPerTypeChart = defineChart<TypeCapaciteit, CapaciteitOptions>({
	id: CAPACITEIT_PER_TYPE_ID,
	defaults: CAPACITEIT_STANDAARD,
	build,
	describe,
	table,
	legend: BAR_LEGEND
});
