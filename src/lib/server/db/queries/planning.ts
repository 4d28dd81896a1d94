/** Planning: projects by type, status and gemeente, and planned units against the capaciteit tekort. */
import { z } from 'zod';
import { jaarSchema, rowSchemas } from '../../../domain/schemas';
import type { Projectstatus, Voorzieningstype } from '../../../domain/vocabulary';
import { query } from '../query';
import { inRegio } from './regio';
import { count, listFilter, ORDER, voorzieningstypeSchema } from './common';

export interface ProjectenFilter {
	voorzieningstypen?: readonly Voorzieningstype[];
	statussen?: readonly Projectstatus[];
	gemeentecode?: string;
	/** Only the gemeenten of this centrumregio; omit for every gemeente of the store. */
	regio?: string;
}

export const projectRowSchema = rowSchemas.projecten.extend({
	gemeentenaam: z.string(),
	/** 1 (idee) … 5 (in gebruik): the position of the status in the vocabulary, for timelines. */
	status_stap: z.number().int().min(1)
});
export type ProjectRow = z.infer<typeof projectRowSchema>;

export const PROJECTEN_SQL = `SELECT p.project_id, p.naam, p.type, p.gemeentecode, g.naam AS gemeentenaam, CAST(p.eenheden AS INTEGER) AS eenheden,
	p.status, CAST(list_position($statusOrder, p.status) AS INTEGER) AS status_stap,
	strftime(p.status_datum, '%Y-%m-%d') AS status_datum, strftime(p.verwachte_oplevering, '%Y-%m-%d') AS verwachte_oplevering, p.toelichting
FROM projecten p JOIN gemeenten g USING (gemeentecode)
WHERE ($types IS NULL OR list_contains($types, p.type))
	AND ($statussen IS NULL OR list_contains($statussen, p.status))
	AND ($gemeentecode IS NULL OR p.gemeentecode = $gemeentecode)
	AND ($regio IS NULL OR g.centrumregio = $regio)
ORDER BY p.verwachte_oplevering NULLS LAST, p.project_id`;

/** Projects, by expected delivery date (unknown dates last). */
export async function projecten({ voorzieningstypen, statussen, gemeentecode, regio }: ProjectenFilter = {}): Promise<ProjectRow[]> {
	return query(projectRowSchema, PROJECTEN_SQL, {
		types: listFilter(voorzieningstypen),
		statussen: listFilter(statussen),
		gemeentecode: gemeentecode ?? null,
		regio: regio ?? null,
		statusOrder: ORDER.statusOrder
	});
}

export const planVsTekortRowSchema = z.object({
	peiljaar: jaarSchema,
	voorzieningstype: voorzieningstypeSchema,
	/** Projects not yet in use, and their units. */
	projecten: count,
	eenheden_gepland: count,
	/** Units of projects already in use. */
	eenheden_in_gebruik: count,
	/** From the capaciteit export of the peiljaar; null when the type has no capaciteit rows. */
	capaciteit_gepland: count.nullable(),
	tekort: count.nullable(),
	tekort_na_plan: count.nullable()
});
export type PlanVsTekortRow = z.infer<typeof planVsTekortRowSchema>;

export const PLAN_VS_TEKORT_SQL = `WITH plan AS (
	SELECT type AS voorzieningstype,
		count(*) FILTER (WHERE status <> 'in_gebruik') AS projecten,
		coalesce(sum(eenheden) FILTER (WHERE status <> 'in_gebruik'), 0) AS eenheden_gepland,
		coalesce(sum(eenheden) FILTER (WHERE status = 'in_gebruik'), 0) AS eenheden_in_gebruik
	FROM projecten
	WHERE ($types IS NULL OR list_contains($types, type)) AND ($gemeentecode IS NULL OR gemeentecode = $gemeentecode) AND ${inRegio()}
	GROUP BY type
), capaciteit AS (
	SELECT voorzieningstype, sum(gepland) AS gepland, sum(tekort) AS tekort, sum(tekort_na_plan) AS tekort_na_plan
	FROM capaciteit_jaar
	WHERE peiljaar = $peiljaar
		AND ($types IS NULL OR list_contains($types, voorzieningstype)) AND ($gemeentecode IS NULL OR gemeentecode = $gemeentecode) AND ${inRegio()}
	GROUP BY voorzieningstype
)
SELECT CAST($peiljaar AS INTEGER) AS peiljaar, voorzieningstype,
	CAST(coalesce(p.projecten, 0) AS INTEGER) AS projecten, CAST(coalesce(p.eenheden_gepland, 0) AS INTEGER) AS eenheden_gepland,
	CAST(coalesce(p.eenheden_in_gebruik, 0) AS INTEGER) AS eenheden_in_gebruik,
	CAST(c.gepland AS INTEGER) AS capaciteit_gepland, CAST(c.tekort AS INTEGER) AS tekort, CAST(c.tekort_na_plan AS INTEGER) AS tekort_na_plan
FROM plan p FULL OUTER JOIN capaciteit c USING (voorzieningstype)
ORDER BY list_position($typeOrder, voorzieningstype)`;

/** Per voorzieningstype: units in projects against the tekort of the same type in a peiljaar. */
export async function planVsTekort({
	peiljaar,
	voorzieningstypen,
	gemeentecode,
	regio
}: {
	peiljaar: number;
	voorzieningstypen?: readonly Voorzieningstype[];
	gemeentecode?: string;
	regio?: string;
}): Promise<PlanVsTekortRow[]> {
	return query(planVsTekortRowSchema, PLAN_VS_TEKORT_SQL, {
		peiljaar,
		types: listFilter(voorzieningstypen),
		gemeentecode: gemeentecode ?? null,
		regio: regio ?? null,
		typeOrder: ORDER.typeOrder
	});
}
