/**
 * Bars, horizontal bars, lines, dots and areas: one value against a category or an axis, in
 * series when `fill` is given (stacked for bars and areas), as small multiples with `facet`.
 * Drawn like the views' charts: the palette's blue for one series, a white stroke between
 * stacked segments, values written at single-series bars, a grey zero line, tooltips on marks.
 * Lines of several series carry their name at their end, so a line is told by its label and not
 * by its colour alone (under protanopia orange and green look alike; WCAG 1.4.1).
 */
import * as Plot from '@observablehq/plot';
import { PALETTE } from '$lib/charts/palette';
import { linksToDataHref } from '$lib/charts/links';
import type { ChartOptions } from '$lib/charts/types';
import type { ResultRow } from '../types';
import { seriesColour, VLAK } from './colours';
import { axesOf, categories, pointsOf, type Axes, type Point } from './data';
import { className, emptyChart, facetScales, facetsOf, facetTitles, ruleMarks, STYLE, textWidth, type Facets } from './frame';
import { barLabels as narrowBarLabels, barRows, tickCount } from '$lib/charts/narrow';
import { formatDateTick, formatTick, formatValue, isTemporalColumn } from './format';
import type { Plan } from './plan';

/** Above this many points a line or area gets one tooltip per series instead of a dot per point. */
const MAX_POINT_DOTS = 400;

type Datum = Point & { fx?: number; fy?: number };

/** Series names in legend order: the compiled ones first, any others the rows bring after them. */
export function seriesOf(plan: Plan, points: readonly Point[]): string[] {
	if (!plan.fill) return [];
	return [...new Set([...(plan.series ?? []), ...categories(points, 'series')])];
}

function colourScale(series: readonly string[]): Plot.ScaleOptions {
	return { domain: series, range: series.map((_, i) => seriesColour(i)) };
}

/** Whether a point has a value to draw (a line keeps NaN points as gaps, but needs at least one). */
const drawable = (p: Point) => !(typeof p.y === 'number' && Number.isNaN(p.y));

export function buildXY(spec: Plan, rows: readonly ResultRow[], { width = 720, height, document }: ChartOptions): SVGSVGElement {
	// A fixed height (slides) stands in for the block's own.
	const plan = height ? { ...spec, spec: { ...spec.spec, height } } : spec;
	const axes = axesOf(rows);
	const points = pointsOf(plan, rows, axes);
	if (!points.some(drawable)) return emptyChart({ width, document, mark: plan.mark, height: plan.spec.height });
	const facets = facetsOf(points, { stacked: plan.mark === 'barh', width, wide: height !== undefined });
	const data: Datum[] = points.map((p) => ({ ...p, ...facets?.of(p) }));
	const series = seriesOf(plan, points);
	const figure = plan.mark === 'bar' ? bar(plan, data, facets, series, width, document) : plan.mark === 'barh' ? barh(plan, data, facets, series, width, document) : xy(plan, axes, data, facets, series, width, document);
	return linksToDataHref(figure);
}

/** Channels every mark of a chart shares: facets, tooltip, link. */
function common(data: readonly Datum[], facets: Facets | null) {
	return {
		...(facets ? { fx: 'fx', fy: 'fy' } : {}),
		title: 'title',
		...(data.some((d) => d.href) ? { href: 'href' } : {})
	};
}

const valueTick = (plan: Plan) => (d: number) => formatTick(d, plan.format);

/** Values written at single-series bars, outside the bar's end (left of a negative bar). */
function barLabels(plan: Plan, data: readonly Datum[], facets: Facets | null, horizontal: boolean): Plot.Markish[] {
	const value = (d: Datum) => d[horizontal ? 'x' : 'y'] as number;
	const text = (d: Datum) => formatValue(value(d), plan.format);
	const style = { text, fill: PALETTE.inkt, ...(facets ? { fx: 'fx', fy: 'fy' } : {}) };
	const positive = data.filter((d) => value(d) >= 0);
	const negative = data.filter((d) => value(d) < 0);
	return horizontal
		? [Plot.text(positive, { x: 'x', y: 'y', textAnchor: 'start', dx: 6, ...style }), Plot.text(negative, { x: 'x', y: 'y', textAnchor: 'end', dx: -6, ...style })]
		: [Plot.text(positive, { x: 'x', y: 'y', dy: -8, ...style }), Plot.text(negative, { x: 'x', y: 'y', dy: 10, ...style })];
}

function bar(plan: Plan, data: Datum[], facets: Facets | null, series: string[], width: number, document: Document): SVGSVGElement {
	const xs = categories(data, 'x');
	const panelWidth = (width - 70) / (facets?.columns ?? 1);
	const longest = Math.max(...xs.map((x) => textWidth(x, 12)));
	const rotate = xs.length * (longest + 10) > panelWidth;
	const labelled = series.length === 0 && xs.length <= 12 * (facets?.columns ?? 1);
	// Room for the values written below negative bars, clear of the category names.
	const insetBottom = labelled && data.some((d) => (d.y as number) < 0) ? 20 : 0;
	return Plot.plot({
		document,
		width,
		height: plan.spec.height ?? (facets ? 40 + facets.rows * 240 : 360) + (rotate ? Math.min(longest * 0.6, 120) : 0),
		marginTop: facets ? 40 : 30,
		marginLeft: 60,
		marginBottom: rotate ? 40 + Math.min(longest * 0.6, 120) : 45,
		className: className('bar'),
		style: STYLE,
		...facetScales(facets),
		x: { domain: xs, label: plan.xLabel, padding: 0.2, tickSize: 0, tickRotate: rotate ? -35 : 0, labelAnchor: 'center', labelArrow: 'none' },
		y: { label: plan.yLabel, grid: true, nice: true, zero: true, insetBottom, tickFormat: valueTick(plan), labelArrow: 'none' },
		...(series.length ? { color: colourScale(series) } : {}),
		marks: [
			Plot.barY(data, {
				x: 'x',
				y: 'y',
				...(series.length ? { fill: 'series', stroke: 'white', strokeWidth: 1 } : { fill: PALETTE.blauw }),
				...common(data, facets)
			}),
			Plot.ruleY([0], { stroke: PALETTE.grijs }),
			...(labelled ? barLabels(plan, data, facets, false) : []),
			...ruleMarks(plan.rule, { orientation: 'y', facets }),
			...facetTitles(facets)
		]
	}) as SVGSVGElement;
}

/** Whether a value lies in the right 40% of the values' extent (zero and the rule included). */
function nearRightEdge(value: number, values: readonly number[]): boolean {
	const lo = Math.min(0, value, ...values);
	const hi = Math.max(0, value, ...values);
	return hi > lo && value > lo + 0.6 * (hi - lo);
}

function barh(plan: Plan, data: Datum[], facets: Facets | null, series: string[], width: number, document: Document): SVGSVGElement {
	const ys = categories(data, 'y');
	const labelled = series.length === 0;
	// Narrow (narrow.ts): each category's name above its bar instead of in a wide left margin.
	const layout = barRows({ width, rowHeight: 30, marginLeft: Math.min(Math.max(...ys.map((y) => textWidth(y))) + 16, 240), marginRight: labelled ? 70 : 30, padding: 0.25, labels: ys });
	const band = layout.rowHeight;
	const panel = band * ys.length;
	const values = data.map((d) => d.x as number);
	// Room for the values written left of negative bars, clear of the category names.
	const insetLeft = labelled && values.some((v) => v < 0) ? 45 : 0;
	return Plot.plot({
		document,
		width,
		height: plan.spec.height ?? (facets ? 30 + facets.rows * (panel + 40) + 45 : 30 + panel + 45),
		marginTop: facets ? 40 : 30,
		marginBottom: 45,
		marginLeft: layout.marginLeft,
		marginRight: layout.narrow ? (labelled ? 60 : 12) : layout.marginRight,
		className: className('barh'),
		style: STYLE,
		...facetScales(facets, { panelHeight: panel }),
		x: {
			label: plan.xLabel,
			grid: true,
			nice: true,
			zero: true,
			insetLeft,
			tickFormat: valueTick(plan),
			// Narrow, a centred axis label longer than the bars' width would run off both sides.
			labelAnchor: layout.narrow ? 'left' : 'center',
			labelArrow: 'none',
			...(layout.narrow ? { ticks: tickCount(width - layout.marginLeft - (labelled ? 60 : 12) - insetLeft) } : {})
		},
		y: { label: plan.yLabel, domain: ys, ...layout.y, labelAnchor: 'top', labelArrow: 'none' },
		...(series.length ? { color: colourScale(series) } : {}),
		marks: [
			Plot.barX(data, {
				x: 'x',
				y: 'y',
				...(series.length ? { fill: 'series', stroke: 'white', strokeWidth: 1 } : { fill: PALETTE.blauw }),
				...common(data, facets)
			}),
			Plot.ruleX([0], { stroke: PALETTE.grijs }),
			...(labelled ? barLabels(plan, data, facets, true) : []),
			...ruleMarks(plan.rule, { orientation: 'x', facets, labelLeft: plan.rule !== null && nearRightEdge(plan.rule.value, values), narrow: layout.narrow }),
			...narrowBarLabels(layout),
			...facetTitles(facets)
		]
	}) as SVGSVGElement;
}

/** Whole years from the first to the last, thinned to fit the panel. */
function yearTicks(values: readonly number[], panelWidth: number): number[] {
	const first = Math.ceil(Math.min(...values));
	const last = Math.floor(Math.max(...values));
	const step = Math.max(1, Math.ceil(((last - first + 1) * 44) / Math.max(panelWidth, 1)));
	const ticks: number[] = [];
	for (let y = first; y <= last; y += step) ticks.push(y);
	return ticks;
}

function xAxis(plan: Plan, axes: Axes, data: readonly Datum[], panelWidth: number): Plot.ScaleOptions {
	const base = { label: plan.xLabel, labelAnchor: 'center', labelArrow: 'none', inset: 10 } as const;
	if (plan.x && isTemporalColumn(plan.x)) return { ...base, type: 'utc', tickFormat: formatDateTick as (d: Date) => string };
	if (axes.year(plan.x)) return { ...base, ticks: yearTicks(data.map((d) => d.x as number), panelWidth), tickFormat: (d: number) => String(d) };
	return { ...base, tickFormat: (d: number) => formatTick(d, 'getal'), grid: plan.mark === 'dot' };
}

/** Lines and areas connect points in x order, whatever order the query gave. */
function byX(data: readonly Datum[]): Datum[] {
	const key = (d: Datum) => (d.x instanceof Date ? d.x.getTime() : (d.x as number));
	return [...data].sort((a, b) => key(a) - key(b));
}

/** Gap between the labels at the lines' ends, in pixels. */
const LABEL_GAP = 15;

/**
 * The name of each series at the last point of its line (one panel only), moved apart
 * vertically where lines end close together, in pixel space of the chart's y scale.
 */
function endLabels(sorted: readonly Datum[], series: readonly string[], y: { domain: [number, number]; range: [number, number] }): { x: Datum['x']; y: number; text: string }[] {
	const scale = Plot.scale({ y: { domain: y.domain, range: y.range, nice: true } });
	const ends = series
		.map((name) => sorted.filter((d) => d.series === name && typeof d.y === 'number' && Number.isFinite(d.y)).at(-1))
		.filter((d): d is Datum => d !== undefined)
		.map((d) => ({ x: d.x, py: scale.apply(d.y) as number, text: d.series as string }))
		.sort((a, b) => a.py - b.py);
	for (let i = 1; i < ends.length; i++) ends[i].py = Math.max(ends[i].py, ends[i - 1].py + LABEL_GAP);
	// Pushed below the frame: shift the stack back up.
	const over = (ends.at(-1)?.py ?? 0) - y.range[0];
	if (over > 0) for (const e of ends) e.py -= over;
	return ends.map((e) => ({ x: e.x, y: scale.invert!(e.py) as number, text: e.text }));
}

function xy(plan: Plan, axes: Axes, data: Datum[], facets: Facets | null, series: string[], width: number, document: Document): SVGSVGElement {
	const panelWidth = (width - 90) / (facets?.columns ?? 1);
	const colour = series.length ? { z: 'series' } : {};
	const channels = common(data, facets);
	const { title: _title, href: _href, ...panels } = channels as { title: string; href?: string; fx?: string; fy?: string };
	const sorted = byX(data);
	const dots = data.length <= MAX_POINT_DOTS;
	const marks: Plot.Markish[] = [];
	if (plan.mark === 'line') {
		marks.push(
			Plot.ruleY([0], { stroke: PALETTE.grijs }),
			Plot.lineY(sorted, { x: 'x', y: 'y', ...colour, stroke: series.length ? 'series' : PALETTE.blauw, strokeWidth: 2.5, ...panels, ...(dots ? {} : { title: (d: Datum) => d.series ?? plan.yLabel }) }),
			...(dots ? [Plot.dot(sorted, { x: 'x', y: 'y', fill: series.length ? 'series' : PALETTE.blauw, r: 3, ...channels })] : [])
		);
	} else if (plan.mark === 'area') {
		marks.push(
			Plot.areaY(sorted, {
				x: 'x',
				y: 'y',
				...colour,
				...(series.length ? { fill: 'series', stroke: 'white', strokeWidth: 1 } : { fill: VLAK }),
				...panels,
				title: (d: Datum) => d.series ?? plan.yLabel
			}),
			...(series.length ? [] : [Plot.lineY(sorted, { x: 'x', y: 'y', stroke: PALETTE.blauw, strokeWidth: 2, ...panels })]),
			...(dots ? [Plot.dot(sorted, Plot.stackY2({ x: 'x', y: 'y', ...colour, fill: series.length ? 'series' : PALETTE.blauw, r: 2.5, ...channels }))] : []),
			Plot.ruleY([0], { stroke: PALETTE.grijs })
		);
	} else {
		marks.push(Plot.dot(data, { x: 'x', y: 'y', fill: series.length ? 'series' : PALETTE.blauw, stroke: 'white', strokeWidth: 0.75, r: 4.5, ...channels }));
	}
	const height = plan.spec.height ?? (facets ? 40 + facets.rows * 240 : 360);
	const [marginTop, marginBottom] = [facets ? 40 : 30, 45];
	// Lines of several series in one panel: a label at each line's end, in a y domain fixed here so the labels are placed on the chart's own scale.
	const labelled = plan.mark === 'line' && series.length > 1 && !facets;
	const values = sorted.map((d) => d.y).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
	const yDomain: [number, number] = [Math.min(0, ...values, ...(plan.rule ? [plan.rule.value] : [])), Math.max(0, ...values, ...(plan.rule ? [plan.rule.value] : []))];
	const labels = labelled ? endLabels(sorted, series, { domain: yDomain, range: [height - marginBottom, marginTop] }) : [];
	const marginRight = labels.length ? Math.min(Math.max(...labels.map((l) => textWidth(l.text))) + 16, Math.round(width * 0.35)) : 30;
	// A narrow chart has less room than the longest name: it wraps (lineWidth is in ems of the 13 px text) rather than running off the chart.
	if (labels.length) marks.push(Plot.text(labels, { x: 'x', y: 'y', text: 'text', textAnchor: 'start', dx: 8, fill: PALETTE.inkt, lineWidth: (marginRight - 12) / 13 }));
	return Plot.plot({
		document,
		width,
		height,
		marginTop,
		marginLeft: 60,
		marginRight,
		marginBottom,
		className: className(plan.mark),
		style: STYLE,
		...facetScales(facets),
		x: xAxis(plan, axes, data, panelWidth),
		y: { label: plan.yLabel, grid: true, nice: true, zero: plan.mark !== 'dot', ...(labels.length ? { domain: yDomain } : {}), tickFormat: valueTick(plan), labelArrow: 'none' },
		...(series.length ? { color: colourScale(series) } : {}),
		marks: [...marks, ...ruleMarks(plan.rule, { orientation: 'y', facets }), ...facetTitles(facets)]
	}) as SVGSVGElement;
}
