/**
 * One gemeente's HKG bid per round against its fair share of the regional opgave (by the
 * verdeelsleutel the region agreed per categorie): a bar per round, the fair share as a black
 * line, and the share of it that the bid covers as a label.
 */
import * as Plot from '@observablehq/plot';
import { formatDateShort, formatDifference, formatInteger, formatPercent, inZin } from '../../domain/format';
import { formatAandeel } from '../hkg/model';
import { labelOf, type HkgCategorie, type HkgRonde } from '../../domain/vocabulary';
import { PALETTE } from '../palette';
import type { ChartDefinition, ChartOptions, ChartTable, LegendItem } from '../types';
import { plotStyle } from '../style';
import { barLabels, barRows, isNarrow, tickCount } from '../narrow';

export interface GemeenteHkgRow {
	ronde: HkgRonde;
	ronde_datum: string;
	categorie: HkgCategorie;
	/** Null when the gemeente did not bid in this round. */
	bod: number | null;
	fair_share: number | null;
}

export interface HkgRondeTotaal {
	ronde: HkgRonde;
	ronde_datum: string;
	bod: number;
	fair_share: number;
}

/** Pure: per round (in the rows' order) the bid and fair share summed over categorieën. */
export function perRonde(rows: readonly GemeenteHkgRow[]): HkgRondeTotaal[] {
	const totalen = new Map<HkgRonde, HkgRondeTotaal>();
	for (const r of rows) {
		const t = totalen.get(r.ronde) ?? { ronde: r.ronde, ronde_datum: r.ronde_datum, bod: 0, fair_share: 0 };
		t.bod += r.bod ?? 0;
		t.fair_share += r.fair_share ?? 0;
		if (r.ronde_datum > t.ronde_datum) t.ronde_datum = r.ronde_datum;
		totalen.set(r.ronde, t);
	}
	// Fair shares carry two decimals; summing them must not add float noise (29.070000000000004).
	return [...totalen.values()].map((t) => ({ ...t, fair_share: Math.round(t.fair_share * 100) / 100 }));
}

const legend: readonly LegendItem[] = [
	{ label: 'Bod van de gemeente', colour: PALETTE.blauw, shape: 'bar' },
	{ label: 'Redelijk aandeel in de opgave', colour: PALETTE.inkt, shape: 'line' }
];

const ronde = (r: { ronde: HkgRonde }) => labelOf('hkg_ronde', r.ronde);
const aandeel = (t: HkgRondeTotaal) => (t.fair_share > 0 ? t.bod / t.fair_share : null);

function build(rows: readonly GemeenteHkgRow[], { width = 640, height, document }: ChartOptions): SVGSVGElement {
	const totalen = perRonde(rows);
	const tip = (t: HkgRondeTotaal) =>
		`${ronde(t)} (${formatDateShort(t.ronde_datum)}): bod ${formatInteger(t.bod)}, redelijk aandeel ${formatAandeel(t.fair_share)}`;
	if (!height && isNarrow(width)) return buildNarrow(totalen, width, document, tip);
	return Plot.plot({
		document,
		width,
		height: height ?? 280,
		marginLeft: 50,
		marginBottom: 40,
		marginTop: 30,
		className: 'chart-gemeente-hkg',
		style: plotStyle(),
		x: { label: null, domain: totalen.map(ronde), padding: 0.35 },
		y: { label: 'Woningen en plekken', grid: true, nice: true, tickFormat: (d: number) => formatInteger(d), labelArrow: 'none' },
		marks: [
			Plot.barY(totalen, { x: ronde, y: 'bod', fill: PALETTE.blauw, title: tip }),
			Plot.tickY(totalen, { x: ronde, y: 'fair_share', stroke: PALETTE.inkt, strokeWidth: 3, title: tip }),
			Plot.text(totalen, {
				x: ronde,
				y: (t: HkgRondeTotaal) => Math.max(t.bod, t.fair_share),
				text: (t: HkgRondeTotaal) => `${formatInteger(t.bod)} (${formatPercent(aandeel(t))})`,
				dy: -10,
				fill: PALETTE.inkt
			}),
			Plot.ruleY([0], { stroke: PALETTE.grijs })
		]
	}) as SVGSVGElement;
}

function describe(rows: readonly GemeenteHkgRow[]): string {
	const totalen = perRonde(rows);
	const laatste = totalen.at(-1);
	if (!laatste) return 'Deze gemeente heeft nog geen HKG-bod gedaan.';
	const verloop = totalen.map((t) => `${inZin(ronde(t))} ${formatInteger(t.bod)}`).join(', ');
	const oordeel =
		laatste.bod >= laatste.fair_share
			? 'Het laatste bod haalt het redelijk aandeel.'
			: `Het laatste bod blijft ${formatAandeel(laatste.fair_share - laatste.bod)} onder het redelijk aandeel.`;
	return `Bod per ronde: ${verloop}, tegenover een redelijk aandeel van ${formatAandeel(laatste.fair_share)} (${formatPercent(aandeel(laatste))} gedekt). ${oordeel}`;
}

function table(rows: readonly GemeenteHkgRow[]): ChartTable {
	const lines = perRonde(rows).flatMap((t) => [
		[ronde(t), 'Alle categorieën', formatInteger(t.bod), formatAandeel(t.fair_share), formatDifference(t.bod - t.fair_share)],
		...rows
			.filter((r) => r.ronde === t.ronde)
			.map((r) => [
				ronde(r),
				labelOf('hkg_categorie', r.categorie),
				r.bod === null ? 'geen bod' : formatInteger(r.bod),
				formatAandeel(r.fair_share),
				r.bod === null || r.fair_share === null ? '–' : formatDifference(r.bod - r.fair_share)
			])
	]);
	return {
		columns: [
			{ label: 'Ronde', numeric: false },
			{ label: 'Categorie', numeric: false },
			{ label: 'Bod', numeric: true },
			{ label: 'Redelijk aandeel', numeric: true },
			{ label: 'Verschil', numeric: true }
		],
		rows: lines
	};
}

export const gemeenteHkg: ChartDefinition<GemeenteHkgRow> = { id: 'gemeente-hkg', build, describe, table, legend };

/** On a phone the rounds are horizontal bars, each with its name and figures above it (narrow.ts): three columns leave their names no room. */
function buildNarrow(totalen: readonly HkgRondeTotaal[], width: number, document: Document, tip: (t: HkgRondeTotaal) => string): SVGSVGElement {
	const namen = totalen.map(ronde);
	const layout = barRows({
		width,
		rowHeight: 40,
		marginLeft: 0,
		marginRight: 0,
		padding: 0.3,
		labels: namen,
		values: totalen.map((t) => `${formatInteger(t.bod)} (${formatPercent(aandeel(t))})`)
	});
	return Plot.plot({
		document,
		width,
		height: 20 + layout.rowHeight * Math.max(totalen.length, 1) + 45,
		marginTop: 20,
		marginBottom: 45,
		marginLeft: layout.marginLeft,
		marginRight: layout.marginRight,
		className: 'chart-gemeente-hkg',
		style: plotStyle(),
		x: {
			label: 'Woningen en plekken',
			grid: true,
			nice: true,
			tickFormat: (d: number) => formatInteger(d),
			labelAnchor: 'center',
			labelArrow: 'none',
			ticks: tickCount(width - layout.marginLeft - layout.marginRight)
		},
		y: { label: null, domain: namen, ...layout.y },
		marks: [
			Plot.barX(totalen, { y: ronde, x: 'bod', fill: PALETTE.blauw, title: tip }),
			Plot.tickX(totalen, { y: ronde, x: 'fair_share', stroke: PALETTE.inkt, strokeWidth: 3, title: tip }),
			Plot.ruleX([0], { stroke: PALETTE.grijs }),
			...barLabels(layout)
		]
	}) as SVGSVGElement;
}
