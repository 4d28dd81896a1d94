/** The charts of the /planning view, by stable id (merged into the registry). */
import type { ChartDefinition } from '../types';
import { planningPlanVsTekort } from './plan-vs-tekort';
import { planningTijdlijn } from './tijdlijn';

export const planningCharts = {
	'planning-tijdlijn': planningTijdlijn,
	'planning-plan-vs-tekort': planningPlanVsTekort
} as const satisfies Record<string, ChartDefinition<never>>;
