/**
 * The data behind the /dagbesteding charts for the URL's filters: used by the page and, with
 * the same parameters, by chart exports. Filtering on periode happens here on the (small,
 * cached) query results; aanbieders and perioden for the filter controls come from the data.
 */
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

/** Throws a FilterError for invalid parameters (the route turns it into a 400). */
export async function loadDagbesteding(url: URL): Promise<DagbestedingData> {
	const [regioRows, aanbiederRows, bron] = await Promise.all([dagbestedingRegio(), perAanbiederRows(), bronVoor(['dagbesteding'])]);
	const perioden = regioRows.map((r) => r.periode);
	const aanbieders = [...new Set(aanbiederRows.map((r) => r.aanbieder))].sort((a, b) => a.localeCompare(b, 'nl'));
	const filters = parseDagbestedingFilters(url, { aanbieders, perioden });
	const { maat } = filters;
	const regio = inPeriode(regioRows, perioden, filters).map((r): DagbestedingPunt => ({ ...r, reeks: REGIO_REEKS, regio: true, maat }));
	const chosen = filters.aanbieder?.length ? new Set(filters.aanbieder) : null;
	const eigen = inPeriode(aanbiederRows, perioden, filters)
		.filter((r) => !chosen || chosen.has(r.aanbieder))
		.map(({ aanbieder, ...r }): DagbestedingPunt => ({ ...r, reeks: aanbieder, regio: false, maat }));
	const subtitle = dagbestedingSubtitle(filters, perioden);
	const meta = (title: string): ChartMeta => ({ title, subtitle, bron: bron.bron, peildatum: bron.peildatum, illustratief: bron.illustratief });
	return {
		filters,
		aanbieders,
		perioden,
		regio,
		perAanbieder: [...eigen, ...regio],
		meta: {
			regio: meta(maat === 'aandeel' ? 'Aandeel BW-cliënten met dagbesteding in de regio' : 'BW-cliënten en cliënten met dagbesteding in de regio'),
			perAanbieder: meta(maat === 'aandeel' ? 'Aandeel BW-cliënten met dagbesteding per aanbieder' : 'BW-cliënten met dagbesteding per aanbieder')
		}
	};
}
