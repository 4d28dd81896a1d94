import { asPageError, renderLoaded } from '$lib/server/charts/common';
import { loadPlanningView } from '$lib/server/charts/planning';
import { gemeenten } from '$lib/server/db/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const [{ filters, data, charts }, alleGemeenten] = await Promise.all([asPageError(() => loadPlanningView(url)), gemeenten()]);
	return {
		filters,
		gemeenten: alleGemeenten.map(({ gemeentecode, naam }) => ({ gemeentecode, naam })),
		projecten: data.projecten,
		tijdlijn: renderLoaded(charts['planning-tijdlijn']),
		planVsTekort: renderLoaded(charts['planning-plan-vs-tekort'])
	};
};
