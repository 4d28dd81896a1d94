/** The charts of the /capaciteit view, by stable id (merged into the registry). */
import type { ChartDefinition } from '../types';

export const capaciteitCharts = {} as const satisfies Record<string, ChartDefinition<never>>;
