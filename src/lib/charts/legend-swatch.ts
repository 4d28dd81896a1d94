/**
 * The swatch of a legend entry, drawn the way its mark is drawn: a bar or area as a filled
 * box (with the mark's outline and dash when it has one), a tick or rule as a short vertical
 * line, a line as a horizontal line with the line's dash, a dot as its symbol (circle, square,
 * diamond). One drawing for the page's legend (ChartLegend.svelte), the SVG/PNG export and the
 * slide image (server/export/svg.ts), so the three never disagree with each other or with the
 * chart; legend.test.ts compares every swatch with the marks of its chart.
 *
 * No d3 here: this module is in the page's JavaScript.
 */
import type { LegendItem } from './types';

/** The box a swatch fills, in the coordinates of the SVG it is drawn into. */
export interface SwatchBox {
	x: number;
	y: number;
	width: number;
	height: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

function escapeAttr(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function attrs(values: Record<string, string | number | undefined>): string {
	return Object.entries(values)
		.filter(([, v]) => v !== undefined)
		.map(([k, v]) => ` ${k}="${typeof v === 'number' ? round(v) : escapeAttr(v as string)}"`)
		.join('');
}

/** The stroke of an outlined mark or a line: colour, width and dash. */
function stroke(colour: string, width: number, dash: string | undefined) {
	return { stroke: colour, 'stroke-width': width, 'stroke-dasharray': dash };
}

/** The SVG markup of `item`'s swatch in `box` (elements only, no wrapping <svg>). */
export function swatchMarkup(item: LegendItem, { x, y, width, height }: SwatchBox): string {
	const cx = x + width / 2;
	const cy = y + height / 2;
	const side = Math.min(width, height);
	switch (item.shape) {
		case 'afgeschermd': {
			const [l, t, r, b] = [x + 0.5, y + 0.5, x + width - 0.5, y + height - 0.5];
			const hatch = `M${round(l + 0.5)} ${round(b)}L${round(r - 0.5)} ${round(t + 0.5)}M${round(l + 0.5)} ${round(cy)}L${round(cx - 1)} ${round(t + 0.5)}M${round(cx + 1)} ${round(b)}L${round(r - 0.5)} ${round(cy + 0.5)}`;
			return `<rect${attrs({ x: l, y: t, width: width - 1, height: height - 1, fill: '#ffffff', stroke: item.colour, 'stroke-width': 1 })}/><path${attrs({ d: hatch, fill: 'none', stroke: item.colour, 'stroke-width': 1 })}/>`;
		}
		case 'bar': {
			// An outlined mark gets its outline (inset so the whole stroke shows); a plain fill a faint edge, so a pale colour stays visible.
			const outline = item.stroke
				? stroke(item.stroke, 1.5, item.dash)
				: { stroke: '#000000', 'stroke-opacity': 0.25, 'stroke-width': 0.5 };
			const inset = item.stroke ? 0.75 : 0;
			return `<rect${attrs({ x: x + inset, y: y + inset, width: width - 2 * inset, height: height - 2 * inset, fill: item.colour, ...outline })}/>`;
		}
		case 'tick':
			return `<line${attrs({ x1: cx, x2: cx, y1: y, y2: y + height, ...stroke(item.colour, 3, item.dash) })}/>`;
		case 'line':
			return `<line${attrs({ x1: x, x2: x + width, y1: cy, y2: cy, ...stroke(item.colour, 2.5, item.dash) })}/>`;
		case 'dot': {
			const fill = { fill: item.colour, ...(item.stroke ? stroke(item.stroke, 1, item.dash) : {}) };
			const r = side / 2 - 1;
			// In a group named like Plot's dot mark, as in the chart.
			return `<g aria-label="dot">${symbol(item.symbol ?? 'circle', cx, cy, r, fill)}</g>`;
		}
	}
}

/** A dot's symbol around (cx, cy), about as large as Plot draws it for radius r (squares and circles of like area). */
function symbol(name: NonNullable<LegendItem['symbol']>, cx: number, cy: number, r: number, fill: Record<string, string | number | undefined>): string {
	switch (name) {
		case 'square':
			return `<rect${attrs({ x: cx - r * 0.85, y: cy - r * 0.85, width: r * 1.7, height: r * 1.7, ...fill })}/>`;
		case 'diamond2':
			return `<path${attrs({ d: `M${round(cx)},${round(cy - r)}L${round(cx + r)},${round(cy)}L${round(cx)},${round(cy + r)}L${round(cx - r)},${round(cy)}Z`, ...fill })}/>`;
		case 'diamond': {
			// d3's symbolDiamond: as wide as tall × tan 30°.
			const w = r * Math.tan(Math.PI / 6);
			return `<path${attrs({ d: `M${round(cx)},${round(cy - r)}L${round(cx + w)},${round(cy)}L${round(cx)},${round(cy + r)}L${round(cx - w)},${round(cy)}Z`, ...fill })}/>`;
		}
		default:
			return `<circle${attrs({ cx, cy, r: r * 0.85, ...fill })}/>`;
	}
}
