/**
 * /wlz: Wlz-instroom of BW-cliënten per jaar against the other regions, per gemeente, and the
 * reduction scenario. Filters: maat (per 10.000 inwoners or absolute; formerly `measure`, whose
 * links keep working), jaar and reductie.
 */
import type { ChartMeta } from '$lib/charts/types';
import { wlzFilterSchema, type WlzFilters } from '$lib/charts/wlz/filters';
import { wlzInstroomPerGemeente, type WlzGemeenteBar } from '$lib/charts/wlz/instroom-per-gemeente';
import { wlzInstroomPerJaar } from '$lib/charts/wlz/instroom-per-jaar';
import { wlzPerJaar, wlzScenario } from '$lib/charts/wlz/model';
import { wlzReductieScenario } from '$lib/charts/wlz/reductie-scenario';
import { PER_10K_LABEL } from '$lib/domain/format';
import { bronMeta, loaded, renderLoaded } from '$lib/server/charts/common';
import { bronVoor, wlzEigenRegio, wlzPerGemeente, wlzRegios, wlzSpreiding } from '$lib/server/db/queries';
import { defineView, type RegioFilter } from './define';

export const wlzView = defineView({
	path: '/wlz',
	name: 'wlz',
	charts: {
		'wlz-instroom-per-jaar': { chart: wlzInstroomPerJaar, title: 'Wlz-instroom van de regio per jaar tegen andere regio’s' },
		'wlz-instroom-per-gemeente': { chart: wlzInstroomPerGemeente, title: 'Wlz-instroom per gemeente' },
		'wlz-reductie-scenario': { chart: wlzReductieScenario, title: 'Scenario: minder Wlz-instroom in de regio, tegen andere regio’s' }
	},
	renamed: { measure: 'maat' },
	facts: async ({ regio }) => {
		const [eigen, spreiding] = await Promise.all([wlzEigenRegio({ regio }), wlzSpreiding({ regio })]);
		return { eigen, spreiding, jaren: eigen.map((r) => r.jaar) };
	},
	schema: ({ jaren }) => wlzFilterSchema(jaren),
	async load(filters: WlzFilters & RegioFilter, { eigen, spreiding, jaren }) {
		const { jaar } = filters;
		if (jaar === undefined) return { leeg: true as const, filters, jaren, charts: {} };

		const [regios, perGemeente, bron] = await Promise.all([wlzRegios({ jaar, regio: filters.regio }), wlzPerGemeente({ jaar, regio: filters.regio }), bronVoor(['wlz_instroom'])]);
		const { maat, reductie } = filters;
		const per10k = maat === 'per_10k';
		const regioNaam = eigen[0].regionaam;
		const eigenJaar = eigen.find((r) => r.jaar === jaar);
		const mediaan = spreiding.find((s) => s.jaar === jaar)?.mediaan ?? null;
		const base = bronMeta(bron);
		const maatTekst = per10k ? PER_10K_LABEL : 'in aantallen cliënten';

		const jaarRows = wlzPerJaar(eigen, spreiding, maat);
		const gemeenteRows: WlzGemeenteBar[] = perGemeente.map((g) => ({
			...g,
			regio_per_10k: eigenJaar?.instroom_per_10k ?? null,
			mediaan_per_10k: mediaan
		}));

		const perJaarMeta: ChartMeta = {
			...base,
			title: `Wlz-instroom van regio ${regioNaam} per jaar tegen andere regio’s`,
			subtitle: per10k
				? `Instroom ${PER_10K_LABEL}; andere regio’s: mediaan en middelste helft (25%–75%) van ${spreiding[0]?.regios ?? 0} centrumregio’s.`
				: `Cliënten per jaar; andere regio’s omgerekend naar het aantal inwoners van deze regio (mediaan en middelste helft).`
		};
		const perGemeenteMeta: ChartMeta = {
			...base,
			title: `Wlz-instroom per gemeente in regio ${regioNaam}, ${jaar}`,
			subtitle: `Instroom ${maatTekst}, ${jaar}.${per10k ? ' Kleine aantallen: één cliënt meer of minder verandert het cijfer sterk.' : ''}`
		};
		const scenarioMeta: ChartMeta = {
			...base,
			title: `Scenario: ${reductie}% minder Wlz-instroom in regio ${regioNaam}, tegen andere regio’s in ${jaar}`,
			subtitle: `Instroom ${PER_10K_LABEL} in ${jaar}, alle centrumregio’s; reductie ${reductie}% op de instroom van ${jaar}.`
		};
		const maatWord = per10k ? undefined : maat;

		return {
			leeg: false as const,
			filters: { ...filters, jaar },
			jaren,
			perGemeente,
			scenario: wlzScenario(regios, { reductie }),
			charts: {
				'wlz-instroom-per-jaar': loaded(wlzInstroomPerJaar, jaarRows, perJaarMeta, { filters: [maatWord], options: { maat } }),
				'wlz-instroom-per-gemeente': loaded(wlzInstroomPerGemeente, gemeenteRows, perGemeenteMeta, { filters: [jaar, maatWord], options: { maat } }),
				'wlz-reductie-scenario': loaded(wlzReductieScenario, regios, scenarioMeta, { filters: [jaar, `${reductie}-procent`], options: { reductie } })
			}
		};
	},
	missing: () => 'er zijn nog geen Wlz-gegevens ingelezen.'
});

/** What the /wlz page shows for the URL's filters; a link with the old `measure` is redirected to `maat`. */
export async function wlzPage(url: URL) {
	const data = await wlzView.forPage(url);
	if (data.leeg) return { leeg: true as const, filters: data.filters, jaren: data.jaren };
	const { charts } = data;
	return {
		leeg: false as const,
		filters: data.filters,
		jaren: data.jaren,
		scenario: data.scenario,
		gemeenten: data.perGemeente.map((g) => ({ gemeentecode: g.gemeentecode, naam: g.naam })),
		perJaar: renderLoaded(charts['wlz-instroom-per-jaar']),
		perGemeente: renderLoaded(charts['wlz-instroom-per-gemeente']),
		reductie: renderLoaded(charts['wlz-reductie-scenario'])
	};
}
