import { kaleRegioNaam } from '$lib/domain/regio';
import { gemeente, regios, type RegioRow } from '$lib/server/db/queries';
import type { LayoutServerLoad } from './$types';

/** The region's name comes from the store (the region is data, not code); the header works without a store too. */
const FALLBACK_REGIO = 'Dordrecht';

/**
 * The region the page shows: `regio` in the URL (an unknown one is the page's own 400; the header
 * then names the default), on a gemeente's page that gemeente's region, else the manifest's.
 */
async function huidigeRegio(url: URL, lijst: readonly RegioRow[]): Promise<RegioRow | undefined> {
	const standaard = lijst.find((r) => r.standaard);
	const gemeenteCode = /^\/gemeente\/([^/]+)$/.exec(url.pathname)?.[1];
	const code = gemeenteCode ? (await gemeente(decodeURIComponent(gemeenteCode).toUpperCase()))?.centrumregio : url.searchParams.get('regio');
	return lijst.find((r) => r.code === code) ?? standaard;
}

export const load: LayoutServerLoad = async ({ locals, url }) => {
	// Who is logged in, for the header (the page cache keys pages by user, see hooks.server.ts).
	const gebruiker = locals.gebruiker ? { naam: locals.gebruiker.naam, rol: locals.gebruiker.rol } : null;
	try {
		const lijst = await regios();
		const regio = await huidigeRegio(url, lijst);
		return {
			// The header already says "centrumregio": `Centrumregio Dordrecht` in the data becomes `Dordrecht`.
			regioNaam: (regio && kaleRegioNaam(regio.naam)) || FALLBACK_REGIO,
			// Not `regio`: /dagbesteding's own data of that name would hide it in page.data (RegioLink reads it there).
			paginaRegio: regio?.code ?? null,
			standaardRegio: lijst.find((r) => r.standaard)?.code ?? null,
			// The picker only when there is a choice (not `regios`: a page's own data of that name would hide it in page.data).
			regioLijst: lijst.length > 1 ? lijst : [],
			gebruiker
		};
	} catch {
		return { regioNaam: FALLBACK_REGIO, regio: null, standaardRegio: null, regioLijst: [], gebruiker };
	}
};
