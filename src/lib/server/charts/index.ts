/**
 * Every chart's loader by its registry id: the views, GET /charts, the export endpoints and
 * the deck all load a chart here, so one id plus one query string is one figure everywhere.
 */
import { error } from '@sveltejs/kit';
import { CHART_VIEWS, CHARTS } from '$lib/charts/registry';
import { capaciteitLoaders } from './capaciteit';
import { dagbestedingLoaders } from './dagbesteding';
import { gemeenteLoaders } from './gemeente';
import { hkgLoaders } from './hkg';
import { overzichtLoaders } from './overzicht';
import { planningLoaders } from './planning';
import type { ChartLoader, ChartParameter, LoadedChart } from './types';
import { wlzLoaders } from './wlz';
import { listNotebooks } from '$lib/server/notebooks/catalog';
import { isNotebookChartId, notebookChartId, notebookChartLoader } from '$lib/server/notebooks/charts';

export type { ChartLoader, ChartParameter, LoadedChart } from './types';

export const CHART_LOADERS: Record<string, ChartLoader> = Object.fromEntries(
	[...overzichtLoaders, ...capaciteitLoaders, ...planningLoaders, ...wlzLoaders, ...hkgLoaders, ...dagbestedingLoaders, ...gemeenteLoaders].map(
		(loader) => [loader.id, loader]
	)
);

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
}

/** Every registered chart with its view and parameters, in the order of the views, then the notebooks' charts (for GET /charts). */
export async function chartListing(): Promise<ChartListing[]> {
	const ids = [...Object.values(CHART_VIEWS).flat(), ...listNotebooks().flatMap((e) => notebookChartIds(e.slug))];
	return Promise.all(
		ids.map(async (id) => {
			const loader = chartLoader(id);
			if (!loader) throw new Error(`Chart ${id} is registered without a loader`);
			return { id, title: loader.title, view: loader.view, parameters: await loader.parameters() };
		})
	);
}

// A registered chart without a loader would 404 in every export: fail at startup instead.
for (const id of Object.keys(CHARTS)) if (!chartLoader(id)) throw new Error(`Chart ${id} has no loader in $lib/server/charts`);
