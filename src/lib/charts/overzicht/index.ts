/** The charts of the / overzicht: the tile trends (the tekort chart below them is 'tekort-per-type'). */
import type { ChartDefinition } from '../types';
import { overzichtDagbestedingTrend } from './dagbesteding-trend';
import { overzichtHkgRondes } from './hkg-rondes';
import { overzichtTekortTrend } from './tekort-trend';
import { overzichtWlzTrend } from './wlz-trend';

export const overzichtCharts = {
	'overzicht-tekort-trend': overzichtTekortTrend,
	'overzicht-hkg-rondes': overzichtHkgRondes,
	'overzicht-wlz-trend': overzichtWlzTrend,
	'overzicht-dagbesteding-trend': overzichtDagbestedingTrend
} as const satisfies Record<string, ChartDefinition<never>>;
