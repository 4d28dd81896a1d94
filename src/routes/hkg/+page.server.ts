import { hkgSearchParams } from '$lib/charts/hkg/filters';
import { asPageError, renderLoaded } from '$lib/server/charts/common';
import { loadHkg } from '$lib/server/charts/hkg';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const data = await asPageError(() => loadHkg(url));
	if (data.leeg) return { leeg: true as const, periodes: data.periodes, filters: data.filters };
	const { filters, periode, ronde, model, charts } = data;
	return {
		leeg: false as const,
		periodes: data.periodes,
		filters: { ...filters, periode, ronde },
		sleutel: data.sleutel,
		afgesproken: data.afgesproken,
		categorieTekst: data.categorieTekst,
		heeftBiedingen: model.rondes.length > 0,
		watAlsActief: model.watAlsActief,
		gemeenten: model.gemeenten,
		watAls: filters.watAls,
		resetHref: `?${hkgSearchParams({ ...filters, periode, ronde }, { metWatAls: false })}`,
		perGemeente: renderLoaded(charts['hkg-bod-per-gemeente']),
		totaal: renderLoaded(charts['hkg-totaal-per-ronde'])
	};
};
