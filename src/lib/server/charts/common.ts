/**
 * What every chart loader shares: building a LoadedChart, the file-name words, turning a
 * FilterError into the views' Dutch 400, and rendering a loaded chart for a page.
 */
import { error } from '@sveltejs/kit';
import { renderChart } from '$lib/server/charts/render';
import { withOptions, type ChartDefinition, type ChartMeta, type RenderedChart } from '$lib/charts/types';
import { bronMeta as footerFacts } from '$lib/charts/meta';
import { FilterError } from '$lib/filters';
import type { Bron } from '$lib/server/db/queries';
import type { ChartLoader, ChartParameter, LoadedChart } from './types';

/** The width the views render their charts at. */
export const VIEW_WIDTH = 760;

/** One word of a file name: lower case ASCII, words joined by '-' ('Skaeve huse' → 'skaeve-huse'). */
export function slug(value: string | number): string {
	return String(value)
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/**
 * The chart's subject from its id ('capaciteit-per-gemeente' → 'capaciteit', 'per-gemeente'),
 * then the active filters, each as a slug; absent and empty values are left out.
 */
export function fileWords(id: string, filters: readonly (string | number | null | undefined)[] = []): string[] {
	const [subject, ...rest] = id.split('-');
	return [subject, rest.join('-'), ...filters.map((f) => (f === null || f === undefined ? '' : slug(f)))].map(slug).filter((w) => w !== '');
}

export const bronMeta = (bron: Bron): Pick<ChartMeta, 'bron' | 'peildatum' | 'illustratief' | 'afscherming'> => footerFacts(bron);

/** A LoadedChart of a registered definition, with the view's options for it. */
export function loaded<Row, Options extends object = Record<never, never>>(
	chart: ChartDefinition<Row, Options>,
	rows: Row[],
	meta: ChartMeta,
	{ width = VIEW_WIDTH, filters = [], options }: { width?: number; filters?: readonly (string | number | null | undefined)[]; options?: Options } = {}
): LoadedChart<Row> {
	return {
		definition: withOptions(chart, options),
		chart: chart as ChartDefinition<Row, never>,
		...(options ? { options } : {}),
		rows,
		meta,
		width,
		fileWords: fileWords(chart.id, filters)
	};
}

/** A chart as the views pass it to ChartFrame: its frame text and the server-rendered SVG. */
export interface ViewChart {
	meta: ChartMeta;
	chart: RenderedChart;
}

/**
 * Rows of a chart's table in the page. A chart of hundreds of gemeenten (a national store) can
 * have tens of thousands; the page would carry them twice (HTML and hydration data) while
 * nobody reads them there: the CSV and Excel downloads have every row.
 */
export const PAGE_TABLE_ROWS = 500;

/** Render a loaded chart the way every view and export does (same builder, width and title). */
export function renderLoaded<Row>(chart: LoadedChart<Row>): ViewChart {
	const rendered = renderChart(chart.definition, chart.rows, { title: chart.meta.title, width: chart.width });
	const { rows } = rendered.table;
	if (rows.length > PAGE_TABLE_ROWS) rendered.table = { ...rendered.table, rows: rows.slice(0, PAGE_TABLE_ROWS), totalRows: rows.length, shownRows: PAGE_TABLE_ROWS };
	return { meta: chart.meta, chart: rendered };
}

/** Run a view's parsing in a load function: a FilterError becomes the Dutch 400 of the views. */
export async function asPageError<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof FilterError) error(400, { message: e.message });
		throw e;
	}
}

/** 404 for a chart whose data is absent in this snapshot (the view shows a notice instead). */
export function noData(what: string): never {
	error(404, `Deze grafiek is er niet: ${what}`);
}

/**
 * A loader for each chart of one view: they share the view's loading (one parse of the URL,
 * one set of queries) and each picks its own chart from it.
 */
export function viewLoaders(
	view: string,
	titles: Record<string, string>,
	parameters: () => Promise<ChartParameter[]>,
	load: (url: URL) => Promise<Partial<Record<string, LoadedChart | null>>>,
	/** Why a chart is absent (Dutch, completes "Deze grafiek is er niet: …"). */
	missing: (id: string) => string
): ChartLoader[] {
	return Object.entries(titles).map(([id, title]) => ({
		id,
		view,
		title,
		parameters,
		async load(url) {
			const chart = (await load(url))[id];
			if (!chart) noData(missing(id));
			return chart;
		}
	}));
}
