/** GET /login/oidc[?terug=/pad]: start single sign-on at the municipality's identity provider. */
import { error } from '@sveltejs/kit';
import { authConfig } from '$lib/server/auth/config';
import { beginOidcLogin, loginErrorPath, OidcLoginError, seeOther } from '$lib/server/auth/oidc';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const config = authConfig().oidc;
	if (!config) error(404, 'Inloggen via een inlogdienst is op deze Regiomonitor niet ingesteld.');
	try {
		return seeOther((await beginOidcLogin({ event, config })).href);
	} catch (e) {
		if (e instanceof OidcLoginError) return seeOther(loginErrorPath(e));
		throw e;
	}
};
