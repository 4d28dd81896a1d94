/**
 * POST /uitloggen: ends the session on the server (the row is deleted, so the old cookie is
 * worthless), clears the cookie and goes to the home page. After a single sign-on session it
 * goes by the provider first, which ends its own session there and sends the browser back to the
 * home page (REGIO_OIDC_UITLOGGEN=lokaal keeps it to this site). That step is a short page that
 * moves on by itself, not a redirect: the site's Content-Security-Policy (form-action 'self')
 * forbids a form's answer to redirect to another site. The hook has already checked that the
 * form came from this site. A GET changes nothing.
 */
import { redirect } from '@sveltejs/kit';
import { authConfig } from '$lib/server/auth/config';
import { providerLogoutUrl } from '$lib/server/auth/oidc';
import { endSession } from '$lib/server/auth/sessions';
import type { RequestHandler } from './$types';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const POST: RequestHandler = async (event) => {
	const { idToken } = endSession(event);
	const oidc = authConfig().oidc;
	const provider = oidc ? await providerLogoutUrl(oidc, idToken, event.url) : null;
	if (!provider || !oidc) redirect(303, '/');
	const href = escapeHtml(provider.href);
	const label = escapeHtml(oidc.label);
	const html = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="0;url=${href}"><title>Uitgelogd — Regiomonitor BW&amp;O</title></head>
<body style="font-family: system-ui, sans-serif; margin: 2rem; max-width: 40rem">
<h1>U bent uitgelogd</h1>
<p>U bent uitgelogd bij de Regiomonitor. U gaat nu door naar ${label} om daar ook uit te loggen.</p>
<p><a href="${href}">Ga verder naar ${label}</a> · <a href="/">Terug naar de Regiomonitor</a></p>
</body>
</html>
`;
	return new Response(html, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } });
};

export const GET: RequestHandler = () => redirect(303, '/');
