/**
 * Chart colours. Blue against orange stays distinguishable with every common colour-vision
 * deficiency (Okabe & Ito, 2008); each colour has at least 3:1 contrast on white (WCAG 1.4.11),
 * and adjacent bar segments are separated by a white stroke rather than by hue alone.
 */
export const PALETTE = {
	/** Rijkshuisstijl dark blue, 10.3:1 on white: the main series. */
	blauw: '#154273',
	/** Okabe-Ito vermillion, darkened to 4.3:1 on white: the contrasting series. */
	oranje: '#c55a00',
	/** Near-black for reference marks (needs, targets) and labels. */
	inkt: '#1a1a1a',
	/** Gridlines and axes. */
	grijs: '#6b6b6b'
} as const;

/**
 * The light blue band of a spread (the other regions' middle half; a notebook's area): a pale
 * fill whose outline carries the 3:1 contrast on white (WCAG 1.4.11: rand 3.2:1, the fill alone
 * 1.4:1), light enough that the orange line drawn over it keeps 3:1 against it (3.1:1).
 */
export const BAND = { vlak: '#cddaeb', rand: '#7a93b5' } as const;

/**
 * One series, one colour across charts: the region the monitor is about is orange in every
 * Wlz chart (its line, its bar, its reference rule), the other regions' median is ink, so a
 * reader who learnt them on one chart reads them on the next.
 */
export const REEKS = {
	dezeRegio: PALETTE.oranje,
	mediaanAndereRegios: PALETTE.inkt
} as const;
