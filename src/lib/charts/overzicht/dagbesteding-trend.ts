/**
 * Overzicht tile: the share of BW-cliënten with dagbesteding per periode, with the switch to
 * P×Q billing (1 January 2021, data/exports/README.md, "Wat de voorbeelddata laat zien") as a thin vertical rule.
 */
import { shown, type Afgeschermd } from '../../domain/disclosure';
import * as Plot from '@observablehq/plot';
import { formatPercent, formatPeriode } from '../../domain/format';
import { PXQ_DATUM, PXQ_START_TEKST } from '../../domain/pxq';
import { PALETTE } from '../palette';
import type { ChartDefinition, ChartOptions, ChartTable, LegendItem } from '../types';
import { slideMarks, SPARKLINE_WIDTH, sparklineOptions } from './sparkline';

export interface DagbestedingTrendRow {
	periode: string;
	/** ISO date the periode starts. */
	periode_start: string;
	/** 0–1; null without clients. */
	aandeel: number | null;
	/** Set when the share is hidden by disclosure control. */
	afgeschermd?: Afgeschermd;
}

const legend: readonly LegendItem[] = [
	{ label: 'Aandeel met dagbesteding', colour: PALETTE.blauw, shape: 'line' },
	{ label: `Overgang naar P×Q (${PXQ_START_TEKST})`, colour: PALETTE.grijs, shape: 'tick' }
];

/** 1 January of every year from the first to the last date, every second year when there are many. */
function yearStarts(first: Date, last: Date): Date[] {
	const from = first.getUTCFullYear() + (first.getUTCMonth() > 0 || first.getUTCDate() > 1 ? 1 : 0);
	const years = Array.from({ length: Math.max(0, last.getUTCFullYear() - from + 1) }, (_, i) => from + i);
	const step = years.length > 7 ? 2 : 1;
	return years.filter((_, i) => i % step === 0).map((y) => new Date(Date.UTC(y, 0, 1)));
}

const start = (r: DagbestedingTrendRow) => new Date(`${r.periode_start}T00:00:00Z`);

function build(rows: readonly DagbestedingTrendRow[], { width = SPARKLINE_WIDTH, height, document }: ChartOptions): SVGSVGElement {
	const known = rows.filter((r) => r.aandeel !== null);
	const last = known.at(-1);
	const dates = known.map(start);
	const showPxq = dates.length > 0 && dates[0] < PXQ_DATUM && PXQ_DATUM <= dates[dates.length - 1];
	return Plot.plot({
		...sparklineOptions(width, document, 'chart-overzicht-dagbesteding-trend', height),
		x: { type: 'utc' },
		y: { domain: [0, 1] },
		marks: [
			Plot.ruleY([0], { stroke: PALETTE.grijs, strokeWidth: 0.5 }),
			Plot.ruleX(showPxq ? [PXQ_DATUM] : [], { stroke: PALETTE.grijs, strokeWidth: 1.5 }),
			Plot.lineY(known, { x: start, y: 'aandeel', stroke: PALETTE.blauw, strokeWidth: 2 }),
			Plot.dot(known, {
				x: start,
				y: 'aandeel',
				r: 1.5,
				fill: PALETTE.blauw,
				title: (d: DagbestedingTrendRow) => `${formatPeriode(d.periode)}: ${shown(d, 'aandeel', () => formatPercent(d.aandeel))} met dagbesteding`
			}),
			...slideMarks(height, {
				x: (d: Date) => String(d.getUTCFullYear()),
				y: (d: number) => formatPercent(d),
				xTicks: dates.length ? yearStarts(dates[0], dates[dates.length - 1]) : [],
				headline: last && { row: last, x: start, y: 'aandeel', text: `${formatPercent(last.aandeel)} met dagbesteding in ${formatPeriode(last.periode)}` }
			})
		]
	}) as SVGSVGElement;
}

function describe(rows: readonly DagbestedingTrendRow[]): string {
	const known = rows.filter((r) => r.aandeel !== null);
	const first = known[0];
	const last = known.at(-1);
	if (!first || !last) return 'Er zijn geen gegevens over dagbesteding.';
	return (
		`Aandeel BW-cliënten met dagbesteding: ${formatPercent(first.aandeel)} in ${formatPeriode(first.periode)}, ` +
		`${formatPercent(last.aandeel)} in ${formatPeriode(last.periode)}. Sinds ${PXQ_START_TEKST} wordt dagbesteding per product en prijs (P×Q) bekostigd.`
	);
}

function table(rows: readonly DagbestedingTrendRow[]): ChartTable {
	return {
		columns: [
			{ label: 'Periode', numeric: false },
			{ label: 'Aandeel met dagbesteding', numeric: true }
		],
		rows: rows.map((r) => [formatPeriode(r.periode), shown(r, 'aandeel', () => formatPercent(r.aandeel, { digits: 1 }))])
	};
}

export const overzichtDagbestedingTrend: ChartDefinition<DagbestedingTrendRow> = { id: 'overzicht-dagbesteding-trend', build, describe, table, legend };
