/**
 * Capaciteit: bestaand, gepland, behoefte and tekort per gemeente and voorzieningstype, for the
 * region and over the years. Tekort is counted per gemeente and doelgroep (capaciteit_jaar) and
 * then summed: a surplus in one gemeente does not fill a gap in another.
 */
import { z } from 'zod';
import type { Maat } from '../../../domain/maat';
import type { Doelgroep, Voorzieningstype } from '../../../domain/vocabulary';
import { gemeentecodeSchema, jaarSchema } from '../../../domain/schemas';
import { query } from '../query';
import type { Protection } from '../../disclosure';
import { capaciteitKey } from '../../disclosure/patterns';
import { inRegio } from './regio';
import { afgeschermdSchema, personCount, count, doelgroepSchema, listFilter, measureValue, ORDER, voorzieningstypeSchema } from './common';

export interface CapaciteitFilter {
	/** Omit for every peiljaar (trend). */
	peiljaar?: number;
	voorzieningstypen?: readonly Voorzieningstype[];
	/** Omit to sum over all doelgroepen. */
	doelgroep?: Doelgroep;
	gemeentecode?: string;
	/** Only the gemeenten of this centrumregio; omit for every gemeente of the store. */
	regio?: string;
	measure?: Maat;
}

function filterParams({ peiljaar, voorzieningstypen, doelgroep, gemeentecode, regio, measure = 'absolute' }: CapaciteitFilter) {
	return {
		peiljaar: peiljaar ?? null,
		types: listFilter(voorzieningstypen),
		doelgroep: doelgroep ?? null,
		gemeentecode: gemeentecode ?? null,
		regio: regio ?? null,
		per10k: measure === 'per_10k',
		typeOrder: ORDER.typeOrder
	};
}

const FILTER = `($peiljaar IS NULL OR peiljaar = $peiljaar)
	AND ($types IS NULL OR list_contains($types, voorzieningstype))
	AND ($doelgroep IS NULL OR doelgroep = $doelgroep)
	AND ($gemeentecode IS NULL OR gemeentecode = $gemeentecode)
	AND ${inRegio()}`;

/** A measure column: the sum, or the sum per 10,000 inwoners when $per10k. */
const measure = (column: string) =>
	`CAST(CASE WHEN $per10k THEN round(${column} * 10000.0 / nullif(inwoners, 0), 3) ELSE ${column} END AS DOUBLE) AS ${column}`;
const MEASURES = ['bestaand', 'gepland', 'behoefte', 'tekort', 'tekort_na_plan'].map(measure).join(',\n\t');

const measures = {
	/** Absolute counts, or per 10,000 inwoners (see `measure`). */
	bestaand: measureValue,
	gepland: measureValue,
	behoefte: measureValue,
	tekort: measureValue,
	tekort_na_plan: measureValue
};

export const capaciteitGemeenteRowSchema = z.object({
	peiljaar: jaarSchema,
	gemeentecode: gemeentecodeSchema,
	naam: z.string(),
	subregio: z.string(),
	voorzieningstype: voorzieningstypeSchema,
	/** The doelgroep filtered on, or null when summed over all doelgroepen. */
	doelgroep: doelgroepSchema.nullable(),
	inwoners: count.nullable(),
	...measures,
	/** Always absolute persons; null when no row reported it or when hidden (disclosure control). */
	bezet: personCount,
	wachtlijst: personCount,
	afgeschermd: afgeschermdSchema
});

/** Bezet and wachtlijst count persons; the rest are places (not protected). */
const PER_GEMEENTE_PROTECTION: Protection = {
	counts: ['bezet', 'wachtlijst'],
	safe: ['peiljaar', 'inwoners', 'bestaand', 'gepland', 'behoefte', 'tekort', 'tekort_na_plan'],
	cell: { pattern: 'capaciteit', key: (row, params) => capaciteitKey(row.peiljaar, row.gemeentecode, row.voorzieningstype, params.doelgroep) }
};
export type CapaciteitGemeenteRow = z.infer<typeof capaciteitGemeenteRowSchema>;

/** Sort orders of capaciteitPerGemeente; the key picks a fixed ORDER BY, input text never reaches SQL. */
export const CAPACITEIT_SORT = {
	gemeente: 'naam, list_position($typeOrder, voorzieningstype)',
	type: 'list_position($typeOrder, voorzieningstype), naam',
	tekort: 'tekort DESC NULLS LAST, naam, list_position($typeOrder, voorzieningstype)',
	behoefte: 'behoefte DESC NULLS LAST, naam, list_position($typeOrder, voorzieningstype)',
	bestaand: 'bestaand DESC NULLS LAST, naam, list_position($typeOrder, voorzieningstype)'
} as const;
export const capaciteitSortSchema = z.enum(Object.keys(CAPACITEIT_SORT) as [keyof typeof CAPACITEIT_SORT, ...(keyof typeof CAPACITEIT_SORT)[]]);
export type CapaciteitSort = z.infer<typeof capaciteitSortSchema>;

export function capaciteitPerGemeenteSql(sort: CapaciteitSort = 'gemeente'): string {
	return `WITH rijen AS (
	SELECT peiljaar, gemeentecode, naam, subregio, voorzieningstype, any_value(inwoners) AS inwoners,
		sum(bestaand) AS bestaand, sum(gepland) AS gepland, sum(behoefte) AS behoefte,
		sum(tekort) AS tekort, sum(tekort_na_plan) AS tekort_na_plan, sum(bezet) AS bezet, sum(wachtlijst) AS wachtlijst
	FROM capaciteit_jaar
	WHERE ${FILTER}
	GROUP BY peiljaar, gemeentecode, naam, subregio, voorzieningstype
)
SELECT CAST(peiljaar AS INTEGER) AS peiljaar, gemeentecode, naam, subregio, voorzieningstype, $doelgroep AS doelgroep,
	CAST(inwoners AS INTEGER) AS inwoners,
	${MEASURES},
	CAST(bezet AS INTEGER) AS bezet, CAST(wachtlijst AS INTEGER) AS wachtlijst
FROM rijen
ORDER BY peiljaar, ${CAPACITEIT_SORT[sort]}`;
}

/** Per gemeente and voorzieningstype for one peiljaar (or one gemeente: pass gemeentecode). */
export async function capaciteitPerGemeente(
	options: CapaciteitFilter & { peiljaar: number; sort?: CapaciteitSort }
): Promise<CapaciteitGemeenteRow[]> {
	return query(
		capaciteitGemeenteRowSchema,
		capaciteitPerGemeenteSql(capaciteitSortSchema.parse(options.sort ?? 'gemeente')),
		filterParams(options),
		PER_GEMEENTE_PROTECTION
	);
}

export const capaciteitTotaalRowSchema = z.object({
	peiljaar: jaarSchema,
	voorzieningstype: voorzieningstypeSchema,
	/** Inwoners of the region (or of the filtered gemeente) in the peiljaar: the base of per-10k figures. */
	inwoners: count.nullable(),
	...measures,
	/** Gemeenten with a tekort of this type. */
	gemeenten_met_tekort: count
});
export type CapaciteitTotaalRow = z.infer<typeof capaciteitTotaalRowSchema>;

// Inwoners per peiljaar of all gemeenten of the region (or one), from the latest inwoners year at or before it.
export const CAPACITEIT_TOTALEN_SQL = `WITH jaren AS (
	SELECT DISTINCT peiljaar FROM capaciteit_jaar WHERE $peiljaar IS NULL OR peiljaar = $peiljaar
), basis AS (
	SELECT j.peiljaar, i.inwoners
	FROM jaren j CROSS JOIN (SELECT gemeentecode FROM gemeenten WHERE ($gemeentecode IS NULL OR gemeentecode = $gemeentecode) AND ($regio IS NULL OR centrumregio = $regio)) g
	ASOF LEFT JOIN inwoners i ON i.gemeentecode = g.gemeentecode AND j.peiljaar >= i.jaar
), regio AS (
	SELECT peiljaar, sum(inwoners) AS inwoners FROM basis GROUP BY peiljaar
), per_gemeente AS (
	SELECT peiljaar, voorzieningstype, gemeentecode,
		sum(bestaand) AS bestaand, sum(gepland) AS gepland, sum(behoefte) AS behoefte,
		sum(tekort) AS tekort, sum(tekort_na_plan) AS tekort_na_plan
	FROM capaciteit_jaar
	WHERE ${FILTER}
	GROUP BY ALL
), rijen AS (
	SELECT p.peiljaar, p.voorzieningstype, any_value(r.inwoners) AS inwoners,
		sum(p.bestaand) AS bestaand, sum(p.gepland) AS gepland, sum(p.behoefte) AS behoefte,
		sum(p.tekort) AS tekort, sum(p.tekort_na_plan) AS tekort_na_plan, count(*) FILTER (WHERE p.tekort > 0) AS gemeenten_met_tekort
	FROM per_gemeente p JOIN regio r USING (peiljaar)
	GROUP BY p.peiljaar, p.voorzieningstype
)
SELECT CAST(peiljaar AS INTEGER) AS peiljaar, voorzieningstype, CAST(inwoners AS INTEGER) AS inwoners,
	${MEASURES},
	CAST(gemeenten_met_tekort AS INTEGER) AS gemeenten_met_tekort
FROM rijen
ORDER BY peiljaar, list_position($typeOrder, voorzieningstype)`;

/** Totals per peiljaar and voorzieningstype for the region, or for one gemeente (gemeentecode). */
export async function capaciteitTotalen(options: CapaciteitFilter = {}): Promise<CapaciteitTotaalRow[]> {
	return query(capaciteitTotaalRowSchema, CAPACITEIT_TOTALEN_SQL, filterParams(options));
}

/** Regional totals per voorzieningstype for one peiljaar. */
export async function capaciteitRegio(options: Omit<CapaciteitFilter, 'peiljaar'> & { peiljaar: number }): Promise<CapaciteitTotaalRow[]> {
	return capaciteitTotalen(options);
}

/** Totals per year and voorzieningstype over all peiljaren (the trend). */
export async function capaciteitTrend(options: Omit<CapaciteitFilter, 'peiljaar'> = {}): Promise<CapaciteitTotaalRow[]> {
	return capaciteitTotalen({ ...options, peiljaar: undefined });
}

export const grootsteTekortRowSchema = z.object({
	peiljaar: jaarSchema,
	voorzieningstype: voorzieningstypeSchema,
	tekort: count,
	tekort_na_plan: count,
	behoefte: count,
	bestaand: count,
	/** The gemeente with the largest tekort of this type; null when no gemeente has one. */
	gemeentecode: gemeentecodeSchema.nullable(),
	naam: z.string().nullable(),
	gemeente_tekort: count.nullable()
});
export type GrootsteTekortRow = z.infer<typeof grootsteTekortRowSchema>;

export const GROOTSTE_TEKORTEN_SQL = `WITH per_gemeente AS (
	SELECT peiljaar, voorzieningstype, gemeentecode, naam,
		sum(tekort) AS tekort, sum(tekort_na_plan) AS tekort_na_plan, sum(behoefte) AS behoefte, sum(bestaand) AS bestaand
	FROM capaciteit_jaar
	WHERE peiljaar = $peiljaar AND ($gemeentecode IS NULL OR gemeentecode = $gemeentecode) AND ${inRegio()}
	GROUP BY ALL
), grootste AS (
	SELECT voorzieningstype, gemeentecode, naam, tekort
	FROM per_gemeente
	WHERE tekort > 0
	QUALIFY row_number() OVER (PARTITION BY voorzieningstype ORDER BY tekort DESC, gemeentecode) = 1
)
SELECT CAST(p.peiljaar AS INTEGER) AS peiljaar, p.voorzieningstype,
	CAST(sum(p.tekort) AS INTEGER) AS tekort, CAST(sum(p.tekort_na_plan) AS INTEGER) AS tekort_na_plan,
	CAST(sum(p.behoefte) AS INTEGER) AS behoefte, CAST(sum(p.bestaand) AS INTEGER) AS bestaand,
	any_value(g.gemeentecode) AS gemeentecode, any_value(g.naam) AS naam, CAST(any_value(g.tekort) AS INTEGER) AS gemeente_tekort
FROM per_gemeente p LEFT JOIN grootste g USING (voorzieningstype)
GROUP BY p.peiljaar, p.voorzieningstype
ORDER BY tekort DESC, list_position($typeOrder, p.voorzieningstype)`;

/** Per voorzieningstype the regional tekort and the gemeente with the largest one, largest tekort first (overview tiles). */
export async function grootsteTekorten({ peiljaar, gemeentecode, regio }: { peiljaar: number; gemeentecode?: string; regio?: string }): Promise<GrootsteTekortRow[]> {
	return query(grootsteTekortRowSchema, GROOTSTE_TEKORTEN_SQL, { peiljaar, gemeentecode: gemeentecode ?? null, regio: regio ?? null, typeOrder: ORDER.typeOrder });
}
