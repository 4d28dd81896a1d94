/**
 * The contract between the notebook parts (see notebooks/README.md for the format):
 * - parse.ts turns `notebooks/<slug>.md` into a Notebook (pure, no store);
 * - $lib/server/notebooks runs its SQL blocks in the sandbox and gives a NotebookRun;
 * - chart-spec.ts compiles a chart block into a ChartDefinition, like the views' charts;
 * - markdown.ts renders the prose with inline values from the run.
 */
import type { ChartDefinition } from '$lib/charts/types';

/** A position in the notebook file, 1-based, for messages ("regel 12"). */
export interface SourceLine {
	line: number;
}

export type NotebookParameterType = 'integer' | 'choice';

/** A parameter from the front matter: a filter on the page and in the URL (`?peiljaar=2024`). */
export interface NotebookParameter extends SourceLine {
	/** URL name and SQL name (`$peiljaar`): [a-z][a-z0-9_]*. */
	name: string;
	/** Dutch label of the filter. */
	label: string;
	type: NotebookParameterType;
	/** Default value as it appears in the URL. */
	default: string;
	/** integer: inclusive bounds. */
	min?: number;
	max?: number;
	/** choice: a fixed list of values ... */
	values?: { value: string; label: string }[];
	/** ... or the name of a SQL block without parameters whose rows give them (first column value, optional second column label). */
	valuesFrom?: string;
}

export interface NotebookFrontMatter {
	title: string;
	author?: string;
	description?: string;
	/** ISO date (YYYY-MM-DD). */
	date?: string;
	parameters: NotebookParameter[];
}

export interface MarkdownBlock extends SourceLine {
	kind: 'markdown';
	text: string;
}

export interface SqlBlock extends SourceLine {
	kind: 'sql';
	name: string;
	sql: string;
	/** Names of earlier SQL blocks this one reads as tables, in notebook order. */
	references: string[];
	/** `$name` parameters it uses. */
	parameters: string[];
}

/** The marks a chart block may ask for; each maps onto Plot marks with the views' conventions. */
export const CHART_MARKS = ['bar', 'barh', 'line', 'dot', 'area', 'cell', 'tilemap'] as const;
export type ChartMark = (typeof CHART_MARKS)[number];

/** A chart block's spec, as written in YAML (validated with zod in chart-spec.ts). */
export interface ChartSpec {
	/** The SQL block whose rows it draws. */
	query: string;
	mark: ChartMark;
	x?: string;
	y?: string;
	/** Column for colour (categories) or, for cell/tilemap, the value coloured. */
	fill?: string;
	/** Column for small multiples. */
	facet?: string;
	/** Column whose value is shown as the mark's label / tooltip name (default: x or y). */
	label?: string;
	/** Axis labels; default the column names. */
	xLabel?: string;
	yLabel?: string;
	/** How numbers are shown: 'getal' (default), 'procent' (fractions 0–1 as %), 'decimaal' (one decimal). */
	format?: 'getal' | 'procent' | 'decimaal';
	/** A horizontal (or for barh vertical) reference line at this value or the value of `{query.column}`. */
	rule?: number | string;
	/** The reference line's label (may hold `{…}` references); default the column's name, or 'referentie'. */
	ruleLabel?: string;
	title: string;
	subtitle?: string;
	/** Overrides the source line derived from the tables the query reads. */
	source?: string;
	/** Height in CSS pixels (default from the data). */
	height?: number;
}

export interface ChartBlock extends SourceLine {
	kind: 'chart';
	name: string;
	spec: ChartSpec;
}

export type NotebookBlock = MarkdownBlock | SqlBlock | ChartBlock;

export interface Notebook {
	slug: string;
	/** Path as given (for messages). */
	file: string;
	frontMatter: NotebookFrontMatter;
	blocks: NotebookBlock[];
}

/** A problem in a notebook file: the whole notebook cannot be used (shown as a Dutch page error). */
export interface NotebookProblem extends SourceLine {
	file: string;
	message: string;
}

export class NotebookParseError extends Error {
	constructor(readonly problems: NotebookProblem[]) {
		super(problems.map((p) => `${p.file}, regel ${p.line}: ${p.message}`).join('\n'));
		this.name = 'NotebookParseError';
	}
}

export type CellValue = string | number | boolean | null;
export type ResultRow = Record<string, CellValue>;

export interface ResultColumn {
	name: string;
	/** DuckDB type name, e.g. INTEGER, DOUBLE, VARCHAR, DATE. */
	type: string;
	numeric: boolean;
}

/** The outcome of one SQL block. Numbers come as JS numbers (BIGINT/DECIMAL converted), dates as ISO strings. */
export interface QueryResult {
	name: string;
	columns: ResultColumn[];
	rows: ResultRow[];
	/** True when the row limit cut the result. */
	truncated: boolean;
	/** Dutch message with DuckDB's own text when the block failed (also when a block it reads failed). */
	error?: string;
	ms: number;
	/** Store tables the query reads (directly or through earlier blocks), for its source line. */
	tables: string[];
}

/** Source line of a query's data: from the provenance of the exports behind its tables. */
export interface NotebookSource {
	bron: string;
	peildatum: string | null;
	illustratief: boolean;
	/** The disclosure sentence (afschermingZin) of the snapshot the notebook ran on. */
	afscherming: string;
	/** The export kinds behind the query, for the footer's link to /bronnen. */
	soorten?: readonly string[];
	/** The warning when one of them is more than a year old (domain/bronnen.ts). */
	verouderd?: string | null;
}

export interface NotebookRun {
	notebook: Notebook;
	/** The parameter values in force (URL value or default), as strings as in the URL. */
	parameters: Record<string, string>;
	/** Allowed values per choice parameter, resolved (valuesFrom run). */
	parameterValues: Record<string, { value: string; label: string }[]>;
	/** The region the notebook ran for (the built-in parameter `regio`, $regio in SQL). */
	regio?: string;
	results: Record<string, QueryResult>;
	sources: Record<string, NotebookSource>;
}

/** A chart block compiled for the shared chart machinery (frame, exports, deck). */
export type NotebookChartDefinition = ChartDefinition<ResultRow>;
