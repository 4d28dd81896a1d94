/**
 * The filters a chart of the current page is drawn with, as GET /charts/<id>.<ext> takes them:
 * the page's query string; on /gemeente/[code] the gemeente is a path segment, while /charts/<id>
 * takes it as `gemeente=<code>` ($lib/server/views/gemeente.ts).
 */
import { normalizeQuery } from '$lib/presentatiemap/map';

export function chartQuery(search: string, routeId: string | null, params: Record<string, string | undefined>): string {
	const query = new URLSearchParams(normalizeQuery(search));
	if (routeId === '/gemeente/[code]' && params.code) query.set('gemeente', params.code.toUpperCase());
	return query.toString();
}

/** The address of a chart file with the page's filters and extra parameters. */
export function chartFileHref(chartId: string, ext: string, query: string, extra: Record<string, string | number> = {}): string {
	const params = new URLSearchParams(query);
	for (const [name, value] of Object.entries(extra)) params.set(name, String(value));
	const q = params.toString();
	return `/charts/${chartId}.${ext}${q ? `?${q}` : ''}`;
}
