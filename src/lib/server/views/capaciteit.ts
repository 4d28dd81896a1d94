/**
 * /capaciteit: bestaande, geplande en benodigde plekken per gemeente and per voorzieningstype,
 * the tekort on a (tile) map and the ranking. Filters: peiljaar (default the latest), type(s),
 * doelgroep, maat.
 */
import { capaciteitFilterSchema, capaciteitSubtitle, resolveFilters, type CapaciteitFilters } from '$lib/charts/capaciteit/filters';
import { capaciteitKaartChart } from '$lib/charts/capaciteit/kaart';
import { capaciteitPerGemeenteChart } from '$lib/charts/capaciteit/per-gemeente';
import { capaciteitPerTypeChart } from '$lib/charts/capaciteit/per-type';
import { capaciteitPerGemeente as perGemeente, rankByTekort } from '$lib/charts/capaciteit/rows';
import { capaciteitTegelkaartChart } from '$lib/charts/capaciteit/tegelkaart';
import { capaciteitPerTypeRegios, spreiding, type TypeSpreiding } from '$lib/charts/regios/spreiding';
import { kaleRegioNaam } from '$lib/domain/regio';
import type { ChartMeta } from '$lib/charts/types';
import { bronMeta, loaded, renderLoaded } from '$lib/server/charts/common';
import { bronVoor, capaciteitPerGemeente, capaciteitRegio, gemeenten, peiljaren, regios, regiosCapaciteit, type RegioCapaciteitRow, type RegioRow } from '$lib/server/db/queries';
import { gemeenteBoundaries, snapshotBoundaries } from '$lib/server/geo/stored';
import { defineView, type RegioFilter } from './define';

export const capaciteitView = defineView({
	path: '/capaciteit',
	name: 'capaciteit',
	charts: {
		'capaciteit-per-gemeente': { chart: capaciteitPerGemeenteChart, title: 'Bestaande en geplande plekken tegenover de behoefte per gemeente' },
		'capaciteit-per-type': { chart: capaciteitPerTypeChart, title: 'Plekken en tekort per voorzieningstype in de regio' },
		'capaciteit-tegelkaart': { chart: capaciteitTegelkaartChart, title: 'Tekort per gemeente (tegelkaart)' },
		'capaciteit-kaart': { chart: capaciteitKaartChart, title: 'Tekort per gemeente (kaart met gemeentegrenzen)', grenzen: true },
		'capaciteit-per-type-regios': {
			chart: capaciteitPerTypeRegios,
			title: 'Bestaande plekken per 10.000 inwoners per voorzieningstype tegen de spreiding van andere regio’s',
			meerRegios: true
		}
	},
	facts: async () => {
		const [jaren, lijst] = await Promise.all([peiljaren(), regios()]);
		return { peiljaren: jaren, regios: lijst };
	},
	schema: ({ peiljaren }) => capaciteitFilterSchema(peiljaren),
	async load(filters: CapaciteitFilters & RegioFilter, { peiljaren: jaren, regios: regioLijst }) {
		const keuze = resolveFilters(filters);
		if (!keuze) return { peiljaren: jaren, filters, keuze: null, charts: {} };

		const options = { peiljaar: keuze.peiljaar, voorzieningstypen: keuze.typen, doelgroep: keuze.doelgroep, regio: filters.regio };
		// The page sets the region against the others only when the store has them; the chart id always loads.
		const vergelijken = regioLijst.length > 1;
		const [rows, regio, lijst, bron, perRegio, opgeslagenGrenzen] = await Promise.all([
			capaciteitPerGemeente(options),
			capaciteitRegio({ ...options, measure: keuze.maat }),
			gemeenten({ regio: filters.regio }),
			bronVoor(['capaciteit', 'inwoners', 'gemeenten']),
			regiosCapaciteit(options),
			snapshotBoundaries()
		]);
		const perGemeenteRows = perGemeente(rows, lijst, keuze.maat);
		const subtitle = capaciteitSubtitle(keuze);
		const meta = (title: string, extra = ''): ChartMeta => ({ title, subtitle: extra ? `${subtitle}. ${extra}` : subtitle, ...bronMeta(bron) });
		const eenheid = keuze.maat === 'absolute' ? '' : ' per 10.000 inwoners';
		const telling = 'Tekort per gemeente, type en doelgroep geteld: een overschot vult geen tekort elders.';
		// The file name names the figure: peiljaar always, the other filters when they narrow it.
		const words = {
			filters: [keuze.peiljaar, ...keuze.typen, keuze.doelgroep, keuze.maat === 'absolute' ? undefined : keuze.maat],
			options: { maat: keuze.maat }
		};

		// A boundaries file (read at ingest) turns the tile map into a real map; a bad file only costs the map.
		const grenzen = gemeenteBoundaries(opgeslagenGrenzen, lijst.map((g) => g.gemeentecode));
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
					regio,
					meta(`Plekken en tekort per voorzieningstype in de regio${eenheid}, peiljaar ${keuze.peiljaar}`, telling),
					words
				),
				'capaciteit-tegelkaart': loaded(capaciteitTegelkaartChart, perGemeenteRows, kaartMeta, { ...words, width: 640 }),
				'capaciteit-kaart':
					grenzen.status === 'ok'
						? loaded(
								capaciteitKaartChart,
								perGemeenteRows.map((r, i) => ({ ...r, polygonen: grenzen.grenzen[i].polygonen })),
								{ ...kaartMeta, bron: `${kaartMeta.bron}; ${grenzen.bron}` },
								{ ...words, width: 640 }
							)
						: null,
				'capaciteit-per-type-regios': regiosVergelijking(perRegio, regioLijst, filters.regio, meta, keuze.peiljaar)
			},
			vergelijken,
			kaartWaarschuwing: grenzen.status === 'invalid' ? `${grenzen.melding} Daarom staat hieronder de tegelkaart.` : null,
			ranglijst: { meta: meta(`Gemeenten gerangschikt naar tekort${eenheid}, peiljaar ${keuze.peiljaar}`, telling), rows: rankByTekort(perGemeenteRows) }
		};
	},
	missing: (id) =>
		id === 'capaciteit-kaart'
			? 'de gegevens zijn ingelezen zonder bruikbaar bestand met gemeentegrenzen (geo/*.geojson bij de exports) of de capaciteitsexport bevat nog geen peiljaren.'
			: 'de capaciteitsexport bevat nog geen peiljaren.'
});

/** Per voorzieningstype the region's bestaande plekken per 10.000 inwoners against the other regions' spread. */
function regiosVergelijking(rows: readonly RegioCapaciteitRow[], lijst: readonly RegioRow[], regio: string, meta: (title: string, extra?: string) => ChartMeta, peiljaar: number) {
	const regionaam = kaleRegioNaam(lijst.find((r) => r.code === regio)?.naam ?? regio);
	const typen = [...new Set(rows.map((r) => r.voorzieningstype))];
	const spreidingen: TypeSpreiding[] = typen.flatMap((type) => {
		const vanType = rows.filter((r) => r.voorzieningstype === type);
		const s = spreiding(vanType.filter((r) => r.regiocode !== regio && r.bestaand_per_10k !== null).map((r) => r.bestaand_per_10k as number));
		return [{ voorzieningstype: type, waarde: vanType.find((r) => r.regiocode === regio)?.bestaand_per_10k ?? null, ...s }];
	});
	const options = { regionaam, wat: 'bestaande plekken' };
	return loaded(
		capaciteitPerTypeRegios,
		spreidingen,
		meta(`Bestaande plekken per 10.000 inwoners per voorzieningstype: ${regionaam} tegen andere regio’s, peiljaar ${peiljaar}`, `Andere regio’s: laagste tot hoogste, middelste helft en mediaan.`),
		{ filters: [peiljaar, regio], options }
	);
}

/** What the /capaciteit page shows for the URL's filters. */
export async function capaciteitPage(url: URL) {
	const data = await capaciteitView.forPage(url);
	if (!data.keuze) return { peiljaren: data.peiljaren, filters: data.filters, keuze: null };
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
		regios: data.vergelijken ? renderLoaded(charts['capaciteit-per-type-regios']) : null,
		kaartWaarschuwing: data.kaartWaarschuwing,
		ranglijst: data.ranglijst
	};
}
