/**
 * The contract every chart builder follows. A builder is pure: rows and options in, an SVG
 * element out, with the DOM implementation passed in (linkedom on the server, the real
 * document in the browser). The same builder serves the page, the SVG/PNG/CSV export and
 * the presentation deck, so a chart id plus its filters always gives the same figure.
 */

export interface ChartOptions {
	/** Width in CSS pixels; the height follows from the data. */
	width?: number;
	/** A fixed height in CSS pixels, for a frame of given size (a slide's chart area); default: from the data. */
	height?: number;
	/** The document to create elements in: `parseHTML(...).document` on the server. */
	document: Document;
}

/** What the chart frame prints around every chart (README, "Wat is dit?": bron, peildatum, illustratief, afscherming). */
export interface ChartMeta {
	/** States the finding's subject: "Tekort per voorzieningstype in de regio, peiljaar 2024". */
	title: string;
	/** The filters that produced the figure. */
	subtitle?: string;
	/** Source(s) of the data; several sources are joined with "; ". */
	bron: string;
	/** ISO date of the (latest) peildatum of the data shown. */
	peildatum: string | null;
	/** Whether (part of) the data is illustrative rather than a real figure. */
	illustratief: boolean;
	/** The disclosure sentence of the footer (afschermingZin): "Aantallen onder 5 zijn afgeschermd (AVG)." */
	afscherming: string;
	/** The export kinds the figures rest on: the footer links to their explanation on /bronnen. */
	soorten?: readonly string[];
	/** The warning when a source the chart rests on is more than a year old (verouderdZin in domain/bronnen.ts). */
	verouderd?: string | null;
}

/**
 * One entry of the legend (on the page, in exports, on slides). It describes its mark as drawn,
 * so the swatch (legend-swatch.ts) looks like the mark: legend.test.ts compares the two.
 */
export interface LegendItem {
	label: string;
	/** The mark's colour: the fill of bars, areas and dots, the stroke of lines and ticks. */
	colour: string;
	/**
	 * A filled box for bars and areas, a short vertical line for ticks and vertical rules, a
	 * horizontal line for lines and horizontal rules, the mark's symbol for dots, an open hatched
	 * square for hidden cells.
	 */
	shape: 'bar' | 'tick' | 'line' | 'dot' | 'afgeschermd';
	/** The symbol of a dot, by Plot's name; default circle. */
	symbol?: 'circle' | 'square' | 'diamond' | 'diamond2';
	/** The outline of a bar, area or dot drawn with one (a pale box with an orange border). */
	stroke?: string;
	/** The mark's stroke-dasharray, as the builder gives it (a dashed line, a dashed outline). */
	dash?: string;
}

/** The table view of a chart's data: already formatted (nl-NL) for display. */
export interface ChartTable {
	columns: { label: string; numeric: boolean }[];
	rows: string[][];
	/** Set when the page shows only the first rows: how many the chart has (downloads have all). */
	totalRows?: number;
	/** With totalRows: how many rows the page shows (the rows may be left out of the hydration data). */
	shownRows?: number;
}

/**
 * A chart: rows, and beside them the options the view chose that change how the rows are shown
 * (`maat`: absolute or per 10.000; the scenario's `reductie`), not copied into every row. Every
 * option has a default (`defaults`), so a caller that has rows alone gets the default figure.
 */
export interface ChartDefinition<Row, Options extends object = Record<never, never>> {
	/** Stable id: used in URLs (/charts/<id>.svg) and saved presentation maps. Never rename. */
	id: string;
	/** The options when a caller gives none. */
	defaults?: Options;
	build(rows: readonly Row[], options: ChartOptions & Partial<Options>): SVGSVGElement;
	/** A short Dutch text alternative stating the main finding (WCAG 1.1.1). */
	describe(rows: readonly Row[], options?: Partial<Options>): string;
	table(rows: readonly Row[], options?: Partial<Options>): ChartTable;
	legend: readonly LegendItem[];
	/** The entries of `legend` the rows show, where some depend on the data (a what-if bid); default: all of them. */
	legendOf?(rows: readonly Row[], options?: Partial<Options>): readonly LegendItem[];
}

/** What a chart with options implements: each function gets the options complete (defaults filled in). */
export interface ChartWithOptions<Row, Options extends object> {
	id: string;
	defaults: Options;
	build(rows: readonly Row[], options: ChartOptions & Options): SVGSVGElement;
	describe(rows: readonly Row[], options: Options): string;
	table(rows: readonly Row[], options: Options): ChartTable;
	legend: readonly LegendItem[];
	legendOf?(rows: readonly Row[], options: Options): readonly LegendItem[];
}

/** A chart with options: the spec's functions, called with the defaults under what the caller gives. */
export function defineChart<Row, Options extends object>(spec: ChartWithOptions<Row, Options>): ChartDefinition<Row, Options> {
	const { defaults, legendOf } = spec;
	return {
		id: spec.id,
		defaults,
		legend: spec.legend,
		build: (rows, options) => spec.build(rows, { ...defaults, ...options }),
		describe: (rows, options) => spec.describe(rows, { ...defaults, ...options }),
		table: (rows, options) => spec.table(rows, { ...defaults, ...options }),
		...(legendOf ? { legendOf: (rows: readonly Row[], options?: Partial<Options>) => legendOf(rows, { ...defaults, ...options }) } : {})
	};
}

/**
 * The chart with these options fixed: what a loaded chart hands to callers that pass rows alone
 * (the renderers and the exports). Without options, the chart itself.
 */
export function withOptions<Row, Options extends object>(chart: ChartDefinition<Row, Options>, options?: Partial<Options>): ChartDefinition<Row> {
	if (!options || Object.keys(options).length === 0) return chart as ChartDefinition<Row>;
	const { legendOf } = chart;
	return {
		id: chart.id,
		legend: chart.legend,
		build: (rows, o) => chart.build(rows, { ...o, ...options }),
		describe: (rows) => chart.describe(rows, options),
		table: (rows) => chart.table(rows, options),
		...(legendOf ? { legendOf: (rows: readonly Row[]) => legendOf.call(chart, rows, options) } : {})
	};
}

/** A chart rendered on the server, ready for the ChartFrame component. */
export interface RenderedChart {
	id: string;
	/** The serialised SVG, with xmlns, role="img" and an aria-label. */
	svg: string;
	description: string;
	table: ChartTable;
	legend: readonly LegendItem[];
}
