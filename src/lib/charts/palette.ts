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
 * One series, one colour across charts: the region the monitor is about is orange in every
 * Wlz chart (its line, its bar, its reference rule), the other regions' median is ink, so a
 * reader who learnt them on one chart reads them on the next.
 */
export const REEKS = {
	dezeRegio: PALETTE.oranje,
	mediaanAndereRegios: PALETTE.inkt
} as const;
