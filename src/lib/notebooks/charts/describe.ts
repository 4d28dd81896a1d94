/**
 * The text alternative of a notebook chart (WCAG 1.1.1): computed from the rows, it states
 * the main finding as the views do — the highest and lowest bar, each line's first and last
 * value, the extremes of a map — with counts, and what was left out.
 */
import { formatCount, formatDecimal, formatInteger } from '$lib/domain/format';
import type { ResultRow } from '../types';
import { MAX_SERIES } from './colours';
import { axesOf, fieldLabel, pointsOf, valueText, type Axes, type Point } from './data';
import { formatValue } from './format';
import { extentOf, tilesOf } from './grid';
import type { Plan } from './plan';

export const GEEN_GEGEVENS = 'Er zijn geen gegevens om te tonen.';

const capitalise = (text: string) => (text ? text[0].toUpperCase() + text.slice(1) : text);

export function describeChart(plan: Plan, rows: readonly ResultRow[]): string {
	if (plan.mark === 'tilemap') return describeTilemap(plan, rows);
	const axes = axesOf(rows);
	const points = pointsOf(plan, rows, axes).filter((p) => !(typeof p.y === 'number' && Number.isNaN(p.y)));
	if (points.length === 0) return GEEN_GEGEVENS;
	const text = {
		bar: describeBars,
		barh: describeBars,
		line: describeLines,
		area: describeLines,
		dot: describeDots,
		cell: describeCells
	}[plan.mark](plan, axes, points);
	const skipped = rows.length - points.length;
	return skipped > 0 ? `${text} ${formatCount(skipped, 'rij zonder waarde is', 'rijen zonder waarde zijn')} weggelaten.` : text;
}

/** The measured value of a point. */
function measure(plan: Plan, p: Point): number {
	return (plan.valueField === 'x' ? p.x : plan.valueField === 'y' ? p.y : p.value) as number;
}

const v = (plan: Plan, value: number) => formatValue(value, plan.format);

/** The first point with the largest and the first with the smallest value. */
function extremes<T>(items: readonly T[], value: (item: T) => number): { max: T; min: T } {
	let max = items[0];
	let min = items[0];
	for (const item of items) {
		if (value(item) > value(max)) max = item;
		if (value(item) < value(min)) min = item;
	}
	return { max, min };
}

function ruleSentence(plan: Plan, values: readonly number[], noun: [string, string]): string {
	if (!plan.rule) return '';
	const above = values.filter((value) => value > plan.rule!.value).length;
	return ` ${formatInteger(above)} van de ${formatCount(values.length, noun[0], noun[1])} ${above === 1 ? 'ligt' : 'liggen'} boven de referentielijn (${plan.rule.text}).`;
}

function describeBars(plan: Plan, axes: Axes, points: readonly Point[]): string {
	const category = plan.mark === 'bar' ? 'x' : 'y';
	// Stacked segments add up: the finding is about each bar's total.
	const bars = new Map<string, { name: string; total: number }>();
	for (const p of points) {
		const key = `${p.facet ?? ''}\u0000${p[category]}`;
		const name = `${plan.label && !plan.fill ? p.name : String(p[category])}${p.facet !== undefined ? ` (${p.facet})` : ''}`;
		const bar = bars.get(key) ?? { name, total: 0 };
		bar.total += measure(plan, p);
		bars.set(key, bar);
	}
	const all = [...bars.values()];
	const what = `${capitalise(fieldLabel(plan, plan.valueField))} per ${fieldLabel(plan, category)}`;
	const series = plan.fill ? new Set(points.map((p) => p.series)).size : 0;
	const stacked = series > 0 ? `, opgeteld over ${formatCount(series, 'reeks', 'reeksen')} van ${plan.fill!.name}` : '';
	const count = formatCount(all.length, 'staaf', 'staven');
	const rule = ruleSentence(plan, all.map((b) => b.total), ['staaf', 'staven']);
	if (all.length === 1) return `${what}, ${count}${stacked}: ${v(plan, all[0].total)} bij ${all[0].name}.${rule}`;
	const { max, min } = extremes(all, (b) => b.total);
	if (max.total === min.total) return `${what}, ${count}${stacked}: alle staven zijn even hoog (${v(plan, max.total)}).${rule}`;
	const totaal = series > 0 ? 'in totaal ' : '';
	return `${what}, ${count}${stacked}: het hoogst is ${totaal}${v(plan, max.total)} bij ${max.name}, het laagst ${v(plan, min.total)} bij ${min.name}.${rule}`;
}

/** How to read the colours of cells and tiles (colours.ts: valueColour). */
function colourKey(min: number): string {
	return min < 0 ? 'oranje boven nul, blauw onder nul; hoe donkerder, hoe verder van nul' : 'hoe donkerder, hoe hoger';
}

/** `een stijging van 8`, `een daling van 2,5 procentpunt`, `gelijk`. */
function change(plan: Plan, from: number, to: number): string {
	const diff = to - from;
	if (diff === 0) return 'gelijk';
	const size = plan.format === 'procent' ? `${formatDecimal(Math.abs(diff) * 100, { digits: 1 })} procentpunt` : v(plan, Math.abs(diff));
	return `een ${diff > 0 ? 'stijging' : 'daling'} van ${size}`;
}

function describeLines(plan: Plan, axes: Axes, points: readonly Point[]): string {
	const time = (p: Point) => (p.x instanceof Date ? p.x.getTime() : (p.x as number));
	const groups = new Map<string, Point[]>();
	for (const p of points) {
		const key = [p.series, p.facet].filter((s) => s !== undefined).join(', ');
		groups.set(key, [...(groups.get(key) ?? []), p]);
	}
	const xText = (p: Point) => valueText(plan, axes, 'x', p.row[plan.x!.name] ?? null);
	const parts = [...groups].slice(0, MAX_SERIES).map(([name, series]) => {
		const sorted = [...series].sort((a, b) => time(a) - time(b));
		const first = sorted[0];
		const last = sorted.at(-1)!;
		const path = `van ${v(plan, first.y as number)} (${xText(first)}) naar ${v(plan, last.y as number)} (${xText(last)}), ${change(plan, first.y as number, last.y as number)}`;
		return name ? `${name} ${path}` : path;
	});
	const more = groups.size > MAX_SERIES ? `; en ${formatCount(groups.size - MAX_SERIES, 'andere reeks', 'andere reeksen')}` : '';
	const what = `${capitalise(fieldLabel(plan, 'y'))} per ${fieldLabel(plan, 'x')}`;
	const rule = ruleSentence(plan, points.map((p) => p.y as number), ['punt', 'punten']);
	if (groups.size === 1 && !points[0].series && !points[0].facet) return `${what} (${formatCount(points.length, 'punt', 'punten')}): ${parts[0]}.${rule}`;
	return `${what}, ${formatCount(groups.size, 'reeks', 'reeksen')} (${formatCount(points.length, 'punt', 'punten')}): ${parts.join('; ')}${more}.${rule}`;
}

function describeDots(plan: Plan, axes: Axes, points: readonly Point[]): string {
	const { max, min } = extremes(points, (p) => p.y as number);
	const xLabel = fieldLabel(plan, 'x');
	const at = (p: Point) => {
		const x = `${xLabel} ${valueText(plan, axes, 'x', p.row[plan.x!.name] ?? null)}`;
		return `${v(plan, p.y as number)} bij ${p.name ? `${p.name} (${x})` : x}`;
	};
	const what = `${capitalise(fieldLabel(plan, 'y'))} tegen ${xLabel}, ${formatCount(points.length, 'punt', 'punten')}`;
	const rule = ruleSentence(plan, points.map((p) => p.y as number), ['punt', 'punten']);
	if (points.length === 1 || max.y === min.y) return `${what}: ${points.length === 1 ? at(max) : `alle punten even hoog (${v(plan, max.y as number)})`}.${rule}`;
	return `${what}: het hoogst is ${at(max)}, het laagst ${at(min)}.${rule}`;
}

function describeCells(plan: Plan, axes: Axes, points: readonly Point[]): string {
	const { max, min } = extremes(points, (p) => p.value as number);
	const name = (p: Point) => `${p.name || `${fieldLabel(plan, 'x')} ${p.x} en ${fieldLabel(plan, 'y')} ${p.y}`}${p.facet !== undefined ? ` (${p.facet})` : ''}`;
	const what = `${capitalise(fieldLabel(plan, 'fill'))} per ${fieldLabel(plan, 'x')} en ${fieldLabel(plan, 'y')}, ${formatCount(points.length, 'vak', 'vakken')} (${colourKey(min.value as number)})`;
	if (max.value === min.value) return `${what}: alle vakken hebben dezelfde waarde (${v(plan, max.value as number)}).`;
	return `${what}: het hoogst is ${v(plan, max.value as number)} bij ${name(max)}, het laagst ${v(plan, min.value as number)} bij ${name(min)}.`;
}

function describeTilemap(plan: Plan, rows: readonly ResultRow[]): string {
	const { tiles, unplaced, duplicates } = tilesOf(plan, rows);
	const valued = tiles.filter((t) => t.row && t.value !== null);
	const notes = [
		unplaced > 0 ? `${formatCount(unplaced, 'rij heeft', 'rijen hebben')} geen gemeente met een tegel en ${unplaced === 1 ? 'staat' : 'staan'} niet op de kaart.` : '',
		duplicates > 0 ? `${formatCount(duplicates, 'rij', 'rijen')} met een gemeentecode die al op de kaart staat ${duplicates === 1 ? 'is' : 'zijn'} overgeslagen.` : ''
	].filter((n) => n !== '');
	const tail = notes.length ? ` ${notes.join(' ')}` : '';
	if (valued.length === 0) return `${GEEN_GEGEVENS}${tail}`;
	const ranked = [...valued].sort((a, b) => (b.value as number) - (a.value as number));
	const fill = fieldLabel(plan, 'fill');
	const [min] = extentOf(valued.map((t) => t.value));
	const top = ranked.slice(0, 3).map((t) => `${t.name} (${v(plan, t.value as number)})`);
	const lowest = ranked.at(-1)!;
	const laagst = ranked.length > 3 ? `; het laagst in ${lowest.name} (${v(plan, lowest.value as number)})` : '';
	return (
		`De kaart kleurt ${formatInteger(valued.length)} van de ${formatCount(tiles.length, 'gemeente', 'gemeenten')} naar ${fill} (${colourKey(min)}). ` +
		`Het hoogst is het in ${top.join(', ')}${laagst}.${tail}`
	);
}
