/**
 * Wlz-instroom per gemeente of the region in one year: a bar per gemeente, with the region's
 * own rate and the other regions' median as reference lines when shown per 10.000 inwoners.
 * A click on a bar opens the gemeente's page.
 */
import * as Plot from '@observablehq/plot';
import { formatDecimal, formatInteger, formatPer10k, PER_10K_LABEL } from '../../domain/format';
import { linksToDataHref } from '../links';
import { hiddenBarsX, shown } from '../afgeschermd';
import type { Afgeschermd } from '../../domain/disclosure';
import { PALETTE, REEKS } from '../palette';
import { defineChart, type ChartOptions, type ChartTable, type LegendItem } from '../types';
import type { Maat } from '../../domain/maat';
import { WLZ_STANDAARD, type WlzOptions } from './model';
import { plotStyle } from '../style';
import { barLabels, barRows, tickCount } from '../narrow';

export const WLZ_INSTROOM_PER_GEMEENTE_ID = 'wlz-instroom-per-gemeente';

/** Darker than the palette's orange (4.3:1), so the label text meets 4.5:1 (WCAG 1.4.3). */
const ORANJE_TEKST = '#a14900';

export interface WlzGemeenteBar {
	gemeentecode: string;
	naam: string;
	jaar: number;
	/** Null when hidden by disclosure control; `afgeschermd` says what to show. */
	instroom: number | null;
	inwoners: number;
	instroom_per_10k: number | null;
	afgeschermd?: Afgeschermd;
	/** The whole region's rate per 10.000 in this year. */
	regio_per_10k: number | null;
	/** The other regions' median per 10.000 in this year. */
	mediaan_per_10k: number | null;
}

/** The dash of the reference rules (region, median), in the chart and its legend. */
const REF_STREEP = '6 3';

const legend: readonly LegendItem[] = [
	{ label: 'Gemeente', colour: PALETTE.blauw, shape: 'bar' },
	{ label: 'Hele regio (per 10.000)', colour: REEKS.dezeRegio, shape: 'tick', dash: REF_STREEP },
	{ label: 'Mediaan andere regio’s (per 10.000)', colour: REEKS.mediaanAndereRegios, shape: 'tick', dash: REF_STREEP }
];

const kolom = (maat: Maat) => (maat === 'per_10k' ? 'instroom_per_10k' : 'instroom');
const waardeIn = (maat: Maat) => (d: WlzGemeenteBar) => d[kolom(maat)];
const toonIn = (maat: Maat) => (d: WlzGemeenteBar) => shown(d, kolom(maat), () => (maat === 'per_10k' ? formatPer10k(d[kolom(maat)], { digits: 2 }) : formatInteger(d[kolom(maat)])));
// Hidden gemeenten go last, by name: their rank would tell about their value.
const ordered = (rows: readonly WlzGemeenteBar[], maat: Maat) => {
	const waarde = waardeIn(maat);
	return [...rows].sort((a, b) => (waarde(b) ?? -1) - (waarde(a) ?? -1) || a.naam.localeCompare(b.naam, 'nl'));
};

function build(rows: readonly WlzGemeenteBar[], { width = 720, height, document, maat }: ChartOptions & WlzOptions): SVGSVGElement {
	const sorted = ordered(rows, maat);
	const waarde = waardeIn(maat);
	const toon = toonIn(maat);
	const per10k = maat !== 'absolute';
	const regio = per10k ? rows[0]?.regio_per_10k : null;
	const mediaan = per10k ? rows[0]?.mediaan_per_10k : null;
	const refs = [
		...(regio != null ? [{ x: regio, label: `hele regio ${formatPer10k(regio, { digits: 2 })}`, colour: REEKS.dezeRegio, tekst: ORANJE_TEKST }] : []),
		...(mediaan != null ? [{ x: mediaan, label: `mediaan andere regio’s ${formatPer10k(mediaan, { digits: 2 })}`, colour: REEKS.mediaanAndereRegios, tekst: PALETTE.inkt }] : [])
	];
	const layout = barRows({ width, rowHeight: 30, marginLeft: 190, marginRight: 100, padding: 0.25, labels: sorted.map((r) => r.naam), values: sorted.map((d) => toon(d)) });
	const xMax = Math.max(0.1, ...sorted.map((d) => waarde(d) ?? 0), ...refs.map((r) => r.x)) * 1.05;
	const hrefOf = (naam: string) => `/gemeente/${rows.find((r) => r.naam === naam)?.gemeentecode ?? ''}`;
	const figure = Plot.plot({
		document,
		width,
		height: height ?? (50 + layout.rowHeight * Math.max(sorted.length, 1) + 45),
		marginLeft: layout.marginLeft,
		marginRight: layout.marginRight,
		marginTop: 50,
		marginBottom: 45,
		className: 'chart-wlz-instroom-per-gemeente',
		style: plotStyle(),
		x: {
			label: per10k ? `Instroom ${PER_10K_LABEL}` : 'Cliënten',
			// The references (region, other regions' median) can lie beyond the largest bar.
			domain: [0, xMax],
			grid: true,
			nice: true,
			tickFormat: (d: number) => (per10k ? formatDecimal(d, { digits: 2 }) : formatInteger(d)),
			labelAnchor: 'center',
			labelArrow: 'none',
			...(layout.narrow ? { ticks: tickCount(width - layout.marginLeft - layout.marginRight) } : {})
		},
		y: { label: null, domain: sorted.map((r) => r.naam), ...layout.y },
		marks: [
			// Hidden counts get no bar (its length would be the value) but a hatched marker below.
			Plot.barX(sorted.filter((d) => waarde(d) !== null), {
				x: waarde,
				y: 'naam',
				fill: PALETTE.blauw,
				href: (d: WlzGemeenteBar) => `/gemeente/${d.gemeentecode}`,
				title: (d: WlzGemeenteBar) =>
					`${d.naam}, ${d.jaar}: ${shown(d, 'instroom', () => formatInteger(d.instroom))} cliënten, ${shown(d, 'instroom_per_10k', () => formatPer10k(d.instroom_per_10k, { digits: 2 }))} ${PER_10K_LABEL}`
			}),
			...hiddenBarsX(sorted, { column: 'instroom', y: 'naam', title: (d) => `${d.naam}, ${d.jaar}: ${toon(d)}` }),
			Plot.ruleX([0], { stroke: PALETTE.grijs }),
			...refs.map((ref) => Plot.ruleX([ref], { x: 'x', stroke: ref.colour, strokeWidth: 2.5, strokeDasharray: REF_STREEP })),
			// The value at a bar's end goes over the reference lines, on a halo of the background: a line
			// through it (a bar ending near the median) would make it unreadable.
			...(layout.narrow
				? []
				: [
						Plot.text(
							sorted.filter((d) => waarde(d) !== null),
							{ x: waarde, y: 'naam', text: (d: WlzGemeenteBar) => toon(d), textAnchor: 'start', dx: 5, fill: PALETTE.inkt, stroke: 'white', strokeWidth: 4, paintOrder: 'stroke' }
						)
					]),
			// Stacked above the plot, so two nearby reference values never print over each other.
			// Narrow, a label centred on its line would run off the chart: it starts or ends at the line instead.
			...refs.map((ref, i) =>
				Plot.text([ref], {
					x: 'x',
					frameAnchor: 'top',
					dy: -8 - 17 * i,
					text: 'label',
					fill: ref.tekst,
					lineAnchor: 'bottom',
					...(layout.narrow ? { textAnchor: ref.x > xMax / 2 ? 'end' : 'start' } : {})
				})
			),
			...(layout.narrow ? barLabels(layout, { href: hrefOf }) : [Plot.axisY({ label: null, tickSize: 0, href: hrefOf })])
		]
	}) as SVGSVGElement;
	return linksToDataHref(figure);
}

function describe(rows: readonly WlzGemeenteBar[], { maat }: WlzOptions): string {
	if (rows.length === 0) return 'Er zijn geen Wlz-gegevens per gemeente voor dit jaar.';
	const sorted = ordered(rows, maat);
	const waarde = waardeIn(maat);
	const toon = toonIn(maat);
	const top = sorted[0];
	const verborgen = rows.filter((r) => r.instroom === null);
	// The sum of the visible gemeenten would give the hidden ones away against the regional total.
	let text =
		verborgen.length === 0
			? `In ${top.jaar} stroomden in de ${formatInteger(rows.length)} gemeenten samen ${formatInteger(rows.reduce((s, r) => s + (r.instroom ?? 0), 0))} BW-cliënten in de Wlz in. `
			: `In ${top.jaar} zijn de cijfers van ${formatInteger(verborgen.length)} van de ${formatInteger(rows.length)} gemeenten afgeschermd (kleine aantallen). `;
	if (waarde(top) !== null) text += `De hoogste ${maat === 'per_10k' ? `instroom ${PER_10K_LABEL}` : 'instroom'} had ${top.naam} (${toon(top)}).`;
	const mediaan = top.mediaan_per_10k;
	if (mediaan !== null) {
		// Counted over the visible gemeenten only: "not above" would say something about a hidden one.
		const zichtbaar = rows.filter((r) => r.instroom_per_10k !== null);
		const boven = zichtbaar.filter((r) => (r.instroom_per_10k as number) > mediaan);
		const van = verborgen.length === 0 ? `de ${formatInteger(rows.length)} gemeenten` : `de ${formatInteger(zichtbaar.length)} gemeenten met zichtbare cijfers`;
		if (zichtbaar.length > 0) text += ` ${formatInteger(boven.length)} van ${van} lagen boven de mediaan van de andere regio’s (${formatPer10k(mediaan, { digits: 2 })}).`;
	}
	return text;
}

function table(rows: readonly WlzGemeenteBar[], { maat }: WlzOptions): ChartTable {
	return {
		columns: [
			{ label: 'Gemeente', numeric: false },
			{ label: 'Instroom (cliënten)', numeric: true },
			{ label: 'Inwoners', numeric: true },
			{ label: 'Per 10.000 inwoners', numeric: true }
		],
		rows: ordered(rows, maat).map((r) => [
			r.naam,
			shown(r, 'instroom', () => formatInteger(r.instroom)),
			formatInteger(r.inwoners),
			shown(r, 'instroom_per_10k', () => formatPer10k(r.instroom_per_10k, { digits: 2 }))
		])
	};
}

export const wlzInstroomPerGemeente = defineChart<WlzGemeenteBar, WlzOptions>({
	id: WLZ_INSTROOM_PER_GEMEENTE_ID,
	defaults: WLZ_STANDAARD,
	build,
	describe,
	table,
	legend
});
