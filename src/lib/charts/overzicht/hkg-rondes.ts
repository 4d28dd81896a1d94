/**
 * Overzicht tile: the regional HKG bid per round (voorlopig → aanvulling → definitief) as small
 * bars, with the regional opgave as a line across them.
 */
import * as Plot from '@observablehq/plot';
import { formatDateShort, formatInteger, formatPercent, inZin } from '../../domain/format';
import { labelOf, type HkgRonde } from '../../domain/vocabulary';
import { PALETTE } from '../palette';
import type { ChartDefinition, ChartOptions, ChartTable, LegendItem } from '../types';
import { slideMarks, SPARKLINE_WIDTH, sparklineOptions } from './sparkline';

export interface HkgRondeRow {
	ronde: HkgRonde;
	ronde_datum: string;
	bod: number;
	opgave: number;
}

const OPGAVE_STREEP = '4 2';

const legend: readonly LegendItem[] = [
	{ label: 'Bod van de gemeenten samen', colour: PALETTE.blauw, shape: 'bar' },
	{ label: 'Regionale opgave', colour: PALETTE.inkt, shape: 'line', dash: OPGAVE_STREEP }
];

const ronde = (r: HkgRondeRow) => labelOf('hkg_ronde', r.ronde);

function build(rows: readonly HkgRondeRow[], { width = SPARKLINE_WIDTH, height, document }: ChartOptions): SVGSVGElement {
	const last = rows.at(-1);
	const opgave = last?.opgave ?? 0;
	return Plot.plot({
		...sparklineOptions(width, document, 'chart-overzicht-hkg-rondes', height),
		x: { domain: rows.map(ronde), padding: 0.25 },
		y: { domain: [0, Math.max(1, opgave, ...rows.map((r) => r.bod))] },
		marks: [
			Plot.barY(rows, {
				x: ronde,
				y: 'bod',
				fill: PALETTE.blauw,
				title: (d: HkgRondeRow) => `${ronde(d)} (${formatDateShort(d.ronde_datum)}): ${formatInteger(d.bod)} van ${formatInteger(d.opgave)}`
			}),
			Plot.ruleY([opgave], { stroke: PALETTE.inkt, strokeWidth: 2, strokeDasharray: OPGAVE_STREEP }),
			...slideMarks(height, {
				x: (d: string) => d,
				y: formatInteger,
				xTicks: rows.map(ronde),
				headline: last && { row: last, x: ronde, y: 'bod', text: `${formatInteger(last.bod)} van ${formatInteger(last.opgave)} geboden` }
			})
		]
	}) as SVGSVGElement;
}

function describe(rows: readonly HkgRondeRow[]): string {
	const last = rows.at(-1);
	if (!last) return 'Er zijn nog geen HKG-biedingen.';
	const verloop = rows.map((r) => `${inZin(ronde(r))} ${formatInteger(r.bod)}`).join(', ');
	const aandeel = last.opgave > 0 ? ` (${formatPercent(last.bod / last.opgave)})` : '';
	return `Bod van de gemeenten samen per ronde: ${verloop}. De regionale opgave is ${formatInteger(last.opgave)}; het laatste bod dekt ${formatInteger(last.bod)} daarvan${aandeel}.`;
}

function table(rows: readonly HkgRondeRow[]): ChartTable {
	return {
		columns: [
			{ label: 'Ronde', numeric: false },
			{ label: 'Datum', numeric: false },
			{ label: 'Bod', numeric: true },
			{ label: 'Opgave', numeric: true },
			{ label: 'Aandeel van de opgave', numeric: true }
		],
		rows: rows.map((r) => [ronde(r), formatDateShort(r.ronde_datum), formatInteger(r.bod), formatInteger(r.opgave), r.opgave > 0 ? formatPercent(r.bod / r.opgave) : '–'])
	};
}

export const overzichtHkgRondes: ChartDefinition<HkgRondeRow> = { id: 'overzicht-hkg-rondes', build, describe, table, legend };
