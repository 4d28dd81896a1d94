/**
 * Every chart by its stable id. Export endpoints and the presentatiemap look charts up here,
 * so an id, once published, keeps meaning the same figure.
 */
import { tekortPerType } from './tekort-per-type';
import type { ChartDefinition } from './types';

export const CHARTS = {
	'tekort-per-type': tekortPerType
} as const satisfies Record<string, ChartDefinition<never>>;

export type ChartId = keyof typeof CHARTS;

export function isChartId(id: string): id is ChartId {
	return Object.hasOwn(CHARTS, id);
}

/** The chart with this id, or undefined for an unknown id. */
export function chartById(id: string): (typeof CHARTS)[ChartId] | undefined {
	return isChartId(id) ? CHARTS[id] : undefined;
}
