/** The charts of the /dagbesteding view, by stable id (merged into the registry). */
import type { ChartDefinition } from '../types';

export const dagbestedingCharts = {} as const satisfies Record<string, ChartDefinition<never>>;
