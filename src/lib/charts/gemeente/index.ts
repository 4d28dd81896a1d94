/** The charts of /gemeente/[code]: one gemeente against the region, by stable id (merged into the registry). */
import type { ChartDefinition } from '../types';
import { gemeenteCapaciteit } from './capaciteit';
import { gemeenteDagbesteding } from './dagbesteding';
import { gemeenteHkg } from './hkg';
import { gemeenteWlz } from './wlz';

export const gemeenteCharts = {
	'gemeente-capaciteit': gemeenteCapaciteit,
	'gemeente-wlz': gemeenteWlz,
	'gemeente-hkg': gemeenteHkg,
	'gemeente-dagbesteding': gemeenteDagbesteding
} as const satisfies Record<string, ChartDefinition<never>>;
