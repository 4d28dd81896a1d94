/**
 * POST /uitloggen: ends the session on the server (the row is deleted, so the old cookie is
 * worthless), clears the cookie and goes to the home page. The hook has already checked that
 * the form came from this site. A GET changes nothing.
 */
import { redirect } from '@sveltejs/kit';
import { endSession } from '$lib/server/auth/sessions';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) => {
	endSession(event);
	redirect(303, '/');
};

export const GET: RequestHandler = () => redirect(303, '/');
