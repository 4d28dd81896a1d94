import { redirect } from '@sveltejs/kit';
import { renderLoaded } from '$lib/server/charts/common';
import { loadGemeente, onbekendeGemeente } from '$lib/server/charts/gemeente';
import type { LoadedChart } from '$lib/server/charts/types';
import type { PageServerLoad } from './$types';

const render = (chart: LoadedChart | null) => (chart ? renderLoaded(chart) : null);

async function gemeentePagina(code: string) {
	const data = await loadGemeente(code);
	if (!data) return null;
	const { profiel, charts } = data;
	return {
		gemeente: profiel.gemeente,
		peiljaar: profiel.peiljaar,
		projecten: profiel.projecten,
		grafieken: {
			capaciteit: render(charts['gemeente-capaciteit']),
			wlz: render(charts['gemeente-wlz']),
			hkg: render(charts['gemeente-hkg']),
			dagbesteding: render(charts['gemeente-dagbesteding']),
			dagbestedingRegio: data.dagbestedingRegio
		}
	};
}

export const load: PageServerLoad = async ({ params }) => {
	const code = params.code.trim().toUpperCase();
	// Links with gm0505 keep working, but the address shows the canonical code.
	if (code !== params.code) redirect(308, `/gemeente/${encodeURIComponent(code)}`);
	const pagina = await gemeentePagina(code); // rendered once per snapshot by the page cache (hooks.server.ts)
	if (!pagina) onbekendeGemeente(params.code);
	return pagina;
};
