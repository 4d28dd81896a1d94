/**
 * Dark mode for the page and its charts, without rendering the charts twice. The builders draw with
 * the light palette (palette.ts and a few chart-specific constants), which is what every
 * export (SVG, PNG, PPTX, print) keeps. On the page, a stylesheet built here maps each light
 * colour of a mark to its dark-mode colour with attribute selectors (`[fill="#154273"]`): CSS
 * beats SVG presentation attributes, so the server-rendered SVG stays byte for byte the one
 * that is downloaded.
 *
 * The dark colours keep the light palette's hues (blue against orange, Okabe & Ito; Paul Tol's
 * series), lightened until each meaningful mark has at least 3:1 and each text colour 4.5:1 on
 * the dark background (WCAG 1.4.11, 1.4.3); theme.test.ts computes every pair, and checks that
 * the series stay apart under simulated protanopia, deuteranopia and tritanopia.
 *
 * Charts whose marks are a sequential colour ramp carrying their own black or white labels
 * (the tile map, the map, notebook cells and tiles) are not remapped: in dark mode they keep
 * their light background as a card, so every label keeps the contrast it was chosen for.
 */
import { BAND, PALETTE } from './palette';

/** The page background in each mode; charts draw on it (their own background is transparent). */
export const BACKGROUND = { licht: '#ffffff', donker: '#17191c' } as const;

/** The text colour of the charts' root (`color`, which Plot's axes and labels use as currentColor). */
export const INK = { licht: PALETTE.inkt, donker: '#e6e6e6' } as const;

export type MarkRole = 'text' | 'mark' | 'area' | 'surface';

export interface ThemedColour {
	/**
	 * What the colour is used for: text (4.5:1), a meaningful mark (3:1), a pale area that carries
	 * meaning (its `outline` has 3:1, and the marks drawn `over` it have 3:1 against it), or a
	 * surface without meaning of its own (separators, halos, a highlighted year: no minimum).
	 */
	role: MarkRole;
	licht: string;
	donker: string;
	/** For an area: the (light) colour of the outline that carries its contrast (WCAG 1.4.11). */
	outline?: string;
	/** For an area: the (light) colours of the marks drawn over it, which need 3:1 against it. */
	over?: readonly string[];
	/** Where it is used, for the test's messages. */
	use: string;
}

/**
 * Every colour the chart builders give a mark, with its dark-mode counterpart. A colour a
 * builder uses that is missing here stays as it is in dark mode; theme.test.ts checks the
 * committed chart snapshots for that.
 */
export const CHART_COLOURS: readonly ThemedColour[] = [
	{ role: 'mark', licht: PALETTE.blauw, donker: '#8cc4ff', use: 'main series (bestaand, definitief bod, Wlz-instroom)' },
	{ role: 'mark', licht: PALETTE.oranje, donker: '#f0913a', use: 'contrasting series (tekort, wat-als)' },
	{ role: 'text', licht: PALETTE.inkt, donker: INK.donker, use: 'labels, need ticks, reference lines' },
	{ role: 'text', licht: PALETTE.grijs, donker: '#a3a3a3', use: 'axes, gridlines, hidden-cell outlines and hatching, the P×Q label' },
	{ role: 'mark', licht: '#4f83bf', donker: '#536bcd', use: 'middle blue (gepland, notebook series 5)' },
	{ role: 'mark', licht: '#3b78b5', donker: '#207eb6', use: 'HKG aanvulling' },
	{ role: 'mark', licht: '#767676', donker: '#878787', use: 'HKG voorlopig bod' },
	{ role: 'mark', licht: BAND.rand, donker: '#8fa6c6', use: 'Wlz: other regions (bars, the outline of their band)' },
	{ role: 'text', licht: '#a14900', donker: '#f4a259', use: 'Wlz: orange labels' },
	{ role: 'mark', licht: '#117733', donker: '#188b41', use: 'notebook series 3 (Tol green)' },
	{ role: 'mark', licht: '#aa3377', donker: '#fd90d3', use: 'notebook series 4 (Tol purple)' },
	{ role: 'mark', licht: '#999933', donker: '#fcd25e', use: 'notebook series 6 (Tol olive)' },
	{ role: 'mark', licht: '#882255', donker: '#a85980', use: 'notebook series 7 (Tol wine)' },
	{ role: 'surface', licht: '#ffffff', donker: BACKGROUND.donker, use: 'white: bar separators, open marks, hatch ground' },
	{ role: 'surface', licht: 'white', donker: BACKGROUND.donker, use: 'white (named): separators, halos, open dots' },
	{ role: 'area', licht: '#fbe1c8', donker: '#4a2c14', outline: PALETTE.oranje, over: [PALETTE.inkt], use: 'capaciteit: pale tekort box (its orange dashed outline carries the contrast; the need tick over it)' },
	{ role: 'area', licht: '#f3d9c0', donker: '#3e2614', outline: PALETTE.oranje, over: ['#767676', '#3b78b5', PALETTE.blauw, PALETTE.inkt], use: 'HKG: pale tekort band (its orange outline carries the contrast; the rounds’ dots and the fair-share tick over it)' },
	{ role: 'area', licht: BAND.vlak, donker: '#2b3f57', outline: BAND.rand, over: [PALETTE.oranje, PALETTE.inkt, PALETTE.blauw], use: 'light blue band (middle half of the other regions, outlined; notebook areas, under their blue line)' },
	{ role: 'surface', licht: '#ececec', donker: '#2a2d31', use: 'planning: the current year band' }
];

/** Series that a chart shows side by side and must stay apart for colour-blind readers. */
export const SERIES_GROUPS: readonly (readonly string[])[] = [
	[PALETTE.blauw, PALETTE.oranje],
	[PALETTE.blauw, '#4f83bf', PALETTE.oranje],
	['#767676', '#3b78b5', PALETTE.blauw, PALETTE.oranje, PALETTE.inkt],
	[PALETTE.blauw, PALETTE.oranje, '#117733', '#aa3377', '#4f83bf', '#999933', '#882255', PALETTE.grijs]
];

/** Root classes of the charts drawn as a light card in dark mode (sequential fills with their own labels). */
export const LIGHT_CARD_CHARTS = ['chart-capaciteit-tegelkaart', 'chart-capaciteit-kaart', 'chart-regios-kaart', 'chart-notebook-cell', 'chart-notebook-tilemap'] as const;

/**
 * Colours only the light-card charts use, which need no dark counterpart: GEEN_TEKORT of
 * capaciteit/tekort-kleur.ts (not imported: this module is in every page's JavaScript, d3 is not).
 */
export const CARD_ONLY_COLOURS = ['#e8e8e8'];

/**
 * The page's colours (CSS custom properties). The light values are global.css's (theme.test.ts
 * checks they agree); the dark ones are set by pageThemeCss under the dark theme.
 */
export const PAGE_COLOURS = {
	'--achtergrond': { licht: '#ffffff', donker: BACKGROUND.donker },
	'--tekst': { licht: '#1a1a1a', donker: INK.donker },
	'--blauw-donker': { licht: '#154273', donker: '#9ec5f0' },
	'--blauw-lint': { licht: '#01689b', donker: '#8cc8f5' },
	'--blauw-licht': { licht: '#dce3ea', donker: '#263a52' },
	'--grijs-tekst': { licht: '#4a4a4a', donker: '#b8b8b8' },
	'--grijs-rand': { licht: '#8a8a8a', donker: '#8a8a8a' },
	'--grijs-lijn': { licht: '#cccccc', donker: '#45494f' },
	'--grijs-vlak': { licht: '#f3f3f3', donker: '#22252a' },
	'--fout': { licht: '#a90061', donker: '#ff8fc0' },
	'--fout-vlak': { licht: '#fbeef4', donker: '#3b1d2b' },
	'--waarschuwing-vlak': { licht: '#fff4dc', donker: '#3a2c12' },
	'--waarschuwing-rand': { licht: '#b35d00', donker: '#e59a3d' },
	'--waarschuwing-tekst': { licht: '#6b3700', donker: '#f4b26b' },
	'--ok': { licht: '#275937', donker: '#8fd19e' },
	'--ok-vlak': { licht: '#e7f3ea', donker: '#1b3323' },
	/** Behind white text: the header, primary buttons. */
	'--vlak-blauw': { licht: '#154273', donker: '#1d4f85' },
	'--vlak-blauw-nav': { licht: '#0f3055', donker: '#0f2a4a' },
	'--vlak-fout': { licht: '#a90061', donker: '#a90061' }
} as const;

export type PageColour = keyof typeof PAGE_COLOURS;

/** Text (4.5:1) and borders (3:1) the pages put on each background; theme.test.ts checks each in both modes. */
export const PAGE_PAIRS: readonly { fore: PageColour | '#ffffff'; back: PageColour; minimum: number }[] = [
	...(['--tekst', '--blauw-donker', '--blauw-lint', '--grijs-tekst', '--fout', '--ok', '--waarschuwing-tekst'] as const).map((fore) => ({ fore, back: '--achtergrond' as const, minimum: 4.5 })),
	...(['--tekst', '--blauw-donker', '--blauw-lint', '--grijs-tekst'] as const).map((fore) => ({ fore, back: '--grijs-vlak' as const, minimum: 4.5 })),
	{ fore: '--tekst', back: '--blauw-licht', minimum: 4.5 },
	{ fore: '--blauw-donker', back: '--blauw-licht', minimum: 4.5 },
	{ fore: '--tekst', back: '--fout-vlak', minimum: 4.5 },
	{ fore: '--fout', back: '--fout-vlak', minimum: 4.5 },
	{ fore: '--tekst', back: '--waarschuwing-vlak', minimum: 4.5 },
	{ fore: '--waarschuwing-tekst', back: '--waarschuwing-vlak', minimum: 4.5 },
	{ fore: '--tekst', back: '--ok-vlak', minimum: 4.5 },
	{ fore: '--ok', back: '--ok-vlak', minimum: 4.5 },
	{ fore: '#ffffff', back: '--vlak-blauw', minimum: 4.5 },
	{ fore: '#ffffff', back: '--vlak-blauw-nav', minimum: 4.5 },
	{ fore: '#ffffff', back: '--vlak-fout', minimum: 4.5 },
	{ fore: '--grijs-rand', back: '--achtergrond', minimum: 3 },
	{ fore: '--waarschuwing-rand', back: '--achtergrond', minimum: 3 }
];

/** The dark page colours under `scope`. */
function darkPageRules(scope: string): string {
	const properties = Object.entries(PAGE_COLOURS).map(([name, { donker }]) => `\t${name}: ${donker};`);
	return `${scope} {\n\tcolor-scheme: dark;\n${properties.join('\n')}\n}`;
}

/**
 * The dark theme of the whole page: the page colours and the charts. Screen only: print (and
 * so a PDF) is always light.
 */
export function themeCss(): string {
	return [
		'@media screen {',
		darkPageRules(':root[data-thema="donker"]'),
		`@media (prefers-color-scheme: dark) {\n${darkPageRules(':root:not([data-thema])')}\n}`,
		chartThemeCss(),
		'}'
	].join('\n');
}

/** The dark-mode counterpart of a light chart colour (itself when it has none). */
export function darkColour(light: string): string {
	return CHART_COLOURS.find((c) => c.licht.toLowerCase() === light.toLowerCase())?.donker ?? light;
}

/**
 * The rules that turn the page's charts and their legends dark, under `scope` (the selector
 * of the dark theme). Each light colour becomes its dark counterpart as fill and as stroke.
 */
function darkRules(scope: string): string {
	const card = LIGHT_CARD_CHARTS.map((c) => `.${c}`).join(', ');
	// Where the pages embed a server-rendered chart: the chart frame, the overview's tiles, the intake preview.
	const charts = `${scope} :is(.chart__svg, .tegel__trend, .paar__svg) svg:not(${card})`;
	const legends = `${scope} .legend__swatch`;
	const rules = [
		// Plot reads the root's color for axes and text (currentColor) and --plot-background for halos.
		`${charts} { color: ${INK.donker} !important; --plot-background: ${BACKGROUND.donker}; }`,
		`${scope} :is(.chart__svg, .paar__svg) svg:is(${card}) { background: ${BACKGROUND.licht} !important; color: ${INK.licht} !important; border-radius: 4px; }`,
		// A plain box swatch has a faint black edge (legend-swatch.ts) that vanishes on dark: a grey one instead. Outlined swatches keep their mark's outline.
		`${scope} .legend__swatch rect[stroke="#000000"] { stroke: ${darkColour(PALETTE.grijs)}; stroke-opacity: 1; stroke-width: 1px; }`
	];
	for (const { licht, donker } of CHART_COLOURS) {
		for (const attribute of ['fill', 'stroke']) {
			rules.push(`:is(${charts}, ${legends}) [${attribute}="${licht}" i] { ${attribute}: ${donker}; }`);
		}
	}
	return rules.join('\n');
}

/**
 * The dark-mode stylesheet of the charts: for `html[data-thema="donker"]` (the switch, or the
 * system setting read by static/thema.js), and for the system setting without JavaScript.
 */
export function chartThemeCss(): string {
	return [
		darkRules(':root[data-thema="donker"]'),
		`@media (prefers-color-scheme: dark) {\n${darkRules(':root:not([data-thema])')}\n}`
	].join('\n');
}

/** WCAG 2.1 relative luminance of a #rrggbb colour (or 'white'). */
export function relativeLuminance(colour: string): number {
	const hex = colour.toLowerCase() === 'white' ? 'ffffff' : colour.replace('#', '');
	const channel = (i: number) => {
		const s = parseInt(hex.slice(i, i + 2), 16) / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** WCAG 2.1 contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
	const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}
