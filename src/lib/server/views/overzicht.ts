/** The / overzicht: the key-figure tiles with their trends and the tekort per type. No filters: the latest figures. */
import { SPARKLINE_WIDTH } from '$lib/charts/overzicht/sparkline';
import { tekortPerType, type TekortPerTypeRow } from '$lib/charts/tekort-per-type';
import { kerncijferTegels, kerncijferTrends, type TegelTrend } from './tegels';
import { bronVoor, capaciteitRegio, overzicht, type Bron, type CapaciteitTotaalRow } from '$lib/server/db/queries';
import { z } from 'zod';
import { overzichtDagbestedingTrend } from '$lib/charts/overzicht/dagbesteding-trend';
import { overzichtHkgRondes } from '$lib/charts/overzicht/hkg-rondes';
import { overzichtTekortTrend } from '$lib/charts/overzicht/tekort-trend';
import { overzichtWlzTrend } from '$lib/charts/overzicht/wlz-trend';
import { bronMeta, loaded, renderLoaded } from '$lib/server/charts/common';
import type { LoadedChart } from '$lib/server/charts/types';
import { defineView, type RegioFilter } from './define';

/** Absolute regional totals are never null; the schema allows null only for per-10k figures. */
function toTekortRow(row: CapaciteitTotaalRow): TekortPerTypeRow {
	return {
		voorzieningstype: row.voorzieningstype,
		bestaand: row.bestaand ?? 0,
		gepland: row.gepland ?? 0,
		behoefte: row.behoefte ?? 0,
		tekort: row.tekort ?? 0,
		tekort_na_plan: row.tekort_na_plan ?? 0
	};
}

function trendChart<Row>(trend: TegelTrend<Row> | null, bron: Bron): LoadedChart<Row> | null {
	if (!trend) return null;
	return loaded(trend.definition, trend.rows, { title: trend.title, ...bronMeta(bron) }, { width: SPARKLINE_WIDTH });
}

export const overzichtView = defineView({
	path: '/',
	name: 'overzicht',
	charts: {
		'tekort-per-type': { chart: tekortPerType, title: 'Tekort per voorzieningstype in de regio' },
		'overzicht-tekort-trend': { chart: overzichtTekortTrend, title: 'Tekort aan het voorzieningstype met het grootste tekort, per peiljaar' },
		'overzicht-hkg-rondes': { chart: overzichtHkgRondes, title: 'HKG-bod van de gemeenten samen per ronde' },
		'overzicht-wlz-trend': { chart: overzichtWlzTrend, title: 'Wlz-instroom per 10.000 inwoners per jaar, deze regio en de mediaan van andere regio’s' },
		'overzicht-dagbesteding-trend': { chart: overzichtDagbestedingTrend, title: 'Aandeel BW-cliënten met dagbesteding per periode' }
	},
	facts: async () => ({}),
	schema: () => z.object({}),
	async load({ regio }: RegioFilter) {
		const [kerncijfers, capaciteit, hkg, wlz, dagbesteding] = await Promise.all([
			overzicht({ regio }),
			bronVoor(['capaciteit']),
			bronVoor(['hkg_opgave', 'hkg_biedingen']),
			bronVoor(['wlz_instroom']),
			bronVoor(['dagbesteding'])
		]);
		const tegels = kerncijferTegels(kerncijfers, { capaciteit, hkg, wlz, dagbesteding });
		const peiljaar = kerncijfers.peiljaar;
		const trends = kerncijferTrends(kerncijfers);
		const charts = {
			'overzicht-tekort-trend': trendChart(trends['overzicht-tekort-trend'], capaciteit),
			'overzicht-hkg-rondes': trendChart(trends['overzicht-hkg-rondes'], hkg),
			'overzicht-wlz-trend': trendChart(trends['overzicht-wlz-trend'], wlz),
			'overzicht-dagbesteding-trend': trendChart(trends['overzicht-dagbesteding-trend'], dagbesteding),
			'tekort-per-type':
				peiljaar === null
					? null
					: loaded(
							tekortPerType,
							(await capaciteitRegio({ peiljaar, regio })).map(toTekortRow),
							{
								title: `Tekort per voorzieningstype in de regio, peiljaar ${peiljaar}`,
								subtitle: 'Alle gemeenten en doelgroepen. Tekort per gemeente opgeteld: een overschot in de ene gemeente vult geen tekort in een andere.',
								...bronMeta(capaciteit)
							},
							{ filters: [peiljaar] }
						)
		};
		return { peiljaar, tegels, charts };
	},
	missing: () => 'de gegevens voor deze grafiek zijn nog niet ingelezen (of er is maar één meetpunt).'
});

/** What the front page shows; rendered once per snapshot by the page cache (hooks.server.ts). */
export async function overzichtPage(url: URL) {
	const { peiljaar, tegels, charts } = await overzichtView.forPage(url);
	const tekort = charts['tekort-per-type'];
	return { peiljaar, tegels, tekort: tekort ? renderLoaded(tekort) : null };
}
