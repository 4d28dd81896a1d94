/**
 * The data behind the /planning charts for a set of filters: used by the page and, with the
 * same URL parameters, by chart exports. Unknown gemeente → 404 (Dutch), never a 500.
 */
import { bronMeta } from '../meta';
import { error } from '@sveltejs/kit';
import { bronVoor, gemeente, peiljaren, planVsTekort, projecten, type ProjectRow } from '../../server/db/queries';
import type { ChartMeta } from '../types';
import { planningSubtitle, type PlanningFilters } from './filters';
import { planTegenTekort, type PlanVsTekortPunt } from './plan-vs-tekort';

export interface PlanningData {
	projecten: ProjectRow[];
	planVsTekort: PlanVsTekortPunt[];
	peiljaar: number | null;
	gemeentenaam: string | null;
	meta: { tijdlijn: ChartMeta; planVsTekort: ChartMeta };
}

export async function loadPlanning(filters: PlanningFilters): Promise<PlanningData> {
	const info = filters.gemeente ? await gemeente(filters.gemeente) : null;
	if (filters.gemeente && !info) error(404, `Er is geen gemeente met code ${filters.gemeente.slice(0, 20)} in deze regio. Kies een gemeente uit de lijst.`);
	const gemeentecode = info?.gemeentecode;
	const peiljaar = (await peiljaren()).at(-1) ?? null;
	const [rows, tekorten, bronProjecten, bronBeide] = await Promise.all([
		projecten({ voorzieningstypen: filters.type, statussen: filters.status, gemeentecode }),
		peiljaar === null ? Promise.resolve([]) : planVsTekort({ peiljaar, voorzieningstypen: filters.type, gemeentecode }),
		bronVoor(['projecten']),
		bronVoor(['projecten', 'capaciteit'])
	]);
	const subtitle = planningSubtitle(filters, info?.naam);
	const gebied = info ? info.naam : 'de regio';
	const meta = (title: string, bron: typeof bronProjecten, extra = ''): ChartMeta => ({
		title,
		subtitle: subtitle + extra,
		...bronMeta(bron)
	});
	return {
		projecten: rows,
		planVsTekort: peiljaar === null ? [] : planTegenTekort(rows, tekorten, peiljaar),
		peiljaar,
		gemeentenaam: info?.naam ?? null,
		meta: {
			tijdlijn: meta(`Projecten in ${gebied} naar status en verwachte oplevering`, bronProjecten),
			planVsTekort: meta(
				`Geplande eenheden tegen het tekort per voorzieningstype in ${gebied}${peiljaar === null ? '' : `, peiljaar ${peiljaar}`}`,
				bronBeide,
				' · gepland: projecten die nog niet in gebruik zijn'
			)
		}
	};
}
