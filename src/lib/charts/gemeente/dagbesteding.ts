/**
 * One gemeente's share of BW-cliënten with dagbesteding against the region per periode, with
 * the switch to P×Q (1 January 2021) marked. Only drawn when the export has gemeente rows.
 */
import * as Plot from '@observablehq/plot';
import { formatPercent, formatPeriode } from '../../domain/format';
import { PALETTE } from '../palette';
import type { ChartDefinition, ChartOptions, ChartTable, LegendItem } from '../types';

export interface GemeenteDagbestedingRow {
	periode: string;
	periode_start: string;
	/** Shares 0–1; null when there were no clients (or no rows) in that periode. */
	aandeel: number | null;
	regio_aandeel: number | null;
}

/** Pure: the region's periodes with the gemeente's share beside them. */
export function gemeenteDagbestedingRows(
	gemeente: readonly { periode: string; aandeel: number | null }[],
	regio: readonly { periode: string; periode_start: string; aandeel: number | null }[]
): GemeenteDagbestedingRow[] {
	const g = new Map(gemeente.map((r) => [r.periode, r.aandeel]));
	return regio.map((r) => ({ periode: r.periode, periode_start: r.periode_start, aandeel: g.get(r.periode) ?? null, regio_aandeel: r.aandeel }));
}

const PXQ = new Date('2021-01-01T00:00:00Z');

const legend: readonly LegendItem[] = [
	{ label: 'Deze gemeente', colour: PALETTE.blauw, shape: 'line' },
	{ label: 'De regio', colour: PALETTE.oranje, shape: 'line' },
	{ label: 'Overgang naar P×Q (1 januari 2021)', colour: PALETTE.grijs, shape: 'tick' }
];

const start = (r: GemeenteDagbestedingRow) => new Date(`${r.periode_start}T00:00:00Z`);

function build(rows: readonly GemeenteDagbestedingRow[], { width = 640, document }: ChartOptions): SVGSVGElement {
	const gemeente = rows.filter((r) => r.aandeel !== null);
	const regio = rows.filter((r) => r.regio_aandeel !== null);
	const tip = (d: GemeenteDagbestedingRow) => `${formatPeriode(d.periode)}: deze gemeente ${formatPercent(d.aandeel)}, regio ${formatPercent(d.regio_aandeel)}`;
	return Plot.plot({
		document,
		width,
		height: 260,
		marginLeft: 50,
		marginBottom: 40,
		className: 'chart-gemeente-dagbesteding',
		style: { fontSize: '13px', fontFamily: 'inherit', color: PALETTE.inkt, background: 'transparent' },
		x: { type: 'utc', label: null },
		y: { label: 'Met dagbesteding', domain: [0, 1], grid: true, tickFormat: (d: number) => formatPercent(d), labelArrow: 'none' },
		marks: [
			Plot.ruleX([PXQ], { stroke: PALETTE.grijs, strokeWidth: 1.5 }),
			Plot.text([PXQ], { x: (d: Date) => d, frameAnchor: 'top', text: () => 'P×Q', dx: 4, textAnchor: 'start', fill: PALETTE.grijs }),
			Plot.lineY(regio, { x: start, y: 'regio_aandeel', stroke: PALETTE.oranje, strokeWidth: 2.5, strokeDasharray: '6 3' }),
			Plot.lineY(gemeente, { x: start, y: 'aandeel', stroke: PALETTE.blauw, strokeWidth: 2.5 }),
			Plot.dot(gemeente, { x: start, y: 'aandeel', fill: PALETTE.blauw, r: 3, title: tip })
		]
	}) as SVGSVGElement;
}

function describe(rows: readonly GemeenteDagbestedingRow[]): string {
	const known = rows.filter((r) => r.aandeel !== null);
	const first = known[0];
	const last = known.at(-1);
	if (!first || !last) return 'Er zijn geen dagbestedingsgegevens per gemeente voor deze gemeente.';
	return (
		`Aandeel BW-cliënten met dagbesteding in deze gemeente: ${formatPercent(first.aandeel)} in ${formatPeriode(first.periode)}, ` +
		`${formatPercent(last.aandeel)} in ${formatPeriode(last.periode)}; de regio had toen ${formatPercent(last.regio_aandeel)}.`
	);
}

function table(rows: readonly GemeenteDagbestedingRow[]): ChartTable {
	return {
		columns: [
			{ label: 'Periode', numeric: false },
			{ label: 'Deze gemeente', numeric: true },
			{ label: 'Regio', numeric: true }
		],
		rows: rows.map((r) => [formatPeriode(r.periode), formatPercent(r.aandeel, { digits: 1 }), formatPercent(r.regio_aandeel, { digits: 1 })])
	};
}

export const gemeenteDagbesteding: ChartDefinition<GemeenteDagbestedingRow> = { id: 'gemeente-dagbesteding', build, describe, table, legend };
