import { error } from '@sveltejs/kit';
import { renderChart } from '$lib/charts/render.server';
import type { ChartMeta } from '$lib/charts/types';
import { parseWlzFilters } from '$lib/charts/wlz/filters';
import { wlzInstroomPerGemeente, type WlzGemeenteBar } from '$lib/charts/wlz/instroom-per-gemeente';
import { wlzInstroomPerJaar } from '$lib/charts/wlz/instroom-per-jaar';
import { wlzPerJaar, wlzScenario } from '$lib/charts/wlz/model';
import { wlzReductieScenario } from '$lib/charts/wlz/reductie-scenario';
import { PER_10K_LABEL } from '$lib/domain/format';
import { FilterError } from '$lib/filters';
import { bronVoor, wlzEigenRegio, wlzPerGemeente, wlzRegios, wlzSpreiding } from '$lib/server/db/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const [eigen, spreiding, bron] = await Promise.all([wlzEigenRegio(), wlzSpreiding(), bronVoor(['wlz_instroom'])]);
	const jaren = eigen.map((r) => r.jaar);
	let filters;
	try {
		filters = parseWlzFilters(url, jaren);
	} catch (e) {
		if (e instanceof FilterError) error(400, { message: e.message });
		throw e;
	}
	const jaar = filters.jaar ?? jaren.at(-1);
	if (jaar === undefined) return { leeg: true as const, filters, jaren };

	const [regios, perGemeente] = await Promise.all([wlzRegios({ jaar }), wlzPerGemeente({ jaar })]);
	const { measure, reductie } = filters;
	const per10k = measure === 'per_10k';
	const regioNaam = eigen[0].regionaam;
	const eigenJaar = eigen.find((r) => r.jaar === jaar);
	const mediaan = spreiding.find((s) => s.jaar === jaar)?.mediaan ?? null;
	const base = { bron: bron.bron, peildatum: bron.peildatum, illustratief: bron.illustratief };
	const maat = per10k ? PER_10K_LABEL : 'in aantallen cliënten';

	const jaarRows = wlzPerJaar(eigen, spreiding, measure);
	const gemeenteRows: WlzGemeenteBar[] = perGemeente.map((g) => ({
		...g,
		measure,
		regio_per_10k: eigenJaar?.instroom_per_10k ?? null,
		mediaan_per_10k: mediaan
	}));
	const scenarioRows = regios.map((r) => ({ ...r, reductie }));
	const scenario = wlzScenario(scenarioRows);

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

	return {
		leeg: false as const,
		filters: { ...filters, jaar },
		jaren,
		scenario,
		gemeenten: perGemeente.map((g) => ({ gemeentecode: g.gemeentecode, naam: g.naam })),
		perJaar: { meta: perJaarMeta, chart: renderChart(wlzInstroomPerJaar, jaarRows, { title: perJaarMeta.title, width: 760 }) },
		perGemeente: { meta: perGemeenteMeta, chart: renderChart(wlzInstroomPerGemeente, gemeenteRows, { title: perGemeenteMeta.title, width: 760 }) },
		reductie: { meta: scenarioMeta, chart: renderChart(wlzReductieScenario, scenarioRows, { title: scenarioMeta.title, width: 760 }) }
	};
};
