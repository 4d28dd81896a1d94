/** The /wlz charts by URL filters: measure, jaar, reductie. */
import type { ChartMeta } from '$lib/charts/types';
import { parseWlzFilters, REDUCTIE_MAX, REDUCTIE_STANDAARD } from '$lib/charts/wlz/filters';
import { wlzInstroomPerGemeente, type WlzGemeenteBar } from '$lib/charts/wlz/instroom-per-gemeente';
import { wlzInstroomPerJaar } from '$lib/charts/wlz/instroom-per-jaar';
import { wlzPerJaar, wlzScenario } from '$lib/charts/wlz/model';
import { wlzReductieScenario } from '$lib/charts/wlz/reductie-scenario';
import { PER_10K_LABEL } from '$lib/domain/format';
import { bronVoor, wlzEigenRegio, wlzPerGemeente, wlzRegios, wlzSpreiding } from '$lib/server/db/queries';
import { bronMeta, loaded, viewLoaders } from './common';
import type { ChartParameter } from './types';

/** Everything /wlz shows for the URL's filters; throws a FilterError for invalid ones. */
export async function loadWlz(url: URL) {
	const [eigen, spreiding, bron] = await Promise.all([wlzEigenRegio(), wlzSpreiding(), bronVoor(['wlz_instroom'])]);
	const jaren = eigen.map((r) => r.jaar);
	const filters = parseWlzFilters(url, jaren);
	const jaar = filters.jaar ?? jaren.at(-1);
	if (jaar === undefined) return { leeg: true as const, filters, jaren };

	const [regios, perGemeente] = await Promise.all([wlzRegios({ jaar }), wlzPerGemeente({ jaar })]);
	const { measure, reductie } = filters;
	const per10k = measure === 'per_10k';
	const regioNaam = eigen[0].regionaam;
	const eigenJaar = eigen.find((r) => r.jaar === jaar);
	const mediaan = spreiding.find((s) => s.jaar === jaar)?.mediaan ?? null;
	const base = bronMeta(bron);
	const maat = per10k ? PER_10K_LABEL : 'in aantallen cliënten';

	const jaarRows = wlzPerJaar(eigen, spreiding, measure);
	const gemeenteRows: WlzGemeenteBar[] = perGemeente.map((g) => ({
		...g,
		measure,
		regio_per_10k: eigenJaar?.instroom_per_10k ?? null,
		mediaan_per_10k: mediaan
	}));
	const scenarioRows = regios.map((r) => ({ ...r, reductie }));

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
		subtitle: `Instroom ${maat}, ${jaar}.${per10k ? ' Kleine aantallen: één cliënt meer of minder verandert het cijfer sterk.' : ''}`
	};
	const scenarioMeta: ChartMeta = {
		...base,
		title: `Scenario: ${reductie}% minder Wlz-instroom in regio ${regioNaam}, tegen andere regio’s in ${jaar}`,
		subtitle: `Instroom ${PER_10K_LABEL} in ${jaar}, alle centrumregio’s; reductie ${reductie}% op de instroom van ${jaar}.`
	};
	const measureWord = per10k ? undefined : measure;

	return {
		leeg: false as const,
		filters,
		jaren,
		jaar,
		perGemeente,
		scenario: wlzScenario(scenarioRows),
		charts: {
			'wlz-instroom-per-jaar': loaded(wlzInstroomPerJaar, jaarRows, perJaarMeta, { filters: [measureWord] }),
			'wlz-instroom-per-gemeente': loaded(wlzInstroomPerGemeente, gemeenteRows, perGemeenteMeta, { filters: [jaar, measureWord] }),
			'wlz-reductie-scenario': loaded(wlzReductieScenario, scenarioRows, scenarioMeta, { filters: [jaar, `${reductie}-procent`] })
		}
	};
}

async function parameters(): Promise<ChartParameter[]> {
	const jaren = (await wlzEigenRegio()).map((r) => String(r.jaar));
	return [
		{ name: 'measure', label: 'Maat', values: ['per_10k', 'absolute'], default: 'per_10k' },
		{ name: 'jaar', label: 'Jaar', values: jaren, default: jaren.at(-1) },
		// A whole percentage; listed so a client can offer the same choices as the view's slider.
		{
			name: 'reductie',
			label: `Reductie van de instroom in procenten (0 t/m ${REDUCTIE_MAX})`,
			values: Array.from({ length: REDUCTIE_MAX + 1 }, (_, i) => String(i)),
			default: String(REDUCTIE_STANDAARD)
		}
	];
}

export const wlzLoaders = viewLoaders(
	'/wlz',
	{
		'wlz-instroom-per-jaar': 'Wlz-instroom van de regio per jaar tegen andere regio’s',
		'wlz-instroom-per-gemeente': 'Wlz-instroom per gemeente',
		'wlz-reductie-scenario': 'Scenario: minder Wlz-instroom in de regio, tegen andere regio’s'
	},
	parameters,
	async (url) => {
		const data = await loadWlz(url);
		return data.leeg ? {} : data.charts;
	},
	() => 'er zijn nog geen Wlz-gegevens ingelezen.'
);
