import { renderChart } from '$lib/charts/render.server';
import { tekortPerType, type TekortPerTypeRow } from '$lib/charts/tekort-per-type';
import type { ChartMeta } from '$lib/charts/types';
import { kerncijferTegels } from '$lib/components/overzicht/tegels.server';
import { bronVoor, capaciteitRegio, overzicht, type CapaciteitTotaalRow } from '$lib/server/db/queries';
import { currentSnapshot } from '$lib/server/db/store';
import type { PageServerLoad } from './$types';

/**
 * No client-side rendering: the page needs no JavaScript (tooltips are SVG <title>s, links are
 * links, the tables open with <details>), so it ships none and sends no hydration copy of its SVGs.
 */
export const csr = false;

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

/**
 * The page depends on nothing but the snapshot, so it is rendered once per snapshot: the charts
 * (Plot under linkedom) cost far more than the queries, which the snapshot already caches.
 * Keyed weakly by the snapshot object, so a retired snapshot takes its page with it.
 */
const perSnapshot = new WeakMap<object, ReturnType<typeof overzichtPagina>>();

export const load: PageServerLoad = () => {
	const snapshot = currentSnapshot();
	if (!snapshot) return overzichtPagina();
	let pagina = perSnapshot.get(snapshot);
	if (!pagina) {
		pagina = overzichtPagina();
		perSnapshot.set(snapshot, pagina);
		pagina.catch(() => perSnapshot.delete(snapshot));
	}
	return pagina;
};
