import { error, redirect } from '@sveltejs/kit';
import { gemeenteGrafieken } from '$lib/components/gemeente/profiel.server';
import { bronVoor, gemeenteProfiel } from '$lib/server/db/queries';
import type { PageServerLoad } from './$types';

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

export const load: PageServerLoad = async ({ params }) => {
	const code = params.code.trim().toUpperCase();
	// Links with gm0505 keep working, but the address shows the canonical code.
	if (code !== params.code) redirect(308, `/gemeente/${encodeURIComponent(code)}`);
	const pagina = await gemeentePagina(code); // rendered once per snapshot by the page cache (hooks.server.ts)
	if (!pagina) error(404, `Er is geen gemeente met code ${params.code.slice(0, 20)} in deze regio. Kies een gemeente uit de lijst.`);
	return pagina;
};
