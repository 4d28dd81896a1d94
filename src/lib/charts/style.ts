/** The root style every chart shares (views, tiles and notebooks): the page's font, ink colour and no background, since the frame draws it. */
import { PALETTE } from './palette';

/** The style of a Plot figure: 13 px text unless the builder asks for another size, plus what it adds (a sparkline's overflow). */
export function plotStyle(fontSize = 13, extra: Record<string, string> = {}): Record<string, string> {
	return { fontSize: `${fontSize}px`, fontFamily: 'inherit', color: PALETTE.inkt, background: 'transparent', ...extra };
}
