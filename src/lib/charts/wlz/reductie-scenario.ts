/**
 * The reduction scenario: every region's Wlz-instroom per 10.000 inwoners in one year, ranked,
 * with the own region now and after the chosen reduction. It shows where "x% minder" would
 * put the region among the others; whether that is realistic follows from the data, not from
 * a fixed sentence.
 */
import * as Plot from '@observablehq/plot';
import { formatDecimal, formatInteger, formatPer10k, PER_10K_LABEL } from '../../domain/format';
import { hiddenBarsX, shown } from '../afgeschermd';
import { PALETTE, REEKS } from '../palette';
import { defineChart, type ChartOptions, type ChartTable, type LegendItem } from '../types';
import { REDUCTIE_STANDAARD } from './filters';
import { scenarioZin, wlzScenario, type WlzScenario, type WlzScenarioOptions, type WlzScenarioRow } from './model';
import { plotStyle } from '../style';
import { barLabels, barRows, tickCount } from '../narrow';

export { scenarioZin } from './model';

export const WLZ_REDUCTIE_SCENARIO_ID = 'wlz-reductie-scenario';

/** 3.2:1 on white (WCAG 1.4.11); blue-grey against the own region's orange, apart for every colour-vision deficiency. */
const ANDERE = '#7a93b5';

const MEDIAAN_STREEP = '6 3';

const legend: readonly LegendItem[] = [
	{ label: 'Andere regio’s', colour: ANDERE, shape: 'bar' },
	{ label: 'Deze regio nu', colour: REEKS.dezeRegio, shape: 'bar' },
	{ label: 'Deze regio na de reductie', colour: PALETTE.blauw, shape: 'tick' },
	{ label: 'Mediaan andere regio’s', colour: REEKS.mediaanAndereRegios, shape: 'tick', dash: MEDIAAN_STREEP }
];

const rate = (v: number | null) => formatPer10k(v, { digits: 2 });
// Hidden rates go last, by name: their place in the ranking would tell about their value.
const ordered = (rows: readonly WlzScenarioRow[]) =>
	[...rows].sort((a, b) => (b.instroom_per_10k ?? -1) - (a.instroom_per_10k ?? -1) || a.regionaam.localeCompare(b.regionaam, 'nl'));
const label = (r: WlzScenarioRow) => (r.eigen_regio ? `${r.regionaam} (deze regio)` : r.regionaam);

function build(rows: readonly WlzScenarioRow[], { width = 720, height, document, reductie }: ChartOptions & WlzScenarioOptions): SVGSVGElement {
	const sorted = ordered(rows);
	const scenario = wlzScenario(rows, { reductie });
	const eigen = sorted.filter((r) => r.eigen_regio);
	const max = Math.max(0.1, ...rows.map((r) => r.instroom_per_10k ?? 0));
	// In a frame of fixed height (a slide) twenty-odd regions leave a band too narrow for a 13 px
	// name: then every k-th region is named, and always this region (with room around it).
	const band = height ? (height - 85) / Math.max(sorted.length, 1) : Infinity;
	const every = Math.ceil(17 / band);
	const own = sorted.findIndex((r) => r.eigen_regio);
	const named = every > 1 ? sorted.filter((r, i) => i === own || (i % every === 0 && (own < 0 || Math.abs(i - own) >= every))).map(label) : null;
	const eigenTekst = scenario ? `${formatInteger(scenario.reductie)}% minder: ${rate(scenario.per10kNieuw)}` : '';
	const layout = barRows({ width, rowHeight: 20, marginLeft: 210, marginRight: 140, padding: 0.2, labels: sorted.map(label), values: sorted.map((r) => (r.eigen_regio ? eigenTekst : '')) });
	return Plot.plot({
		document,
		width,
		height: height ?? (40 + layout.rowHeight * Math.max(sorted.length, 1) + 45),
		marginLeft: layout.marginLeft,
		marginRight: layout.marginRight,
		marginTop: 40,
		marginBottom: 45,
		className: 'chart-wlz-reductie-scenario',
		style: plotStyle(),
		x: {
			label: `Instroom ${PER_10K_LABEL}`,
			domain: [0, max],
			nice: true,
			grid: true,
			tickFormat: (d: number) => formatDecimal(d, { digits: 2 }),
			labelAnchor: 'center',
			labelArrow: 'none',
			...(layout.narrow ? { ticks: tickCount(width - layout.marginLeft - layout.marginRight) } : {})
		},
		y: { label: null, domain: sorted.map(label), ...layout.y, ...(named ? { ticks: named } : {}) },
		marks: [
			// A hidden rate gets no bar (its length would be the value) but a hatched marker.
			Plot.barX(
				sorted.filter((d) => d.instroom_per_10k !== null),
				{
					x: 'instroom_per_10k',
					y: label,
					fill: (d: WlzScenarioRow) => (d.eigen_regio ? REEKS.dezeRegio : ANDERE),
					title: (d: WlzScenarioRow) => `${d.regionaam}, ${d.jaar}: ${rate(d.instroom_per_10k)} ${PER_10K_LABEL} (${formatInteger(d.instroom)} cliënten)`
				}
			),
			...hiddenBarsX(
				sorted.map((r) => ({ ...r, label: label(r) })),
				{ column: 'instroom', y: 'label', title: (d) => `${d.regionaam}, ${d.jaar}: ${shown(d, 'instroom', () => '')} cliënten` }
			),
			Plot.ruleX([0], { stroke: PALETTE.grijs }),
			...(scenario
				? [
						Plot.ruleX([scenario.mediaan], { stroke: REEKS.mediaanAndereRegios, strokeWidth: 2, strokeDasharray: MEDIAAN_STREEP }),
						Plot.text([scenario], {
							x: 'mediaan',
							frameAnchor: 'top',
							dy: -10,
							lineAnchor: 'bottom',
							text: (d: WlzScenario) => `mediaan ${rate(d.mediaan)}`,
							fill: PALETTE.inkt,
							...(layout.narrow ? { textAnchor: scenario.mediaan > max / 2 ? 'end' : 'start' } : {})
						}),
						Plot.tickX(eigen, { x: () => scenario.per10kNieuw, y: label, stroke: PALETTE.blauw, strokeWidth: 4 }),
						Plot.text(layout.narrow ? [] : eigen, {
							x: 'instroom_per_10k',
							y: label,
							dx: 8,
							textAnchor: 'start',
							fontWeight: 700,
							text: () => eigenTekst,
							fill: PALETTE.inkt
						})
					]
				: []),
			...barLabels(layout)
		]
	}) as SVGSVGElement;
}

/** Where a rate sits among the other regions, in words. */
function positie(lager: number, anderen: number): string {
	if (lager === 0) return `lager dan alle ${formatInteger(anderen)} andere regio’s`;
	if (lager === anderen) return `hoger dan alle ${formatInteger(anderen)} andere regio’s`;
	return `hoger dan ${formatInteger(lager)} en lager dan ${formatInteger(anderen - lager)} van de ${formatInteger(anderen)} andere regio’s`;
}

function describe(rows: readonly WlzScenarioRow[], options: WlzScenarioOptions): string {
	const s = wlzScenario(rows, options);
	if (!s) return 'Er zijn geen Wlz-gegevens van deze regio voor dit jaar.';
	let text =
		`${scenarioZin(s)} (basis ${s.jaar}). Nu is de instroom ${rate(s.per10k)} ${PER_10K_LABEL}: ${positie(s.lagerNu, s.anderen)}` +
		` (mediaan ${rate(s.mediaan)}). Na de reductie zou het ${rate(s.per10kNieuw)} zijn: ${positie(s.lagerNa, s.anderen)}.`;
	// Derived from the data: a region already in the lowest quarter has little room to go lower.
	if (s.reductie > 0 && s.per10k < s.p25) {
		text += ` De regio zit nu al in het laagste kwart van de regio’s; een reductie van ${formatInteger(s.reductie)}% is hier daarom weinig realistisch.`;
	} else if (s.reductie > 0 && s.per10k > s.mediaan) {
		text += ` De regio zit nu boven de mediaan; daar is ruimte voor een lagere instroom.`;
	}
	return text;
}

function table(rows: readonly WlzScenarioRow[], options: WlzScenarioOptions): ChartTable {
	const s = wlzScenario(rows, options);
	return {
		columns: [
			{ label: 'Regio', numeric: false },
			{ label: 'Instroom (cliënten)', numeric: true },
			{ label: 'Inwoners', numeric: true },
			{ label: 'Per 10.000 inwoners', numeric: true }
		],
		rows: [
			...ordered(rows).map((r) => [
				label(r),
				shown(r, 'instroom', () => formatInteger(r.instroom)),
				formatInteger(r.inwoners),
				shown(r, 'instroom_per_10k', () => rate(r.instroom_per_10k))
			]),
			...(s ? [[`${s.regionaam} na ${formatInteger(s.reductie)}% minder`, formatInteger(s.nieuw), '', rate(s.per10kNieuw)]] : [])
		]
	};
}

export const wlzReductieScenario = defineChart<WlzScenarioRow, WlzScenarioOptions>({
	id: WLZ_REDUCTIE_SCENARIO_ID,
	defaults: { reductie: REDUCTIE_STANDAARD },
	build,
	describe,
	table,
	legend
});
