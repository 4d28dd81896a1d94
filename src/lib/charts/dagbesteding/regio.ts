/**
 * Aandeel BW-cliënten met dagbesteding in de regio, per periode: one line with the first
 * value, the last value before P×Q and the latest value written at the points, and a labelled
 * rule at the switch to P×Q billing on 1 January 2021. Makes the fall from 60% to 46%
 * (SDD, 2020; data/exports/README.md, "Wat de voorbeelddata laat zien") visible. With maat 'aantallen': BW-cliënten and those with
 * dagbesteding as two directly labelled lines.
 */
import * as Plot from '@observablehq/plot';
import { formatInteger, formatPercent, formatPeriode } from '../../domain/format';
import { PXQ_START_TEKST } from '../../domain/pxq';
import { hiddenPoints } from '../afgeschermd';
import { PALETTE } from '../palette';
import { isNarrow, textWidth, tickCount, wrapText } from '../narrow';
import { defineChart, type ChartOptions, type ChartTable, type LegendItem } from '../types';
import {
	aandeelTekst,
	aantalTekst,
	decimalYear,
	laatsteVoorPxq,
	DAGBESTEDING_STANDAARD,
	PXQ_LABEL,
	PXQ_START,
	PXQ_STREEP,
	PXQ_X,
	puntTitel,
	TABLE_COLUMNS,
	tableRow,
	yearTicks,
	type DagbestedingOptions,
	type DagbestedingPunt
} from './common';

export const DAGBESTEDING_REGIO_ID = 'dagbesteding-regio';

const style = { fontSize: '13px', fontFamily: 'inherit', color: PALETTE.inkt, background: 'transparent' };

/** The P×Q rule and its label, only when the switch falls inside the periods shown. */
function pxqMarks(rows: readonly DagbestedingPunt[], narrow = false): Plot.Markish[] {
	const xs = rows.map((r) => decimalYear(r.periode_start));
	if (xs.length === 0 || PXQ_X < Math.min(...xs) || PXQ_X > Math.max(...xs)) return [];
	return [
		Plot.ruleX([PXQ_X], { stroke: PALETTE.inkt, strokeDasharray: PXQ_STREEP, strokeWidth: 1.5 }),
		// Narrow: the label on two lines ("Overgang op P×Q," / "1 januari 2021"), or it runs off the chart.
		Plot.text([PXQ_X], {
			x: (d: number) => d,
			frameAnchor: 'top',
			text: () => (narrow ? PXQ_LABEL.replace(', ', ',\n') : PXQ_LABEL),
			textAnchor: 'start',
			dx: 6,
			dy: -14,
			...(narrow ? { lineAnchor: 'bottom', dy: -6 } : {}),
			fill: PALETTE.inkt
		})
	];
}

/** The years named on the x axis: every year, every other one below 560 px, and as many as fit on a phone. */
function xTicks(rows: readonly DagbestedingPunt[], width: number, plotWidth: number): number[] {
	if (!isNarrow(width)) return yearTicks(rows, width < 560 ? 2 : 1);
	const years = yearTicks(rows);
	const count = tickCount(plotWidth, 32, 16);
	// Room for two labels or fewer: the first and the last year, as far apart as they can be.
	if (count <= 2) return years.length > 1 ? [years[0], years.at(-1)!] : years;
	return yearTicks(rows, Math.max(2, Math.ceil(years.length / count)));
}

/** First, last before P×Q and last: the points whose values are written in the chart. */
export function annotated(rows: readonly DagbestedingPunt[]): DagbestedingPunt[] {
	const picks = [rows[0], laatsteVoorPxq(rows), rows.at(-1)].filter((r): r is DagbestedingPunt => r !== undefined && r.aandeel !== null);
	return [...new Set(picks)];
}

function buildAandeel(rows: readonly DagbestedingPunt[], width: number, document: Document, height = 380): SVGSVGElement {
	const x = (r: DagbestedingPunt) => decimalYear(r.periode_start);
	const max = Math.max(0.7, ...rows.map((r) => r.aandeel ?? 0));
	const narrow = isNarrow(width);
	return Plot.plot({
		document,
		width,
		height,
		marginTop: narrow ? 52 : 40,
		marginRight: narrow ? 20 : 40,
		marginBottom: 45,
		className: 'chart-dagbesteding-regio',
		style,
		x: { ticks: xTicks(rows, width, width - 60), tickFormat: (d: number) => String(d), label: null, inset: 12 },
		y: { domain: [0, max], grid: true, tickFormat: (d: number) => formatPercent(d), label: 'Aandeel met dagbesteding', labelArrow: 'none' },
		marks: [
			Plot.ruleY([0], { stroke: PALETTE.grijs }),
			...pxqMarks(rows, narrow),
			Plot.lineY(rows, { x, y: 'aandeel', stroke: PALETTE.blauw, strokeWidth: 2.5 }),
			Plot.dot(rows, { x, y: 'aandeel', fill: PALETTE.blauw, r: 3, title: puntTitel }),
			...hiddenPoints(rows, { column: 'aandeel', x, stroke: PALETTE.blauw, title: puntTitel }),
			...annotated(rows).map((r, i, all) =>
				// First value left-aligned above, the value before P×Q below its point (left of the rule), the latest right-aligned above.
				Plot.text([r], {
					x,
					y: 'aandeel',
					text: (d: DagbestedingPunt) => `${formatPeriode(d.periode)}: ${aandeelTekst(d)}`,
					// Narrow, the value before P×Q would run off the left edge: it starts at its point instead.
					textAnchor: i === 0 || (narrow && i < all.length - 1) ? 'start' : 'end',
					dy: r === laatsteVoorPxq(rows) && i > 0 && i < all.length - 1 ? 22 : i === 0 ? -14 : -20,
					dx: i === 0 ? -6 : 6,
					fontWeight: 'bold',
					fill: PALETTE.inkt,
					stroke: 'white',
					strokeWidth: 4,
					paintOrder: 'stroke'
				})
			)
		]
	}) as SVGSVGElement;
}

const AANTALLEN = [
	{ key: 'bw_clienten', label: 'BW-cliënten', colour: PALETTE.blauw, dash: null },
	{ key: 'met_dagbesteding', label: 'Met dagbesteding', colour: PALETTE.oranje, dash: '6,3' }
] as const;

function buildAantallen(rows: readonly DagbestedingPunt[], width: number, document: Document, height = 380): SVGSVGElement {
	const long = rows.flatMap((r) =>
		AANTALLEN.map((s) => ({
			...r,
			x: decimalYear(r.periode_start),
			reeksLabel: s.label,
			waarde: r[s.key],
			...(r.afgeschermd?.[s.key] ? { afgeschermd: { waarde: r.afgeschermd[s.key] } } : { afgeschermd: undefined }),
			tekst: aantalTekst(r, s.key)
		}))
	);
	type Long = (typeof long)[number];
	const last = rows.at(-1);
	// Narrow: the end labels wrapped ("Met" / "dagbesteding:" / "217") in a smaller right margin.
	const narrow = isNarrow(width);
	const marginRight = narrow ? Math.min(Math.round(width * 0.45), Math.max(...AANTALLEN.flatMap((s) => `${s.label}:`.split(' ')).map((w) => textWidth(w))) + 14) : 140;
	const endLabel = (label: string, value: string) => (narrow ? [...wrapText(`${label}:`, marginRight - 12), value].join('\n') : `${label}: ${value}`);
	return Plot.plot({
		document,
		width,
		height,
		marginTop: narrow ? 52 : 40,
		marginRight,
		marginBottom: 45,
		className: 'chart-dagbesteding-regio',
		style,
		x: { ticks: xTicks(rows, width, width - 40 - marginRight), tickFormat: (d: number) => String(d), label: null, inset: 12 },
		y: { grid: true, nice: true, zero: true, tickFormat: (d: number) => formatInteger(d), label: 'Aantal cliënten', labelArrow: 'none' },
		color: { domain: AANTALLEN.map((s) => s.label), range: AANTALLEN.map((s) => s.colour) },
		marks: [
			Plot.ruleY([0], { stroke: PALETTE.grijs }),
			...pxqMarks(rows, narrow),
			...AANTALLEN.map((s) =>
				Plot.lineY(
					long.filter((d) => d.reeksLabel === s.label),
					{ x: 'x', y: 'waarde', stroke: s.colour, strokeWidth: 2.5, strokeDasharray: s.dash ?? undefined }
				)
			),
			Plot.dot(long, { x: 'x', y: 'waarde', fill: 'reeksLabel', r: 2.5, title: (d: Long) => `${d.reeksLabel}, ${formatPeriode(d.periode)}: ${d.tekst}` }),
			...hiddenPoints(long, { column: 'waarde', x: (d) => d.x, title: (d: Long) => `${d.reeksLabel}, ${formatPeriode(d.periode)}: ${d.tekst}` }),
			...(last
				? [
						Plot.text(
							AANTALLEN.filter((s) => last[s.key] !== null).map((s) => ({ label: endLabel(s.label, aantalTekst(last, s.key)), x: decimalYear(last.periode_start), y: last[s.key] })),
							{ x: 'x', y: 'y', text: 'label', textAnchor: 'start', dx: 8, fill: PALETTE.inkt }
						)
					]
				: [])
		]
	}) as SVGSVGElement;
}

function build(rows: readonly DagbestedingPunt[], { width = 720, height, document, maat }: ChartOptions & DagbestedingOptions): SVGSVGElement {
	return maat === 'aantallen' ? buildAantallen(rows, width, document, height) : buildAandeel(rows, width, document, height);
}

/** States the start and end share from the data, and the value just before P×Q. */
function describe(rows: readonly DagbestedingPunt[]): string {
	if (rows.length === 0) return 'Er zijn geen gegevens over dagbesteding voor de gekozen periode.';
	const first = rows[0];
	const last = rows.at(-1)!;
	const voor = laatsteVoorPxq(rows);
	const parts = [
		`Het aandeel BW-cliënten met dagbesteding in de regio was ${aandeelTekst(first)} in ${formatPeriode(first.periode)} ` +
			`(${aantalTekst(first, 'met_dagbesteding')} van ${aantalTekst(first, 'bw_clienten')}) en ${aandeelTekst(last)} in ${formatPeriode(last.periode)} ` +
			`(${aantalTekst(last, 'met_dagbesteding')} van ${aantalTekst(last, 'bw_clienten')}).`
	];
	if (voor && voor !== first && voor !== last) {
		parts.push(`Vlak voor de overgang op P×Q per ${PXQ_START_TEKST}, in ${formatPeriode(voor.periode)}, was het ${aandeelTekst(voor)}.`);
	}
	const na = rows.filter((r) => r.periode_start >= PXQ_START && r.aandeel !== null);
	if (na.length > 1) {
		const shares = na.map((r) => r.aandeel!);
		parts.push(`Sinds P×Q ligt het tussen ${formatPercent(Math.min(...shares))} en ${formatPercent(Math.max(...shares))}.`);
	}
	return parts.join(' ');
}

function table(rows: readonly DagbestedingPunt[]): ChartTable {
	return { columns: TABLE_COLUMNS, rows: rows.map(tableRow) };
}

/** The lines are labelled in the chart; the legend explains the rule. */
const legend: readonly LegendItem[] = [{ label: PXQ_LABEL, colour: PALETTE.inkt, shape: 'tick', dash: PXQ_STREEP }];

export const dagbestedingRegioChart = defineChart<DagbestedingPunt, DagbestedingOptions>({
	id: DAGBESTEDING_REGIO_ID,
	defaults: DAGBESTEDING_STANDAARD,
	build,
	describe,
	table,
	legend
});
