/**
 * Shared frame of the front page's tile trends: a small chart without axes, meant to show a
 * direction, not values. The values are in the tile's text, the text alternative and the table.
 * On a slide (a frame well higher than a tile) there is no tile text around it: there the chart
 * gets its axes and its headline number (slideMarks).
 */
import * as Plot from '@observablehq/plot';
import { PALETTE } from '../palette';
import { plotStyle } from '../style';

export const SPARKLINE_WIDTH = 240;
export const SPARKLINE_HEIGHT = 64;

/** Whether the frame is a slide's rather than a tile's. */
export const onSlide = (height: number | undefined): boolean => height !== undefined && height > 2 * SPARKLINE_HEIGHT;

/** Plot options common to every sparkline: no axes, tight margins, inherits the page's font; on a slide, room for axes and the headline. */
export function sparklineOptions(width: number, document: Document, className: string, height = SPARKLINE_HEIGHT): Plot.PlotOptions {
	const slide = onSlide(height);
	return {
		document,
		width,
		height,
		margin: 6,
		...(slide ? { marginLeft: 52, marginBottom: 28, marginTop: 40, marginRight: 24 } : { marginRight: 10 }),
		axis: null,
		className,
		style: plotStyle(11, { overflow: 'visible' })
	};
}

export interface SlideAxes<T> {
	/** Tick labels of the x and y axes, in Dutch notation. */
	x: (d: never) => string;
	y: (d: number) => string;
	/** Explicit x ticks (years), else Plot's. */
	xTicks?: readonly unknown[];
	/** The headline: the row it stands above and its text ("34 plekken in 2026"). */
	headline?: { row: T; x: string | ((d: T) => unknown); y: string | ((d: T) => unknown); text: string };
}

/** On a slide: x and y axes with Dutch tick labels, a light grid, and the headline number above its point; on a tile: nothing. */
export function slideMarks<T>(height: number | undefined, { x, y, xTicks, headline }: SlideAxes<T>): Plot.Markish[] {
	if (!onSlide(height)) return [];
	return [
		Plot.gridY({ ticks: 4, strokeOpacity: 0.12 }),
		Plot.axisY({ ticks: 4, tickFormat: y, label: null, tickSize: 0 }),
		Plot.axisX({ ...(xTicks ? { ticks: xTicks as never } : { ticks: 5 }), tickFormat: x as never, label: null }),
		...(headline
			? [Plot.text([headline.row], { x: headline.x as never, y: headline.y as never, text: () => headline.text, dy: -14, textAnchor: 'end', lineAnchor: 'bottom', fontWeight: 700, fontSize: 18, fill: PALETTE.inkt, stroke: 'white', strokeWidth: 4, paintOrder: 'stroke' })]
			: [])
	];
}
