/** The charts of the /wlz view, by stable id (merged into the registry). */
import type { ChartDefinition } from '../types';

export const wlzCharts = {} as const satisfies Record<string, ChartDefinition<never>>;
