/** GET /login/oidc/terug: the provider's answer; starts the session, or shows on /login why not. */
import { error } from '@sveltejs/kit';
import { authConfig } from '$lib/server/auth/config';
import { clientAdres } from '$lib/server/auth/guard';
import { finishOidcLogin, loginErrorPath, OidcLoginError, seeOther } from '$lib/server/auth/oidc';
import { startSession } from '$lib/server/auth/sessions';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const config = authConfig().oidc;
	if (!config) error(404, 'Inloggen via een inlogdienst is op deze Regiomonitor niet ingesteld.');
	try {
		const { gebruiker, terug, idToken } = await finishOidcLogin({ event, config, adres: clientAdres(event) });
		startSession(event, gebruiker, { via: 'oidc', idToken });
		return seeOther(terug);
	} catch (e) {
		if (e instanceof OidcLoginError) return seeOther(loginErrorPath(e));
		throw e;
	}
};
