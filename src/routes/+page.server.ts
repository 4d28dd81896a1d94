import { renderLoaded } from '$lib/server/charts/common';
import { loadOverzicht } from '$lib/server/charts/overzicht';
import type { PageServerLoad } from './$types';

/** Rendered once per snapshot by the page cache (hooks.server.ts). */
export const load: PageServerLoad = async () => {
	const { peiljaar, tegels, charts } = await loadOverzicht();
	const tekort = charts['tekort-per-type'];
	return { peiljaar, tegels, tekort: tekort ? renderLoaded(tekort) : null };
};
