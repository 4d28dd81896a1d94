/** GET /api/aanleveringen/<id>: one delivery (status, errors, changes, progress while checking). */
import { json } from '@sveltejs/kit';
import { requireRol } from '$lib/server/auth/guard';
import { getAanlevering } from '$lib/server/intake';
import { aanleveringJson } from '$lib/server/intake-http/respond';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	requireRol(event, 'aanleverder');
	const aanlevering = getAanlevering(event.params.id);
	if (!aanlevering) return json({ fout: `Er is geen aanlevering met id '${event.params.id.slice(0, 40)}'.`, code: 'onbekend' }, { status: 404 });
	return json(aanleveringJson(aanlevering));
};
