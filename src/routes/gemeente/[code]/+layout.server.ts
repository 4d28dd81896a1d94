import { gemeenten } from '$lib/server/db/queries';
import type { LayoutServerLoad } from './$types';

/** The region's gemeenten, for the page of an unknown code (+error.svelte lists them to choose from). */
export const load: LayoutServerLoad = async () => ({
	alleGemeenten: (await gemeenten()).map(({ gemeentecode, naam, subregio }) => ({ gemeentecode, naam, subregio }))
});
