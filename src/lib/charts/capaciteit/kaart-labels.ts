/**
 * Labels on the choropleth that do not overlap. Real gemeenten differ in size: around a city
 * lie small gemeenten whose centroids sit close together, and their names drawn at the
 * centroid run into each other (unreadable, WCAG 1.4.8's spirit). Labels are placed one
 * gemeente at a time, the largest tekort first: name and value where both fit, else the
 * value alone, else nothing (the area keeps its colour, its tooltip and its link; the table
 * under the chart has every gemeente). The same choice serves both label marks.
 */
import type { RenderFunction } from '@observablehq/plot';
import { textWidth } from '../narrow';

/** What a gemeente shows on the map. */
export type Label = 'naam-en-waarde' | 'waarde' | 'geen';

export interface LabelText {
	/** The name's lines, top to bottom. */
	naam: readonly string[];
	waarde: string;
	/** Who goes first: the larger, the earlier. */
	voorrang: number;
}

export interface LabelLayout {
	fontSize: number;
	/** Gap between the centroid and the name's last line (above) and the value (below). */
	gapAbove: number;
	gapBelow: number;
	lineHeight: number;
}

interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/** Room kept free around a label: its halo (stroke 3) and a little air. */
const PADDING = 2;

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

function box(x: number, width: number, y0: number, y1: number): Box {
	return { x0: x - width / 2 - PADDING, x1: x + width / 2 + PADDING, y0: y0 - PADDING, y1: y1 + PADDING };
}

/**
 * For each label at its centroid (`x`, `y` in pixels), what it shows. Labels are boxes as wide
 * as their widest line by textWidth (which errs wide) and as tall as their lines.
 */
export function placeLabels(labels: readonly (LabelText & { x: number; y: number })[], layout: LabelLayout): Label[] {
	const line = layout.fontSize * layout.lineHeight;
	const placed: Box[] = [];
	const result: Label[] = labels.map(() => 'geen');
	const fits = (boxes: Box[]) => boxes.every((b) => !placed.some((p) => overlaps(b, p)));
	const order = labels.map((_, i) => i).sort((a, b) => labels[b].voorrang - labels[a].voorrang || a - b);
	for (const i of order) {
		const { x, y, naam, waarde } = labels[i];
		if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
		const value = box(x, textWidth(waarde, layout.fontSize), y + layout.gapBelow, y + layout.gapBelow + line);
		const name = box(x, Math.max(0, ...naam.map((l) => textWidth(l, layout.fontSize))), y - layout.gapAbove - naam.length * line, y - layout.gapAbove);
		if (fits([name, value])) {
			placed.push(name, value);
			result[i] = 'naam-en-waarde';
		} else if (fits([value])) {
			placed.push(value);
			result[i] = 'waarde';
		}
	}
	return result;
}

/**
 * Render transforms for the name mark and the value mark of the same features: the first to
 * render places the labels from its projected positions, both draw only what was placed.
 */
export function labelRenders(labels: readonly LabelText[], layout: LabelLayout): { naam: RenderFunction; waarde: RenderFunction } {
	let choice: Label[] | undefined;
	const chosen = (index: number[], values: { x?: ArrayLike<number>; y?: ArrayLike<number> }) => {
		if (!choice) {
			// Only the features this mark draws take part (Plot leaves out those without a position).
			const drawn = new Set(index);
			choice = placeLabels(
				labels.map((label, i) => ({ ...label, x: drawn.has(i) ? Number(values.x?.[i]) : NaN, y: Number(values.y?.[i]) })),
				layout
			);
		}
		return choice;
	};
	return {
		naam: (index, scales, values, dimensions, context, next) => {
			const c = chosen(index, values as never);
			return next!(index.filter((i) => c[i] === 'naam-en-waarde'), scales, values, dimensions, context);
		},
		waarde: (index, scales, values, dimensions, context, next) => {
			const c = chosen(index, values as never);
			return next!(index.filter((i) => c[i] !== 'geen'), scales, values, dimensions, context);
		}
	};
}
