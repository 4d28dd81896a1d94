import { asPageError, renderLoaded } from '$lib/server/charts/common';
import { loadDagbestedingView } from '$lib/server/charts/dagbesteding';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { data, charts } = await asPageError(() => loadDagbestedingView(url));
	return {
		filters: data.filters,
		aanbieders: data.aanbieders,
		perioden: data.perioden,
		regio: renderLoaded(charts['dagbesteding-regio']),
		perAanbieder: renderLoaded(charts['dagbesteding-per-aanbieder'])
	};
};
