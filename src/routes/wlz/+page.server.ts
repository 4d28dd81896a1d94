import { asPageError, renderLoaded } from '$lib/server/charts/common';
import { loadWlz } from '$lib/server/charts/wlz';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const data = await asPageError(() => loadWlz(url));
	if (data.leeg) return { leeg: true as const, filters: data.filters, jaren: data.jaren };
	const { charts } = data;
	return {
		leeg: false as const,
		filters: { ...data.filters, jaar: data.jaar },
		jaren: data.jaren,
		scenario: data.scenario,
		gemeenten: data.perGemeente.map((g) => ({ gemeentecode: g.gemeentecode, naam: g.naam })),
		perJaar: renderLoaded(charts['wlz-instroom-per-jaar']),
		perGemeente: renderLoaded(charts['wlz-instroom-per-gemeente']),
		reductie: renderLoaded(charts['wlz-reductie-scenario'])
	};
};
