/** The /planning charts by URL filters: type(s), status(sen), gemeente. */
import { planningFilterSchema } from '$lib/charts/planning/filters';
import { loadPlanning } from '$lib/charts/planning/load.server';
import { planningPlanVsTekort } from '$lib/charts/planning/plan-vs-tekort';
import { planningTijdlijn } from '$lib/charts/planning/tijdlijn';
import { ids, VOCABULARIES } from '$lib/domain/vocabulary';
import { parseSearchParams } from '$lib/filters';
import { gemeenten } from '$lib/server/db/queries';
import { loaded, viewLoaders } from './common';
import type { ChartParameter } from './types';

/** Everything /planning shows for the URL's filters; throws a FilterError for invalid ones. */
export async function loadPlanningView(url: URL) {
	const filters = parseSearchParams(url, planningFilterSchema);
	const data = await loadPlanning(filters);
	const words = { filters: [...(filters.type ?? []), ...(filters.status ?? []), filters.gemeente] };
	return {
		filters,
		data,
		charts: {
			'planning-tijdlijn': loaded(planningTijdlijn, data.projecten, data.meta.tijdlijn, words),
			'planning-plan-vs-tekort': loaded(planningPlanVsTekort, data.planVsTekort, data.meta.planVsTekort, {
				filters: [data.peiljaar, ...words.filters]
			})
		}
	};
}

async function parameters(): Promise<ChartParameter[]> {
	const lijst = await gemeenten();
	return [
		{ name: 'type', label: 'Voorzieningstype', values: ids(VOCABULARIES.voorzieningstype), multiple: true },
		{ name: 'status', label: 'Status', values: ids(VOCABULARIES.projectstatus), multiple: true },
		{ name: 'gemeente', label: 'Gemeente', values: lijst.map((g) => g.gemeentecode) }
	];
}

export const planningLoaders = viewLoaders(
	'/planning',
	{
		'planning-tijdlijn': 'Projecten naar status en verwachte oplevering',
		'planning-plan-vs-tekort': 'Geplande eenheden tegen het tekort per voorzieningstype'
	},
	parameters,
	async (url) => (await loadPlanningView(url)).charts,
	() => 'er zijn geen gegevens voor.'
);
