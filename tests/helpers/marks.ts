/**
 * What an SVG draws, read back from its elements: each filled box or area, line, tick and
 * symbol with the colours and dash it is painted with (its own attributes, else its groups').
 * The legend test reads a chart's marks and its legend swatches with the same function and
 * asks that every swatch looks like one of the chart's marks.
 */
import { parseHTML } from 'linkedom';

export type MarkKind = 'vlak' | 'lijn' | 'tick' | 'circle' | 'square' | 'diamond' | 'diamond2' | 'anders';

export interface DrawnMark {
	kind: MarkKind;
	/** The fill of boxes, areas and symbols (null: none). */
	fill: string | null;
	/** The visible stroke: the outline of a box or symbol, the colour of a line (null: none, or a white separator). */
	stroke: string | null;
	/** The stroke's dash, normalised to numbers separated by one space (null: solid). */
	dash: string | null;
}

const NONE = new Set(['none', 'transparent', 'currentcolor', 'inherit']);

function colour(value: string | null): string | null {
	if (value === null) return null;
	const v = value.trim().toLowerCase();
	if (NONE.has(v) || v.startsWith('url(')) return null;
	return v === 'white' ? '#ffffff' : v === 'black' ? '#000000' : v;
}

/** The attribute on the element or its nearest group that has it. */
function inherited(element: Element, name: string): string | null {
	for (let e: Element | null = element; e && e.tagName.toLowerCase() !== 'svg'; e = e.parentElement) {
		const value = e.getAttribute(name);
		if (value !== null) return value;
	}
	return null;
}

/** The symbol a dot's path draws: an arc is a circle, h/v a square, four points on the axes a diamond (tall or square). */
function symbolOf(d: string): MarkKind {
	if (/[aA]/.test(d)) return 'circle';
	if (/[hHvV]/.test(d)) return 'square';
	const numbers = (d.match(/-?\d*\.?\d+(?:e-?\d+)?/g) ?? []).map(Number);
	const points: [number, number][] = [];
	for (let i = 0; i + 1 < numbers.length; i += 2) points.push([numbers[i], numbers[i + 1]]);
	if (points.length !== 4) return 'anders';
	const xs = points.map((p) => p[0]);
	const ys = points.map((p) => p[1]);
	const [cx, cy] = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
	const onAxes = points.every(([x, y]) => Math.abs(x - cx) < 0.05 || Math.abs(y - cy) < 0.05);
	if (!onAxes) return 'square';
	const ratio = (Math.max(...xs) - Math.min(...xs)) / (Math.max(...ys) - Math.min(...ys));
	return Math.abs(ratio - 1) < 0.1 ? 'diamond2' : 'diamond';
}

function kindOf(element: Element, inDot: boolean): MarkKind | null {
	const tag = element.tagName.toLowerCase();
	if (tag === 'circle') return 'circle';
	if (tag === 'line') {
		const n = (a: string) => Number(element.getAttribute(a) ?? 0);
		return Math.abs(n('x1') - n('x2')) < 0.01 ? 'tick' : 'lijn';
	}
	if (tag === 'rect') return inDot ? 'square' : 'vlak';
	if (tag === 'path') {
		const d = element.getAttribute('d') ?? '';
		if (inDot) return symbolOf(d);
		return colour(inherited(element, 'fill')) === null ? 'lijn' : 'vlak';
	}
	return null;
}

/** The marks an SVG (a chart, or a swatch's markup) draws, without axes, text, clip paths and patterns. */
export function drawnMarks(svg: string): DrawnMark[] {
	const { document } = parseHTML(`<!doctype html><html><body>${svg.includes('<svg') ? svg : `<svg>${svg}</svg>`}</body></html>`);
	const root = document.querySelector('svg');
	if (!root) return [];
	const marks: DrawnMark[] = [];
	for (const element of root.querySelectorAll('rect, path, line, circle')) {
		if (element.closest('defs, clipPath, pattern, mask, text')) continue;
		const group = element.closest('[aria-label]')?.getAttribute('aria-label') ?? '';
		if (/axis|tick-label|grid|frame/.test(group)) continue;
		const kind = kindOf(element, group === 'dot');
		if (!kind) continue;
		const opacity = Number(inherited(element, 'stroke-opacity') ?? 1);
		let stroke = opacity < 0.5 ? null : colour(inherited(element, 'stroke'));
		const fill = kind === 'lijn' || kind === 'tick' ? null : colour(inherited(element, 'fill'));
		// A white edge separates bars or rings a dot: on a white chart it is no outline.
		if (stroke === '#ffffff' && fill !== null) stroke = null;
		const dashValue = inherited(element, 'stroke-dasharray');
		const dash = stroke && dashValue && dashValue !== 'none' ? dashValue.trim().split(/[\s,]+/).join(' ') : null;
		marks.push({ kind, fill, stroke, dash });
	}
	return marks;
}

export const sameMark = (a: DrawnMark, b: DrawnMark) => a.kind === b.kind && a.fill === b.fill && a.stroke === b.stroke && a.dash === b.dash;

export const describeMark = (m: DrawnMark) => `${m.kind} fill ${m.fill ?? '–'} stroke ${m.stroke ?? '–'}${m.dash ? ` dash ${m.dash}` : ''}`;
