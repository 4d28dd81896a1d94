import { error } from '@sveltejs/kit';
import { hkgBodPerGemeente } from '$lib/charts/hkg/bod-per-gemeente';
import { ALLE_CATEGORIEEN, hkgSearchParams, parseHkgFilters } from '$lib/charts/hkg/filters';
import { hkgModel, rondeLabel, sleutelLabel } from '$lib/charts/hkg/model';
import { hkgTotaalPerRonde } from '$lib/charts/hkg/totaal-per-ronde';
import { renderChart } from '$lib/charts/render.server';
import type { ChartMeta } from '$lib/charts/types';
import { formatDate, formatPeriode } from '$lib/domain/format';
import { labelOf } from '$lib/domain/vocabulary';
import { FilterError } from '$lib/filters';
import { bronVoor, gemeenten, hkgBiedingen, hkgPeriodes } from '$lib/server/db/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const [periodes, gemeenteRows] = await Promise.all([hkgPeriodes(), gemeenten()]);
	let filters;
	try {
		filters = parseHkgFilters(url, { periodes: periodes.map((p) => p.periode), gemeentecodes: gemeenteRows.map((g) => g.gemeentecode) });
	} catch (e) {
		if (e instanceof FilterError) error(400, { message: e.message });
		throw e;
	}
	// Default: the latest periode in which gemeenten have bid; a future periode without bids shows nothing.
	const periode = filters.periode ?? periodes.filter((p) => p.laatste_ronde !== null).at(-1)?.periode ?? periodes.at(-1)?.periode;
	const info = periodes.find((p) => p.periode === periode);
	if (!periode || !info) return { leeg: true as const, periodes, filters };

	const ronde = filters.ronde ?? info.laatste_ronde ?? 'definitief';
	const sleutel = filters.verdeelsleutel ?? 'afgesproken';
	const categorieen = filters.categorie === ALLE_CATEGORIEEN ? undefined : [filters.categorie];
	const [rows, bron] = await Promise.all([hkgBiedingen({ periode, categorieen }), bronVoor(['hkg_opgave', 'hkg_biedingen', 'inwoners'])]);
	const model = hkgModel(rows, { ronde, sleutel, watAls: filters.watAls });

	const categorieTekst = filters.categorie === ALLE_CATEGORIEEN ? 'alle categorieën samen' : labelOf('hkg_categorie', filters.categorie).toLowerCase();
	const rondeDatum = rows.find((r) => r.ronde === ronde)?.ronde_datum;
	const afgesproken = model.gemeenten[0]?.afgesproken ?? null;
	const base = { bron: bron.bron, peildatum: bron.peildatum, illustratief: bron.illustratief };
	const watAlsTekst = model.watAlsActief ? ' Wat-als: met aangepaste biedingen, niet de echte.' : '';
	const perGemeenteMeta: ChartMeta = {
		...base,
		title: `HKG-bod per gemeente tegen het redelijk aandeel, ${formatPeriode(periode)}`,
		subtitle:
			`${categorieTekst[0].toUpperCase()}${categorieTekst.slice(1)}; vergeleken: ${rondeLabel(ronde).toLowerCase()}` +
			`${rondeDatum ? ` (${formatDate(rondeDatum)})` : ''}; redelijk aandeel ${sleutelLabel(sleutel, afgesproken)}.${watAlsTekst}`
	};
	const totaalMeta: ChartMeta = {
		...base,
		title: `HKG-biedingen van de regio per ronde tegen de opgave, ${formatPeriode(periode)}`,
		subtitle: `${categorieTekst[0].toUpperCase()}${categorieTekst.slice(1)}; alle gemeenten opgeteld.${watAlsTekst}`
	};

	return {
		leeg: false as const,
		periodes,
		filters: { ...filters, periode, ronde },
		sleutel,
		afgesproken,
		categorieTekst,
		heeftBiedingen: model.rondes.length > 0,
		watAlsActief: model.watAlsActief,
		gemeenten: model.gemeenten,
		watAls: filters.watAls,
		resetHref: `?${hkgSearchParams({ ...filters, periode, ronde }, { metWatAls: false })}`,
		perGemeente: { meta: perGemeenteMeta, chart: renderChart(hkgBodPerGemeente, model.gemeenten, { title: perGemeenteMeta.title, width: 760 }) },
		totaal: { meta: totaalMeta, chart: renderChart(hkgTotaalPerRonde, model.totalen, { title: totaalMeta.title, width: 760 }) }
	};
};
