/**
 * Capaciteit per 10.000 inwoners per voorzieningstype: this region against the spread of all
 * other regions (issue 12). Per type the other regions' lowest to highest as a thin line, their
 * middle half as a pale band, their median as a tick, and this region as an orange dot: where
 * the region sits among the others, type by type.
 */
import * as Plot from '@observablehq/plot';
import { formatDecimal, formatInteger } from '../../domain/format';
import { labelOf, type Voorzieningstype } from '../../domain/vocabulary';
import { barLabels, barRows, tickCount } from '../narrow';
import { BAND, PALETTE, REEKS } from '../palette';
import { plotStyle } from '../style';
import { defineChart, type ChartOptions, type ChartTable, type LegendItem } from '../types';

/** One voorzieningstype: this region's figure and the spread over the other regions. */
export interface TypeSpreiding {
	voorzieningstype: Voorzieningstype;
	/** This region's figure per 10.000 inwoners; null when it has no capaciteit rows of the type. */
	waarde: number | null;
	/** Other regions with a figure of this type; without any the spread is null. */
	regios: number;
	min: number | null;
	p25: number | null;
	mediaan: number | null;
	p75: number | null;
	max: number | null;
}

export interface SpreidingOptions {
	/** Name of this region, for the text alternative and the legend. */
	regionaam: string;
	/** What the figure is: 'bestaande plekken' or 'tekort'. */
	wat: string;
}

export const CAPACITEIT_REGIOS_ID = 'capaciteit-per-type-regios';

const MEDIAAN_STREEP = '6 3';

const legend: readonly LegendItem[] = [
	{ label: 'Deze regio', colour: REEKS.dezeRegio, shape: 'dot' },
	{ label: 'Middelste helft andere regio’s', colour: BAND.vlak, stroke: BAND.rand, shape: 'bar' },
	{ label: 'Mediaan andere regio’s', colour: REEKS.mediaanAndereRegios, shape: 'tick', dash: MEDIAAN_STREEP },
	{ label: 'Laagste tot hoogste andere regio', colour: PALETTE.grijs, shape: 'line' }
];

const label = (d: TypeSpreiding) => labelOf('voorzieningstype', d.voorzieningstype);
const f = (v: number | null) => formatDecimal(v, { digits: 2 });

/** The quartiles of a list (linear interpolation, as DuckDB's quantile_cont), or null for an empty list. */
export function spreiding(values: readonly number[]): Pick<TypeSpreiding, 'regios' | 'min' | 'p25' | 'mediaan' | 'p75' | 'max'> {
	if (values.length === 0) return { regios: 0, min: null, p25: null, mediaan: null, p75: null, max: null };
	const s = [...values].sort((a, b) => a - b);
	const q = (p: number) => {
		const i = (s.length - 1) * p;
		const lo = Math.floor(i);
		return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
	};
	const r3 = (v: number) => Math.round(v * 1000) / 1000;
	return { regios: s.length, min: s[0], p25: r3(q(0.25)), mediaan: r3(q(0.5)), p75: r3(q(0.75)), max: s.at(-1)! };
}

function build(rows: readonly TypeSpreiding[], { width = 720, height, document, wat }: ChartOptions & SpreidingOptions): SVGSVGElement {
	const max = Math.max(0.1, ...rows.flatMap((r) => [r.max ?? 0, r.waarde ?? 0]));
	// Types without other regions get no spread marks (a store with one region: only its dots).
	const metSpreiding = rows.filter((r) => r.regios > 0);
	// At the view's width the types are the y axis; on a phone, each type (with this region's figure) stands above its row.
	const layout = barRows({
		width,
		rowHeight: 34,
		marginLeft: Math.min(170, Math.round(width * 0.35)),
		marginRight: 40,
		padding: 0.3,
		labels: rows.map(label),
		values: rows.map((r) => (r.waarde === null ? '' : f(r.waarde)))
	});
	return Plot.plot({
		document,
		width,
		height: height ?? 40 + layout.rowHeight * Math.max(rows.length, 1) + 45,
		marginLeft: layout.marginLeft,
		marginRight: layout.marginRight,
		marginTop: 20,
		marginBottom: 45,
		className: `chart-${CAPACITEIT_REGIOS_ID}`,
		style: plotStyle(),
		x: { label: `${wat[0].toUpperCase()}${wat.slice(1)} per 10.000 inwoners`, domain: [0, max], nice: true, grid: true, tickFormat: (v: number) => formatDecimal(v, { digits: 1 }), labelAnchor: 'center', labelArrow: 'none', ticks: layout.narrow ? Math.min(4, tickCount(width - layout.marginLeft - layout.marginRight)) : undefined },
		y: { label: null, domain: rows.map(label), ...layout.y },
		marks: [
			Plot.ruleY(metSpreiding, { y: label, x1: 'min', x2: 'max', stroke: PALETTE.grijs, strokeWidth: 1.5 }),
			Plot.barX(metSpreiding, { y: label, x1: 'p25', x2: 'p75', fill: BAND.vlak, stroke: BAND.rand, title: (d: TypeSpreiding) => `${label(d)}, andere regio’s: middelste helft ${f(d.p25)}–${f(d.p75)}, mediaan ${f(d.mediaan)}` }),
			Plot.tickX(metSpreiding, { y: label, x: 'mediaan', stroke: REEKS.mediaanAndereRegios, strokeWidth: 2, strokeDasharray: MEDIAAN_STREEP }),
			Plot.dot(
				rows.filter((r) => r.waarde !== null),
				{ y: label, x: 'waarde', r: 6, fill: REEKS.dezeRegio, stroke: '#ffffff', strokeWidth: 1.5, title: (d: TypeSpreiding) => `${label(d)}: ${f(d.waarde)} per 10.000 inwoners` }
			),
			Plot.ruleX([0], { stroke: PALETTE.grijs }),
			...barLabels(layout)
		]
	}) as SVGSVGElement;
}

function describe(rows: readonly TypeSpreiding[], { regionaam, wat }: SpreidingOptions): string {
	const metWaarde = rows.filter((r) => r.waarde !== null);
	if (metWaarde.length === 0) return `${regionaam} heeft geen ${wat} in deze selectie.`;
	const regios = Math.max(...rows.map((r) => r.regios));
	if (regios === 0) return `${wat[0].toUpperCase()}${wat.slice(1)} per 10.000 inwoners in ${regionaam}; er zijn geen andere regio’s om mee te vergelijken.`;
	const boven = metWaarde.filter((r) => r.p75 !== null && (r.waarde as number) > r.p75).map(label);
	const onder = metWaarde.filter((r) => r.p25 !== null && (r.waarde as number) < r.p25).map(label);
	const lijst = (l: string[]) => l.map((s) => s.toLowerCase()).join(', ');
	return (
		`${wat[0].toUpperCase()}${wat.slice(1)} per 10.000 inwoners in ${regionaam} tegenover ${formatInteger(regios)} andere regio’s: ` +
		(boven.length ? `boven de middelste helft bij ${lijst(boven)}` : 'nergens boven de middelste helft') +
		(onder.length ? `, eronder bij ${lijst(onder)}.` : ', nergens eronder.')
	);
}

function table(rows: readonly TypeSpreiding[], { regionaam }: SpreidingOptions): ChartTable {
	return {
		columns: [
			{ label: 'Voorzieningstype', numeric: false },
			{ label: regionaam, numeric: true },
			{ label: 'Andere regio’s', numeric: true },
			{ label: 'Laagste', numeric: true },
			{ label: '25%', numeric: true },
			{ label: 'Mediaan', numeric: true },
			{ label: '75%', numeric: true },
			{ label: 'Hoogste', numeric: true }
		],
		rows: rows.map((r) => [label(r), f(r.waarde), formatInteger(r.regios), f(r.min), f(r.p25), f(r.mediaan), f(r.p75), f(r.max)])
	};
}

export const capaciteitPerTypeRegios = defineChart<TypeSpreiding, SpreidingOptions>({
	id: CAPACITEIT_REGIOS_ID,
	defaults: { regionaam: 'deze regio', wat: 'bestaande plekken' },
	build,
	describe,
	table,
	legend
});
