/** One gemeente's Wlz-instroom per 10.000 inwoners per year (solid blue) against its region (dashed). */
import * as Plot from '@observablehq/plot';
import { formatDecimal, formatInteger, formatPer10k } from '../../domain/format';
import { hiddenPoints, shown } from '../afgeschermd';
import type { Afgeschermd } from '../../domain/disclosure';
import { PALETTE } from '../palette';
import type { ChartDefinition, ChartOptions, ChartTable, LegendItem } from '../types';
import { plotStyle } from '../style';
import { isNarrow, thinned, tickCount } from '../narrow';

export interface GemeenteWlzRow {
	jaar: number;
	/** The gemeente's instroom (clients) and per 10.000 inwoners; null when it did not report that year. */
	instroom: number | null;
	per_10k: number | null;
	/** The region's instroom per 10.000 inwoners. */
	regio_per_10k: number | null;
	/** Hidden by disclosure control: `instroom` and `per_10k` say what to show. */
	afgeschermd?: Afgeschermd;
}

/** Pure: the gemeente's years and the region's years side by side, ascending. */
export function gemeenteWlzRows(
	gemeente: readonly { jaar: number; instroom: number | null; instroom_per_10k: number | null; afgeschermd?: Afgeschermd }[],
	regio: readonly { jaar: number; instroom_per_10k: number | null }[]
): GemeenteWlzRow[] {
	const jaren = [...new Set([...gemeente.map((r) => r.jaar), ...regio.map((r) => r.jaar)])].sort((a, b) => a - b);
	const g = new Map(gemeente.map((r) => [r.jaar, r]));
	const rg = new Map(regio.map((r) => [r.jaar, r.instroom_per_10k]));
	return jaren.map((jaar) => {
		const row = g.get(jaar);
		const hidden = row?.afgeschermd;
		return {
			jaar,
			instroom: row?.instroom ?? null,
			per_10k: row?.instroom_per_10k ?? null,
			regio_per_10k: rg.get(jaar) ?? null,
			...(hidden ? { afgeschermd: { instroom: hidden.instroom ?? '', per_10k: hidden.instroom_per_10k ?? '' } } : {})
		};
	});
}

const instroomTekst = (d: GemeenteWlzRow) => shown(d, 'instroom', () => formatInteger(d.instroom));
const per10kTekst = (d: GemeenteWlzRow) => shown(d, 'per_10k', () => formatPer10k(d.per_10k));

/** The region's dashed line, in the chart and its legend. */
const REGIO_STREEP = '6 3';

const legend: readonly LegendItem[] = [
	{ label: 'Deze gemeente', colour: PALETTE.blauw, shape: 'line' },
	{ label: 'De regio', colour: PALETTE.oranje, shape: 'line', dash: REGIO_STREEP }
];

function build(rows: readonly GemeenteWlzRow[], { width = 640, height, document }: ChartOptions): SVGSVGElement {
	const gemeente = rows.filter((r) => r.per_10k !== null);
	const regio = rows.filter((r) => r.regio_per_10k !== null);
	const tip = (d: GemeenteWlzRow) =>
		`${d.jaar}: deze gemeente ${per10kTekst(d)} (${instroomTekst(d)} cliënten), regio ${formatPer10k(d.regio_per_10k)} per 10.000 inwoners`;
	return Plot.plot({
		document,
		width,
		height: height ?? 260,
		marginLeft: 50,
		marginBottom: 40,
		className: 'chart-gemeente-wlz',
		style: plotStyle(),
		// Narrow: every other year (or fewer) named, so the years do not run into each other.
		x: { label: null, tickFormat: (d: number) => String(d), ticks: isNarrow(width) ? thinned(rows.map((r) => r.jaar), tickCount(width - 70, 32, 14)) : rows.map((r) => r.jaar) },
		y: { label: 'Per 10.000 inwoners', grid: true, nice: true, zero: true, tickFormat: (d: number) => formatDecimal(d, { digits: 2 }), labelArrow: 'none' },
		marks: [
			Plot.ruleY([0], { stroke: PALETTE.grijs }),
			Plot.lineY(regio, { x: 'jaar', y: 'regio_per_10k', stroke: PALETTE.oranje, strokeWidth: 2.5, strokeDasharray: REGIO_STREEP }),
			Plot.dot(regio, { x: 'jaar', y: 'regio_per_10k', fill: PALETTE.oranje, symbol: 'square', r: 3.5, title: tip }),
			Plot.lineY(gemeente, { x: 'jaar', y: 'per_10k', stroke: PALETTE.blauw, strokeWidth: 2.5 }),
			Plot.dot(gemeente, { x: 'jaar', y: 'per_10k', fill: PALETTE.blauw, r: 4, title: tip }),
			...hiddenPoints(rows, { column: 'per_10k', x: (d) => d.jaar, stroke: PALETTE.blauw, title: tip })
		]
	}) as SVGSVGElement;
}

function describe(rows: readonly GemeenteWlzRow[]): string {
	const laatste = rows.filter((r) => r.per_10k !== null).at(-1);
	if (!laatste) return 'Er zijn geen gegevens over de Wlz-instroom van deze gemeente.';
	const som = rows.reduce((s, r) => s + (r.instroom ?? 0), 0);
	const jaren = rows.filter((r) => r.instroom !== null);
	const verborgen = rows.filter((r) => r.afgeschermd?.instroom).length;
	const vergelijking =
		laatste.regio_per_10k === null
			? ''
			: laatste.per_10k! > laatste.regio_per_10k
				? `, meer dan de regio (${formatPer10k(laatste.regio_per_10k)})`
				: laatste.per_10k! < laatste.regio_per_10k
					? `, minder dan de regio (${formatPer10k(laatste.regio_per_10k)})`
					: ', gelijk aan de regio';
	return (
		`In ${laatste.jaar} stroomden ${instroomTekst(laatste)} BW-cliënten uit deze gemeente in de Wlz: ${per10kTekst(laatste)} per 10.000 inwoners${vergelijking}. ` +
		// A sum over the years would give a hidden year away against the visible ones.
		(verborgen === 0
			? `Over ${formatInteger(jaren.length)} jaar samen ${formatInteger(som)} cliënten.`
			: `De cijfers van ${formatInteger(verborgen)} ${verborgen === 1 ? 'jaar zijn' : 'jaren zijn'} afgeschermd (kleine aantallen).`)
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
		rows: rows.map((r) => [String(r.jaar), instroomTekst(r), per10kTekst(r), formatPer10k(r.regio_per_10k)])
	};
}

export const gemeenteWlz: ChartDefinition<GemeenteWlzRow> = { id: 'gemeente-wlz', build, describe, table, legend };
