/**
 * The charts a delivery changes, rendered twice for its preview: from the current snapshot and
 * from the staged one, with the same chart loaders and default filters as the views, so the
 * aanleverder sees exactly what /capaciteit and the others would show after publishing.
 */
import type { ExportSoort } from '$lib/domain/exports';
import { loadChart } from '$lib/server/charts';
import { renderLoaded, type ViewChart } from '$lib/server/charts/common';
import { withStagedSnapshot, type Aanlevering } from '$lib/server/intake';

/** Per kind of export, the views' charts that read it (the first ones are shown). */
const CHARTS_PER_SOORT: Record<ExportSoort, readonly string[]> = {
	capaciteit: ['capaciteit-per-gemeente', 'tekort-per-type'],
	projecten: ['planning-tijdlijn', 'planning-plan-vs-tekort'],
	wlz_instroom: ['wlz-instroom-per-jaar', 'wlz-instroom-per-gemeente'],
	hkg_biedingen: ['hkg-bod-per-gemeente', 'hkg-totaal-per-ronde'],
	hkg_opgave: ['hkg-totaal-per-ronde'],
	dagbesteding: ['dagbesteding-regio', 'dagbesteding-per-aanbieder'],
	inwoners: ['capaciteit-per-gemeente', 'wlz-instroom-per-gemeente'],
	gemeenten: ['capaciteit-tegelkaart']
};

/** At most this many charts side by side: the preview is a check, not a second site. */
const MAX_CHARTS = 4;

export interface PreviewChart {
	id: string;
	title: string;
	huidig: ViewChart | null;
	nieuw: ViewChart | null;
	/** Why a side is empty (Dutch), e.g. the chart has no data in that snapshot. */
	huidigMelding: string | null;
	nieuwMelding: string | null;
}

/** Which chart ids a delivery affects: those of the kinds with added, removed or changed rows. */
export function affectedChartIds(aanlevering: Aanlevering): string[] {
	const kinds = (aanlevering.wijzigingen?.perSoort ?? []).filter((s) => s.toegevoegd + s.verwijderd + s.gewijzigd > 0).map((s) => s.soort);
	return [...new Set(kinds.flatMap((soort) => CHARTS_PER_SOORT[soort] ?? []))].slice(0, MAX_CHARTS);
}

async function renderOne(id: string): Promise<{ chart: ViewChart | null; melding: string | null }> {
	try {
		// The view's defaults (latest peiljaar, current periode): a URL without filters.
		return { chart: renderLoaded(await loadChart(id, new URL('http://regiomonitor.invalid/'))), melding: null };
	} catch (e) {
		const status = (e as { status?: number }).status;
		if (status === 404 || status === 400) return { chart: null, melding: 'Deze grafiek heeft in deze gegevens geen cijfers.' };
		throw e;
	}
}

/** The affected charts, current beside staged; only for a delivery without errors. */
export async function previewCharts(aanlevering: Aanlevering): Promise<PreviewChart[]> {
	if (aanlevering.status !== 'klaar' || !aanlevering.stagedSnapshot) return [];
	const result: PreviewChart[] = [];
	for (const id of affectedChartIds(aanlevering)) {
		const huidig = await renderOne(id);
		const nieuw = await withStagedSnapshot(aanlevering.id, () => renderOne(id));
		result.push({
			id,
			title: nieuw.chart?.meta.title ?? huidig.chart?.meta.title ?? id,
			huidig: huidig.chart,
			nieuw: nieuw.chart,
			huidigMelding: huidig.melding,
			nieuwMelding: nieuw.melding
		});
	}
	return result;
}
