/** The charts of the /capaciteit view, by stable id (merged into the registry). */
import type { ChartDefinition } from '../types';
import { capaciteitKaartChart } from './kaart';
import { capaciteitPerGemeenteChart } from './per-gemeente';
import { capaciteitPerTypeChart } from './per-type';
import { capaciteitTegelkaartChart } from './tegelkaart';

export const capaciteitCharts = {
	'capaciteit-per-gemeente': capaciteitPerGemeenteChart,
	'capaciteit-per-type': capaciteitPerTypeChart,
	'capaciteit-tegelkaart': capaciteitTegelkaartChart,
	'capaciteit-kaart': capaciteitKaartChart
} as const satisfies Record<string, ChartDefinition<never>>;
