/**
 * The data behind the /dagbesteding charts for the URL's filters: used by the page and, with
 * the same parameters, by chart exports. Filtering on periode happens here on the (small,
 * cached) query results; aanbieders and perioden for the filter controls come from the data.
 */
import { bronMeta } from '../meta';
import { bronVoor, dagbestedingPerAanbieder as perAanbiederRows, dagbestedingRegio } from '../../server/db/queries';
import type { ChartMeta } from '../types';
import { REGIO_REEKS, type DagbestedingPunt } from './common';
import { dagbestedingSubtitle, inPeriode, parseDagbestedingFilters, type DagbestedingFilters } from './filters';

export interface DagbestedingData {
	filters: DagbestedingFilters;
	aanbieders: string[];
	perioden: string[];
	regio: DagbestedingPunt[];
	/** The chosen aanbieders plus the regional series as reference. */
	perAanbieder: DagbestedingPunt[];
	meta: { regio: ChartMeta; perAanbieder: ChartMeta };
}

/**
 * Panels of the per-aanbieder chart without a chosen aanbieder. A region has a handful of
 * aanbieders; a national set has hundreds, and hundreds of small multiples are unreadable (and
 * made /dagbesteding a 16 MB page): then the largest are shown and the subtitle says so.
 */
export const MAX_AANBIEDERS = 12;

/** The `max` aanbieders with the most BW-cliënten over the rows (ties by name). */
export function largestAanbieders(rows: readonly { aanbieder: string; bw_clienten: number | null }[], max: number): Set<string> {
	const clients = new Map<string, number>();
	// A hidden count (null) weighs nothing: the choice must not depend on it.
	for (const r of rows) clients.set(r.aanbieder, (clients.get(r.aanbieder) ?? 0) + (r.bw_clienten ?? 0));
	const ranked = [...clients].sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'nl'));
	return new Set(ranked.slice(0, max).map(([aanbieder]) => aanbieder));
}

/** Throws a FilterError for invalid parameters (the route turns it into a 400). */
export async function loadDagbesteding(url: URL): Promise<DagbestedingData> {
	const [regioRows, aanbiederRows, bron] = await Promise.all([dagbestedingRegio(), perAanbiederRows(), bronVoor(['dagbesteding'])]);
	const perioden = regioRows.map((r) => r.periode);
	const aanbieders = [...new Set(aanbiederRows.map((r) => r.aanbieder))].sort((a, b) => a.localeCompare(b, 'nl'));
	const filters = parseDagbestedingFilters(url, { aanbieders, perioden });
	const { maat } = filters;
	const regio = inPeriode(regioRows, perioden, filters).map((r): DagbestedingPunt => ({ ...r, reeks: REGIO_REEKS, regio: true, maat }));
	const inRange = inPeriode(aanbiederRows, perioden, filters);
	const capped = !filters.aanbieder?.length && aanbieders.length > MAX_AANBIEDERS;
	const chosen = filters.aanbieder?.length ? new Set(filters.aanbieder) : capped ? largestAanbieders(inRange, MAX_AANBIEDERS) : null;
	const eigen = inRange
		.filter((r) => !chosen || chosen.has(r.aanbieder))
		.map(({ aanbieder, ...r }): DagbestedingPunt => ({ ...r, reeks: aanbieder, regio: false, maat }));
	const subtitle = dagbestedingSubtitle(filters, perioden);
	const meta = (title: string, sub = subtitle): ChartMeta => ({ title, subtitle: sub, ...bronMeta(bron) });
	const perAanbiederSubtitle = capped
		? subtitle.replace('alle aanbieders', `de ${MAX_AANBIEDERS} aanbieders met de meeste BW-cliënten (van ${aanbieders.length}; kies andere met het filter)`)
		: subtitle;
	return {
		filters,
		aanbieders,
		perioden,
		regio,
		perAanbieder: [...eigen, ...regio],
		meta: {
			regio: meta(maat === 'aandeel' ? 'Aandeel BW-cliënten met dagbesteding in de regio' : 'BW-cliënten en cliënten met dagbesteding in de regio'),
			perAanbieder: meta(maat === 'aandeel' ? 'Aandeel BW-cliënten met dagbesteding per aanbieder' : 'BW-cliënten met dagbesteding per aanbieder', perAanbiederSubtitle)
		}
	};
}
