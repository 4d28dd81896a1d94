import { snapshotInfo } from '$lib/server/db/queries';
import type { LayoutServerLoad } from './$types';

/** The region's name comes from the store (the region is data, not code); the header works without a store too. */
const FALLBACK_REGIO = 'Dordrecht';

export const load: LayoutServerLoad = async ({ locals }) => {
	// Who is logged in, for the header (the page cache keys pages by user, see hooks.server.ts).
	const gebruiker = locals.gebruiker ? { naam: locals.gebruiker.naam, rol: locals.gebruiker.rol } : null;
	try {
		// The header already says "centrumregio": `Centrumregio Dordrecht` in the data becomes `Dordrecht`.
		const naam = (await snapshotInfo()).regio_naam.replace(/^centrumregio\s+/i, '').trim();
		return { regioNaam: naam || FALLBACK_REGIO, gebruiker };
	} catch {
		return { regioNaam: FALLBACK_REGIO, gebruiker };
	}
};
