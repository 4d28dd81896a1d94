/**
 * Overzicht tile: Wlz-instroom per 10.000 inwoners of the own region per year (solid) against
 * the median of the other regions (dashed, ink), in the colours of the /wlz charts, so the lines differ in greyscale too.
 */
import * as Plot from '@observablehq/plot';
import { formatDecimal, formatPer10k } from '../../domain/format';
import { shown } from '../afgeschermd';
import type { Afgeschermd } from '../../domain/disclosure';
import { PALETTE, REEKS } from '../palette';
import type { ChartDefinition, ChartOptions, ChartTable, LegendItem } from '../types';
import { slideMarks, SPARKLINE_WIDTH, sparklineOptions } from './sparkline';

export interface WlzTrendRow {
	jaar: number;
	/** Null when hidden by disclosure control. */
	instroom_per_10k: number | null;
	afgeschermd?: Afgeschermd;
	/** Median of the other regions; null when no other region reported that year. */
	mediaan_andere_regios: number | null;
}

const MEDIAAN_STREEP = '4 3';

const legend: readonly LegendItem[] = [
	{ label: 'Deze regio', colour: REEKS.dezeRegio, shape: 'line' },
	{ label: "Mediaan andere regio's", colour: REEKS.mediaanAndereRegios, shape: 'line', dash: MEDIAAN_STREEP }
];

function build(rows: readonly WlzTrendRow[], { width = SPARKLINE_WIDTH, height, document }: ChartOptions): SVGSVGElement {
	const mediaan = rows.filter((r) => r.mediaan_andere_regios !== null);
	const last = rows.at(-1);
	const max = Math.max(0.1, ...rows.map((r) => Math.max(r.instroom_per_10k ?? 0, r.mediaan_andere_regios ?? 0)));
	return Plot.plot({
		...sparklineOptions(width, document, 'chart-overzicht-wlz-trend', height),
		y: { domain: [0, max] },
		marks: [
			Plot.ruleY([0], { stroke: PALETTE.grijs, strokeWidth: 0.5 }),
			Plot.lineY(mediaan, { x: 'jaar', y: 'mediaan_andere_regios', stroke: REEKS.mediaanAndereRegios, strokeWidth: 1.5, strokeDasharray: MEDIAAN_STREEP }),
			Plot.lineY(rows, { x: 'jaar', y: 'instroom_per_10k', stroke: REEKS.dezeRegio, strokeWidth: 2 }),
			Plot.dot(rows, {
				x: 'jaar',
				y: 'instroom_per_10k',
				r: 2,
				fill: REEKS.dezeRegio,
				title: (d: WlzTrendRow) => `${d.jaar}: ${rate(d)} per 10.000 inwoners; mediaan andere regio's ${formatPer10k(d.mediaan_andere_regios)}`
			}),
			...slideMarks(height, {
				x: (d: number) => String(d),
				y: (d: number) => formatDecimal(d, { digits: 2 }),
				xTicks: rows.map((r) => r.jaar),
				headline: last && last.instroom_per_10k !== null ? { row: last, x: 'jaar', y: 'instroom_per_10k', text: `${rate(last)} per 10.000 inwoners in ${last.jaar}` } : undefined
			})
		]
	}) as SVGSVGElement;
}

const rate = (d: WlzTrendRow) => shown(d, 'instroom_per_10k', () => formatPer10k(d.instroom_per_10k));

function describe(rows: readonly WlzTrendRow[]): string {
	const first = rows[0];
	const last = rows.at(-1);
	if (!first || !last) return 'Er zijn geen gegevens over de Wlz-instroom.';
	const vergelijking =
		last.mediaan_andere_regios === null
			? ''
			: `; de mediaan van de andere regio's was ${formatPer10k(last.mediaan_andere_regios)}`;
	return `Wlz-instroom per 10.000 inwoners in deze regio: ${rate(first)} in ${first.jaar}, ${rate(last)} in ${last.jaar}${vergelijking}.`;
}

function table(rows: readonly WlzTrendRow[]): ChartTable {
	return {
		columns: [
			{ label: 'Jaar', numeric: false },
			{ label: 'Deze regio, per 10.000 inwoners', numeric: true },
			{ label: "Mediaan andere regio's", numeric: true }
		],
		rows: rows.map((r) => [String(r.jaar), rate(r), formatPer10k(r.mediaan_andere_regios)])
	};
}

export const overzichtWlzTrend: ChartDefinition<WlzTrendRow> = { id: 'overzicht-wlz-trend', build, describe, table, legend };
