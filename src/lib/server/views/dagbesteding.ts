/**
 * /dagbesteding: the share of BW-cliënten with dagbesteding, in the region and per aanbieder.
 * Filters: aanbieder(s), periode range (van/tot) and maat; aanbieders and perioden come from
 * the store. Filtering on periode happens here on the (small, cached) query results.
 */
import { dagbestedingFilterSchema, dagbestedingSubtitle, inPeriode, parseDagbestedingFilters, type DagbestedingFilters } from '$lib/charts/dagbesteding/filters';
import { REGIO_REEKS, type DagbestedingPunt } from '$lib/charts/dagbesteding/common';
import { dagbestedingPerAanbieder } from '$lib/charts/dagbesteding/per-aanbieder';
import { dagbestedingRegioChart } from '$lib/charts/dagbesteding/regio';
import { bronMeta } from '$lib/charts/meta';
import type { ChartMeta } from '$lib/charts/types';
import { loaded, renderLoaded } from '$lib/server/charts/common';
import { bronVoor, dagbestedingAanbieders, dagbestedingPerAanbieder as perAanbiederRows, dagbestedingRegio } from '$lib/server/db/queries';
import { defineView, type RegioFilter } from './define';

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

export const dagbestedingView = defineView({
	path: '/dagbesteding',
	name: 'dagbesteding',
	charts: {
		'dagbesteding-regio': { chart: dagbestedingRegioChart, title: 'Aandeel BW-cliënten met dagbesteding in de regio' },
		'dagbesteding-per-aanbieder': { chart: dagbestedingPerAanbieder, title: 'Aandeel BW-cliënten met dagbesteding per aanbieder' }
	},
	facts: async ({ regio }) => {
		const [regioRows, namen] = await Promise.all([dagbestedingRegio({ regio }), dagbestedingAanbieders({ regio })]);
		const perioden = regioRows.map((r) => r.periode);
		const aanbieders = [...namen].sort((a, b) => a.localeCompare(b, 'nl'));
		return { regioRows, perioden, aanbieders };
	},
	schema: ({ aanbieders, perioden }) => dagbestedingFilterSchema(aanbieders, perioden),
	parse: (url, facts) => parseDagbestedingFilters(url, facts),
	async load(filters: DagbestedingFilters & RegioFilter, { regioRows, perioden, aanbieders }) {
		// Only the periods shown: a long history would otherwise be read, checked and protected whole.
		const shown = inPeriode(perioden.map((periode) => ({ periode })), perioden, filters).map((p) => p.periode);
		const [bron, aanbiederRows] = await Promise.all([bronVoor(['dagbesteding']), perAanbiederRows({ regio: filters.regio, perioden: shown })]);
		const { maat } = filters;
		const regio = inPeriode(regioRows, perioden, filters).map((r): DagbestedingPunt => ({ ...r, reeks: REGIO_REEKS, regio: true }));
		const inRange = inPeriode(aanbiederRows, perioden, filters);
		const capped = !filters.aanbieder?.length && aanbieders.length > MAX_AANBIEDERS;
		const chosen = filters.aanbieder?.length ? new Set(filters.aanbieder) : capped ? largestAanbieders(inRange, MAX_AANBIEDERS) : null;
		const eigen = inRange
			.filter((r) => !chosen || chosen.has(r.aanbieder))
			.map(({ aanbieder, ...r }): DagbestedingPunt => ({ ...r, reeks: aanbieder, regio: false }));
		const subtitle = dagbestedingSubtitle(filters);
		const meta = (title: string, sub = subtitle): ChartMeta => ({ title, subtitle: sub, ...bronMeta(bron) });
		const perAanbiederSubtitle = capped
			? subtitle.replace('alle aanbieders', `de ${MAX_AANBIEDERS} aanbieders met de meeste BW-cliënten (van ${aanbieders.length}; kies andere met het filter)`)
			: subtitle;
		const words = { filters: [filters.van, filters.tot, ...(filters.aanbieder ?? []), maat === 'aandeel' ? undefined : maat], options: { maat } };
		return {
			filters,
			aanbieders,
			perioden,
			charts: {
				'dagbesteding-regio': loaded(
					dagbestedingRegioChart,
					regio,
					meta(maat === 'aandeel' ? 'Aandeel BW-cliënten met dagbesteding in de regio' : 'BW-cliënten en cliënten met dagbesteding in de regio'),
					words
				),
				'dagbesteding-per-aanbieder': loaded(
					dagbestedingPerAanbieder,
					[...eigen, ...regio],
					meta(maat === 'aandeel' ? 'Aandeel BW-cliënten met dagbesteding per aanbieder' : 'BW-cliënten met dagbesteding per aanbieder', perAanbiederSubtitle),
					words
				)
			}
		};
	},
	missing: () => 'er zijn geen gegevens voor.'
});

/** What the /dagbesteding page shows for the URL's filters. */
export async function dagbestedingPage(url: URL) {
	const { filters, aanbieders, perioden, charts } = await dagbestedingView.forPage(url);
	return { filters, aanbieders, perioden, regio: renderLoaded(charts['dagbesteding-regio']), perAanbieder: renderLoaded(charts['dagbesteding-per-aanbieder']) };
}
