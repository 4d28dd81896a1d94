/**
 * Colours of the maps: one sequential orange ramp (light → dark), so the order reads in
 * greyscale and with every colour-vision deficiency; "no tekort" is a neutral grey. Tiles and
 * areas also print their value, so the colour is never the only carrier (WCAG 1.4.1).
 */
import { interpolateOranges, rgb } from 'd3';
import type { LegendItem } from '../types';

export const GEEN_TEKORT = '#e8e8e8';
const START = 0.25;

/** Fill of a gemeente with this tekort when the largest in view is `max`. */
export function tekortKleur(tekort: number | null, max: number): string {
	if (tekort === null) return '#ffffff';
	if (tekort <= 0 || max <= 0) return GEEN_TEKORT;
	return rgb(interpolateOranges(START + (1 - START) * Math.min(tekort / max, 1))).formatHex();
}

function luminance(colour: string): number {
	const { r, g, b } = rgb(colour);
	const lin = (c: number) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Black or white text, whichever contrasts more with the fill (at least 4.5:1 on this ramp). */
export function tekstKleur(fill: string): string {
	const l = luminance(fill);
	const contrastBlack = (l + 0.05) / 0.05;
	const contrastWhite = 1.05 / (l + 0.05);
	return contrastWhite > contrastBlack ? '#ffffff' : '#1a1a1a';
}

export const KAART_LEGEND: readonly LegendItem[] = [
	{ label: 'Geen tekort', colour: GEEN_TEKORT, shape: 'bar' },
	{ label: 'Klein tekort', colour: tekortKleur(1, 4), shape: 'bar' },
	{ label: 'Groot tekort (donkerder = groter)', colour: tekortKleur(1, 1), shape: 'bar' }
];
