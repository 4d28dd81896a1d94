/**
 * Links to the deck endpoint (GET /deck.pptx), for pages: the same format the presentatiemap
 * and the "Exporteer weergave" button use.
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

export interface DeckChartLink {
	/** Chart id from the registry. */
	id: string;
	/** The chart's filters, with or without '?'. */
	query?: string;
	slidetitel?: string;
	notitie?: string;
}

/** A deck of chosen charts: chart, slidetitel and notitie repeated in the same order. */
export function chartsDeckHref(charts: readonly DeckChartLink[], titel?: string): string {
	const params = new URLSearchParams();
	for (const c of charts) {
		const query = (c.query ?? '').replace(/^\?/, '');
		params.append('chart', query ? `${c.id}?${query}` : c.id);
	}
	if (charts.some((c) => c.slidetitel || c.notitie)) {
		for (const c of charts) params.append('slidetitel', c.slidetitel ?? '');
		for (const c of charts) params.append('notitie', c.notitie ?? '');
	}
	if (titel) params.set('titel', titel);
	return `/deck.pptx?${params}`;
}
