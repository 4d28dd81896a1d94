/** The charts of the /hkg view, by stable id (merged into the registry). */
import type { ChartDefinition } from '../types';

export const hkgCharts = {} as const satisfies Record<string, ChartDefinition<never>>;
