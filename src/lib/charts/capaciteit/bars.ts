/**
 * The bar shared by the per-gemeente and per-type charts: existing places, then planned ones,
 * then an open dashed box for what is still short after the plans, with the need as a black
 * tick and the tekort written beside the bar. Three lightness steps (dark, middle, pale with a
 * dashed outline) keep the parts apart in greyscale print and for colour-blind readers.
 */
import * as Plot from '@observablehq/plot';
import { PALETTE } from '../palette';
import type { ChartTable, LegendItem } from '../types';
import { linksToDataHref } from '../links';
import { formatMaat, maatEenheid, type CapaciteitCijfers, type Maat } from './rows';
import { plotStyle } from '../style';
import { barLabels, barRows, tickCount } from '../narrow';

export const KLEUREN = {
	bestaand: PALETTE.blauw,
	/** Middle blue, 3.9:1 on white. */
	gepland: '#4f83bf',
	/** Pale fill of the tekort box; its dashed outline (PALETTE.oranje, 4.3:1) carries the contrast. */
	tekortVlak: '#fbe1c8',
	tekortRand: PALETTE.oranje
} as const;

/** The dash of the tekort box's outline. */
const TEKORT_STREEP = '4,2';

export const BAR_LEGEND: readonly LegendItem[] = [
	{ label: 'Bestaande plekken', colour: KLEUREN.bestaand, shape: 'bar' },
	{ label: 'Geplande plekken', colour: KLEUREN.gepland, shape: 'bar' },
	{ label: 'Tekort na de geplande plekken', colour: KLEUREN.tekortVlak, stroke: KLEUREN.tekortRand, dash: TEKORT_STREEP, shape: 'bar' },
	{ label: 'Behoefte', colour: PALETTE.inkt, shape: 'tick' }
];

export interface BarItem extends CapaciteitCijfers {
	/** The y label: gemeente name or type label. */
	label: string;
	href?: string;
}

interface Segment {
	label: string;
	href?: string;
	x1: number;
	x2: number;
	title: string;
}

export function tekortLabel(item: CapaciteitCijfers, maat: Maat): string {
	if (item.tekort === null) return 'onbekend';
	if (item.tekort <= 0) return 'geen tekort';
	const label = `tekort ${formatMaat(item.tekort, maat)}`;
	return item.tekort_na_plan !== null && item.tekort_na_plan !== item.tekort ? `${label} · na plan ${formatMaat(item.tekort_na_plan, maat)}` : label;
}

function segments(items: readonly BarItem[], maat: Maat): { bestaand: Segment[]; gepland: Segment[]; tekort: Segment[] } {
	const result = { bestaand: [] as Segment[], gepland: [] as Segment[], tekort: [] as Segment[] };
	for (const item of items) {
		const f = (v: number | null) => formatMaat(v, maat);
		const eenheid = maatEenheid(maat);
		const bestaand = item.bestaand ?? 0;
		const gepland = item.gepland ?? 0;
		const rest = item.tekort_na_plan ?? 0;
		const base = { label: item.label, href: item.href };
		result.bestaand.push({ ...base, x1: 0, x2: bestaand, title: `${item.label}: ${f(item.bestaand)} bestaande ${eenheid}` });
		result.gepland.push({ ...base, x1: bestaand, x2: bestaand + gepland, title: `${item.label}: ${f(item.gepland)} geplande ${eenheid}` });
		result.tekort.push({
			...base,
			x1: bestaand + gepland,
			x2: bestaand + gepland + rest,
			title: `${item.label}: behoefte ${f(item.behoefte)}, ${tekortLabel(item, maat)} (${eenheid})`
		});
	}
	return result;
}

export interface BarsOptions {
	items: readonly BarItem[];
	maat: Maat;
	width: number;
	/** Fixed height (slides); default from the number of bars. */
	height?: number;
	document: Document;
	marginLeft: number;
	className: string;
}

/** Horizontal bars in the order given. */
export function capaciteitBars({ items, maat, width, height, document, marginLeft, className }: BarsOptions): SVGSVGElement {
	const parts = segments(items, maat);
	const barHeight = 30;
	const href = (d: { href?: string }) => d.href;
	const hasHref = items.some((i) => i.href);
	const bar = (data: Segment[], style: Record<string, unknown>) =>
		Plot.barX(data, { x1: 'x1', x2: 'x2', y: 'label', title: 'title', ...(hasHref ? { href } : {}), ...style });
	const end = (d: BarItem) => Math.max(d.behoefte ?? 0, (d.bestaand ?? 0) + (d.gepland ?? 0) + (d.tekort_na_plan ?? 0));
	const layout = barRows({ width, rowHeight: barHeight, marginLeft, marginRight: 170, padding: 0.25, labels: items.map((i) => i.label), values: items.map((d) => tekortLabel(d, maat)) });

	const figure = Plot.plot({
		document,
		width,
		height: height ?? (20 + layout.rowHeight * Math.max(items.length, 1) + 45),
		marginTop: 20,
		marginBottom: 45,
		marginLeft: layout.marginLeft,
		marginRight: layout.marginRight,
		className,
		style: plotStyle(),
		x: {
			label: maat === 'absolute' ? 'Plekken' : 'Plekken per 10.000 inwoners',
			grid: true,
			nice: true,
			tickFormat: (d: number) => formatMaat(d, maat),
			labelAnchor: 'center',
			labelArrow: 'none',
			...(layout.narrow ? { ticks: tickCount(width - layout.marginLeft - layout.marginRight) } : {})
		},
		y: { label: null, domain: items.map((i) => i.label), ...layout.y },
		marks: [
			bar(parts.bestaand, { fill: KLEUREN.bestaand, stroke: 'white', strokeWidth: 1 }),
			bar(parts.gepland, { fill: KLEUREN.gepland, stroke: 'white', strokeWidth: 1 }),
			bar(parts.tekort, { fill: KLEUREN.tekortVlak, stroke: KLEUREN.tekortRand, strokeWidth: 1.5, strokeDasharray: TEKORT_STREEP, inset: 1 }),
			Plot.tickX(items, {
				x: (d: BarItem) => d.behoefte ?? 0,
				y: 'label',
				stroke: PALETTE.inkt,
				strokeWidth: 3,
				title: (d: BarItem) => `${d.label}: behoefte ${formatMaat(d.behoefte, maat)} ${maatEenheid(maat)}`
			}),
			// Narrow, the tekort stands above the bar with its name (barLabels).
			...(layout.narrow
				? []
				: [
						Plot.text(items, {
							x: end,
							y: 'label',
							text: (d: BarItem) => tekortLabel(d, maat),
							textAnchor: 'start',
							dx: 8,
							fill: PALETTE.inkt,
							...(hasHref ? { href } : {})
						})
					]),
			Plot.ruleX([0], { stroke: PALETTE.grijs }),
			...barLabels(layout, hasHref ? { href: (label) => items.find((i) => i.label === label)?.href } : {})
		]
	}) as SVGSVGElement;
	return linksToDataHref(figure);
}

/** The table behind both bar charts; the first column names the bar. */
export function barTable(first: string, items: readonly BarItem[], maat: Maat): ChartTable {
	const f = (v: number | null) => formatMaat(v, maat);
	const unit = maat === 'absolute' ? '' : ' (per 10.000 inw.)';
	return {
		columns: [
			{ label: first, numeric: false },
			{ label: `Bestaand${unit}`, numeric: true },
			{ label: `Gepland${unit}`, numeric: true },
			{ label: `Behoefte${unit}`, numeric: true },
			{ label: `Tekort${unit}`, numeric: true },
			{ label: `Tekort na plan${unit}`, numeric: true }
		],
		rows: items.map((i) => [i.label, f(i.bestaand), f(i.gepland), f(i.behoefte), f(i.tekort), f(i.tekort_na_plan)])
	};
}
