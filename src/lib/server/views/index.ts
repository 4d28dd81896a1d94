/**
 * Every view's definition, in the order of the navigation, and what is derived from them: the
 * chart registry (every chart by its stable id), which view each chart belongs to, and a loader
 * per chart. Ids are unique across views (a test checks); an id, once published, keeps meaning
 * the same figure (export URLs and saved presentatiemappen use it).
 */
import type { ChartDefinition } from '$lib/charts/types';
import type { ChartLoader } from '$lib/server/charts/types';
import type { ViewChart } from './define';
import { capaciteitView } from './capaciteit';
import { dagbestedingView } from './dagbesteding';
import { gemeenteView } from './gemeente';
import { hkgView } from './hkg';
import { overzichtView } from './overzicht';
import { planningView } from './planning';
import { regiosView } from './regios';
import { wlzView } from './wlz';

interface ViewEntry {
	name: string;
	charts: Record<string, ViewChart>;
	loaders(): ChartLoader[];
}

export const VIEWS: readonly ViewEntry[] = [overzichtView, capaciteitView, planningView, wlzView, hkgView, dagbestedingView, gemeenteView, regiosView];

/** Every chart by its stable id. */
export const CHARTS: Readonly<Record<string, ChartDefinition<never>>> = Object.fromEntries(
	VIEWS.flatMap((view) => Object.entries(view.charts).map(([id, { chart }]) => [id, chart]))
);

/** Which view each chart belongs to, in the views' order (the export menu and GET /charts list them so). */
export const CHART_VIEWS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(VIEWS.map((view) => [view.name, Object.keys(view.charts)]));

/** Charts that set the region against the other regions: in a view's deck only when the store has more than one region. */
export const MEER_REGIOS_CHARTS: ReadonlySet<string> = new Set(VIEWS.flatMap((view) => Object.entries(view.charts).filter(([, c]) => c.meerRegios).map(([id]) => id)));

/** Charts drawn from the gemeente boundaries file: unavailable without one (the example data has none). */
export const GRENZEN_CHARTS: readonly string[] = VIEWS.flatMap((view) => Object.entries(view.charts).filter(([, c]) => c.grenzen).map(([id]) => id));

/** Every chart's loader, by id. */
export const VIEW_LOADERS: Readonly<Record<string, ChartLoader>> = Object.fromEntries(VIEWS.flatMap((view) => view.loaders()).map((loader) => [loader.id, loader]));

export function isChartId(id: string): boolean {
	return Object.hasOwn(CHARTS, id);
}

/** The chart with this id, or undefined for an unknown id. */
export function chartById(id: string): ChartDefinition<never> | undefined {
	return isChartId(id) ? CHARTS[id] : undefined;
}
