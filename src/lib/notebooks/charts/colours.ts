/**
 * Colours of notebook charts, from the views' palette. Series start with the views' blue and
 * orange (distinguishable with every common colour-vision deficiency) and continue with colours
 * from Paul Tol's colour-blind-safe schemes (https://personal.sron.nl/~pault/), darkened where
 * needed so each has at least 3:1 contrast on white (WCAG 1.4.11); neighbours differ in
 * lightness as well as hue, so they stay apart in greyscale print.
 * Values (cell, tilemap) use the tile map's orange ramp; negative values get a blue ramp.
 */
import { interpolateBlues, interpolateOranges, rgb } from 'd3';
import { BAND, PALETTE } from '$lib/charts/palette';
import { GEEN_TEKORT } from '$lib/charts/capaciteit/tekort-kleur';

export const SERIES_COLOURS: readonly string[] = [
	PALETTE.blauw,
	PALETTE.oranje,
	/** Tol green, 5.7:1. */
	'#117733',
	/** Tol purple, 6.1:1. */
	'#aa3377',
	/** The views' middle blue (capaciteit: gepland), 3.9:1. */
	'#4f83bf',
	/** Tol olive, 3.0:1. */
	'#999933',
	/** Tol wine, 8.7:1. */
	'#882255',
	PALETTE.grijs
];

/** How many series one chart can tell apart by colour. */
export const MAX_SERIES = SERIES_COLOURS.length;

/** The colour of the i-th series (cycling only when a chart was compiled without its rows). */
export function seriesColour(index: number): string {
	return SERIES_COLOURS[index % SERIES_COLOURS.length];
}

/** The fill of a single-series area: the views' light blue band (wlz-instroom-per-jaar); the blue line on its top carries the contrast. */
export const VLAK = BAND.vlak;

/** A zero (or a range without spread) is neutral grey, as "geen tekort" on the tile map. */
export const NEUTRAAL = GEEN_TEKORT;
/** A tile without a value. */
export const LEEG = '#ffffff';
const START = 0.25;

/**
 * A fill for `value` given the extent of the values shown: above zero light → dark orange,
 * below zero light → dark blue, zero neutral grey. Both sides share one scale (the largest
 * distance from zero), so a small negative value stays pale next to a large positive one.
 */
export function valueColour(value: number | null, [min, max]: readonly [number, number]): string {
	if (value === null || Number.isNaN(value)) return LEEG;
	const reach = Math.max(Math.abs(min), Math.abs(max));
	if (value === 0 || reach === 0) return NEUTRAAL;
	return ramp(value > 0 ? interpolateOranges : interpolateBlues, Math.abs(value) / reach);
}

function ramp(interpolate: (t: number) => string, t: number): string {
	return rgb(interpolate(START + (1 - START) * Math.min(Math.max(t, 0), 1))).formatHex();
}
