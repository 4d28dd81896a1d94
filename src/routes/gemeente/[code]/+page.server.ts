import { error, redirect } from '@sveltejs/kit';
import { gemeenteGrafieken } from '$lib/components/gemeente/profiel.server';
import { bronVoor, gemeenteProfiel } from '$lib/server/db/queries';
import { currentSnapshot } from '$lib/server/db/store';
import type { PageServerLoad } from './$types';

/**
 * No client-side rendering: the page needs no JavaScript (tooltips are SVG <title>s, links are
 * links, the tables open with <details>), so it ships none and sends no hydration copy of its SVGs.
 */
export const csr = false;

async function gemeentePagina(code: string) {
	const [profiel, capaciteit, wlz, hkg, dagbesteding] = await Promise.all([
		gemeenteProfiel(code),
		bronVoor(['capaciteit', 'inwoners']),
		bronVoor(['wlz_instroom']),
		bronVoor(['hkg_opgave', 'hkg_biedingen', 'inwoners']),
		bronVoor(['dagbesteding'])
	]);
	if (!profiel) return null;
	return {
		gemeente: profiel.gemeente,
		peiljaar: profiel.peiljaar,
		projecten: profiel.projecten,
		grafieken: gemeenteGrafieken(profiel, { capaciteit, wlz, hkg, dagbesteding })
	};
}

/**
 * Rendered once per snapshot and gemeente (the charts cost far more than the cached queries);
 * only gemeenten of the region are kept, so the map is as small as the region.
 */
const perSnapshot = new WeakMap<object, Map<string, ReturnType<typeof gemeentePagina>>>();

function gemeentePaginaVanSnapshot(code: string): ReturnType<typeof gemeentePagina> {
	const snapshot = currentSnapshot();
	if (!snapshot) return gemeentePagina(code);
	let paginas = perSnapshot.get(snapshot);
	if (!paginas) perSnapshot.set(snapshot, (paginas = new Map()));
	let pagina = paginas.get(code);
	if (!pagina) {
		pagina = gemeentePagina(code);
		paginas.set(code, pagina);
		pagina.then((p) => p ?? paginas.delete(code), () => paginas.delete(code));
	}
	return pagina;
}

export const load: PageServerLoad = async ({ params }) => {
	const code = params.code.trim().toUpperCase();
	// Links with gm0505 keep working, but the address shows the canonical code.
	if (code !== params.code) redirect(308, `/gemeente/${encodeURIComponent(code)}`);
	const pagina = await gemeentePaginaVanSnapshot(code);
	if (!pagina) error(404, `Er is geen gemeente met code ${params.code.slice(0, 20)} in deze regio. Kies een gemeente uit de lijst.`);
	return pagina;
};
