/**
 * A notebook's charts as the rest of the app knows charts: a LoadedChart per chart block,
 * addressable as `notebook/<slug>/<chart>` (GET /charts/notebook/<slug>/<chart>.png?…, the
 * presentatiemap and the deck), with the notebook's parameters as the chart's filters.
 */
import { afschermingZin } from '$lib/domain/disclosure';
import { DREMPEL_STANDAARD } from '$lib/domain/schemas';
import { error } from '@sveltejs/kit';
import { compileChart, isChartSpecError } from '$lib/notebooks/chart-spec';
import { findReferences, referenceAt, resolveText } from '$lib/notebooks/inline';
import type { ChartBlock, ChartSpec, Notebook, NotebookRun, ResultRow } from '$lib/notebooks/types';
import { fileWords, slug as slugWord, VIEW_WIDTH } from '$lib/server/charts/common';
import type { ChartLoader, ChartParameter, LoadedChart } from '$lib/server/charts/types';
import { gemeenten } from '$lib/server/db/queries';
import { findNotebook, type NotebookEntry } from './catalog';
import { runNotebook } from './run';

const PREFIX = 'notebook/';
const ID = /^notebook\/([a-z0-9][a-z0-9-]{0,79})\/([a-z][a-z0-9-]{0,79})$/;

export function notebookChartId(slug: string, chart: string): string {
	return `${PREFIX}${slug}/${chart}`;
}

export function isNotebookChartId(id: string): boolean {
	return id.startsWith(PREFIX);
}

/** The notebook page a chart belongs to. */
export const notebookPath = (slug: string) => `/notebooks/${slug}`;

/**
 * The parameters in words, for subtitles and slide notes: "Peiljaar: 2024 · Gemeente: Dordrecht".
 * A choice shows its label, without repeating the parameter's name when the label already
 * starts with it ("Periode 2024-2027", not "Periode Periode 2024-2027"). `except`: parameters
 * the text already names itself.
 */
export function parametersInWords(run: NotebookRun, except: ReadonlySet<string> = new Set()): string {
	return run.notebook.frontMatter.parameters
		.filter((p) => !except.has(p.name))
		.map((p) => {
			const value = run.parameters[p.name];
			const label = run.parameterValues[p.name]?.find((v) => v.value === value)?.label ?? value;
			return label.toLowerCase().startsWith(p.label.toLowerCase()) ? label : `${p.label}: ${label}`;
		})
		.join(' · ');
}

/** The parameters a text refers to itself (`{peiljaar}`). */
function namedParameters(...texts: (string | undefined)[]): Set<string> {
	return new Set(texts.flatMap((text) => (text ? findReferences(text) : [])).flatMap(({ reference }) => (reference.kind === 'parameter' ? [reference.name] : [])));
}

export type NotebookChartResult = { block: ChartBlock; id: string; loaded: LoadedChart<ResultRow>; error?: undefined } | { block: ChartBlock; id: string; loaded?: undefined; error: string };

/**
 * Chart blocks of a run, compiled (all of them, or those `only` names): a chart that cannot be
 * drawn gets a Dutch message instead. The gemeenten are read only when a tile map needs them.
 */
export async function notebookCharts(run: NotebookRun, only?: string): Promise<NotebookChartResult[]> {
	const blocks = run.notebook.blocks.filter((b): b is ChartBlock => b.kind === 'chart' && (only === undefined || b.name === only));
	// A tile map shows the gemeenten of the region the notebook ran for.
	const tiles = blocks.some((b) => b.spec.mark === 'tilemap') ? await gemeenten({ regio: run.regio }) : undefined;
	return blocks.map((block) => {
		const id = notebookChartId(run.notebook.slug, block.name);
		try {
			return { block, id, loaded: loadedChart(run, block, tiles) };
		} catch (e) {
			if (e instanceof NotebookChartError || isChartSpecError(e)) return { block, id, error: e.message };
			throw e;
		}
	});
}

class NotebookChartError extends Error {
	override name = 'NotebookChartError';
}

function loadedChart(run: NotebookRun, block: ChartBlock, tiles: Awaited<ReturnType<typeof gemeenten>> | undefined): LoadedChart<ResultRow> {
	const { spec } = block;
	const result = run.results[spec.query];
	if (!result) throw new NotebookChartError(`Grafiek '${block.name}': SQL-blok '${spec.query}' bestaat niet.`);
	if (result.error) throw new NotebookChartError(`Grafiek '${block.name}' kan niet worden getekend: ${result.error}`);
	const text = (value: string) => resolveText(value, run);
	const rule = ruleValue(spec.rule, run);
	const id = notebookChartId(run.notebook.slug, block.name);
	const definition = compileChart(id, spec.ruleLabel ? { ...spec, ruleLabel: text(spec.ruleLabel) } : spec, {
		columns: result.columns,
		rows: result.rows,
		gemeenten: tiles,
		rule
	});
	const source = run.sources[spec.query] ?? { bron: 'onbekend', peildatum: null, illustratief: false, afscherming: afschermingZin(DREMPEL_STANDAARD) };
	// The subtitle states the parameters in force, except those the title or subtitle already show.
	const filters = parametersInWords(run, namedParameters(spec.title, spec.subtitle));
	const subtitle = [spec.subtitle ? text(spec.subtitle) : '', filters].filter((s) => s !== '').join(' · ');
	return {
		definition,
		rows: result.rows,
		meta: {
			title: text(spec.title),
			subtitle: subtitle || undefined,
			bron: spec.source ? text(spec.source) : source.bron,
			peildatum: source.peildatum,
			illustratief: source.illustratief,
			afscherming: source.afscherming,
			soorten: source.soorten,
			verouderd: source.verouderd
		},
		width: VIEW_WIDTH,
		fileWords: [
			...fileWords(`notebook-${run.notebook.slug}`),
			slugWord(block.name),
			...run.notebook.frontMatter.parameters.map((p) => slugWord(run.parameters[p.name] ?? ''))
		].filter((w) => w !== '')
	};
}

/** The reference line's value: a number, or the raw (unformatted, unrounded) value of `{query.column}` in its first row. */
function ruleValue(rule: ChartSpec['rule'], run: NotebookRun): number | null {
	if (typeof rule === 'number') return rule;
	if (rule === undefined) return null;
	const reference = referenceAt(rule.trim());
	const value = reference?.kind === 'value' ? run.results[reference.block]?.rows[0]?.[reference.column] : undefined;
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The loader of a notebook chart id (`notebook/<slug>/<chart>`), or undefined when there is no such chart. */
export function notebookChartLoader(id: string): ChartLoader | undefined {
	const match = ID.exec(id);
	if (!match) return undefined;
	const [, slug, name] = match;
	const entry = findNotebook(slug);
	const block = entry?.notebook?.blocks.find((b): b is ChartBlock => b.kind === 'chart' && b.name === name);
	if (!entry?.notebook || !block) return undefined;
	const usable = entry as NotebookEntry & { notebook: Notebook };
	return {
		id,
		view: notebookPath(slug),
		title: block.spec.title,
		parameters: async () => notebookParameters(await runNotebook(usable.notebook, new URLSearchParams())),
		load: async (url) => {
			const run = await runNotebook(usable.notebook, url.searchParams);
			const [chart] = await notebookCharts(run, name);
			if (!chart) error(404, `Er is geen grafiek '${name}' in notebook '${slug}'.`);
			if (chart.error !== undefined) error(404, `Deze grafiek is er niet: ${chart.error}`);
			return chart.loaded as LoadedChart;
		}
	};
}

/** A notebook's parameters as GET /charts lists filters. */
export function notebookParameters(run: NotebookRun): ChartParameter[] {
	return run.notebook.frontMatter.parameters.map((p) => ({
		name: p.name,
		label: p.label,
		values: p.type === 'choice' ? (run.parameterValues[p.name] ?? []).map((v) => v.value) : undefined,
		default: p.default
	}));
}
