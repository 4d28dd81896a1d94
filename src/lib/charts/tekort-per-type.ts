/**
 * Tekort per voorzieningstype in de regio: per type the existing and planned places as one
 * stacked bar, the need as a black tick across it, and the remaining shortage as a label.
 * Answers the capaciteitsonderzoek's first question (README, "Wat is dit?") for one peiljaar.
 */
import * as Plot from '@observablehq/plot';
import { formatInteger } from '../domain/format';
import { labelOf, type Voorzieningstype } from '../domain/vocabulary';
import { PALETTE } from './palette';
import type { ChartDefinition, ChartOptions, ChartTable, LegendItem } from './types';
import { plotStyle } from './style';
import { barLabels, barRows, countAxis } from './narrow';

/** Regional totals of one voorzieningstype in one peiljaar (all gemeenten and doelgroepen). */
export interface TekortPerTypeRow {
	voorzieningstype: Voorzieningstype;
	bestaand: number;
	gepland: number;
	behoefte: number;
	/** Places short of the need, summed over gemeenten (a surplus in one gemeente does not offset another). */
	tekort: number;
	/** Shortage that remains once the planned places are in use. */
	tekort_na_plan: number;
}

export const TEKORT_PER_TYPE_ID = 'tekort-per-type';

/**
 * The shortage split in what the planned places will absorb and what remains after them.
 * Plotting shortages (not stock against need) keeps small but urgent types such as crisis
 * places readable next to BW intramuraal, whose stock is a hundred times larger.
 */
const SERIES = [
	{ key: 'restant', label: 'Tekort, ook na geplande plekken', colour: PALETTE.blauw },
	{ key: 'opgevangen', label: 'Opgevangen door geplande plekken', colour: PALETTE.oranje }
] as const;

const legend: readonly LegendItem[] = SERIES.map((s) => ({ label: s.label, colour: s.colour, shape: 'bar' as const }));

/** Largest shortage first; ties by label so the order is stable. */
function ordered(rows: readonly TekortPerTypeRow[]): TekortPerTypeRow[] {
	return [...rows].sort(
		(a, b) => b.tekort - a.tekort || b.behoefte - a.behoefte || label(a).localeCompare(label(b), 'nl')
	);
}

const label = (row: TekortPerTypeRow) => labelOf('voorzieningstype', row.voorzieningstype);

function build(rows: readonly TekortPerTypeRow[], { width = 640, height, document }: ChartOptions): SVGSVGElement {
	const sorted = ordered(rows);
	const segments = sorted.flatMap((row) => {
		const parts = { restant: row.tekort_na_plan, opgevangen: Math.max(row.tekort - row.tekort_na_plan, 0) };
		return SERIES.map((s) => ({ type: label(row), reeks: s.label, plekken: parts[s.key] }));
	});
	const barHeight = 34;
	const tekstVan = (d: TekortPerTypeRow) => (d.tekort > 0 ? `tekort ${formatInteger(d.tekort)}` : 'geen tekort');
	const layout = barRows({ width, rowHeight: barHeight, marginLeft: 150, marginRight: 100, padding: 0.3, labels: sorted.map(label), values: sorted.map(tekstVan) });

	return Plot.plot({
		document,
		width,
		height: height ?? (30 + layout.rowHeight * Math.max(sorted.length, 1) + 45),
		marginBottom: 45,
		marginLeft: layout.marginLeft,
		marginRight: layout.marginRight,
		className: 'chart-tekort-per-type',
		style: plotStyle(),
		x: countAxis('Plekken tekort', layout, width),
		y: { label: null, domain: sorted.map(label), ...layout.y },
		color: { domain: SERIES.map((s) => s.label), range: SERIES.map((s) => s.colour) },
		marks: [
			Plot.barX(segments, {
				x: 'plekken',
				y: 'type',
				fill: 'reeks',
				stroke: 'white',
				strokeWidth: 1,
				order: SERIES.map((s) => s.label),
				title: (d: (typeof segments)[number]) => `${d.type}: ${formatInteger(d.plekken)} plekken ${d.reeks.toLowerCase()}`
			}),
			...(layout.narrow ? [] : [Plot.text(sorted, { x: 'tekort', y: label, text: tekstVan, textAnchor: 'start', dx: 8, fill: PALETTE.inkt })]),
			Plot.ruleX([0], { stroke: PALETTE.grijs }),
			...barLabels(layout)
		]
	}) as SVGSVGElement;
}

function describe(rows: readonly TekortPerTypeRow[]): string {
	if (rows.length === 0) return 'Er zijn geen capaciteitsgegevens voor dit peiljaar.';
	const sorted = ordered(rows);
	const totaal = rows.reduce((sum, r) => sum + r.tekort, 0);
	const naPlan = rows.reduce((sum, r) => sum + r.tekort_na_plan, 0);
	if (totaal === 0) return 'Bij geen enkel voorzieningstype is de behoefte groter dan het aantal bestaande plekken.';
	const top = sorted[0];
	const metTekort = rows.filter((r) => r.tekort > 0).length;
	return (
		`Het grootste tekort is er bij ${label(top)}: behoefte ${formatInteger(top.behoefte)}, ` +
		`bestaand ${formatInteger(top.bestaand)}, gepland ${formatInteger(top.gepland)}, tekort ${formatInteger(top.tekort)} plekken. ` +
		`Bij ${formatInteger(metTekort)} van de ${formatInteger(rows.length)} typen is er een tekort; samen ${formatInteger(totaal)} plekken, ` +
		`en ${formatInteger(naPlan)} als de geplande plekken in gebruik zijn.`
	);
}

function table(rows: readonly TekortPerTypeRow[]): ChartTable {
	return {
		columns: [
			{ label: 'Voorzieningstype', numeric: false },
			{ label: 'Bestaand', numeric: true },
			{ label: 'Gepland', numeric: true },
			{ label: 'Behoefte', numeric: true },
			{ label: 'Tekort', numeric: true },
			{ label: 'Tekort na plan', numeric: true }
		],
		rows: ordered(rows).map((r) => [
			label(r),
			formatInteger(r.bestaand),
			formatInteger(r.gepland),
			formatInteger(r.behoefte),
			formatInteger(r.tekort),
			formatInteger(r.tekort_na_plan)
		])
	};
}

export const tekortPerType: ChartDefinition<TekortPerTypeRow> = {
	id: TEKORT_PER_TYPE_ID,
	build,
	describe,
	table,
	legend
};
