import { snapshotInfo } from '$lib/server/db/queries';
import type { LayoutServerLoad } from './$types';

/** The region's name comes from the store (the region is data, not code); the header works without a store too. */
const FALLBACK_REGIO = 'Dordrecht';

export const load: LayoutServerLoad = async () => {
	try {
		return { regioNaam: (await snapshotInfo()).regio_naam };
	} catch {
		return { regioNaam: FALLBACK_REGIO };
	}
};
