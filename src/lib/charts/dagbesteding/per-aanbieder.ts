/**
 * Dagbesteding per aanbieder as small multiples: one panel per aanbieder with its own line,
 * the regional line in grey (dashed) for reference, the first and latest value written at the
 * line, and the P×Q switch marked in every panel. Panels need no colour to tell aanbieders
 * apart, so the chart reads the same for colour-blind readers and in greyscale print.
 */
import * as Plot from '@observablehq/plot';
import { formatInteger, formatPercent, formatPeriode } from '../../domain/format';
import { hiddenPoints } from '../afgeschermd';
import { textWidth } from '../narrow';
import { PALETTE } from '../palette';
import { defineChart, type ChartOptions, type ChartTable, type LegendItem } from '../types';
import { aandeelTekst, aantalTekst, DAGBESTEDING_STANDAARD, decimalYear, PXQ_LABEL, PXQ_STREEP, PXQ_X, puntTitel, TABLE_COLUMNS, tableRow, yearTicks, type DagbestedingOptions, type DagbestedingPunt } from './common';
import { plotStyle } from '../style';

/** The dotted line of the region, in the chart and its legend. */
const REGIO_STREEP = '2,3';

export const DAGBESTEDING_PER_AANBIEDER_ID = 'dagbesteding-per-aanbieder';

/** Aanbieders in the order they first appear (the query sorts by name). */
export function aanbiedersIn(rows: readonly DagbestedingPunt[]): string[] {
	return [...new Set(rows.filter((r) => !r.regio).map((r) => r.reeks))];
}

function build(rows: readonly DagbestedingPunt[], { width = 720, height, document, maat }: ChartOptions & DagbestedingOptions): SVGSVGElement {
	const aanbieders = aanbiedersIn(rows);
	// A frame of fixed height (a slide) is wide and low: two rows of panels at most, each with fewer value ticks.
	// On a phone one column of panels, each as wide as the screen.
	const columns = Math.max(1, Math.min(aanbieders.length, height ? Math.ceil(aanbieders.length / 2) : width >= 640 ? 3 : width >= 420 ? 2 : 1));
	const valueTicks = height ? (maat === 'aandeel' ? [0, 0.4, 0.8] : 2) : 4;
	const panel = (naam: string) => {
		const i = aanbieders.indexOf(naam);
		return { fx: i % columns, fy: Math.floor(i / columns) };
	};
	const x = (r: DagbestedingPunt) => decimalYear(r.periode_start);
	const own = rows.filter((r) => !r.regio).map((r) => ({ ...r, ...panel(r.reeks), x: x(r) }));
	const column = maat === 'aandeel' ? 'aandeel' : 'met_dagbesteding';
	const value = (r: DagbestedingPunt) => r[column];
	// The regional series is repeated in every panel as the reference line (only for the share:
	// the region's numbers are on another scale than one aanbieder's).
	const regio = maat === 'aandeel' ? rows.filter((r) => r.regio).flatMap((r) => aanbieders.map((a) => ({ ...r, ...panel(a), x: x(r) }))) : [];
	type Point = (typeof own)[number];
	const ends = aanbieders.flatMap((a) => {
		const series = own.filter((r) => r.reeks === a);
		return [series[0], series.at(-1)].filter((r, i, all): r is Point => r !== undefined && all.indexOf(r) === i && value(r) !== null);
	});
	const titles = aanbieders.map((a) => ({ naam: a, ...panel(a) }));
	const rowsOfPanels = Math.ceil(aanbieders.length / columns);
	const xs = rows.map(x);
	const showPxq = xs.length > 0 && PXQ_X >= Math.min(...xs) && PXQ_X <= Math.max(...xs);
	const pxqInPanels = showPxq ? titles.map((t) => ({ ...t, x: PXQ_X })) : [];
	const panelWidth = (width - 60) / columns;
	// A panel's width in ems of its 13 px title (Plot wraps text at lineWidth ems), less the gap between panels.
	const titleEms = (panelWidth * (1 - 0.12)) / 13;
	const wraps = titles.some((t) => textWidth(t.naam, 13) > titleEms * 13);
	const label = (r: Point) => (maat === 'aandeel' ? aandeelTekst(r) : aantalTekst(r, 'met_dagbesteding'));

	return Plot.plot({
		document,
		width,
		height: height ?? (40 + rowsOfPanels * 210),
		// Room for a title of two lines above the first row of panels.
		marginTop: wraps ? 48 : 36,
		marginLeft: 55,
		marginRight: 25,
		marginBottom: 35,
		className: 'chart-dagbesteding-per-aanbieder',
		style: plotStyle(12),
		fx: { axis: null, padding: 0.12 },
		fy: { axis: null, padding: 0.22 },
		x: { ticks: yearTicks(rows, panelWidth < 200 ? 3 : panelWidth < 300 ? 2 : 1), tickFormat: (d: number) => String(d), label: null, inset: 10 },
		y: maat === 'aandeel'
			? { domain: [0, Math.max(0.8, ...rows.map((r) => r.aandeel ?? 0))], grid: true, ticks: valueTicks, tickFormat: (d: number) => formatPercent(d), label: null }
			: { grid: true, nice: true, zero: true, ticks: valueTicks, tickFormat: (d: number) => formatInteger(d), label: null },
		marks: [
			Plot.frame({ stroke: PALETTE.grijs, strokeOpacity: 0.4 }),
			Plot.ruleX(pxqInPanels, { x: 'x', fx: 'fx', fy: 'fy', stroke: PALETTE.inkt, strokeDasharray: PXQ_STREEP }),
			Plot.text(pxqInPanels, { x: 'x', fx: 'fx', fy: 'fy', frameAnchor: 'bottom', text: () => 'P×Q', textAnchor: 'start', dx: 4, dy: -4, fill: PALETTE.inkt }),
			Plot.lineY(regio, { x: 'x', y: 'aandeel', fx: 'fx', fy: 'fy', stroke: PALETTE.grijs, strokeWidth: 1.5, strokeDasharray: REGIO_STREEP }),
			Plot.lineY(own, { x: 'x', y: value, fx: 'fx', fy: 'fy', z: 'reeks', stroke: PALETTE.blauw, strokeWidth: 2.5 }),
			Plot.dot(own, { x: 'x', y: value, fx: 'fx', fy: 'fy', r: 2, fill: PALETTE.blauw, title: puntTitel }),
			...hiddenPoints(own, { column, x: (d) => d.x, stroke: PALETTE.blauw, title: puntTitel, facet: { fx: 'fx', fy: 'fy' } }),
			Plot.text(ends, {
				x: 'x',
				y: value,
				fx: 'fx',
				fy: 'fy',
				text: label,
				dy: -10,
				fontWeight: 'bold',
				fill: PALETTE.inkt,
				stroke: 'white',
				strokeWidth: 3,
				paintOrder: 'stroke'
			}),
			// A long name (Stichting …) wraps above its own panel instead of running into the next one.
			Plot.text(titles, { fx: 'fx', fy: 'fy', text: 'naam', frameAnchor: 'top-left', lineAnchor: 'bottom', dy: -3, lineWidth: titleEms, lineHeight: 1.15, fontWeight: 'bold', fontSize: 13 })
		]
	}) as SVGSVGElement;
}

function describe(rows: readonly DagbestedingPunt[]): string {
	const aanbieders = aanbiedersIn(rows);
	if (aanbieders.length === 0) return 'Er zijn geen gegevens per aanbieder voor de gekozen aanbieders en periode.';
	const parts = aanbieders.map((a) => {
		const series = rows.filter((r) => r.reeks === a);
		const first = series[0];
		const last = series.at(-1)!;
		return `${a} van ${aandeelTekst(first)} (${formatPeriode(first.periode)}) naar ${aandeelTekst(last)} (${formatPeriode(last.periode)})`;
	});
	const laatste = rows.filter((r) => !r.regio).at(-1)!;
	const laatsten = rows.filter((r) => !r.regio && r.periode === laatste.periode);
	const ordered = laatsten.filter((r) => r.aandeel !== null).sort((a, b) => b.aandeel! - a.aandeel!);
	// With a hidden share among them, "highest" and "lowest" would rank the hidden one.
	const spread =
		ordered.length > 1 && ordered.length === laatsten.length
			? ` In ${formatPeriode(laatste.periode)} had ${ordered[0].reeks} het hoogste aandeel (${formatPercent(ordered[0].aandeel)}) en ${ordered.at(-1)!.reeks} het laagste (${formatPercent(ordered.at(-1)!.aandeel)}).`
			: '';
	return `Aandeel BW-cliënten met dagbesteding per aanbieder: ${parts.join('; ')}.${spread}`;
}

function table(rows: readonly DagbestedingPunt[]): ChartTable {
	return { columns: TABLE_COLUMNS, rows: rows.filter((r) => !r.regio).map(tableRow) };
}

const legend: readonly LegendItem[] = [
	{ label: 'Aanbieder', colour: PALETTE.blauw, shape: 'line' },
	{ label: 'Regio, alle aanbieders (gestippeld; alleen bij aandeel)', colour: PALETTE.grijs, shape: 'line', dash: REGIO_STREEP },
	{ label: PXQ_LABEL, colour: PALETTE.inkt, shape: 'tick', dash: PXQ_STREEP }
];

export const dagbestedingPerAanbieder = defineChart<DagbestedingPunt, DagbestedingOptions>({ id: DAGBESTEDING_PER_AANBIEDER_ID, defaults: DAGBESTEDING_STANDAARD, build, describe, table, legend });
