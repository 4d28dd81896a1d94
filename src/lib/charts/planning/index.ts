/** The charts of the /planning view, by stable id (merged into the registry). */
import type { ChartDefinition } from '../types';

export const planningCharts = {} as const satisfies Record<string, ChartDefinition<never>>;
