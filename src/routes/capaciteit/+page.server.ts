import { capaciteitFilterSchema, capaciteitSubtitle, resolveFilters } from '$lib/charts/capaciteit/filters';
import { capaciteitKaartChart } from '$lib/charts/capaciteit/kaart';
import { capaciteitPerGemeenteChart } from '$lib/charts/capaciteit/per-gemeente';
import { capaciteitPerTypeChart } from '$lib/charts/capaciteit/per-type';
import { capaciteitPerGemeente as perGemeente, rankByTekort } from '$lib/charts/capaciteit/rows';
import { capaciteitTegelkaartChart } from '$lib/charts/capaciteit/tegelkaart';
import { renderChart } from '$lib/charts/render.server';
import type { ChartMeta } from '$lib/charts/types';
import { parseFilters } from '$lib/filters';
import { storePaths } from '$lib/server/db/layout';
import { bronVoor, capaciteitPerGemeente, capaciteitRegio, gemeenten, peiljaren } from '$lib/server/db/queries';
import { readBoundaries } from '$lib/server/geo/boundaries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const jaren = await peiljaren();
	const filters = parseFilters(url, capaciteitFilterSchema(jaren));
	const keuze = resolveFilters(filters, jaren);
	if (!keuze) return { peiljaren: jaren, filters, keuze: null };

	const options = { peiljaar: keuze.peiljaar, voorzieningstypen: keuze.typen, doelgroep: keuze.doelgroep };
	const [rows, regio, lijst, bron] = await Promise.all([
		capaciteitPerGemeente(options),
		capaciteitRegio({ ...options, measure: keuze.maat }),
		gemeenten(),
		bronVoor(['capaciteit', 'inwoners', 'gemeenten'])
	]);
	const perGemeenteRows = perGemeente(rows, lijst, keuze.maat);
	const subtitle = capaciteitSubtitle(keuze);
	const meta = (title: string, extra = ''): ChartMeta => ({
		title,
		subtitle: extra ? `${subtitle}. ${extra}` : subtitle,
		bron: bron.bron,
		peildatum: bron.peildatum,
		illustratief: bron.illustratief
	});
	const eenheid = keuze.maat === 'absolute' ? '' : ' per 10.000 inwoners';
	const telling = 'Tekort per gemeente, type en doelgroep geteld: een overschot vult geen tekort elders.';

	const perGemeenteMeta = meta(`Bestaande en geplande plekken tegenover de behoefte per gemeente${eenheid}, peiljaar ${keuze.peiljaar}`, telling);
	const perTypeMeta = meta(`Plekken en tekort per voorzieningstype in de regio${eenheid}, peiljaar ${keuze.peiljaar}`, telling);

	// A boundaries file turns the tile map into a real map; a bad file only costs the map.
	const grenzen = readBoundaries(storePaths().exports, lijst.map((g) => g.gemeentecode));
	const kaartTitle = `Tekort per gemeente${eenheid}, peiljaar ${keuze.peiljaar}`;
	const kaartMeta = meta(kaartTitle);
	const kaart =
		grenzen.status === 'ok'
			? renderChart(
					capaciteitKaartChart,
					perGemeenteRows.map((r, i) => ({ ...r, polygonen: grenzen.grenzen[i].polygonen })),
					{ title: kaartTitle, width: 640 }
				)
			: renderChart(capaciteitTegelkaartChart, perGemeenteRows, { title: kaartTitle, width: 640 });
	if (grenzen.status === 'ok') kaartMeta.bron = `${kaartMeta.bron}; gemeentegrenzen: ${grenzen.bestand}`;

	return {
		peiljaren: jaren,
		filters,
		keuze,
		subtitle,
		perGemeente: { meta: perGemeenteMeta, chart: renderChart(capaciteitPerGemeenteChart, perGemeenteRows, { title: perGemeenteMeta.title, width: 760 }) },
		perType: { meta: perTypeMeta, chart: renderChart(capaciteitPerTypeChart, regio.map((r) => ({ ...r, maat: keuze.maat })), { title: perTypeMeta.title, width: 760 }) },
		kaart: { meta: kaartMeta, chart: kaart },
		kaartWaarschuwing: grenzen.status === 'invalid' ? `${grenzen.melding} Daarom staat hieronder de tegelkaart.` : null,
		ranglijst: { meta: meta(`Gemeenten gerangschikt naar tekort${eenheid}, peiljaar ${keuze.peiljaar}`, telling), rows: rankByTekort(perGemeenteRows) }
	};
};
