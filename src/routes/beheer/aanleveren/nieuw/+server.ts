/**
 * POST /beheer/aanleveren/nieuw: the upload form without JavaScript (with JavaScript the page
 * sends the same form to /api/aanleveringen and shows progress). Redirects to the delivery's
 * preview, or back to the form with the reason it was refused (nothing was kept).
 */
import { redirect } from '@sveltejs/kit';
import { requireRol } from '$lib/server/auth/guard';
import { IntakeError, receiveAanlevering } from '$lib/server/intake';
import { setFlash } from '$lib/server/intake-http/flash';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const gebruiker = requireRol(event, 'aanleverder');
	let id: string;
	try {
		id = (await receiveAanlevering(event.request, gebruiker)).id;
	} catch (e) {
		if (!(e instanceof IntakeError)) throw e;
		setFlash(event.cookies, { soort: 'fout', tekst: e.message }, event.url.protocol === 'https:');
		redirect(303, '/beheer/aanleveren');
	}
	redirect(303, `/beheer/aanleveren/${id}`);
};
