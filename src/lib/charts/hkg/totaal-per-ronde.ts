/**
 * HKG: the regional total of the bids per round against the regional opgave, as one bar per
 * round with the opgave as a black line; a what-if total gets its own orange bar.
 */
import * as Plot from '@observablehq/plot';
import { formatInteger, formatPercent } from '../../domain/format';
import { PALETTE } from '../palette';
import type { ChartDefinition, ChartOptions, ChartTable, LegendItem } from '../types';
import type { HkgRondeTotaal } from './model';
import { plotStyle } from '../style';
import { barLabels, barRows, countAxis } from '../narrow';

export const HKG_TOTAAL_PER_RONDE_ID = 'hkg-totaal-per-ronde';

const OPGAVE_STREEP = '6 3';

const legend: readonly LegendItem[] = [
	{ label: 'Bod van alle gemeenten samen', colour: PALETTE.blauw, shape: 'bar' },
	{ label: 'Wat-als', colour: PALETTE.oranje, shape: 'bar' },
	{ label: 'Regionale opgave', colour: PALETTE.inkt, shape: 'tick', dash: OPGAVE_STREEP }
];

const share = (d: HkgRondeTotaal) => (d.opgave > 0 ? d.bod / d.opgave : null);
const label = (d: HkgRondeTotaal) => `${formatInteger(d.bod)} van ${formatInteger(d.opgave)} (${formatPercent(share(d))})`;

function build(rows: readonly HkgRondeTotaal[], { width = 720, height, document }: ChartOptions): SVGSVGElement {
	const opgave = rows[0]?.opgave ?? 0;
	const max = Math.max(1, opgave, ...rows.map((r) => r.bod));
	const tekstVan = (d: HkgRondeTotaal) => (d.tekort > 0 ? `${label(d)}, tekort ${formatInteger(d.tekort)}` : label(d));
	const layout = barRows({ width, rowHeight: 44, marginLeft: 170, marginRight: 210, padding: 0.3, labels: rows.map((r) => r.label), values: rows.map(tekstVan) });
	return Plot.plot({
		document,
		width,
		height: height ?? (30 + layout.rowHeight * Math.max(rows.length, 1) + 45),
		// Narrow: room above for the opgave's label, clear of the first round's.
		...(layout.narrow ? { marginTop: 34 } : {}),
		marginLeft: layout.marginLeft,
		marginRight: layout.marginRight,
		marginBottom: 45,
		className: 'chart-hkg-totaal-per-ronde',
		style: plotStyle(),
		x: countAxis('Eenheden', layout, width, { domain: [0, max] }),
		y: { label: null, domain: rows.map((r) => r.label), ...layout.y },
		marks: [
			Plot.barX(rows, {
				x: 'bod',
				y: 'label',
				fill: (d: HkgRondeTotaal) => (d.ronde === 'wat_als' ? PALETTE.oranje : PALETTE.blauw),
				title: (d: HkgRondeTotaal) => `${d.label}: ${label(d)} eenheden; tekort ${formatInteger(d.tekort)}`
			}),
			Plot.ruleX([opgave], { stroke: PALETTE.inkt, strokeWidth: 3, strokeDasharray: OPGAVE_STREEP }),
			Plot.text([opgave], {
				x: (d: number) => d,
				frameAnchor: 'top',
				dy: -12,
				text: (d: number) => `opgave ${formatInteger(d)}`,
				fill: PALETTE.inkt,
				// Narrow, centred on its line it would run off the chart.
				...(layout.narrow ? { textAnchor: 'end' } : {})
			}),
			...(layout.narrow
				? barLabels(layout)
				: [
						Plot.text(rows, {
							x: (d: HkgRondeTotaal) => Math.max(d.bod, opgave),
							y: 'label',
							text: tekstVan,
							textAnchor: 'start',
							dx: 8,
							fill: PALETTE.inkt
						})
					]),
			Plot.ruleX([0], { stroke: PALETTE.grijs })
		]
	}) as SVGSVGElement;
}

function describe(rows: readonly HkgRondeTotaal[]): string {
	if (rows.length === 0) return 'Er zijn nog geen biedingen voor deze periode.';
	const echt = rows.filter((r) => r.ronde !== 'wat_als');
	const laatste = echt.at(-1) ?? rows[0];
	const eerste = echt[0] ?? rows[0];
	let text =
		`Regionale opgave: ${formatInteger(laatste.opgave)} eenheden. ` +
		(echt.length > 1 ? `De gemeenten samen boden ${formatInteger(eerste.bod)} in het ${eerste.label.toLowerCase()} en ` : 'De gemeenten samen boden ') +
		`${formatInteger(laatste.bod)} in het ${laatste.label.toLowerCase()} (${formatPercent(share(laatste))} van de opgave)` +
		(laatste.tekort > 0 ? `; er ontbreken ${formatInteger(laatste.tekort)} eenheden.` : '; de opgave is gehaald.');
	const watAls = rows.find((r) => r.ronde === 'wat_als');
	if (watAls) {
		text +=
			` Met de wat-als-biedingen komt het totaal op ${formatInteger(watAls.bod)} (${formatPercent(share(watAls))})` +
			(watAls.tekort > 0 ? `, tekort ${formatInteger(watAls.tekort)}.` : ', de opgave is dan gehaald.');
	}
	return text;
}

function table(rows: readonly HkgRondeTotaal[]): ChartTable {
	return {
		columns: [
			{ label: 'Ronde', numeric: false },
			{ label: 'Bod', numeric: true },
			{ label: 'Opgave', numeric: true },
			{ label: 'Aandeel van de opgave', numeric: true },
			{ label: 'Tekort', numeric: true }
		],
		rows: rows.map((r) => [r.label, formatInteger(r.bod), formatInteger(r.opgave), formatPercent(share(r)), formatInteger(r.tekort)])
	};
}

export const hkgTotaalPerRonde: ChartDefinition<HkgRondeTotaal> = {
	id: HKG_TOTAAL_PER_RONDE_ID,
	build,
	describe,
	table,
	legend,
	/** The orange what-if bar only when there is a what-if total. */
	legendOf: (rows) => (rows.some((r) => r.ronde === 'wat_als') ? legend : legend.filter((item) => item.label !== 'Wat-als'))
};
