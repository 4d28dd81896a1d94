/**
 * How small a chart may be shown (WCAG 1.4.4, issue 15): the page scales a server-rendered SVG
 * to its box (max-width: 100%), which shrinks its text with it. No text may be shown below
 * MIN_TEXT_PX, so the frame gives the SVG a minimum width (the rest scrolls inside the chart's
 * box), and with JavaScript it asks the server for the chart drawn for the box's width instead.
 */

/** The smallest text size a chart may be shown at, in CSS pixels. */
export const MIN_TEXT_PX = 12;

/** The narrowest layout width a chart is drawn for (GET /charts/<id>.svg?breedte=…). */
export const MIN_CHART_WIDTH = 200;

/** The widest layout width a chart is drawn for on request. */
export const MAX_CHART_WIDTH = 1600;

/** Layout widths are asked for in steps of this many pixels, so neighbouring screens share one render (and the browser's cache). */
export const WIDTH_STEP = 10;

export interface SvgTextLayout {
	/** The width of the root's coordinate system (viewBox, else width), in user units. */
	width: number;
	/** The smallest font size the SVG sets (its root style, else its root attribute, and every element's font-size attribute). */
	minFontSize: number;
}

const number = (value: string | undefined): number | undefined => {
	const n = value === undefined ? NaN : Number(value);
	return Number.isFinite(n) && n > 0 ? n : undefined;
};

/**
 * The layout of a serialised chart SVG, read from its markup (there is no layout engine on the
 * server). The root's style (Plot's `style` option) wins over its font-size attribute, as in CSS;
 * font sizes inside are attributes (Plot's `fontSize` of a mark). Null when it is no SVG.
 */
export function svgTextLayout(svg: string): SvgTextLayout | null {
	const root = /^\s*<svg\b[^>]*>/.exec(svg)?.[0];
	if (!root) return null;
	const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(root)?.[1];
	const viewBoxWidth = number(attribute('viewBox')?.trim().split(/[\s,]+/)[2]);
	const width = viewBoxWidth ?? number(attribute('width'));
	if (width === undefined) return null;
	const styleSize = number(/(?:^|;)\s*font-size\s*:\s*([\d.]+)px/.exec(attribute('style') ?? '')?.[1]);
	const rootSize = styleSize ?? number(attribute('font-size')) ?? 16;
	const inner = [...svg.slice(root.length).matchAll(/\sfont-size="([\d.]+)(?:px)?"/g)].map((m) => Number(m[1])).filter((n) => n > 0);
	return { width, minFontSize: Math.min(rootSize, ...inner) };
}

/**
 * The narrowest the SVG may be shown so that its smallest text stays at least MIN_TEXT_PX:
 * 760 wide with 13 px text → 702. Null when the markup says nothing about its layout.
 */
export function minDisplayWidth(svg: string): number | null {
	const layout = svgTextLayout(svg);
	if (!layout) return null;
	return Math.ceil((layout.width * MIN_TEXT_PX) / Math.max(layout.minFontSize, 0.1));
}

/**
 * The layout width to ask the server for in a box `available` pixels wide, or null when the
 * chart as rendered (`natural` wide) fits: a step below the box, never below MIN_CHART_WIDTH.
 */
export function layoutWidthFor(available: number, natural: number): number | null {
	if (!(available > 0) || available >= natural) return null;
	return Math.max(MIN_CHART_WIDTH, Math.floor(available / WIDTH_STEP) * WIDTH_STEP);
}
