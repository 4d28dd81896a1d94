/**
 * Who is asking, and may they: the handle hook recognises the user (session cookie or API
 * token), refuses cross-origin state changes made with a session cookie, and with
 * REGIO_TOEGANG=login sends anonymous visitors to the login page (pages) or answers 401
 * (downloads, decks, data and API requests). Routes call `requireRol` for their own minimum.
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { heeftRol, ROL_LABELS, type Gebruiker, type Rol } from '../../auth/roles';
import { resolveSession, SESSIE_COOKIE } from './sessions';
import { resolveToken } from './tokens';

export { clientAdres } from './adres';

export const NIET_INGELOGD_MELDING = 'U bent niet ingelogd. Log in, of stuur een geldig API-token mee (Authorization: Bearer …).';
export const TOKEN_ONGELDIG_MELDING = 'Het API-token is ongeldig of ingetrokken.';
export const ORIGIN_MELDING =
	'Verzoek geweigerd: het kwam niet van deze website (de kop Origin ontbreekt of hoort bij een andere site). Er is niets gewijzigd.';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The refusal for a user whose role is below `rol`. */
export function geenToegangMelding(gebruiker: Gebruiker, rol: Rol): string {
	return `Geen toegang: hiervoor is de rol ${ROL_LABELS[rol].toLowerCase()} nodig. U bent ingelogd als ${gebruiker.naam} (${ROL_LABELS[gebruiker.rol].toLowerCase()}).`;
}

type GuardEvent = Pick<RequestEvent, 'url' | 'request' | 'locals' | 'isDataRequest'>;

/**
 * Whether the request wants an answer for a program rather than a page: anything under /api/,
 * or an Accept without text/html (downloads, fetch). SvelteKit's own data and form-action
 * requests are page navigation: they follow redirects.
 */
export function isApiRequest(event: GuardEvent): boolean {
	if (event.url.pathname.startsWith('/api/')) return true;
	if (event.isDataRequest || event.request.headers.get('x-sveltekit-action') === 'true') return false;
	return !(event.request.headers.get('accept') ?? '').includes('text/html');
}

/** The login page that returns to `url` (path and query) afterwards. */
export function loginUrl(url: URL): string {
	return `/login?terug=${encodeURIComponent(url.pathname + url.search)}`;
}

/**
 * Where to go after login: `terug` only when it is a path on this site (one leading '/', not
 * '//' or '/\' which browsers read as another host), else the home page.
 */
export function veiligTerug(terug: string | null | undefined): string {
	if (!terug || terug.length > 2048) return '/';
	if (!terug.startsWith('/') || terug.startsWith('//') || terug.startsWith('/\\')) return '/';
	// Control characters (a tab or newline inside '/\t/evil.example') are stripped by URL parsers.
	if (/[\u0000-\u001f\u007f]/.test(terug)) return '/';
	const parsed = new URL(terug, 'http://regiomonitor.invalid');
	if (parsed.origin !== 'http://regiomonitor.invalid') return '/';
	return parsed.pathname + parsed.search + parsed.hash;
}

/**
 * The signed-in user with at least role `rol`. Otherwise: for API-like requests an error 401
 * (anonymous) or 403 (role too small); for pages a redirect to the login page (anonymous) or
 * an error 403.
 */
export function requireRol(event: GuardEvent, rol: Rol): Gebruiker {
	const gebruiker = event.locals.gebruiker;
	if (!gebruiker) {
		if (isApiRequest(event)) error(401, NIET_INGELOGD_MELDING);
		redirect(303, loginUrl(event.url));
	}
	if (!heeftRol(gebruiker.rol, rol)) error(403, geenToegangMelding(gebruiker, rol));
	return gebruiker;
}

/** Paths anyone may open, even with REGIO_TOEGANG=login: the login itself, the health check, static files. */
export function isOpenPath(pathname: string): boolean {
	return (
		pathname === '/login' ||
		pathname.startsWith('/login/') ||
		pathname === '/uitloggen' ||
		pathname === '/api/health' ||
		pathname.startsWith('/_app/') ||
		pathname.startsWith('/favicon') ||
		pathname.startsWith('/fonts/') ||
		pathname === '/robots.txt'
	);
}

/** A Dutch refusal as JSON for programs and as plain text otherwise; never cached. */
export function refusal(event: GuardEvent, status: 401 | 403, message: string): Response {
	const headers: Record<string, string> = { 'cache-control': 'no-store' };
	if (status === 401) headers['www-authenticate'] = 'Bearer realm="Regiomonitor"';
	const json = event.url.pathname.startsWith('/api/') || (event.request.headers.get('accept') ?? '').includes('application/json');
	if (json) return Response.json({ message }, { status, headers });
	return new Response(message, { status, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
}

function expiredCookie(url: URL): string {
	return `${SESSIE_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${url.protocol === 'https:' ? '; Secure' : ''}`;
}

export interface GuardResult {
	/** A response that ends the request here (refused, or sent to the login page); null to go on. */
	response: Response | null;
	/** The request's session cookie was invalid and is being cleared (the response must not be cached). */
	cookieGewist: boolean;
}

/**
 * Recognise the user into `event.locals` and apply the site-wide rules (the hook's first
 * step). A Bearer token wins over a cookie; an invalid one is refused, not ignored.
 */
export function guardRequest(event: RequestEvent, { toegang }: { toegang: 'open' | 'login' }): GuardResult {
	event.locals.gebruiker = null;
	event.locals.via = null;
	const pathname = event.url.pathname;
	const open = isOpenPath(pathname);
	const done = (response: Response | null, cookieGewist = false): GuardResult => {
		// Cookies set through event.cookies reach only responses made by resolve(); this one is the hook's own.
		if (response && cookieGewist) response.headers.append('set-cookie', expiredCookie(event.url));
		return { response, cookieGewist };
	};

	const authorization = event.request.headers.get('authorization');
	const bearer = authorization && /^bearer\s+/i.test(authorization) ? authorization.replace(/^bearer\s+/i, '').trim() : null;
	let cookieGewist = false;
	if (bearer !== null) {
		const gebruiker = resolveToken(bearer);
		if (!gebruiker) return done(open ? null : refusal(event, 401, TOKEN_ONGELDIG_MELDING));
		event.locals.gebruiker = gebruiker;
		event.locals.via = 'token';
	} else {
		const stand = resolveSession(event);
		cookieGewist = stand.gewist;
		if (stand.gebruiker) {
			event.locals.gebruiker = stand.gebruiker;
			event.locals.via = 'sessie';
		}
	}

	// A cookie is sent along by the browser whatever site made the request; only our own pages
	// may change anything with it (SameSite=Lax stops most of it, Origin closes the rest).
	// The login form too: nobody may log a visitor in under someone else's account.
	if (STATE_CHANGING.has(event.request.method) && (event.locals.via === 'sessie' || pathname === '/login')) {
		if (event.request.headers.get('origin') !== event.url.origin) return done(refusal(event, 403, ORIGIN_MELDING), cookieGewist);
	}

	if (toegang === 'login' && !event.locals.gebruiker && !open) {
		const method = event.request.method;
		const isPage =
			(method === 'GET' || method === 'HEAD') &&
			!event.isDataRequest &&
			!pathname.startsWith('/api/') &&
			!pathname.startsWith('/charts') &&
			!pathname.startsWith('/deck.pptx') &&
			(event.request.headers.get('accept') ?? '').includes('text/html');
		if (isPage) return done(new Response(null, { status: 303, headers: { location: loginUrl(event.url), 'cache-control': 'no-store' } }), cookieGewist);
		return done(refusal(event, 401, NIET_INGELOGD_MELDING), cookieGewist);
	}
	return done(null, cookieGewist);
}
