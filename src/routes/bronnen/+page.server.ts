import { bronRegels } from '$lib/domain/bronnen';
import { StoreInvalidError, StoreMissingError } from '$lib/server/db/errors';
import { provenance } from '$lib/server/db/queries';
import type { PageServerLoad } from './$types';

/** Every loaded source, explained; works without a store too (then it says so). */
export const load: PageServerLoad = async () => {
	try {
		return { bronnen: bronRegels(await provenance()) };
	} catch (error) {
		if (error instanceof StoreMissingError || error instanceof StoreInvalidError) return { bronnen: null };
		throw error;
	}
};
