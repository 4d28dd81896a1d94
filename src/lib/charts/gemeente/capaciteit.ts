/**
 * One gemeente's capaciteit per voorzieningstype against the region, per 10.000 inwoners so a
 * small gemeente compares fairly with Dordrecht: per type a bar for the existing places in the
 * gemeente and one for the region, each with a black tick at the need.
 */
import * as Plot from '@observablehq/plot';
import { formatDecimal, formatInteger, formatPer10k, inZin } from '../../domain/format';
import { labelOf, type Voorzieningstype } from '../../domain/vocabulary';
import { PALETTE } from '../palette';
import type { ChartDefinition, ChartOptions, ChartTable, LegendItem } from '../types';
import { plotStyle } from '../style';
import { isNarrow, tickCount } from '../narrow';

export interface GemeenteCapaciteitRow {
	voorzieningstype: Voorzieningstype;
	/** The gemeente, per 10.000 inwoners (null when its inwoners are unknown). */
	bestaand: number | null;
	behoefte: number | null;
	/** The gemeente's tekort in places (absolute). */
	tekort: number | null;
	/** The region, per 10.000 inwoners. */
	regio_bestaand: number | null;
	regio_behoefte: number | null;
}

interface Per10k {
	voorzieningstype: Voorzieningstype;
	bestaand: number | null;
	behoefte: number | null;
	tekort: number | null;
}

/** Pure: join the gemeente's rows (per 10k and absolute) with the region's per type, in the gemeente's order. */
export function gemeenteCapaciteitRows(
	gemeentePer10k: readonly Per10k[],
	gemeenteAbsoluut: readonly Per10k[],
	regioPer10k: readonly Per10k[]
): GemeenteCapaciteitRow[] {
	const tekort = new Map(gemeenteAbsoluut.map((r) => [r.voorzieningstype, r.tekort]));
	const regio = new Map(regioPer10k.map((r) => [r.voorzieningstype, r]));
	return gemeentePer10k.map((r) => ({
		voorzieningstype: r.voorzieningstype,
		bestaand: r.bestaand,
		behoefte: r.behoefte,
		tekort: tekort.get(r.voorzieningstype) ?? null,
		regio_bestaand: regio.get(r.voorzieningstype)?.bestaand ?? null,
		regio_behoefte: regio.get(r.voorzieningstype)?.behoefte ?? null
	}));
}

const REEKSEN = { gemeente: 'Deze gemeente', regio: 'Regio' } as const;

const legend: readonly LegendItem[] = [
	{ label: 'Bestaande plekken in deze gemeente', colour: PALETTE.blauw, shape: 'bar' },
	{ label: 'Bestaande plekken in de regio', colour: PALETTE.oranje, shape: 'bar' },
	{ label: 'Behoefte', colour: PALETTE.inkt, shape: 'tick' }
];

const label = (r: { voorzieningstype: Voorzieningstype }) => labelOf('voorzieningstype', r.voorzieningstype);

function build(rows: readonly GemeenteCapaciteitRow[], { width = 640, height, document }: ChartOptions): SVGSVGElement {
	const punten = rows.flatMap((r) => [
		{ type: label(r), reeks: REEKSEN.gemeente, bestaand: r.bestaand, behoefte: r.behoefte },
		{ type: label(r), reeks: REEKSEN.regio, bestaand: r.regio_bestaand, behoefte: r.regio_behoefte }
	]);
	const tip = (d: (typeof punten)[number]) =>
		`${d.type}, ${inZin(d.reeks)}: ${formatPer10k(d.bestaand)} bestaand, behoefte ${formatPer10k(d.behoefte)} per 10.000 inwoners`;
	// Narrow: each type's name above its pair of bars instead of in a wide left margin.
	const narrow = isNarrow(width);
	const types = rows.map(label);
	return Plot.plot({
		document,
		width,
		height: height ?? (40 + rows.length * (narrow ? 64 : 44) + 40),
		marginLeft: narrow ? 6 : 160,
		...(narrow ? { marginTop: 30 } : {}),
		marginRight: 20,
		marginBottom: 40,
		className: 'chart-gemeente-capaciteit',
		style: plotStyle(),
		x: {
			label: 'Plekken per 10.000 inwoners',
			grid: true,
			nice: true,
			tickFormat: (d: number) => formatDecimal(d, { digits: 2 }),
			labelAnchor: 'center',
			labelArrow: 'none',
			...(narrow ? { ticks: tickCount(width - 26) } : {})
		},
		y: { axis: null, domain: Object.values(REEKSEN), padding: 0.1 },
		fy: narrow ? { axis: null, domain: types, paddingInner: 0.45, paddingOuter: 0.1 } : { label: null, domain: types, padding: 0.2 },
		color: { domain: Object.values(REEKSEN), range: [PALETTE.blauw, PALETTE.oranje] },
		marks: [
			Plot.barX(punten, { x: 'bestaand', y: 'reeks', fy: 'type', fill: 'reeks', title: tip }),
			Plot.tickX(punten, { x: 'behoefte', y: 'reeks', fy: 'type', stroke: PALETTE.inkt, strokeWidth: 3, title: tip }),
			Plot.ruleX([0], { stroke: PALETTE.grijs }),
			...(narrow ? [Plot.text(types, { fy: (d: string) => d, text: (d: string) => d, frameAnchor: 'top-left', lineAnchor: 'bottom', dy: -4, fill: PALETTE.inkt })] : [])
		]
	}) as SVGSVGElement;
}

function describe(rows: readonly GemeenteCapaciteitRow[]): string {
	if (rows.length === 0) return 'Er zijn geen capaciteitsgegevens voor deze gemeente in dit peiljaar.';
	const tekorten = rows.filter((r) => (r.tekort ?? 0) > 0).sort((a, b) => (b.tekort ?? 0) - (a.tekort ?? 0));
	if (tekorten.length === 0) return 'Bij geen enkel voorzieningstype is de behoefte in deze gemeente groter dan het aantal bestaande plekken.';
	const lijst = tekorten.map((r) => `${inZin(label(r))} (${formatInteger(r.tekort)})`).join(', ');
	const onder = rows.filter((r) => r.bestaand !== null && r.regio_bestaand !== null && r.bestaand < r.regio_bestaand).map((r) => inZin(label(r)));
	return (
		`Tekort aan plekken in deze gemeente: ${lijst}. ` +
		(onder.length > 0 ? `Per 10.000 inwoners heeft de gemeente minder bestaande plekken dan de regio bij ${onder.join(', ')}.` : 'Per 10.000 inwoners heeft de gemeente bij geen type minder bestaande plekken dan de regio.')
	);
}

function table(rows: readonly GemeenteCapaciteitRow[]): ChartTable {
	return {
		columns: [
			{ label: 'Voorzieningstype', numeric: false },
			{ label: 'Bestaand per 10.000 (gemeente)', numeric: true },
			{ label: 'Behoefte per 10.000 (gemeente)', numeric: true },
			{ label: 'Bestaand per 10.000 (regio)', numeric: true },
			{ label: 'Behoefte per 10.000 (regio)', numeric: true },
			{ label: 'Tekort gemeente (plekken)', numeric: true }
		],
		rows: rows.map((r) => [label(r), formatPer10k(r.bestaand), formatPer10k(r.behoefte), formatPer10k(r.regio_bestaand), formatPer10k(r.regio_behoefte), formatInteger(r.tekort)])
	};
}

export const gemeenteCapaciteit: ChartDefinition<GemeenteCapaciteitRow> = { id: 'gemeente-capaciteit', build, describe, table, legend };
