/**
 * /planning: projects by status and expected delivery, and planned units against the tekort.
 * Filters: voorzieningstype(n), status(sen), one gemeente (an unknown one is a Dutch 404).
 */
import { error } from '@sveltejs/kit';
import { bronMeta } from '$lib/charts/meta';
import { planningFilterSchema, planningSubtitle, type PlanningFilters } from '$lib/charts/planning/filters';
import { planningPlanVsTekort, planTegenTekort } from '$lib/charts/planning/plan-vs-tekort';
import { orderedProjects, PROJECTEN_ALLE } from '$lib/charts/planning/projects';
import { planningTijdlijn } from '$lib/charts/planning/tijdlijn';
import type { ChartMeta } from '$lib/charts/types';
import { loaded, renderLoaded } from '$lib/server/charts/common';
import { pageRows } from '$lib/server/charts/page-data';
import { bronVoor, gemeente, gemeenten, laatstePeiljaar, planVsTekort, projecten } from '$lib/server/db/queries';
import { defineView, type RegioFilter } from './define';

export const planningView = defineView({
	path: '/planning',
	name: 'planning',
	charts: {
		'planning-tijdlijn': { chart: planningTijdlijn, title: 'Projecten naar status en verwachte oplevering' },
		'planning-plan-vs-tekort': { chart: planningPlanVsTekort, title: 'Geplande eenheden tegen het tekort per voorzieningstype' }
	},
	facts: async ({ regio }) => {
		const [lijst, peiljaar] = await Promise.all([gemeenten({ regio }), laatstePeiljaar()]);
		return { gemeenten: lijst.map(({ gemeentecode, naam }) => ({ gemeentecode, naam })), peiljaar };
	},
	schema: (facts) => planningFilterSchema(facts.gemeenten.map((g) => g.gemeentecode)),
	async load(filters: PlanningFilters & RegioFilter, { gemeenten: alleGemeenten, peiljaar }) {
		const { regio } = filters;
		const info = filters.gemeente ? await gemeente(filters.gemeente, { regio }) : null;
		if (filters.gemeente && !info) error(404, `Er is geen gemeente met code ${filters.gemeente.slice(0, 20)} in deze regio. Kies een gemeente uit de lijst.`);
		const gemeentecode = info?.gemeentecode;
		const [rows, tekorten, bronProjecten, bronBeide] = await Promise.all([
			projecten({ voorzieningstypen: filters.type, statussen: filters.status, gemeentecode, regio }),
			peiljaar === null ? Promise.resolve([]) : planVsTekort({ peiljaar, voorzieningstypen: filters.type, gemeentecode, regio }),
			bronVoor(['projecten']),
			bronVoor(['projecten', 'capaciteit'])
		]);
		const subtitle = planningSubtitle(filters, info?.naam);
		const gebied = info ? info.naam : 'de regio';
		const meta = (title: string, bron: typeof bronProjecten, extra = ''): ChartMeta => ({ title, subtitle: subtitle + extra, ...bronMeta(bron) });
		const words = { filters: [...(filters.type ?? []), ...(filters.status ?? []), filters.gemeente] };
		return {
			filters,
			gemeenten: alleGemeenten,
			projecten: rows,
			charts: {
				'planning-tijdlijn': loaded(planningTijdlijn, rows, meta(`Projecten in ${gebied} naar status en verwachte oplevering`, bronProjecten), words),
				'planning-plan-vs-tekort': loaded(
					planningPlanVsTekort,
					peiljaar === null ? [] : planTegenTekort(rows, tekorten, peiljaar),
					meta(
						`Geplande eenheden tegen het tekort per voorzieningstype in ${gebied}${peiljaar === null ? '' : `, peiljaar ${peiljaar}`}`,
						bronBeide,
						' · gepland: projecten die nog niet in gebruik zijn'
					),
					{ filters: [peiljaar, ...words.filters] }
				)
			}
		};
	},
	missing: () => 'er zijn geen gegevens voor.'
});

/**
 * What the /planning page shows for the URL's filters: the charts, and the project list in the
 * planning order cut to its first rows unless the URL asks for all (`alle=projecten`; the
 * timeline's downloads have every project).
 */
export async function planningPage(url: URL) {
	const { filters, gemeenten, projecten, charts } = await planningView.forPage(url);
	return {
		filters,
		gemeenten,
		projecten: pageRows(orderedProjects(projecten), { url, id: PROJECTEN_ALLE }),
		tijdlijn: renderLoaded(charts['planning-tijdlijn']),
		planVsTekort: renderLoaded(charts['planning-plan-vs-tekort'])
	};
}
