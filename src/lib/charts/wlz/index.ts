/** The charts of the /wlz view, by stable id (merged into the registry). */
import type { ChartDefinition } from '../types';
import { wlzInstroomPerGemeente } from './instroom-per-gemeente';
import { wlzInstroomPerJaar } from './instroom-per-jaar';
import { wlzReductieScenario } from './reductie-scenario';

export const wlzCharts = {
	'wlz-instroom-per-jaar': wlzInstroomPerJaar,
	'wlz-instroom-per-gemeente': wlzInstroomPerGemeente,
	'wlz-reductie-scenario': wlzReductieScenario
} as const satisfies Record<string, ChartDefinition<never>>;
