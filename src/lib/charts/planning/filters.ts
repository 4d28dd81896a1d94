/** The URL filters of /planning (and of its chart exports): types, statuses, one gemeente. */
import { z } from 'zod';
import { gemeentecodeParam } from '../../domain/schemas';
import { ids, labelOf, VOCABULARIES } from '../../domain/vocabulary';

/** The schema; `gemeentecodes` (the region's, from the store) are the values GET /charts lists. An unknown code is a 404, not a 400. */
export function planningFilterSchema(gemeentecodes: readonly string[] = []) {
	return z.object({
		type: z.array(z.enum(ids(VOCABULARIES.voorzieningstype))).optional().meta({ label: 'Voorzieningstype' }),
		status: z.array(z.enum(ids(VOCABULARIES.projectstatus))).optional().meta({ label: 'Status' }),
		gemeente: gemeentecodeParam.optional().meta({ label: 'Gemeente', values: gemeentecodes })
	});
}
export type PlanningFilters = z.infer<ReturnType<typeof planningFilterSchema>>;

function list(values: readonly string[]): string {
	return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} en ${values.at(-1)}`;
}

/** The active filters in Dutch, for chart subtitles: "Skaeve huse · alle statussen · Gorinchem". */
export function planningSubtitle(filters: PlanningFilters, gemeentenaam?: string | null): string {
	const types = filters.type?.length ? list(filters.type.map((t) => labelOf('voorzieningstype', t))) : 'Alle voorzieningstypen';
	const statussen = filters.status?.length ? `status ${list(filters.status.map((s) => labelOf('projectstatus', s).toLowerCase()))}` : 'alle statussen';
	const gebied = gemeentenaam ? `gemeente ${gemeentenaam}` : 'hele regio';
	return `${types} · ${statussen} · ${gebied}`;
}
