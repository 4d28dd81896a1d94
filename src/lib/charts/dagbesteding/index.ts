/** The charts of the /dagbesteding view, by stable id (merged into the registry). */
import type { ChartDefinition } from '../types';
import { dagbestedingPerAanbieder } from './per-aanbieder';
import { dagbestedingRegioChart } from './regio';

export const dagbestedingCharts = {
	'dagbesteding-regio': dagbestedingRegioChart,
	'dagbesteding-per-aanbieder': dagbestedingPerAanbieder
} as const satisfies Record<string, ChartDefinition<never>>;
