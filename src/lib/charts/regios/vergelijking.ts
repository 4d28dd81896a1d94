/**
 * One figure for every centrumregio, ranked (/regios): tekort per 10.000 inwoners, the HKG bid
 * as a share of the opgave, Wlz-instroom per 10.000 inwoners or the dagbesteding share. The
 * chosen region is orange, the others blue-grey, with the median of the others as a dashed
 * rule, so a region reads where it stands among all of them.
 */
import * as Plot from '@observablehq/plot';
import type { Afgeschermd } from '../../domain/disclosure';
import { formatDecimal, formatInteger, formatPercent } from '../../domain/format';
import { hiddenBarsX, shown } from '../afgeschermd';
import { barLabels, barRows, tickCount } from '../narrow';
import { PALETTE, REEKS } from '../palette';
import { plotStyle } from '../style';
import { defineChart, type ChartDefinition, type ChartOptions, type ChartTable, type LegendItem } from '../types';

/** One region's figure; `waarde` is null when unknown or hidden (then `afgeschermd.waarde` says what to show). */
export interface RegioWaarde {
	regiocode: string;
	regionaam: string;
	/** The region the page is about. */
	gekozen: boolean;
	waarde: number | null;
	afgeschermd?: Afgeschermd;
}

export const REGIO_MATEN = ['tekort_per_10k', 'bod_opgave', 'wlz_per_10k', 'dagbesteding'] as const;
export type RegioMaat = (typeof REGIO_MATEN)[number];

interface MaatSpec {
	/** The x axis and the table's column. */
	label: string;
	format: (v: number | null) => string;
	/** Axis ticks. */
	tick: (v: number) => string;
}

const pct = (v: number | null) => formatPercent(v, { digits: 0 });
export const MAAT_SPECS: Record<RegioMaat, MaatSpec> = {
	tekort_per_10k: { label: 'Tekort per 10.000 inwoners', format: (v) => formatDecimal(v, { digits: 2 }), tick: (v) => formatDecimal(v, { digits: 1 }) },
	bod_opgave: { label: 'Bod als deel van de opgave', format: pct, tick: (v) => formatPercent(v) },
	wlz_per_10k: { label: 'Wlz-instroom per 10.000 inwoners', format: (v) => formatDecimal(v, { digits: 2 }), tick: (v) => formatDecimal(v, { digits: 1 }) },
	dagbesteding: { label: 'Aandeel BW-cliënten met dagbesteding', format: pct, tick: (v) => formatPercent(v) }
};

/** 3.2:1 on white (WCAG 1.4.11), as in the Wlz scenario: the other regions against this region's orange. */
const ANDERE = '#7a93b5';
const MEDIAAN_STREEP = '6 3';

const legend: readonly LegendItem[] = [
	{ label: 'Andere regio’s', colour: ANDERE, shape: 'bar' },
	{ label: 'Deze regio', colour: REEKS.dezeRegio, shape: 'bar' },
	{ label: 'Mediaan andere regio’s', colour: REEKS.mediaanAndereRegios, shape: 'tick', dash: MEDIAAN_STREEP }
];

// Unknown and hidden figures go last, by name: their place in the ranking would tell about their value.
const ordered = (rows: readonly RegioWaarde[]) =>
	[...rows].sort((a, b) => (b.waarde ?? -Infinity) - (a.waarde ?? -Infinity) || a.regionaam.localeCompare(b.regionaam, 'nl'));
const label = (r: RegioWaarde) => (r.gekozen ? `${r.regionaam} (deze regio)` : r.regionaam);

/** The median of the other regions' visible figures, or null without any. */
export function mediaanAndere(rows: readonly RegioWaarde[]): number | null {
	const values = rows.filter((r) => !r.gekozen && r.waarde !== null).map((r) => r.waarde as number).sort((a, b) => a - b);
	if (values.length === 0) return null;
	const mid = Math.floor(values.length / 2);
	return values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

/** The least height per bar that holds a name on the y axis (13 px text). */
const MIN_NAME_STEP = 15;

/**
 * The bars named on the y axis: every one when each has room; in a fixed height too small for
 * all names (a slide with 43 regions), the chosen region and every n-th other, none next to the
 * chosen one, so that no two names print over each other. The table has every region.
 */
export function namedBars(rows: readonly RegioWaarde[], labels: readonly string[], step: number): string[] {
	const every = step >= MIN_NAME_STEP ? 1 : Math.ceil(MIN_NAME_STEP / Math.max(step, 0.1));
	const chosen = rows.findIndex((r) => r.gekozen);
	return labels.filter((_, i) => every === 1 || i === chosen || (i % every === 0 && (chosen < 0 || Math.abs(i - chosen) >= every)));
}

function build(maat: RegioMaat, rows: readonly RegioWaarde[], { width = 720, height, document }: ChartOptions): SVGSVGElement {
	const spec = MAAT_SPECS[maat];
	const sorted = ordered(rows);
	const mediaan = mediaanAndere(rows);
	const max = Math.max(maat === 'bod_opgave' || maat === 'dagbesteding' ? 1 : 0.1, ...rows.map((r) => r.waarde ?? 0));
	const labels = sorted.map(label);
	// At the view's width the names are the y axis; on a phone, name and value stand above each bar.
	const layout = barRows({
		width,
		rowHeight: 20,
		marginLeft: Math.min(200, Math.round(width * 0.38)),
		marginRight: 60,
		padding: 0.2,
		labels,
		values: sorted.map((r) => shown(r, 'waarde', () => spec.format(r.waarde)))
	});
	const plotHeight = height ?? 40 + layout.rowHeight * Math.max(sorted.length, 1) + 45;
	return Plot.plot({
		document,
		width,
		height: plotHeight,
		marginLeft: layout.marginLeft,
		marginRight: layout.marginRight,
		marginTop: 40,
		marginBottom: 45,
		className: 'chart-regios-vergelijking',
		style: plotStyle(),
		x: { label: spec.label, domain: [0, max], nice: true, grid: true, tickFormat: spec.tick, labelAnchor: 'center', labelArrow: 'none', ticks: layout.narrow ? Math.min(4, tickCount(width - layout.marginLeft - layout.marginRight)) : undefined },
		y: { label: null, domain: labels, ...layout.y, ...(layout.narrow ? {} : { ticks: namedBars(sorted, labels, (plotHeight - 85) / Math.max(sorted.length, 1)) }) },
		marks: [
			Plot.barX(
				sorted.filter((d) => d.waarde !== null),
				{
					x: 'waarde',
					y: label,
					fill: (d: RegioWaarde) => (d.gekozen ? REEKS.dezeRegio : ANDERE),
					title: (d: RegioWaarde) => `${d.regionaam}: ${spec.format(d.waarde)}`
				}
			),
			...hiddenBarsX(
				sorted.map((r) => ({ ...r, label: label(r) })),
				{ column: 'waarde', y: 'label', title: (d) => `${d.regionaam}: ${shown(d, 'waarde', () => '')}` }
			),
			Plot.ruleX([0], { stroke: PALETTE.grijs }),
			...(mediaan === null
				? []
				: [
						Plot.ruleX([mediaan], { stroke: REEKS.mediaanAndereRegios, strokeWidth: 2, strokeDasharray: MEDIAAN_STREEP }),
						Plot.text([mediaan], { x: (d: number) => d, frameAnchor: 'top', dy: -10, lineAnchor: 'bottom', text: (d: number) => `mediaan ${spec.format(d)}`, fill: PALETTE.inkt })
					]),
			...barLabels(layout)
		]
	}) as SVGSVGElement;
}

function describe(maat: RegioMaat, rows: readonly RegioWaarde[]): string {
	const spec = MAAT_SPECS[maat];
	const gekozen = rows.find((r) => r.gekozen);
	const zichtbaar = rows.filter((r) => r.waarde !== null);
	if (!gekozen) return `${spec.label} van ${formatInteger(rows.length)} regio’s.`;
	if (gekozen.waarde === null) return `${spec.label}: voor ${gekozen.regionaam} ${gekozen.afgeschermd?.waarde ?? 'onbekend'}; ${formatInteger(rows.length)} regio’s vergeleken.`;
	const mediaan = mediaanAndere(rows);
	const rang = ordered(zichtbaar).findIndex((r) => r.gekozen) + 1;
	return (
		`${spec.label}: ${gekozen.regionaam} ${spec.format(gekozen.waarde)}, plaats ${formatInteger(rang)} van ${formatInteger(zichtbaar.length)} regio’s (hoogste eerst)` +
		(mediaan === null ? '.' : `; de mediaan van de andere regio’s is ${spec.format(mediaan)}.`)
	);
}

function table(maat: RegioMaat, rows: readonly RegioWaarde[]): ChartTable {
	const spec = MAAT_SPECS[maat];
	return {
		columns: [
			{ label: 'Regio', numeric: false },
			{ label: spec.label, numeric: true }
		],
		rows: ordered(rows).map((r) => [label(r), shown(r, 'waarde', () => spec.format(r.waarde))])
	};
}

/** The chart of one figure, under its own stable id. */
export function vergelijking(id: string, maat: RegioMaat): ChartDefinition<RegioWaarde> {
	return defineChart<RegioWaarde, Record<never, never>>({
		id,
		defaults: {},
		build: (rows, options) => build(maat, rows, options),
		describe: (rows) => describe(maat, rows),
		table: (rows) => table(maat, rows),
		legend
	});
}

export const REGIOS_CHART_IDS = {
	tekort_per_10k: 'regios-tekort-per-10k',
	bod_opgave: 'regios-hkg-bod-opgave',
	wlz_per_10k: 'regios-wlz-per-10k',
	dagbesteding: 'regios-dagbesteding'
} as const satisfies Record<RegioMaat, string>;

export const regiosTekortChart = vergelijking(REGIOS_CHART_IDS.tekort_per_10k, 'tekort_per_10k');
export const regiosHkgChart = vergelijking(REGIOS_CHART_IDS.bod_opgave, 'bod_opgave');
export const regiosWlzChart = vergelijking(REGIOS_CHART_IDS.wlz_per_10k, 'wlz_per_10k');
export const regiosDagbestedingChart = vergelijking(REGIOS_CHART_IDS.dagbesteding, 'dagbesteding');

/** On /hkg: the region's bid as a share of its opgave against the other regions (only with more than one region). */
export const hkgBodOpgaveRegiosChart = vergelijking('hkg-bod-opgave-regios', 'bod_opgave');
