/**
 * Cells (a value per pair of categories) and the tile map (a value per gemeente at its tile
 * position), coloured on the tile map's sequential ramp. Every cell and tile also prints its
 * value, so colour is never the only carrier (WCAG 1.4.1).
 */
import * as Plot from '@observablehq/plot';
import { PALETTE } from '$lib/charts/palette';
import { linksToDataHref } from '$lib/charts/links';
import { gemeenteHref } from '$lib/charts/capaciteit/per-gemeente';
import { tegelNaam } from '$lib/charts/capaciteit/tegelkaart';
import { tekstKleur } from '$lib/charts/capaciteit/tekort-kleur';
import type { ChartOptions } from '$lib/charts/types';
import type { ResultRow } from '../types';
import { LEEG, valueColour } from './colours';
import { axesOf, categories, fieldLabel, pointsOf } from './data';
import { className, emptyChart, facetScales, facetsOf, facetTitles, STYLE, textWidth } from './frame';
import { categoryText, formatValue } from './format';
import type { Plan, TileGemeente } from './plan';
import { plotStyle } from '$lib/charts/style';
import { barLabels, barRows, narrowTilePositions } from '$lib/charts/narrow';

/** The smallest and largest of the values (0, 0 without any). */
export function extentOf(values: readonly (number | null | undefined)[]): [number, number] {
	const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
	return numbers.length ? [Math.min(...numbers), Math.max(...numbers)] : [0, 0];
}

export function buildCell(spec: Plan, rows: readonly ResultRow[], { width = 720, height, document }: ChartOptions): SVGSVGElement {
	// A fixed height (slides) stands in for the block's own.
	const plan = height ? { ...spec, spec: { ...spec.spec, height } } : spec;
	const points = pointsOf(plan, rows, axesOf(rows));
	if (points.length === 0) return emptyChart({ width, document, mark: 'cell', height: plan.spec.height });
	const facets = facetsOf(points, { stacked: false, width });
	const extent = extentOf(points.map((p) => p.value));
	const data = points.map((p) => {
		const fill = valueColour(p.value ?? null, extent);
		return { ...p, ...facets?.of(p), fill, ink: tekstKleur(fill), text: formatValue(p.value, plan.format) };
	});
	const xs = categories(points, 'x');
	const ys = categories(points, 'y');
	// Narrow (narrow.ts): each row's name above its cells, the cells over the full width; never
	// narrower than its values need (then the chart scrolls in its box rather than overprinting).
	const cellWidth = Math.max(...data.map((d) => textWidth(d.text))) + 6;
	const layout = barRows({ width, rowHeight: 34, marginLeft: Math.min(Math.max(...ys.map((y) => textWidth(y))) + 16, 240), marginRight: 20, padding: 0, labels: ys });
	if (layout.narrow) width = Math.max(width, 30 + xs.length * (facets?.columns ?? 1) * cellWidth);
	const panelWidth = layout.narrow ? (width - 30) / (facets?.columns ?? 1) : (width - 120) / (facets?.columns ?? 1);
	const longest = Math.max(...xs.map((x) => textWidth(x, 12)));
	// A wide, low frame (a slide) has no height to spare for slanted labels: wrap them on up to three lines instead.
	const wrapped = height ? wrapLabels(xs, panelWidth / Math.max(xs.length, 1) - 8) : null;
	const rotate = !wrapped && xs.length * (longest + 8) > panelWidth;
	const bottom = rotate ? 40 + Math.min(longest * 0.6, 120) : 45 + (wrapped ? 15 * (wrapped.lines - 1) : 0);
	const band = layout.rowHeight;
	const panel = band * ys.length;
	const panels = facets ? { fx: 'fx', fy: 'fy' } : {};
	const figure = Plot.plot({
		document,
		width,
		height: plan.spec.height ?? (facets ? 30 + facets.rows * (panel + 40) : 30 + panel) + bottom,
		marginTop: facets ? 40 : 30,
		marginBottom: bottom,
		marginLeft: layout.marginLeft,
		...(layout.narrow ? { marginRight: layout.marginRight } : {}),
		className: className('cell'),
		style: STYLE,
		...facetScales(facets, { panelHeight: panel }),
		x: { domain: xs, label: plan.xLabel, padding: 0, tickRotate: rotate ? -35 : 0, ...(wrapped ? { tickFormat: (d: string) => wrapped.text.get(d) ?? d } : {}), labelAnchor: 'center', labelArrow: 'none' },
		y: { domain: ys, label: plan.yLabel, ...layout.y, labelAnchor: 'top', labelArrow: 'none' },
		color: { type: 'identity' },
		marks: [
			Plot.cell(data, { x: 'x', y: 'y', fill: 'fill', stroke: 'white', strokeWidth: 1, title: 'title', ...panels, ...(data.some((d) => d.href) ? { href: 'href' } : {}) }),
			Plot.text(data, { x: 'x', y: 'y', text: 'text', fill: 'ink', ...panels }),
			...barLabels(layout),
			...facetTitles(facets)
		]
	}) as SVGSVGElement;
	return linksToDataHref(figure);
}

/** Labels broken on spaces into lines of at most `width` px (12 px text), when three lines or fewer do for every label. */
function wrapLabels(labels: readonly string[], width: number): { text: Map<string, string>; lines: number } | null {
	const text = new Map<string, string>();
	let lines = 1;
	for (const label of labels) {
		const out: string[] = [];
		for (const word of label.split(' ')) {
			const last = out.at(-1);
			if (last !== undefined && textWidth(`${last} ${word}`, 12) <= width) out[out.length - 1] = `${last} ${word}`;
			else out.push(word);
		}
		if (out.length > 3 || out.some((line) => textWidth(line, 12) > width)) return null;
		lines = Math.max(lines, out.length);
		text.set(label, out.join('\n'));
	}
	return { text, lines };
}

export interface Tile {
	gemeente: TileGemeente;
	row: ResultRow | null;
	value: number | null;
	name: string;
	title: string;
}

/** One tile per placed gemeente (the first row of its gemeentecode), and the rows that found no tile. */
export function tilesOf(plan: Plan, rows: readonly ResultRow[]): { tiles: Tile[]; unplaced: number; duplicates: number } {
	const byCode = new Map<string, ResultRow>();
	let unplaced = 0;
	let duplicates = 0;
	for (const row of rows) {
		const code = row.gemeentecode;
		if (typeof code !== 'string' || !plan.tiles?.has(code)) unplaced++;
		else if (byCode.has(code)) duplicates++;
		else byCode.set(code, row);
	}
	const fill = plan.fill!;
	const tiles = [...(plan.tiles?.values() ?? [])].map((gemeente) => {
		const row = byCode.get(gemeente.gemeentecode) ?? null;
		const raw = row?.[fill.name];
		const value = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
		const name = row && plan.label ? categoryText(row[plan.label.name] ?? null, plan.label) : gemeente.naam;
		const title = `${name}: ${row ? `${fieldLabel(plan, 'fill')} ${formatValue(value, plan.format)}` : 'geen gegevens'}`;
		return { gemeente, row, value, name, title };
	});
	return { tiles, unplaced, duplicates };
}

const range = (from: number, to: number) => Array.from({ length: Math.max(to - from + 1, 0) }, (_, i) => from + i);

/** The tile map as the capaciteit view draws it: square tiles, name and value, each linked to its gemeente. */
export function buildTilemap(spec: Plan, rows: readonly ResultRow[], { width = 720, height, document }: ChartOptions): SVGSVGElement {
	// A fixed height (slides) stands in for the block's own.
	const plan = height ? { ...spec, spec: { ...spec.spec, height } } : spec;
	const { tiles } = tilesOf(plan, rows);
	if (!tiles.some((t) => t.value !== null)) return emptyChart({ width, document, mark: 'tilemap', height: plan.spec.height });
	const extent = extentOf(tiles.map((t) => t.value));
	const data = tiles.map((t) => {
		const fill = t.row ? valueColour(t.value, extent) : LEEG;
		return {
			...t,
			x: t.gemeente.tegel_x as number,
			y: t.gemeente.tegel_y as number,
			fill,
			ink: tekstKleur(fill),
			href: gemeenteHref(t.gemeente.gemeentecode),
			waarde: t.row ? formatValue(t.value, plan.format) : 'geen gegevens'
		};
	});
	const margin = 10;
	// On a phone the tiles flow in rows of as many as fit (narrow.ts), as the capaciteit view's do.
	const narrow = plan.spec.height ? null : narrowTilePositions(data, (d) => d, width, margin);
	if (narrow) for (const d of data) Object.assign(d, narrow.get(d));
	const xs = data.map((d) => d.x);
	const ys = data.map((d) => d.y);
	const xDomain = range(Math.min(...xs), Math.max(...xs));
	const yDomain = range(Math.min(...ys), Math.max(...ys));
	const tile = narrow ? Math.floor((width - 2 * margin) / xDomain.length) : Math.max(60, Math.min(140, Math.floor((width - 2 * margin) / xDomain.length)));
	const tileHeight = plan.spec.height ? Math.max(40, Math.floor((plan.spec.height - 2 * margin) / yDomain.length)) : narrow ? 72 : tile;
	const text = (options: Record<string, unknown>) => Plot.text(data, { x: 'x', y: 'y', fill: 'ink', href: 'href', title: 'title', ...options });
	const figure = Plot.plot({
		document,
		width: tile * xDomain.length + 2 * margin,
		height: tileHeight * yDomain.length + 2 * margin,
		margin,
		className: className('tilemap'),
		style: plotStyle(12),
		x: { domain: xDomain, axis: null, padding: 0 },
		y: { domain: yDomain, axis: null, padding: 0 },
		color: { type: 'identity' },
		marks: [
			Plot.cell(data, { x: 'x', y: 'y', fill: 'fill', stroke: PALETTE.grijs, strokeWidth: 1, inset: 3, href: 'href', title: 'title' }),
			text({ text: (d: (typeof data)[number]) => tegelNaam(d.name), dy: -10, fontWeight: 'bold', lineHeight: 1.1, lineAnchor: 'bottom' }),
			text({ text: 'waarde', dy: 8, fontSize: 15, lineAnchor: 'top' })
		]
	}) as SVGSVGElement;
	return linksToDataHref(figure);
}

