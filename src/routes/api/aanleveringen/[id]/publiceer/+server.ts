/**
 * POST /api/aanleveringen/<id>/publiceer: the checked delivery becomes the current data; answers
 * `{ snapshotId }`, which /api/health then reports. 409 when it has errors, is already published,
 * was checked on an older snapshot (check it again), or another publish is running.
 */
import { json } from '@sveltejs/kit';
import { requireRol } from '$lib/server/auth/guard';
import { publiceerAanlevering } from '$lib/server/intake';
import { intakeErrorJson } from '$lib/server/intake-http/respond';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const gebruiker = requireRol(event, 'aanleverder');
	try {
		const { snapshotId } = await publiceerAanlevering(event.params.id, gebruiker);
		return json({ snapshotId });
	} catch (e) {
		return intakeErrorJson(e);
	}
};
