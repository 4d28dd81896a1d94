import { planningFilterSchema } from '$lib/charts/planning/filters';
import { loadPlanning } from '$lib/charts/planning/load.server';
import { planningPlanVsTekort } from '$lib/charts/planning/plan-vs-tekort';
import { planningTijdlijn } from '$lib/charts/planning/tijdlijn';
import { renderChart } from '$lib/charts/render.server';
import { parseFilters } from '$lib/filters';
import { gemeenten } from '$lib/server/db/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const filters = parseFilters(url, planningFilterSchema);
	const [data, alleGemeenten] = await Promise.all([loadPlanning(filters), gemeenten()]);
	return {
		filters,
		gemeenten: alleGemeenten.map(({ gemeentecode, naam }) => ({ gemeentecode, naam })),
		projecten: data.projecten,
		tijdlijn: { meta: data.meta.tijdlijn, chart: renderChart(planningTijdlijn, data.projecten, { title: data.meta.tijdlijn.title, width: 760 }) },
		planVsTekort: {
			meta: data.meta.planVsTekort,
			chart: renderChart(planningPlanVsTekort, data.planVsTekort, { title: data.meta.planVsTekort.title, width: 760 })
		}
	};
};
