/**
 * Every chart's loader by its registry id: the views, GET /charts, the export endpoints and
 * the deck all load a chart here, so one id plus one query string is one figure everywhere.
 */
import { error, isHttpError } from '@sveltejs/kit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FilterError } from '$lib/filters';
import { CHART_VIEWS, VIEW_LOADERS } from '$lib/server/views';
import type { ChartLoader, ChartParameter, LoadedChart } from './types';
import { listNotebooks, notebooksDir, type NotebookEntry } from '$lib/server/notebooks/catalog';
import { isNotebookChartId, notebookChartId, notebookChartLoader } from '$lib/server/notebooks/charts';

export type { ChartLoader, ChartParameter, LoadedChart } from './types';

/** Every view chart's loader by its id (derived from the view definitions, $lib/server/views). */
export const CHART_LOADERS: Readonly<Record<string, ChartLoader>> = VIEW_LOADERS;

/**
 * The loader of a chart id, or undefined: an own property only ('toString' is no chart). Ids
 * `notebook/<slug>/<chart>` are the charts of the notebooks in `notebooks/`, read at request time.
 */
export function chartLoader(id: string): ChartLoader | undefined {
	if (Object.hasOwn(CHART_LOADERS, id)) return CHART_LOADERS[id];
	return isNotebookChartId(id) ? notebookChartLoader(id) : undefined;
}

/** The chart ids of a notebook, in its order (none for an unknown or broken notebook). */
export function notebookChartIds(slug: string): string[] {
	const notebook = listNotebooks().find((e) => e.slug === slug)?.notebook;
	return (notebook?.blocks ?? []).flatMap((b) => (b.kind === 'chart' ? [notebookChartId(slug, b.name)] : []));
}

/** Load a chart by id and URL filters: 404 for an unknown id, FilterError for an invalid filter. */
export function loadChart(id: string, url: URL): Promise<LoadedChart> {
	const loader = chartLoader(id);
	if (!loader) error(404, `Er is geen grafiek met id '${id.slice(0, 60)}'. GET /charts geeft alle grafieken.`);
	return loader.load(url);
}

export interface ChartListing {
	id: string;
	title: string;
	view: string;
	parameters: ChartParameter[];
	/** Whether the chart can be downloaded now (with its default filters): /charts/<id>.svg answers 200, not 404. */
	available: boolean;
	/** Why not, in Dutch, when it is not available. */
	reason?: string;
}

type Availability = { available: true } | { available: false; reason: string };

/** The Dutch message of a 404 from a loader ("Deze grafiek is er niet: …"). */
function notFoundReason(e: unknown): string | undefined {
	if (!isHttpError(e) || e.status !== 404) return undefined;
	return e.body.message;
}

/**
 * Whether the chart loads now: with its default filters, or — for a chart that needs a choice
 * without a default, such as the gemeente of the gemeente charts — with the first allowed value
 * that has data. Only a 404 (no data, no boundaries file, a notebook block that fails) makes a
 * chart unavailable; any other failure is a bug and is thrown.
 */
export async function chartAvailability(loader: ChartLoader, parameters: ChartParameter[]): Promise<Availability> {
	const attempt = async (query: string): Promise<Availability | 'needs-choice'> => {
		try {
			await loader.load(new URL(`http://regiomonitor.invalid/charts/${loader.id}${query}`));
			return { available: true };
		} catch (e) {
			const reason = notFoundReason(e);
			if (reason !== undefined) return { available: false, reason };
			if (e instanceof FilterError || (isHttpError(e) && e.status === 400)) return 'needs-choice';
			throw e;
		}
	};
	const first = await attempt('');
	if (first !== 'needs-choice') return first;
	const required = parameters.find((p) => p.default === undefined && !p.multiple && p.values && p.values.length > 0);
	let last: Availability = { available: false, reason: 'Deze grafiek is er niet: geen van de keuzes heeft gegevens in deze gegevensset.' };
	for (const value of required?.values ?? []) {
		const result = await attempt(`?${new URLSearchParams({ [required!.name]: value })}`);
		if (result === 'needs-choice') continue;
		if (result.available) return result;
		last = result;
	}
	return last;
}

/** The chart names of a notebook that does not parse, from its ```chart <name> fences, so GET /charts can say why they are missing. */
function brokenNotebookCharts(entry: NotebookEntry): ChartListing[] {
	let text = '';
	try {
		text = readFileSync(join(notebooksDir(), `${entry.slug}.md`), 'utf8');
	} catch {
		return [];
	}
	const names = [...new Set([...text.matchAll(/^\s*(?:```|~~~)\s*chart\s+([a-z][a-z0-9-]{0,79})\s*$/gm)].map((m) => m[1]))];
	const problem = entry.problems[0];
	const reason = `Het notebook ${entry.file} bevat fouten${problem ? ` (regel ${problem.line}: ${problem.message})` : ''}; pas het notebook aan.`;
	return names.map((name) => ({ id: notebookChartId(entry.slug, name), title: name, view: `/notebooks/${entry.slug}`, parameters: [], available: false, reason }));
}

/**
 * Every registered chart with its view, parameters and whether it is available now, in the
 * order of the views, then the notebooks' charts (for GET /charts and the export menus). The
 * charts of a notebook that does not parse are listed as unavailable, with the reason.
 */
export async function chartListing(): Promise<ChartListing[]> {
	const notebooks = listNotebooks();
	const ids = [...Object.values(CHART_VIEWS).flat(), ...notebooks.flatMap((e) => notebookChartIds(e.slug))];
	const listed = await Promise.all(
		ids.map(async (id): Promise<ChartListing> => {
			const loader = chartLoader(id);
			if (!loader) throw new Error(`Chart ${id} is registered without a loader`);
			const parameters = await loader.parameters();
			return { id, title: loader.title, view: loader.view, parameters, ...(await chartAvailability(loader, parameters)) };
		})
	);
	return [...listed, ...notebooks.filter((e) => !e.notebook).flatMap(brokenNotebookCharts)];
}

/** The ids of the charts that are not available now, with the reason (Dutch), for the export menus. */
export async function unavailableCharts(): Promise<Record<string, string>> {
	return Object.fromEntries((await chartListing()).flatMap((c) => (c.available ? [] : [[c.id, c.reason ?? 'Deze grafiek is er nu niet.']])));
}
