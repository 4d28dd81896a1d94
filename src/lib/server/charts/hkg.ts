/** The /hkg charts by URL filters: periode, categorie, ronde, verdeelsleutel and what-if bids (bod_GM…). */
import { hkgBodPerGemeente } from '$lib/charts/hkg/bod-per-gemeente';
import { ALLE_CATEGORIEEN, MAX_BOD, parseHkgFilters, WAT_ALS_PREFIX } from '$lib/charts/hkg/filters';
import { hkgModel, rondeLabel, sleutelLabel } from '$lib/charts/hkg/model';
import { hkgTotaalPerRonde } from '$lib/charts/hkg/totaal-per-ronde';
import type { ChartMeta } from '$lib/charts/types';
import { formatDate, formatPeriode } from '$lib/domain/format';
import { HKG_CATEGORIEEN, HKG_RONDES, ids, labelOf, VERDEELSLEUTELS } from '$lib/domain/vocabulary';
import { bronVoor, gemeenten, hkgBiedingen, hkgPeriodes } from '$lib/server/db/queries';
import { bronMeta, loaded, viewLoaders } from './common';
import type { ChartParameter } from './types';

/** Everything /hkg shows for the URL's filters; throws a FilterError for invalid ones. */
export async function loadHkg(url: URL) {
	const [periodes, gemeenteRows] = await Promise.all([hkgPeriodes(), gemeenten()]);
	const filters = parseHkgFilters(url, { periodes: periodes.map((p) => p.periode), gemeentecodes: gemeenteRows.map((g) => g.gemeentecode) });
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
			'hkg-totaal-per-ronde': loaded(hkgTotaalPerRonde, model.totalen, totaalMeta, { filters: [periode, categorie, watAls] })
		}
	};
}

async function parameters(): Promise<ChartParameter[]> {
	const [periodes, lijst] = await Promise.all([hkgPeriodes(), gemeenten()]);
	return [
		{
			name: 'periode',
			label: 'Periode',
			values: periodes.map((p) => p.periode),
			default: periodes.filter((p) => p.laatste_ronde !== null).at(-1)?.periode ?? periodes.at(-1)?.periode
		},
		{ name: 'categorie', label: 'Categorie', values: [ALLE_CATEGORIEEN, ...ids(HKG_CATEGORIEEN)], default: ALLE_CATEGORIEEN },
		{ name: 'ronde', label: 'Ronde', values: ids(HKG_RONDES) },
		// Absent: the key the region agreed per categorie (the opgave declares it).
		{ name: 'verdeelsleutel', label: 'Verdeelsleutel', values: ids(VERDEELSLEUTELS) },
		// What-if bids: a whole number per gemeente, no closed list.
		...lijst.map((g) => ({ name: `${WAT_ALS_PREFIX}${g.gemeentecode}`, label: `Wat-als-bod ${g.naam} (0 t/m ${MAX_BOD})` }))
	];
}

export const hkgLoaders = viewLoaders(
	'/hkg',
	{
		'hkg-bod-per-gemeente': 'HKG-bod per gemeente tegen het redelijk aandeel',
		'hkg-totaal-per-ronde': 'HKG-biedingen van de regio per ronde tegen de opgave'
	},
	parameters,
	async (url) => {
		const data = await loadHkg(url);
		return data.leeg ? {} : data.charts;
	},
	() => 'er zijn nog geen HKG-gegevens ingelezen.'
);
