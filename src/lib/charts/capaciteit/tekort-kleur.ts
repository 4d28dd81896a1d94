/**
 * Colours of the maps: classes of tekort on one sequential orange ramp (light → dark), so the
 * order reads in greyscale and with every colour-vision deficiency; "no tekort" is a neutral
 * grey. The classes have round limits (1–10, 11–20, …), which the legend names; tiles and areas
 * also print their value, so the colour is never the only carrier (WCAG 1.4.1).
 */
import { interpolateOranges, rgb, tickStep } from 'd3';
import { PALETTE } from '../palette';
import type { LegendItem } from '../types';
import { formatMaat, type Maat } from './rows';

export const GEEN_TEKORT = '#e8e8e8';
const START = 0.25;
/** At most this many classes of tekort. */
const MAX_KLASSEN = 5;

/** The classes of tekort for values up to `max`: their upper limits, in round steps, the last one `max` itself. */
export interface TekortKlassen {
	maat: Maat;
	grenzen: number[];
}

export function tekortKlassen(max: number, maat: Maat = 'absolute'): TekortKlassen {
	if (!(max > 0)) return { maat, grenzen: [] };
	let grenzen: number[] = [];
	for (let count = 4; count >= 1; count--) {
		// whole places need whole limits; rates two decimals at most
		const step = maat === 'absolute' ? Math.max(1, Math.round(tickStep(0, max, count))) : Math.max(0.01, tickStep(0, max, count));
		grenzen = [];
		for (let limit = step; limit < max - 1e-9; limit = Math.round((limit + step) * 100) / 100) grenzen.push(limit);
		grenzen.push(max);
		if (grenzen.length <= MAX_KLASSEN) break;
	}
	return { maat, grenzen };
}

/** Fill of a gemeente with this tekort in these classes (tekortKlassen of the largest tekort in view). */
export function tekortKleur(tekort: number | null, klassen: TekortKlassen): string {
	if (tekort === null) return '#ffffff';
	const n = klassen.grenzen.length;
	if (tekort <= 0 || n === 0) return GEEN_TEKORT;
	const index = klassen.grenzen.findIndex((limit) => tekort <= limit + 1e-9);
	const klasse = index < 0 ? n - 1 : index;
	return rgb(interpolateOranges(START + (1 - START) * (n === 1 ? 1 : klasse / (n - 1)))).formatHex();
}

/** `1–10`, `11–20`, `4` (a class of one value); rates `0,01–0,50`. */
function klasseLabel(lower: number, upper: number, maat: Maat): string {
	const format = (v: number) => formatMaat(v, maat);
	const from = maat === 'absolute' ? Math.floor(lower) + 1 : Math.round(lower * 100 + 1) / 100;
	const to = maat === 'absolute' ? Math.ceil(upper) : upper;
	return from >= to ? format(to) : `${format(from)}–${format(to)}`;
}

/** The legend of the maps for these rows: no tekort, then each class with its limits. */
export function kaartLegend(klassen: TekortKlassen): readonly LegendItem[] {
	const eenheid = klassen.maat === 'absolute' ? '' : ' per 10.000 inw.';
	return [
		{ label: 'Geen tekort', colour: GEEN_TEKORT, shape: 'bar' },
		...klassen.grenzen.map((upper, i): LegendItem => ({
			label: `${i === 0 ? 'Tekort ' : ''}${klasseLabel(i === 0 ? 0 : klassen.grenzen[i - 1], upper, klassen.maat)}${i === klassen.grenzen.length - 1 ? eenheid : ''}`,
			colour: tekortKleur(upper, klassen),
			shape: 'bar'
		}))
	];
}

function luminance(colour: string): number {
	const { r, g, b } = rgb(colour);
	const lin = (c: number) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * The ink (#1a1a1a) or white text, whichever contrasts more with the fill; where neither
 * reaches 4.5:1 (WCAG 1.4.3: mid oranges of the notebooks' ramp give the ink 4.1–4.4:1),
 * pure black, which reaches at least 4.58:1 on any fill white does not.
 */
export function tekstKleur(fill: string): string {
	const l = luminance(fill);
	const contrastInk = (l + 0.05) / (luminance(PALETTE.inkt) + 0.05);
	const contrastWhite = 1.05 / (l + 0.05);
	if (Math.max(contrastInk, contrastWhite) < 4.5) return '#000000';
	return contrastWhite > contrastInk ? '#ffffff' : PALETTE.inkt;
}

/** The legend without rows to take the classes from. */
export const KAART_LEGEND: readonly LegendItem[] = [
	{ label: 'Geen tekort', colour: GEEN_TEKORT, shape: 'bar' },
	{ label: 'Tekort (donkerder = groter)', colour: tekortKleur(1, { maat: 'absolute', grenzen: [1] }), shape: 'bar' }
];
