/** The charts of the /hkg view, by stable id (merged into the registry). */
import type { ChartDefinition } from '../types';
import { hkgBodPerGemeente } from './bod-per-gemeente';
import { hkgTotaalPerRonde } from './totaal-per-ronde';

export const hkgCharts = {
	'hkg-bod-per-gemeente': hkgBodPerGemeente,
	'hkg-totaal-per-ronde': hkgTotaalPerRonde
} as const satisfies Record<string, ChartDefinition<never>>;
