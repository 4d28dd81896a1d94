/**
 * One gemeente's share of BW-cliënten with dagbesteding against the region per periode, with
 * the switch to P×Q (1 January 2021) marked. Only drawn when the export has gemeente rows.
 */
import * as Plot from '@observablehq/plot';
import { formatPercent, formatPeriode } from '../../domain/format';
import { PXQ_DATUM, PXQ_START_TEKST } from '../../domain/pxq';
import { hiddenPoints, shown } from '../afgeschermd';
import type { Afgeschermd } from '../../domain/disclosure';
import { PALETTE } from '../palette';
import type { ChartDefinition, ChartOptions, ChartTable, LegendItem } from '../types';
import { plotStyle } from '../style';

export interface GemeenteDagbestedingRow {
	periode: string;
	periode_start: string;
	/** Shares 0–1; null when there were no clients (or no rows) in that periode. */
	aandeel: number | null;
	regio_aandeel: number | null;
	/** Hidden shares (disclosure control): `aandeel` and `regio_aandeel` say what to show. */
	afgeschermd?: Afgeschermd;
}

type Share = { periode: string; aandeel: number | null; afgeschermd?: Afgeschermd };

/** Pure: the region's periodes with the gemeente's share beside them. */
export function gemeenteDagbestedingRows(gemeente: readonly Share[], regio: readonly (Share & { periode_start: string })[]): GemeenteDagbestedingRow[] {
	const g = new Map(gemeente.map((r) => [r.periode, r]));
	return regio.map((r) => {
		const eigen = g.get(r.periode);
		const hidden = { ...(eigen?.afgeschermd?.aandeel ? { aandeel: eigen.afgeschermd.aandeel } : {}), ...(r.afgeschermd?.aandeel ? { regio_aandeel: r.afgeschermd.aandeel } : {}) };
		return {
			periode: r.periode,
			periode_start: r.periode_start,
			aandeel: eigen?.aandeel ?? null,
			regio_aandeel: r.aandeel,
			...(Object.keys(hidden).length > 0 ? { afgeschermd: hidden } : {})
		};
	});
}

const share = (r: GemeenteDagbestedingRow, column: 'aandeel' | 'regio_aandeel', digits = 0) => shown(r, column, () => formatPercent(r[column], { digits }));

/** The region's dashed line, in the chart and its legend. */
const REGIO_STREEP = '6 3';

const legend: readonly LegendItem[] = [
	{ label: 'Deze gemeente', colour: PALETTE.blauw, shape: 'line' },
	{ label: 'De regio', colour: PALETTE.oranje, shape: 'line', dash: REGIO_STREEP },
	{ label: `Overgang naar P×Q (${PXQ_START_TEKST})`, colour: PALETTE.grijs, shape: 'tick' }
];

const start = (r: GemeenteDagbestedingRow) => new Date(`${r.periode_start}T00:00:00Z`);

function build(rows: readonly GemeenteDagbestedingRow[], { width = 640, height, document }: ChartOptions): SVGSVGElement {
	const gemeente = rows.filter((r) => r.aandeel !== null);
	const regio = rows.filter((r) => r.regio_aandeel !== null);
	const tip = (d: GemeenteDagbestedingRow) => `${formatPeriode(d.periode)}: deze gemeente ${share(d, 'aandeel')}, regio ${share(d, 'regio_aandeel')}`;
	return Plot.plot({
		document,
		width,
		height: height ?? 260,
		marginLeft: 50,
		marginBottom: 40,
		className: 'chart-gemeente-dagbesteding',
		style: plotStyle(),
		x: { type: 'utc', label: null },
		y: { label: 'Met dagbesteding', domain: [0, 1], grid: true, tickFormat: (d: number) => formatPercent(d), labelArrow: 'none' },
		marks: [
			Plot.ruleX([PXQ_DATUM], { stroke: PALETTE.grijs, strokeWidth: 1.5 }),
			Plot.text([PXQ_DATUM], { x: (d: Date) => d, frameAnchor: 'top', text: () => 'P×Q', dx: 4, textAnchor: 'start', fill: PALETTE.grijs }),
			Plot.lineY(regio, { x: start, y: 'regio_aandeel', stroke: PALETTE.oranje, strokeWidth: 2.5, strokeDasharray: REGIO_STREEP }),
			Plot.lineY(gemeente, { x: start, y: 'aandeel', stroke: PALETTE.blauw, strokeWidth: 2.5 }),
			Plot.dot(gemeente, { x: start, y: 'aandeel', fill: PALETTE.blauw, r: 3, title: tip }),
			...hiddenPoints(rows, { column: 'aandeel', x: (d) => start(d).getTime(), stroke: PALETTE.blauw, title: tip })
		]
	}) as SVGSVGElement;
}

function describe(rows: readonly GemeenteDagbestedingRow[]): string {
	const known = rows.filter((r) => r.aandeel !== null);
	const first = known[0];
	const last = known.at(-1);
	if (!first || !last) return 'Er zijn geen dagbestedingsgegevens per gemeente voor deze gemeente.';
	return (
		`Aandeel BW-cliënten met dagbesteding in deze gemeente: ${share(first, 'aandeel')} in ${formatPeriode(first.periode)}, ` +
		`${share(last, 'aandeel')} in ${formatPeriode(last.periode)}; de regio had toen ${share(last, 'regio_aandeel')}.`
	);
}

function table(rows: readonly GemeenteDagbestedingRow[]): ChartTable {
	return {
		columns: [
			{ label: 'Periode', numeric: false },
			{ label: 'Deze gemeente', numeric: true },
			{ label: 'Regio', numeric: true }
		],
		rows: rows.map((r) => [formatPeriode(r.periode), share(r, 'aandeel', 1), share(r, 'regio_aandeel', 1)])
	};
}

export const gemeenteDagbesteding: ChartDefinition<GemeenteDagbestedingRow> = { id: 'gemeente-dagbesteding', build, describe, table, legend };
