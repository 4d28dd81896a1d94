/**
 * One definition per view (issue 14): the store facts its filters need, one zod schema of its
 * filters (defaults and Dutch labels inside the schema), its charts by id with builder and
 * title, and `load(filters)`. The chart registry, the chart loaders and the parameter list of
 * GET /charts are derived from these definitions (./index.ts), and a route's load is one line.
 * A new filter touches the schema and its form field, nothing else.
 */
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { ChartDefinition } from '$lib/charts/types';
import { kaleRegioNaam, REGIO_PARAM, regioField } from '$lib/domain/regio';
import { parseSearchParams, unwrapped } from '$lib/filters';
import { asPageError, noData } from '$lib/server/charts/common';
import type { ChartLoader, ChartParameter, LoadedChart } from '$lib/server/charts/types';
import { parseRegio, regioFacts, regios } from '$lib/server/db/queries/regio';

export { parseRegio, regioFacts };

/** The region every view is filtered to (`regio` in the URL, default the manifest's region). */
export interface RegioFilter {
	regio: string;
}

/**
 * What a filter field says about itself, set with `.meta({ … })` as the field's last step: its
 * Dutch label, and the allowed values when they are not an enum (peiljaren from the store).
 */
export interface FilterMeta {
	label: string;
	values?: readonly string[];
}

/** One chart of a view: its builder and the title GET /charts lists. */
export interface ViewChart {
	// The registry holds builders of every row type; a view's load pairs each with its own rows.
	chart: ChartDefinition<never>;
	title: string;
	/**
	 * The chart sets the region against the other regions: its page shows it only when the store
	 * has more than one region, and so does the deck of the whole view. Its id loads always.
	 */
	meerRegios?: true;
	/**
	 * The chart draws the gemeente boundaries the snapshot was built with (`<exports>/geo/*.geojson`,
	 * read at ingest): without usable ones it is not available (GET /charts says why), and its page
	 * shows its alternative.
	 */
	grenzen?: true;
}

export interface ViewSpec<Id extends string, Facts, Filters, Data extends { charts: Partial<Record<Id, LoadedChart | null>> }> {
	/** The route, as GET /charts names the chart's view: '/capaciteit'. */
	path: string;
	/** The view's key in CHART_VIEWS: 'capaciteit'. */
	name: string;
	charts: Record<Id, ViewChart>;
	/** The store facts the filters need (the peiljaren, the periodes, the latest of each), for the URL's region. */
	facts(context: RegioFilter): Promise<Facts>;
	/** The filters: one schema, with defaults and labels, made from the facts. */
	schema(facts: Facts): z.ZodObject;
	/** Checks the schema cannot state (van after tot, what-if bids of unknown gemeenten); default: parse with the schema. */
	parse?(url: URL, facts: Facts): Filters;
	/** Filters carry `regio` beside the view's own (added to every schema by defineView). */
	load(filters: Filters & RegioFilter, facts: Facts): Promise<Data>;
	/** Why a chart is absent (Dutch, completes "Deze grafiek is er niet: …"). */
	missing(id: Id): string;
	/** Parameters that were renamed (old name → new): old links keep working, and the page redirects to the new name. */
	renamed?: Readonly<Record<string, string>>;
	/**
	 * With more than one region in the store every chart's subtitle starts with its region (a
	 * download must say which region it shows); false for a view whose charts name it themselves.
	 */
	regioInSubtitle?: boolean;
}

export interface View<Id extends string, Facts, Filters, Data extends { charts: Partial<Record<Id, LoadedChart | null>> }> extends ViewSpec<Id, Facts, Filters, Data> {
	/** Parse the URL's filters (a FilterError for an invalid one) and load the view. */
	fromUrl(url: URL): Promise<Data>;
	/** {@link fromUrl} for a page's load function: an invalid filter is the views' Dutch 400. */
	forPage(url: URL): Promise<Data>;
	/** The filter parameters for GET /charts, with allowed values from the store. */
	parameters(): Promise<ChartParameter[]>;
	/** A loader per chart, all sharing the view's one parse and one set of queries. */
	loaders(): ChartLoader[];
}

/**
 * "Centrumregio Utrecht. " in front of every chart's subtitle, and the region's code in the file
 * name unless it is the default region: in a store with several regions a chart says which one.
 */
async function nameRegion(charts: Partial<Record<string, LoadedChart | null>>, regio: string, standaard: string): Promise<void> {
	const naam = (await regios()).find((r) => r.code === regio)?.naam ?? regio;
	const zin = `Centrumregio ${kaleRegioNaam(naam)}.`;
	// New chart objects: the loaded ones are the view's, and stay as they were.
	for (const [id, chart] of Object.entries(charts)) {
		if (!chart) continue;
		charts[id] = {
			...chart,
			meta: { ...chart.meta, subtitle: chart.meta.subtitle ? `${zin} ${chart.meta.subtitle}` : zin },
			fileWords: regio === standaard ? chart.fileWords : [...chart.fileWords, regio.toLowerCase()]
		};
	}
}

/** The default of a field (`.default(x)`), or undefined. */
function defaultOf(field: z.ZodType): unknown {
	let inner: z.ZodType = field;
	for (;;) {
		const def = inner._zod.def as { type: string; innerType?: z.ZodType; defaultValue?: unknown };
		if (def.type === 'default') return def.defaultValue;
		if (!def.innerType) return undefined;
		inner = def.innerType;
	}
}

/** The closed list of an enum field (or of an array of one). */
function enumValues(field: z.ZodType): readonly string[] | undefined {
	return field instanceof z.ZodEnum ? (field.options as string[]) : undefined;
}

/** GET /charts's description of one filter field of a schema. */
export function parameterOf(name: string, field: z.ZodType): ChartParameter {
	const meta = (field.meta() ?? {}) as Partial<FilterMeta>;
	const inner = unwrapped(field);
	const multiple = inner instanceof z.ZodArray;
	const values = meta.values ?? enumValues(multiple ? (inner.element as z.ZodType) : inner);
	const standaard = defaultOf(field);
	return {
		name,
		label: meta.label ?? name,
		...(values ? { values } : {}),
		...(multiple ? { multiple: true } : {}),
		...(standaard === undefined ? {} : { default: String(standaard) })
	};
}

/** The URL with renamed parameters under their new name, or null when it has none of the old names. */
export function withRenamed(url: URL, renamed: Readonly<Record<string, string>> = {}): URL | null {
	const old = Object.keys(renamed).filter((name) => url.searchParams.has(name));
	if (old.length === 0) return null;
	const renewed = new URL(url);
	for (const name of old) {
		for (const value of url.searchParams.getAll(name)) renewed.searchParams.append(renamed[name], value);
		renewed.searchParams.delete(name);
	}
	return renewed;
}

export function defineView<Id extends string, Facts, Filters, Data extends { charts: Partial<Record<Id, LoadedChart | null>> }>(
	spec: ViewSpec<Id, Facts, Filters, Data>
): View<Id, Facts, Filters, Data> {
	const parse = (url: URL, facts: Facts): Filters => (spec.parse ? spec.parse(url, facts) : (parseSearchParams(url, spec.schema(facts)) as Filters));
	const fromUrl = async (url: URL) => {
		const { regio, codes, standaard } = await parseRegio(url);
		const facts = await spec.facts({ regio });
		const data = await spec.load({ ...parse(withRenamed(url, spec.renamed) ?? url, facts), regio }, facts);
		if (codes.length > 1 && spec.regioInSubtitle !== false) await nameRegion(data.charts, regio, standaard);
		return data;
	};
	// The view's own filters, then `regio`: every view takes it, but it is listed only when there
	// is a choice (more than one region in the store), so a one-region store lists what it did.
	const parameters = async () => {
		const { codes, standaard } = await regioFacts();
		const own = Object.entries(spec.schema(await spec.facts({ regio: standaard })).shape).map(([name, field]) => parameterOf(name, field as z.ZodType));
		return codes.length > 1 ? [...own, parameterOf(REGIO_PARAM, regioField(codes, standaard))] : own;
	};
	return {
		...spec,
		fromUrl,
		forPage: (url) => {
			const renewed = withRenamed(url, spec.renamed);
			if (renewed) redirect(308, `${renewed.pathname}${renewed.search}`);
			return asPageError(() => fromUrl(url));
		},
		parameters,
		loaders: () =>
			(Object.entries(spec.charts) as [Id, ViewChart][]).map(([id, { title }]) => ({
				id,
				view: spec.path,
				title,
				parameters,
				async load(url: URL) {
					const chart = (await fromUrl(url)).charts[id];
					if (!chart) noData(spec.missing(id));
					return chart;
				}
			}))
	};
}
