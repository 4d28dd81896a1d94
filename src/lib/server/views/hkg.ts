/**
 * /hkg: each gemeente's HKG bid per round against a fair share of the regional opgave. Filters:
 * periode (default the current one), categorie, ronde, verdeelsleutel and what-if bids
 * (bod_GM…), which live in the URL so a scenario prepared before a meeting opens from a link.
 */
import { hkgBodPerGemeente } from '$lib/charts/hkg/bod-per-gemeente';
import { ALLE_CATEGORIEEN, hkgFilterSchema, hkgSearchParams, parseHkgFilters, type HkgFilters } from '$lib/charts/hkg/filters';
import { hkgModel, rondeLabel, sleutelLabel } from '$lib/charts/hkg/model';
import { hkgTotaalPerRonde } from '$lib/charts/hkg/totaal-per-ronde';
import { hkgBodOpgaveRegiosChart } from '$lib/charts/regios/vergelijking';
import { kaleRegioNaam } from '$lib/domain/regio';
import type { ChartMeta } from '$lib/charts/types';
import { formatDate, formatPeriode } from '$lib/domain/format';
import { labelOf } from '$lib/domain/vocabulary';
import { bronMeta, loaded, renderLoaded } from '$lib/server/charts/common';
import { bronVoor, gemeenten, hkgBiedingen, hkgPeriodes, huidigeHkgPeriode, regios, regiosHkg } from '$lib/server/db/queries';
import { defineView, type RegioFilter } from './define';

export const hkgView = defineView({
	path: '/hkg',
	name: 'hkg',
	charts: {
		'hkg-bod-per-gemeente': { chart: hkgBodPerGemeente, title: 'HKG-bod per gemeente tegen het redelijk aandeel' },
		'hkg-totaal-per-ronde': { chart: hkgTotaalPerRonde, title: 'HKG-biedingen van de regio per ronde tegen de opgave' },
		'hkg-bod-opgave-regios': { chart: hkgBodOpgaveRegiosChart, title: 'HKG-bod als deel van de opgave: de regio tegen andere regio’s', meerRegios: true }
	},
	facts: async ({ regio }) => {
		const [periodes, lijst, huidig, regioLijst] = await Promise.all([hkgPeriodes(), gemeenten({ regio }), huidigeHkgPeriode(), regios()]);
		return {
			regios: regioLijst,
			periodeRows: periodes,
			periodes: periodes.map((p) => p.periode),
			gemeentecodes: lijst.map((g) => g.gemeentecode),
			namen: Object.fromEntries(lijst.map((g) => [g.gemeentecode, g.naam])),
			// Without bids in any periode, the latest periode (it shows that nobody has bid yet).
			huidigePeriode: huidig ?? periodes.at(-1)?.periode
		};
	},
	schema: (facts) => hkgFilterSchema(facts),
	parse: (url, facts) => parseHkgFilters(url, facts),
	async load(filters: HkgFilters & RegioFilter, { periodeRows: periodes, regios: regioLijst }) {
		const { periode } = filters;
		const info = periodes.find((p) => p.periode === periode);
		if (!periode || !info) return { leeg: true as const, periodes, filters, charts: {} };

		const ronde = filters.ronde ?? info.laatste_ronde ?? 'definitief';
		const sleutel = filters.verdeelsleutel ?? 'afgesproken';
		const categorieen = filters.categorie === ALLE_CATEGORIEEN ? undefined : [filters.categorie];
		// The page sets the region against the others only when the store has them (the real bids, not a what-if); the chart id always loads.
		const vergelijken = regioLijst.length > 1;
		const [rows, bron, perRegio] = await Promise.all([
			hkgBiedingen({ periode, categorieen, regio: filters.regio }),
			bronVoor(['hkg_opgave', 'hkg_biedingen', 'inwoners']),
			regiosHkg({ periode, ronde, categorieen })
		]);
		const model = hkgModel(rows, { ronde, sleutel, watAls: filters.watAls });

		const categorieTekst = filters.categorie === ALLE_CATEGORIEEN ? 'alle categorieën samen' : labelOf('hkg_categorie', filters.categorie).toLowerCase();
		const Categorie = `${categorieTekst[0].toUpperCase()}${categorieTekst.slice(1)}`;
		const rondeDatum = rows.find((r) => r.ronde === ronde)?.ronde_datum;
		const afgesproken = model.gemeenten[0]?.afgesproken ?? null;
		const watAlsTekst = model.watAlsActief ? ' Wat-als: met aangepaste biedingen, niet de echte.' : '';
		const perGemeenteMeta: ChartMeta = {
			...bronMeta(bron),
			title: `HKG-bod per gemeente tegen het redelijk aandeel, ${formatPeriode(periode)}`,
			subtitle:
				`${Categorie}; vergeleken: ${rondeLabel(ronde).toLowerCase()}` +
				`${rondeDatum ? ` (${formatDate(rondeDatum)})` : ''}; redelijk aandeel ${sleutelLabel(sleutel, afgesproken)}.${watAlsTekst}`
		};
		const totaalMeta: ChartMeta = {
			...bronMeta(bron),
			title: `HKG-biedingen van de regio per ronde tegen de opgave, ${formatPeriode(periode)}`,
			subtitle: `${Categorie}; alle gemeenten opgeteld.${watAlsTekst}`
		};
		const categorie = filters.categorie === ALLE_CATEGORIEEN ? undefined : filters.categorie;
		const watAls = model.watAlsActief ? 'wat-als' : undefined;

		return {
			leeg: false as const,
			periodes,
			filters,
			periode,
			ronde,
			sleutel,
			afgesproken,
			categorieTekst,
			model,
			charts: {
				'hkg-bod-per-gemeente': loaded(hkgBodPerGemeente, model.gemeenten, perGemeenteMeta, {
					filters: [periode, categorie, ronde, filters.verdeelsleutel, watAls]
				}),
				'hkg-totaal-per-ronde': loaded(hkgTotaalPerRonde, model.totalen, totaalMeta, { filters: [periode, categorie, watAls] }),
				'hkg-bod-opgave-regios': loaded(
					hkgBodOpgaveRegiosChart,
					perRegio.map((r) => ({
						regiocode: r.regiocode,
						regionaam: kaleRegioNaam(regioLijst.find((x) => x.code === r.regiocode)?.naam ?? r.regiocode),
						gekozen: r.regiocode === filters.regio,
						waarde: r.aandeel
					})),
					{
						...bronMeta(bron),
						title: `HKG-bod als deel van de opgave: de regio tegen andere regio’s, ${formatPeriode(periode)}`,
						subtitle: `${Categorie}; ${rondeLabel(ronde).toLowerCase()}, echte biedingen. De opgave van een regio: het redelijk aandeel van haar gemeenten volgens de afgesproken verdeelsleutel.`
					},
					{ filters: [periode, categorie, ronde, filters.regio] }
				)
			},
			vergelijken
		};
	},
	missing: () => 'er zijn nog geen HKG-gegevens ingelezen.'
});

/** The filters without what-if bids; the region only when the URL names one (the default region stays out of links). */
function resetParams(url: URL, { regio, ...filters }: HkgFilters & RegioFilter): URLSearchParams {
	const params = hkgSearchParams(filters, { metWatAls: false });
	if (url.searchParams.has('regio')) params.set('regio', regio);
	return params;
}

/** What the /hkg page shows for the URL's filters. */
export async function hkgPage(url: URL) {
	const data = await hkgView.forPage(url);
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
		resetHref: `?${resetParams(url, { ...filters, periode, ronde })}`,
		perGemeente: renderLoaded(charts['hkg-bod-per-gemeente']),
		totaal: renderLoaded(charts['hkg-totaal-per-ronde']),
		regios: data.vergelijken ? renderLoaded(charts['hkg-bod-opgave-regios']) : null
	};
}
