import { asPageError, renderLoaded } from '$lib/server/charts/common';
import { loadCapaciteit } from '$lib/server/charts/capaciteit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const data = await asPageError(() => loadCapaciteit(url));
	if (!data.keuze || !data.charts) return { peiljaren: data.peiljaren, filters: data.filters, keuze: null };
	const { charts } = data;
	return {
		peiljaren: data.peiljaren,
		filters: data.filters,
		keuze: data.keuze,
		subtitle: data.subtitle,
		perGemeente: renderLoaded(charts['capaciteit-per-gemeente']),
		perType: renderLoaded(charts['capaciteit-per-type']),
		// The real map when a boundaries file is usable, else the tile map.
		kaart: charts['capaciteit-kaart'] ? renderLoaded(charts['capaciteit-kaart']) : renderLoaded(charts['capaciteit-tegelkaart']),
		kaartWaarschuwing: data.kaartWaarschuwing,
		ranglijst: data.ranglijst
	};
};
