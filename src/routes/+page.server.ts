import { renderChart } from '$lib/charts/render.server';
import { tekortPerType, type TekortPerTypeRow } from '$lib/charts/tekort-per-type';
import type { ChartMeta } from '$lib/charts/types';
import { bronVoor, capaciteitRegio, peiljaren, type CapaciteitTotaalRow } from '$lib/server/db/queries';
import type { PageServerLoad } from './$types';

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

export const load: PageServerLoad = async () => {
	const peiljaar = (await peiljaren()).at(-1) ?? null;
	if (peiljaar === null) return { peiljaar, tekort: null };
	const [rows, bron] = await Promise.all([capaciteitRegio({ peiljaar }), bronVoor(['capaciteit'])]);
	const meta: ChartMeta = {
		title: `Tekort per voorzieningstype in de regio, peiljaar ${peiljaar}`,
		subtitle: 'Alle gemeenten en doelgroepen. Tekort per gemeente opgeteld: een overschot in de ene gemeente vult geen tekort in een andere.',
		bron: bron.bron,
		peildatum: bron.peildatum,
		illustratief: bron.illustratief
	};
	return { peiljaar, tekort: { meta, chart: renderChart(tekortPerType, rows.map(toTekortRow), { title: meta.title, width: 760 }) } };
};
