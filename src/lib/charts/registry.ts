/**
 * Every chart by its stable id. Export endpoints and the presentatiemap look charts up here,
 * so an id, once published, keeps meaning the same figure. Each view keeps its charts in its
 * own folder (charts/<view>/index.ts); ids are unique across views (a test checks).
 */
import { capaciteitCharts } from './capaciteit';
import { dagbestedingCharts } from './dagbesteding';
import { gemeenteCharts } from './gemeente';
import { hkgCharts } from './hkg';
import { overzichtCharts } from './overzicht';
import { planningCharts } from './planning';
import { tekortPerType } from './tekort-per-type';
import type { ChartDefinition } from './types';
import { wlzCharts } from './wlz';

export const CHARTS = {
	'tekort-per-type': tekortPerType,
	...overzichtCharts,
	...capaciteitCharts,
	...planningCharts,
	...wlzCharts,
	...hkgCharts,
	...dagbestedingCharts,
	...gemeenteCharts
} as const satisfies Record<string, ChartDefinition<never>>;

export type ChartId = keyof typeof CHARTS;

/** Which view each chart belongs to (the export menu and /charts list it). */
export const CHART_VIEWS: Record<string, readonly string[]> = {
	overzicht: ['tekort-per-type', ...Object.keys(overzichtCharts)],
	capaciteit: Object.keys(capaciteitCharts),
	planning: Object.keys(planningCharts),
	wlz: Object.keys(wlzCharts),
	hkg: Object.keys(hkgCharts),
	dagbesteding: Object.keys(dagbestedingCharts),
	gemeente: Object.keys(gemeenteCharts)
};

export function isChartId(id: string): id is ChartId {
	return Object.hasOwn(CHARTS, id);
}

/** The chart with this id, or undefined for an unknown id. */
export function chartById(id: string): (typeof CHARTS)[ChartId] | undefined {
	return isChartId(id) ? CHARTS[id] : undefined;
}
