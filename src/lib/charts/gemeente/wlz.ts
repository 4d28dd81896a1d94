/** One gemeente's Wlz-instroom per 10.000 inwoners per year (solid blue) against its region (dashed). */
import * as Plot from '@observablehq/plot';
import { formatInteger, formatPer10k } from '../../domain/format';
import { PALETTE } from '../palette';
import type { ChartDefinition, ChartOptions, ChartTable, LegendItem } from '../types';

export interface GemeenteWlzRow {
	jaar: number;
	/** The gemeente's instroom (clients) and per 10.000 inwoners; null when it did not report that year. */
	instroom: number | null;
	per_10k: number | null;
	/** The region's instroom per 10.000 inwoners. */
	regio_per_10k: number | null;
}

/** Pure: the gemeente's years and the region's years side by side, ascending. */
export function gemeenteWlzRows(
	gemeente: readonly { jaar: number; instroom: number; instroom_per_10k: number }[],
	regio: readonly { jaar: number; instroom_per_10k: number }[]
): GemeenteWlzRow[] {
	const jaren = [...new Set([...gemeente.map((r) => r.jaar), ...regio.map((r) => r.jaar)])].sort((a, b) => a - b);
	const g = new Map(gemeente.map((r) => [r.jaar, r]));
	const rg = new Map(regio.map((r) => [r.jaar, r.instroom_per_10k]));
	return jaren.map((jaar) => ({ jaar, instroom: g.get(jaar)?.instroom ?? null, per_10k: g.get(jaar)?.instroom_per_10k ?? null, regio_per_10k: rg.get(jaar) ?? null }));
}

const legend: readonly LegendItem[] = [
	{ label: 'Deze gemeente', colour: PALETTE.blauw, shape: 'line' },
	{ label: 'De regio', colour: PALETTE.oranje, shape: 'line' }
];

function build(rows: readonly GemeenteWlzRow[], { width = 640, document }: ChartOptions): SVGSVGElement {
	const gemeente = rows.filter((r) => r.per_10k !== null);
	const regio = rows.filter((r) => r.regio_per_10k !== null);
	const tip = (d: GemeenteWlzRow) =>
		`${d.jaar}: deze gemeente ${formatPer10k(d.per_10k)} (${formatInteger(d.instroom)} cliënten), regio ${formatPer10k(d.regio_per_10k)} per 10.000 inwoners`;
	return Plot.plot({
		document,
		width,
		height: 260,
		marginLeft: 50,
		marginBottom: 40,
		className: 'chart-gemeente-wlz',
		style: { fontSize: '13px', fontFamily: 'inherit', color: PALETTE.inkt, background: 'transparent' },
		x: { label: null, tickFormat: (d: number) => String(d), ticks: rows.map((r) => r.jaar) },
		y: { label: 'Per 10.000 inwoners', grid: true, nice: true, zero: true, tickFormat: (d: number) => formatPer10k(d), labelArrow: 'none' },
		marks: [
			Plot.ruleY([0], { stroke: PALETTE.grijs }),
			Plot.lineY(regio, { x: 'jaar', y: 'regio_per_10k', stroke: PALETTE.oranje, strokeWidth: 2.5, strokeDasharray: '6 3' }),
			Plot.dot(regio, { x: 'jaar', y: 'regio_per_10k', fill: PALETTE.oranje, symbol: 'square', r: 3.5, title: tip }),
			Plot.lineY(gemeente, { x: 'jaar', y: 'per_10k', stroke: PALETTE.blauw, strokeWidth: 2.5 }),
			Plot.dot(gemeente, { x: 'jaar', y: 'per_10k', fill: PALETTE.blauw, r: 4, title: tip })
		]
	}) as SVGSVGElement;
}

function describe(rows: readonly GemeenteWlzRow[]): string {
	const laatste = rows.filter((r) => r.per_10k !== null).at(-1);
	if (!laatste) return 'Er zijn geen gegevens over de Wlz-instroom van deze gemeente.';
	const som = rows.reduce((s, r) => s + (r.instroom ?? 0), 0);
	const jaren = rows.filter((r) => r.instroom !== null);
	const vergelijking =
		laatste.regio_per_10k === null
			? ''
			: laatste.per_10k! > laatste.regio_per_10k
				? `, meer dan de regio (${formatPer10k(laatste.regio_per_10k)})`
				: laatste.per_10k! < laatste.regio_per_10k
					? `, minder dan de regio (${formatPer10k(laatste.regio_per_10k)})`
					: ', gelijk aan de regio';
	return (
		`In ${laatste.jaar} stroomden ${formatInteger(laatste.instroom)} BW-cliënten uit deze gemeente in de Wlz: ${formatPer10k(laatste.per_10k)} per 10.000 inwoners${vergelijking}. ` +
		`Over ${formatInteger(jaren.length)} jaar samen ${formatInteger(som)} cliënten.`
	);
}

function table(rows: readonly GemeenteWlzRow[]): ChartTable {
	return {
		columns: [
			{ label: 'Jaar', numeric: false },
			{ label: 'Instroom gemeente (cliënten)', numeric: true },
			{ label: 'Gemeente per 10.000 inwoners', numeric: true },
			{ label: 'Regio per 10.000 inwoners', numeric: true }
		],
		rows: rows.map((r) => [String(r.jaar), formatInteger(r.instroom), formatPer10k(r.per_10k), formatPer10k(r.regio_per_10k)])
	};
}

export const gemeenteWlz: ChartDefinition<GemeenteWlzRow> = { id: 'gemeente-wlz', build, describe, table, legend };
