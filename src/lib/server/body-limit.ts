/**
 * Request bodies. adapter-node's own limit (BODY_SIZE_LIMIT) is one number for every route, and
 * uploads of exports need hundreds of megabytes while a login form needs a few hundred bytes. So
 * the server starts with BODY_SIZE_LIMIT=Infinity (scripts/start.ts) and this check gives every
 * route but the two upload routes a small limit; the upload routes stream their files to disk
 * with a limit per file and a maximum number of files (src/lib/server/intake).
 */

/** Routes that take uploads of exports (streamed, limited per file by the intake). */
export const UPLOAD_PATHS: readonly string[] = ['/api/aanleveringen', '/beheer/aanleveren/nieuw'];

/** Forms and JSON of every other route stay far below this. */
export const SMALL_BODY_LIMIT = 1024 * 1024;

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A Dutch refusal (413/411) for a body that is too large for its route, or null when it may be read.
 * A body without a declared length is refused outside the upload routes: browsers always send one for forms.
 */
export function refuseBody(method: string, pathname: string, headers: Headers): Response | null {
	if (BODYLESS.has(method) || UPLOAD_PATHS.includes(pathname)) return null;
	const declared = headers.get('content-length');
	if (declared === null) {
		if (headers.get('transfer-encoding') === null) return null; // no body at all
		return new Response('Dit verzoek heeft een inhoud zonder opgegeven lengte; dat wordt hier niet aangenomen.', { status: 411, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}
	if (Number(declared) > SMALL_BODY_LIMIT) {
		return new Response('Dit verzoek is te groot voor deze pagina (hoogstens 1 MB). Bestanden levert u aan via Beheer › Aanleveren.', { status: 413, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}
	return null;
}
