/**
 * Shared frame of the front page's tile trends: a small chart without axes, meant to show a
 * direction, not values. The values are in the tile's text, the text alternative and the table.
 */
import * as Plot from '@observablehq/plot';
import { PALETTE } from '../palette';

export const SPARKLINE_WIDTH = 240;
export const SPARKLINE_HEIGHT = 64;

/** Plot options common to every sparkline: no axes, tight margins, inherits the page's font. */
export function sparklineOptions(width: number, document: Document, className: string, height = SPARKLINE_HEIGHT): Plot.PlotOptions {
	return {
		document,
		width,
		height,
		margin: 6,
		marginRight: 10,
		axis: null,
		className,
		style: { fontSize: '11px', fontFamily: 'inherit', color: PALETTE.inkt, background: 'transparent', overflow: 'visible' }
	};
}
