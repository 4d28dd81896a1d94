/**
 * Every request sees one snapshot: the hook pins the current snapshot for the whole request,
 * so a page's queries never mix an old and a new store when an ingest swaps it meanwhile.
 * Without a usable store, pages that need data answer 503 with a Dutch explanation, while
 * /data (which shows why the last ingest failed) and /api/health keep working.
 * No stack trace ever reaches a user: unexpected errors are logged here with a short code
 * that the Dutch error page shows.
 * Before all of that the guard recognises the user (session cookie or API token) and applies
 * REGIO_TOEGANG and the origin check (src/lib/server/auth/guard.ts).
 */
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { randomBytes } from 'node:crypto';
import { StoreInvalidError, StoreMissingError } from '$lib/server/db/errors';
import { currentSnapshot, withRequestSnapshot } from '$lib/server/db/store';
import { acceptsGzip, PageCache } from '$lib/server/page-cache';
import { storePaths } from '$lib/server/db/layout';
import { reportVersion } from '$lib/server/ingest/report';
import { notebooksVersion } from '$lib/server/notebooks/catalog';
import { NOT_FOUND_MELDING, STORE_UNAVAILABLE_MELDING } from '$lib/components/messages';
import { authConfig, AuthConfigError } from '$lib/server/auth/config';
import { guardRequest } from '$lib/server/auth/guard';
import { warmUpPasswords } from '$lib/server/auth/passwords';
import { refuseBody } from '$lib/server/body-limit';
import { ruimAanleveringenOp } from '$lib/server/intake';
import { appPaths } from '$lib/server/app/paths';
import { existsSync } from 'node:fs';

function isStoreUnavailable(error: unknown): error is StoreMissingError | StoreInvalidError {
	return error instanceof StoreMissingError || error instanceof StoreInvalidError;
}

/** Views render once per snapshot and URL (see page-cache.ts). */
const pageCache = new PageCache();

/**
 * Pages and their client-side data are pure functions of the snapshot, the day, the URL, the user (the
 * header shows who is logged in) and files read at request time (the boundaries file of the
 * map, the last ingest report on /data, the notebooks), whose versions are part of the key.
 * Not cached: the health check and other API routes, and the pages of login, logout and
 * management, whose content changes with every action.
 */
function isCacheable(request: Request, url: URL): boolean {
	if (request.method !== 'GET') return false;
	const path = url.pathname;
	return !path.startsWith('/api/') && !/^\/(login|uitloggen|beheer)(\/|$)/.test(path);
}

/** The part of the cache key that says who is asking ('-' for anonymous visitors). */
function userKey(locals: App.Locals): string {
	const g = locals.gebruiker;
	return g ? `${g.id}:${g.rol}:${encodeURIComponent(g.naam)}` : '-';
}

/** Responses that read the notebooks folder: their pages, their charts, decks and the chart list. */
function usesNotebooks(pathname: string): boolean {
	return pathname.startsWith('/notebooks') || pathname.startsWith('/charts') || pathname.startsWith('/deck.pptx');
}

/** Requests whose page failed because the store was unavailable: their 500 becomes a 503. */
const storeFailures = new WeakSet<Request>();

/**
 * Wrong access settings stop the server at start with their Dutch message, not on the first
 * request; the password check's dummy hash is made before anyone logs in.
 */
export const init: ServerInit = () => {
	try {
		authConfig();
	} catch (error) {
		if (!(error instanceof AuthConfigError)) throw error;
		console.error(error.message);
		process.exit(1);
	}
	void warmUpPasswords();
	// Deliveries never published are removed after a day: at start and every hour (a site that
	// never had a delivery has no app database yet, and does not get one for this).
	const cleanUp = () => {
		try {
			if (existsSync(appPaths().db)) ruimAanleveringenOp();
		} catch (error) {
			console.error('Opruimen van oude aanleveringen mislukt:', error);
		}
	};
	cleanUp();
	setInterval(cleanUp, 60 * 60 * 1000).unref();
};

export const handle: Handle = async ({ event, resolve }) => {
	// Before anything reads the body: small bodies everywhere but the upload routes.
	const tooLarge = refuseBody(event.request.method, event.url.pathname, event.request.headers);
	if (tooLarge) return tooLarge;
	const { toegang } = authConfig();
	const guard = guardRequest(event, { toegang });
	// Without a usable store the request runs unpinned: pages that can do without the store
	// (Gegevens, health, the not-yet-built views) still work; the others fail in their load and
	// become a 503 below.
	const response = guard.response ?? await withRequestSnapshot(async () => {
		const snapshot = currentSnapshot();
		// A response that clears a stale cookie is this visitor's only, never the cache's.
		if (!snapshot || guard.cookieGewist || !isCacheable(event.request, event.url)) return resolve(event);
		// The request's own URL, not event.url: for client-side navigation SvelteKit strips the
		// __data.json suffix and the invalidation flags from event.url, and a data response must
		// never be served as the page (or for another set of invalidated loads).
		const requested = new URL(event.request.url);
		const paths = storePaths();
		const notebooks = usesNotebooks(requested.pathname) ? notebooksVersion() : '';
		// Today's date too: footers and /data flag figures whose peildatum lies more than a year back (domain/bronnen.ts).
		const vandaag = new Date().toISOString().slice(0, 10);
		const key = `${snapshot.id} ${vandaag} ${reportVersion(paths.reports)} ${notebooks} ${userKey(event.locals)} ${requested.pathname}${requested.search}`;
		return pageCache.respond(key, async () => resolve(event), { gzip: acceptsGzip(event.request.headers.get('accept-encoding')) });
	});
	// Every response, pages and downloads alike (the CSP itself comes from svelte.config.js).
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	// Behind a login, downloads may be kept by the visitor's browser but not by shared caches.
	const cacheControl = response.headers.get('cache-control');
	if ((toegang === 'login' || event.locals.gebruiker) && cacheControl?.includes('public')) {
		response.headers.set('cache-control', cacheControl.replace('public', 'private'));
	}
	if (storeFailures.has(event.request) && response.status >= 500) {
		const headers = new Headers(response.headers);
		headers.set('retry-after', '60');
		return new Response(response.body, { status: 503, statusText: 'Service Unavailable', headers });
	}
	return response;
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (isStoreUnavailable(error)) {
		storeFailures.add(event.request);
		console.warn(`[${new Date().toISOString()}] ${event.request.method} ${event.url.pathname}: ${error.message}`);
		return { message: STORE_UNAVAILABLE_MELDING };
	}
	if (status === 404) return { message: NOT_FOUND_MELDING };
	const code = randomBytes(4).toString('hex');
	console.error(`[${new Date().toISOString()}] fout ${code} bij ${event.request.method} ${event.url.pathname} (${status} ${message}):`, error);
	return { message: `Er ging iets mis bij het maken van deze pagina (foutcode ${code}).` };
};
