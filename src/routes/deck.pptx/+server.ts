/**
 * GET /deck.pptx?chart=<id>?<filters>&chart=…[&titel=…][&slidetitel=…&notitie=…]
 * GET /deck.pptx?weergave=/capaciteit?<filters>[&titel=…]
 * A 16:9 PowerPoint deck of the charts (see $lib/server/export/deck). Unknown chart or view →
 * 404, invalid parameters or filters → 400 naming the chart, both in Dutch; never a 500.
 */
import { buildDeck, parseDeckQuery } from '$lib/server/export/deck';
import type { RequestHandler } from './$types';

const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

export const GET: RequestHandler = async ({ url }) => {
	const deck = await buildDeck(parseDeckQuery(url));
	return new Response(new Uint8Array(deck.body), {
		headers: {
			'content-type': PPTX,
			'content-disposition': `attachment; filename="${deck.fileName}"`,
			'content-length': String(deck.body.byteLength),
			'cache-control': 'no-store'
		}
	});
};
