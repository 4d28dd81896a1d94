/**
 * Overzicht tile: the regional tekort of one voorzieningstype (the largest) over the peiljaren,
 * as a sparkline. Rows come from overzicht().tekorten[0].trend.
 */
import * as Plot from '@observablehq/plot';
import { formatInteger, inZin } from '../../domain/format';
import { labelOf, type Voorzieningstype } from '../../domain/vocabulary';
import { PALETTE } from '../palette';
import type { ChartDefinition, ChartOptions, ChartTable, LegendItem } from '../types';
import { slideMarks, SPARKLINE_WIDTH, sparklineOptions } from './sparkline';

export interface TekortTrendRow {
	voorzieningstype: Voorzieningstype;
	peiljaar: number;
	/** Places short, summed over gemeenten. */
	tekort: number;
}

const legend: readonly LegendItem[] = [{ label: 'Tekort aan plekken', colour: PALETTE.blauw, shape: 'line' }];

function build(rows: readonly TekortTrendRow[], { width = SPARKLINE_WIDTH, height, document }: ChartOptions): SVGSVGElement {
	const last = rows.at(-1);
	return Plot.plot({
		...sparklineOptions(width, document, 'chart-overzicht-tekort-trend', height),
		y: { domain: [0, Math.max(1, ...rows.map((r) => r.tekort))] },
		marks: [
			Plot.ruleY([0], { stroke: PALETTE.grijs, strokeWidth: 0.5 }),
			Plot.lineY(rows, { x: 'peiljaar', y: 'tekort', stroke: PALETTE.blauw, strokeWidth: 2 }),
			Plot.dot(rows, {
				x: 'peiljaar',
				y: 'tekort',
				r: 2,
				fill: PALETTE.blauw,
				title: (d: TekortTrendRow) => `${d.peiljaar}: tekort ${formatInteger(d.tekort)} plekken`
			}),
			Plot.dot(last ? [last] : [], { x: 'peiljaar', y: 'tekort', r: 4, fill: PALETTE.blauw, stroke: 'white' }),
			...slideMarks(height, {
				x: (d: number) => String(d),
				y: formatInteger,
				xTicks: rows.map((r) => r.peiljaar),
				headline: last && { row: last, x: 'peiljaar', y: 'tekort', text: `${formatInteger(last.tekort)} plekken tekort in ${last.peiljaar}` }
			})
		]
	}) as SVGSVGElement;
}

function describe(rows: readonly TekortTrendRow[]): string {
	const first = rows[0];
	const last = rows.at(-1);
	if (!first || !last) return 'Er zijn geen capaciteitsgegevens over meerdere peiljaren.';
	const type = labelOf('voorzieningstype', last.voorzieningstype);
	if (first === last) return `${type}: tekort ${formatInteger(last.tekort)} plekken in ${last.peiljaar}.`;
	const richting = last.tekort > first.tekort ? 'gegroeid' : last.tekort < first.tekort ? 'gedaald' : 'gelijk gebleven';
	return `Tekort aan ${inZin(type)} in de regio: ${formatInteger(first.tekort)} plekken in ${first.peiljaar}, ${formatInteger(last.tekort)} in ${last.peiljaar} (${richting}).`;
}

function table(rows: readonly TekortTrendRow[]): ChartTable {
	return {
		columns: [
			{ label: 'Peiljaar', numeric: false },
			{ label: 'Tekort (plekken)', numeric: true }
		],
		rows: rows.map((r) => [String(r.peiljaar), formatInteger(r.tekort)])
	};
}

export const overzichtTekortTrend: ChartDefinition<TekortTrendRow> = { id: 'overzicht-tekort-trend', build, describe, table, legend };
