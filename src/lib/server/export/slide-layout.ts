/**
 * Where everything goes on a chart slide of the deck (LAYOUT_16x9, 10 × 5,625 inch): the title
 * and the subtitle at the top, the source line at the bottom, each a text box just as high as
 * its fitted text, and the chart area (the slide image) in all the room between them. Text is
 * fitted with the shipped font's metrics (font-metrics.ts): a long Dutch title wraps to a second
 * line or shrinks, never runs out of its box.
 */
import { fitText, lineHeight, type FontWeight } from './font-metrics';

/** The slide in inches. */
export const SLIDE = { w: 10, h: 5.625, margin: 0.4, top: 0.15, bottom: 0.1 } as const;

export interface TextStyle {
	/** Largest and smallest font size in points: the text gets the largest at which it fits, wrapped. */
	max: number;
	min: number;
	weight: FontWeight;
	/** The most height the text may take, in inches. */
	maxHeight: number;
}

export const TEXT_STYLES = {
	deckTitle: { max: 36, min: 24, weight: 700, maxHeight: 1.3 },
	titleLine: { max: 18, min: 12, weight: 400, maxHeight: 0.4 },
	title: { max: 24, min: 16, weight: 700, maxHeight: 0.8 },
	subtitle: { max: 14, min: 10, weight: 400, maxHeight: 0.42 },
	// room for three lines at 10 pt, four at 8: the source line and its disclaimers are never cut
	source: { max: 10, min: 8, weight: 400, maxHeight: 0.66 }
} as const satisfies Record<string, TextStyle>;

/** A box on the slide, in inches. */
export interface Box {
	x: number;
	y: number;
	w: number;
	h: number;
}

export interface TextBox extends Box {
	text: string;
	size: number;
	weight: FontWeight;
	/** The lines the text wraps to at `size` in `w` (measured). */
	lines: string[];
}

/** Share of a line's height added to a box, so a renderer that rounds line heights up still fits. */
const SLACK = 1.05;

/**
 * Room in a box's width for a font in place of ours. The deck names Source Sans 3 and does not
 * embed it; PowerPoint on a machine without it draws the text in a substitute, most likely
 * Arial or Calibri, whose lines are up to 10 % wider (Liberation Sans, Arial's metrics: 1,08 to
 * 1,10 on our titles and source lines). Text is fitted to the width divided by this, so that
 * such a substitute wraps it no more than ours does and a title does not run over its subtitle.
 */
export const SUBSTITUTE_ROOM = 1.1;

/** The text fitted into the width and at most the style's height: a box just as high as its lines. */
export function fitBox(text: string, style: TextStyle, { x, y, w }: { x: number; y: number; w: number }): TextBox {
	const fitted = fitText(text, { width: (w * 72) / SUBSTITUTE_ROOM, height: (style.maxHeight * 72) / SLACK, max: style.max, min: style.min, weight: style.weight });
	const h = (fitted.lines.length * lineHeight(fitted.size, style.weight) * SLACK) / 72;
	return { x, y, w, h: Math.min(h, style.maxHeight), text: fitted.lines.join(' '), size: fitted.size, weight: style.weight, lines: fitted.lines };
}

export interface ChartSlideLayout {
	title: TextBox;
	subtitle?: TextBox;
	source: TextBox;
	/** The chart area: the slide image fills it exactly. */
	chart: Box;
}

/** Gaps between the parts, in inches. */
const GAP = { subtitle: 0.03, chart: 0.1, source: 0.06 };

/** The layout of a chart slide with this title, subtitle (may be empty) and source line. */
export function chartSlideLayout({ title, subtitle, source }: { title: string; subtitle?: string; source: string }): ChartSlideLayout {
	const x = SLIDE.margin;
	const w = SLIDE.w - 2 * SLIDE.margin;
	const titleBox = fitBox(title, TEXT_STYLES.title, { x, y: SLIDE.top, w });
	let bottom = titleBox.y + titleBox.h;
	let subtitleBox: TextBox | undefined;
	if (subtitle?.trim()) {
		subtitleBox = fitBox(subtitle, TEXT_STYLES.subtitle, { x, y: bottom + GAP.subtitle, w });
		bottom = subtitleBox.y + subtitleBox.h;
	}
	const sourceFit = fitBox(source, TEXT_STYLES.source, { x, y: 0, w });
	const sourceBox = { ...sourceFit, y: SLIDE.h - SLIDE.bottom - sourceFit.h };
	const top = bottom + GAP.chart;
	return { title: titleBox, subtitle: subtitleBox, source: sourceBox, chart: { x, y: top, w, h: sourceBox.y - GAP.source - top } };
}
