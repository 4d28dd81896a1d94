/** The /capaciteit charts by URL filters: peiljaar, type(s), doelgroep, maat. */
import { ALLE_DOELGROEPEN, capaciteitFilterSchema, capaciteitSubtitle, MATEN, resolveFilters } from '$lib/charts/capaciteit/filters';
import { capaciteitKaartChart, GRENZEN_BRON } from '$lib/charts/capaciteit/kaart';
import { capaciteitPerGemeenteChart } from '$lib/charts/capaciteit/per-gemeente';
import { capaciteitPerTypeChart } from '$lib/charts/capaciteit/per-type';
import { capaciteitPerGemeente as perGemeente, rankByTekort } from '$lib/charts/capaciteit/rows';
import { capaciteitTegelkaartChart } from '$lib/charts/capaciteit/tegelkaart';
import type { ChartMeta } from '$lib/charts/types';
import { ids, VOCABULARIES } from '$lib/domain/vocabulary';
import { parseSearchParams } from '$lib/filters';
import { storePaths } from '$lib/server/db/layout';
import { bronVoor, capaciteitPerGemeente, capaciteitRegio, gemeenten, peiljaren } from '$lib/server/db/queries';
import { readBoundaries } from '$lib/server/geo/boundaries';
import { bronMeta, loaded, viewLoaders } from './common';
import type { ChartParameter } from './types';

/** Everything /capaciteit shows for the URL's filters; throws a FilterError for invalid ones. */
export async function loadCapaciteit(url: URL) {
	const jaren = await peiljaren();
	const filters = parseSearchParams(url, capaciteitFilterSchema(jaren));
	const keuze = resolveFilters(filters, jaren);
	if (!keuze) return { peiljaren: jaren, filters, keuze: null, charts: null };

	const options = { peiljaar: keuze.peiljaar, voorzieningstypen: keuze.typen, doelgroep: keuze.doelgroep };
	const [rows, regio, lijst, bron] = await Promise.all([
		capaciteitPerGemeente(options),
		capaciteitRegio({ ...options, measure: keuze.maat }),
		gemeenten(),
		bronVoor(['capaciteit', 'inwoners', 'gemeenten'])
	]);
	const perGemeenteRows = perGemeente(rows, lijst, keuze.maat);
	const subtitle = capaciteitSubtitle(keuze);
	const meta = (title: string, extra = ''): ChartMeta => ({ title, subtitle: extra ? `${subtitle}. ${extra}` : subtitle, ...bronMeta(bron) });
	const eenheid = keuze.maat === 'absolute' ? '' : ' per 10.000 inwoners';
	const telling = 'Tekort per gemeente, type en doelgroep geteld: een overschot vult geen tekort elders.';
	// The file name names the figure: peiljaar always, the other filters when they narrow it.
	const words = {
		filters: [keuze.peiljaar, ...keuze.typen, keuze.doelgroep, keuze.maat === 'absolute' ? undefined : keuze.maat]
	};

	// A boundaries file turns the tile map into a real map; a bad file only costs the map.
	const grenzen = readBoundaries(storePaths().exports, lijst.map((g) => g.gemeentecode));
	const kaartMeta = meta(`Tekort per gemeente${eenheid}, peiljaar ${keuze.peiljaar}`);

	return {
		peiljaren: jaren,
		filters,
		keuze,
		subtitle,
		charts: {
			'capaciteit-per-gemeente': loaded(
				capaciteitPerGemeenteChart,
				perGemeenteRows,
				meta(`Bestaande en geplande plekken tegenover de behoefte per gemeente${eenheid}, peiljaar ${keuze.peiljaar}`, telling),
				words
			),
			'capaciteit-per-type': loaded(
				capaciteitPerTypeChart,
				regio.map((r) => ({ ...r, maat: keuze.maat })),
				meta(`Plekken en tekort per voorzieningstype in de regio${eenheid}, peiljaar ${keuze.peiljaar}`, telling),
				words
			),
			'capaciteit-tegelkaart': loaded(capaciteitTegelkaartChart, perGemeenteRows, kaartMeta, { ...words, width: 640 }),
			'capaciteit-kaart':
				grenzen.status === 'ok'
					? loaded(
							capaciteitKaartChart,
							perGemeenteRows.map((r, i) => ({ ...r, polygonen: grenzen.grenzen[i].polygonen })),
							{ ...kaartMeta, bron: `${kaartMeta.bron}; ${GRENZEN_BRON}` },
							{ ...words, width: 640 }
						)
					: null
		},
		kaartWaarschuwing: grenzen.status === 'invalid' ? `${grenzen.melding} Daarom staat hieronder de tegelkaart.` : null,
		ranglijst: { meta: meta(`Gemeenten gerangschikt naar tekort${eenheid}, peiljaar ${keuze.peiljaar}`, telling), rows: rankByTekort(perGemeenteRows) }
	};
}

async function parameters(): Promise<ChartParameter[]> {
	const jaren = await peiljaren();
	return [
		{ name: 'peiljaar', label: 'Peiljaar', values: jaren.map(String), default: jaren.at(-1)?.toString() },
		{ name: 'type', label: 'Voorzieningstype', values: ids(VOCABULARIES.voorzieningstype), multiple: true },
		{ name: 'doelgroep', label: 'Doelgroep', values: [ALLE_DOELGROEPEN, ...ids(VOCABULARIES.doelgroep)], default: ALLE_DOELGROEPEN },
		{ name: 'maat', label: 'Maat', values: MATEN, default: 'absolute' }
	];
}

export const capaciteitLoaders = viewLoaders(
	'/capaciteit',
	{
		'capaciteit-per-gemeente': 'Bestaande en geplande plekken tegenover de behoefte per gemeente',
		'capaciteit-per-type': 'Plekken en tekort per voorzieningstype in de regio',
		'capaciteit-tegelkaart': 'Tekort per gemeente (tegelkaart)',
		'capaciteit-kaart': 'Tekort per gemeente (kaart met gemeentegrenzen)'
	},
	parameters,
	async (url) => (await loadCapaciteit(url)).charts ?? {},
	(id) =>
		id === 'capaciteit-kaart'
			? 'er is geen bruikbaar bestand met gemeentegrenzen (exports/geo/*.geojson) of de capaciteitsexport bevat nog geen peiljaren.'
			: 'de capaciteitsexport bevat nog geen peiljaren.'
);
