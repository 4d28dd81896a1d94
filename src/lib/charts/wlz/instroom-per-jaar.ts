/**
 * Wlz-instroom per jaar: the own region as a line against the other regions, drawn as a band
 * for the middle half (p25–p75, pale with an outline that carries the contrast) and a dashed
 * median line. Per 10.000 inwoners the regions
 * compare directly; in absolute numbers the band shows what the other regions' rates would
 * mean for this region's population.
 */
import * as Plot from '@observablehq/plot';
import { formatDecimal, formatInteger, formatPer10k, PER_10K_LABEL } from '../../domain/format';
import { hiddenPoints, shown } from '../afgeschermd';
import { BAND, REEKS } from '../palette';
import { defineChart, type ChartOptions, type ChartTable, type LegendItem } from '../types';
import { WLZ_STANDAARD, type WlzJaarRow, type WlzOptions } from './model';
import type { Maat } from '../../domain/maat';
import { plotStyle } from '../style';
import { isNarrow, textWidth, thinned, tickCount } from '../narrow';

export const WLZ_INSTROOM_PER_JAAR_ID = 'wlz-instroom-per-jaar';

/** The median's dash, in the chart and its legend. */
const MEDIAAN_STREEP = '6 4';
/** The palette's orange is 4.3:1, enough for lines but not for small text (WCAG 1.4.3); labels use a darker tone. */
const ORANJE_TEKST = '#a14900';

const legend: readonly LegendItem[] = [
	{ label: 'Deze regio', colour: REEKS.dezeRegio, shape: 'line' },
	{ label: 'Andere regio’s: mediaan', colour: REEKS.mediaanAndereRegios, shape: 'line', dash: MEDIAAN_STREEP },
	{ label: 'Andere regio’s: middelste helft (25%–75%)', colour: BAND.vlak, stroke: BAND.rand, shape: 'bar' }
];

/** Per 10.000 with two decimals (the rates are below 3); absolute counts whole, scaled spread always with one decimal (26,0 next to 45,8). */
function value(v: number | null, maat: Maat, { spread = false } = {}): string {
	if (maat === 'per_10k') return formatPer10k(v, { digits: 2 });
	return spread ? formatDecimal(v, { digits: 1, fixed: true }) : formatInteger(v);
}

function build(rows: readonly WlzJaarRow[], { width = 720, height, document, maat }: ChartOptions & WlzOptions): SVGSVGElement {
	const per10k = maat !== 'absolute';
	const band = rows.filter((r) => r.p25 !== null && r.p75 !== null);
	const last = rows.at(-1);
	// Narrow: fewer years named, and the end labels on two lines in a smaller right margin.
	const narrow = isNarrow(width);
	const marginRight = narrow ? Math.min(100, Math.max(50, ...(last ? [textWidth(last.regionaam, 13) + 14] : []))) : 120;
	const brk = narrow ? '\n' : ' ';
	const jaren = rows.map((r) => r.jaar);
	return Plot.plot({
		document,
		width,
		height: height ?? 360,
		marginLeft: 55,
		marginRight,
		marginBottom: 40,
		className: 'chart-wlz-instroom-per-jaar',
		style: plotStyle(),
		x: { label: null, ticks: narrow ? thinned(jaren, tickCount(width - 55 - marginRight, 32, 14)) : jaren, tickFormat: (d: number) => String(d), inset: 10 },
		y: {
			label: per10k ? `Instroom ${PER_10K_LABEL}` : 'Cliënten per jaar',
			grid: true,
			nice: true,
			zero: true,
			tickFormat: (d: number) => (per10k ? formatDecimal(d, { digits: 2 }) : formatInteger(d)),
			labelArrow: 'none'
		},
		marks: [
			Plot.areaY(band, { x: 'jaar', y1: 'p25', y2: 'p75', fill: BAND.vlak, stroke: BAND.rand, strokeWidth: 1, curve: 'linear' }),
			Plot.lineY(band, { x: 'jaar', y: 'mediaan', stroke: REEKS.mediaanAndereRegios, strokeWidth: 2, strokeDasharray: MEDIAAN_STREEP }),
			Plot.dot(band, {
				x: 'jaar',
				y: 'mediaan',
				r: 8,
				fill: 'transparent',
				title: (d: WlzJaarRow) =>
					`${d.jaar}, andere regio’s (${formatInteger(d.regios)}): mediaan ${value(d.mediaan, maat, { spread: true })}, middelste helft ${value(d.p25, maat, { spread: true })}–${value(d.p75, maat, { spread: true })}`
			}),
			Plot.lineY(rows, { x: 'jaar', y: 'waarde', stroke: REEKS.dezeRegio, strokeWidth: 3 }),
			Plot.dot(rows, {
				x: 'jaar',
				y: 'waarde',
				fill: REEKS.dezeRegio,
				stroke: 'white',
				r: 5,
				title: (d: WlzJaarRow) => `${d.jaar}, ${d.regionaam}: ${value(d.waarde, maat)}${per10k ? ` ${PER_10K_LABEL}` : ' cliënten'}`
			}),
			...hiddenPoints(rows, { column: 'waarde', x: (d) => d.jaar, stroke: REEKS.dezeRegio, title: (d) => `${d.jaar}, ${d.regionaam}: ${shown(d, 'waarde', () => '')}` }),
			Plot.text(last && last.waarde !== null ? [last] : [], {
				x: 'jaar',
				y: 'waarde',
				text: (d: WlzJaarRow) => `${d.regionaam}${brk}${value(d.waarde, maat)}`,
				textAnchor: 'start',
				dx: 10,
				fill: ORANJE_TEKST,
				fontWeight: 700
			}),
			Plot.text(last?.mediaan != null ? [last] : [], {
				x: 'jaar',
				y: 'mediaan',
				text: (d: WlzJaarRow) => `mediaan${brk}${value(d.mediaan, maat, { spread: true })}`,
				textAnchor: 'start',
				dx: 10,
				fill: REEKS.mediaanAndereRegios
			})
		]
	}) as SVGSVGElement;
}

function describe(rows: readonly WlzJaarRow[], { maat }: WlzOptions): string {
	if (rows.length === 0) return 'Er zijn geen Wlz-gegevens voor deze regio.';
	const first = rows[0];
	const last = rows.at(-1) ?? first;
	const eenheid = maat === 'per_10k' ? ` ${PER_10K_LABEL}` : ' cliënten';
	const vergeleken = rows.filter((r) => r.p25 !== null && r.mediaan !== null);
	const onderMediaan = vergeleken.filter((r) => r.waarde !== null && r.waarde < (r.mediaan as number)).length;
	const onderP25 = vergeleken.filter((r) => r.waarde !== null && r.waarde < (r.p25 as number)).length;
	const waarde = (r: WlzJaarRow) => shown(r, 'waarde', () => `${value(r.waarde, maat)}${r === first ? eenheid : ''}`);
	let text = `De Wlz-instroom van ${last.regionaam} was ${waarde(first)} in ${first.jaar} en ${waarde(last)} in ${last.jaar}.`;
	if (vergeleken.length > 0) {
		text +=
			` In ${formatInteger(onderMediaan)} van de ${formatInteger(vergeleken.length)} jaren lag de regio onder de mediaan van de andere regio’s` +
			` en in ${formatInteger(onderP25)} jaren zelfs onder de middelste helft.`;
		if (last.mediaan !== null) text += ` In ${last.jaar} was de mediaan ${value(last.mediaan, maat, { spread: true })}.`;
	}
	return text;
}

function table(rows: readonly WlzJaarRow[], { maat }: WlzOptions): ChartTable {
	const per10k = maat !== 'absolute';
	const suffix = per10k ? ' (per 10.000)' : ' (cliënten)';
	return {
		columns: [
			{ label: 'Jaar', numeric: false },
			{ label: `Deze regio${suffix}`, numeric: true },
			{ label: 'Andere regio’s: 25%', numeric: true },
			{ label: 'Mediaan', numeric: true },
			{ label: '75%', numeric: true }
		],
		rows: rows.map((r) => [String(r.jaar), shown(r, 'waarde', () => value(r.waarde, maat)), value(r.p25, maat, { spread: true }), value(r.mediaan, maat, { spread: true }), value(r.p75, maat, { spread: true })])
	};
}

export const wlzInstroomPerJaar = defineChart<WlzJaarRow, WlzOptions>({
	id: WLZ_INSTROOM_PER_JAAR_ID,
	defaults: WLZ_STANDAARD,
	build,
	describe,
	table,
	legend
});
