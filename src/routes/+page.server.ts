import { renderChart } from '$lib/charts/render.server';
import { tekortPerType, type TekortPerTypeRow } from '$lib/charts/tekort-per-type';
import type { ChartMeta } from '$lib/charts/types';
import { kerncijferTegels } from '$lib/components/overzicht/tegels.server';
import { bronVoor, capaciteitRegio, overzicht, type CapaciteitTotaalRow } from '$lib/server/db/queries';
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

async function overzichtPagina() {
	const [kerncijfers, capaciteit, hkg, wlz, dagbesteding] = await Promise.all([
		overzicht(),
		bronVoor(['capaciteit']),
		bronVoor(['hkg_opgave', 'hkg_biedingen']),
		bronVoor(['wlz_instroom']),
		bronVoor(['dagbesteding'])
	]);
	const tegels = kerncijferTegels(kerncijfers, { capaciteit, hkg, wlz, dagbesteding });
	const peiljaar = kerncijfers.peiljaar;
	if (peiljaar === null) return { peiljaar, tegels, tekort: null };
	const rows = await capaciteitRegio({ peiljaar });
	const meta: ChartMeta = {
		title: `Tekort per voorzieningstype in de regio, peiljaar ${peiljaar}`,
		subtitle: 'Alle gemeenten en doelgroepen. Tekort per gemeente opgeteld: een overschot in de ene gemeente vult geen tekort in een andere.',
		bron: capaciteit.bron,
		peildatum: capaciteit.peildatum,
		illustratief: capaciteit.illustratief
	};
	return { peiljaar, tegels, tekort: { meta, chart: renderChart(tekortPerType, rows.map(toTekortRow), { title: meta.title, width: 760 }) } };
}

/** Rendered once per snapshot by the page cache (hooks.server.ts). */
export const load: PageServerLoad = () => overzichtPagina();
