/**
 * POST /api/aanleveringen: upload one or more exports (multipart: fields `bestand`, optional
 * `soort`, `bron`, `peildatum`, `illustratief`) for a preview; answers the delivery as JSON with
 * `status` 'fouten' or 'klaar' (or 'controleren' with ?achtergrond=1, then poll GET …/<id>).
 * GET: the latest deliveries. Both need at least the role aanleverder (session or token).
 */
import { json } from '@sveltejs/kit';
import { requireRol } from '$lib/server/auth/guard';
import { listAanleveringen, receiveAanlevering } from '$lib/server/intake';
import { aanleveringJson, intakeErrorJson } from '$lib/server/intake-http/respond';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const gebruiker = requireRol(event, 'aanleverder');
	try {
		const aanlevering = await receiveAanlevering(event.request, gebruiker, { achtergrond: event.url.searchParams.get('achtergrond') === '1' });
		return json(aanleveringJson(aanlevering), { status: 201, headers: { location: `/api/aanleveringen/${aanlevering.id}` } });
	} catch (e) {
		return intakeErrorJson(e);
	}
};

export const GET: RequestHandler = async (event) => {
	requireRol(event, 'aanleverder');
	return json({ aanleveringen: listAanleveringen({ limit: 50 }).map(aanleveringJson) });
};
