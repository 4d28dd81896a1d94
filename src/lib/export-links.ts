/**
 * The link to a view's deck (GET /deck.pptx), for the "Exporteer weergave" button; the
 * presentatiemap builds its decks of chosen charts with deckHref ($lib/presentatiemap/map).
 */

/**
 * The deck of every chart of a view, with the view's current filters:
 * viewDeckHref('/capaciteit', '?peiljaar=2024') → '/deck.pptx?weergave=%2Fcapaciteit%3Fpeiljaar%3D2024'.
 * `search` may be a string (with or without '?') or URLSearchParams.
 */
export function viewDeckHref(viewPath: string, search: string | URLSearchParams = '', titel?: string): string {
	const query = (typeof search === 'string' ? search : search.toString()).replace(/^\?/, '');
	const params = new URLSearchParams({ weergave: query ? `${viewPath}?${query}` : viewPath });
	if (titel) params.set('titel', titel);
	return `/deck.pptx?${params}`;
}
