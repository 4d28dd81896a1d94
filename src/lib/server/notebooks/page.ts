/**
 * A notebook run → what its page shows, block by block: prose as HTML with inline values, SQL
 * blocks with their (first) rows formatted nl-NL or their error, charts rendered on the server
 * like the views' charts or a Dutch message why one cannot be drawn. The route and the CLI's
 * `--html` share it.
 */
import { formatInline } from '$lib/notebooks/inline';
import { headingDepths, headingLevel, renderMarkdown } from '$lib/notebooks/markdown';
import type { Notebook, NotebookRun, QueryResult } from '$lib/notebooks/types';
import { PAGE_TABLE_ROWS, renderLoaded, type ViewChart } from '$lib/server/charts/common';
import { notebookCharts, parametersInWords } from './charts';

/**
 * Rows of a SQL block's result a page holds at most, as a chart's table: the page route cuts them
 * further to their first 50 unless the URL asks for all (`alle=sql.<name>`, $lib/server/charts/page-data).
 */
export const SHOWN_ROWS = PAGE_TABLE_ROWS;

export type PageBlock =
	| { kind: 'markdown'; html: string }
	| {
			kind: 'sql';
			name: string;
			line: number;
			sql: string;
			columns: { name: string; numeric: boolean }[];
			rows: string[][];
			shownRows: number;
			/** Rows the page shows when the URL asks for all of them: every row, up to {@link SHOWN_ROWS}. */
			alleRows: number;
			rowCount: number;
			/** The sandbox stopped reading at its row limit: the query gives more than `rowCount`. */
			truncated: boolean;
			ms: number;
			error?: string;
	  }
	/** `level`: the chart title's heading level, one below the section it stands in (2 before any heading). */
	| { kind: 'chart'; name: string; id: string; level: 2 | 3 | 4 | 5 | 6; chart?: ViewChart; error?: string };

export interface PageParameter {
	name: string;
	label: string;
	type: 'integer' | 'choice';
	value: string;
	min?: number;
	max?: number;
	values: { value: string; label: string }[];
}

function sqlBlock(result: QueryResult, line: number, sql: string): PageBlock {
	return {
		kind: 'sql',
		name: result.name,
		line,
		sql,
		columns: result.columns.map((c) => ({ name: c.name, numeric: c.numeric })),
		rows: result.rows.slice(0, SHOWN_ROWS).map((row) => result.columns.map((c) => formatInline(row[c.name] ?? null, undefined, c.type, c.name))),
		// The page's hydration data may leave the rows out ($lib/server/charts/page-data): their number stays.
		shownRows: Math.min(result.rows.length, SHOWN_ROWS),
		alleRows: Math.min(result.rows.length, SHOWN_ROWS),
		rowCount: result.rows.length,
		truncated: result.truncated,
		ms: result.ms,
		error: result.error
	};
}

/**
 * The page shows the front matter's title as its h1; a notebook that also opens with that title
 * as `# heading` (natural in any markdown editor) would show it twice, so that line is left out.
 */
export function withoutTitleHeading(text: string, title: string): string {
	return text.replace(/^\s*#[ \t]+(.+?)[ \t#]*(?:\r?\n|$)/, (line, heading: string) => (heading.trim() === title.trim() ? '' : line));
}

/**
 * The page's blocks. Headings are levelled over the whole notebook (its shallowest heading is an
 * h2, under the page's h1) and a chart's title is one level below the section it stands in, so
 * the outline never skips a level (axe: heading-order).
 */
export async function pageBlocks(run: NotebookRun): Promise<PageBlock[]> {
	const charts = new Map((await notebookCharts(run)).map((c) => [c.block.name, c]));
	const texts = run.notebook.blocks.map((block, i) =>
		block.kind !== 'markdown' ? null : i === 0 ? withoutTitleHeading(block.text, run.notebook.frontMatter.title) : block.text
	);
	const depths = texts.map((text) => (text === null ? [] : headingDepths(text)));
	const topDepth = Math.min(...depths.flat(), 6);
	let section = 1;
	return run.notebook.blocks.map((block, i): PageBlock => {
		if (block.kind === 'markdown') {
			const last = depths[i].at(-1);
			if (last !== undefined) section = headingLevel(last, topDepth);
			return { kind: 'markdown', html: renderMarkdown(texts[i] ?? '', run, { topDepth }) };
		}
		if (block.kind === 'sql') return sqlBlock(run.results[block.name], block.line, block.sql);
		const chart = charts.get(block.name)!;
		const level = Math.min(section + 1, 6) as 2 | 3 | 4 | 5 | 6;
		return chart.error !== undefined
			? { kind: 'chart', name: block.name, id: chart.id, level, error: chart.error }
			: { kind: 'chart', name: block.name, id: chart.id, level, chart: renderLoaded(chart.loaded) };
	});
}

export interface NotebookPage {
	title: string;
	author: string | null;
	description: string | null;
	date: string | null;
	parameters: PageParameter[];
	parametersInWords: string;
	blocks: PageBlock[];
}

/** Everything the notebook page shows for one run. */
export async function notebookPage(notebook: Notebook, run: NotebookRun): Promise<NotebookPage> {
	return {
		title: notebook.frontMatter.title,
		author: notebook.frontMatter.author ?? null,
		description: notebook.frontMatter.description ?? null,
		date: notebook.frontMatter.date ?? null,
		parameters: notebook.frontMatter.parameters.map((p) => ({
			name: p.name,
			label: p.label,
			type: p.type,
			value: run.parameters[p.name],
			min: p.min,
			max: p.max,
			values: run.parameterValues[p.name] ?? []
		})),
		parametersInWords: parametersInWords(run),
		blocks: await pageBlocks(run)
	};
}
