/**
 * Wlz-instroom: the own region per year (absolute and per 10,000 inwoners) against the spread
 * of the other regions, and the own region per gemeente. A region's figure is its total row
 * (gemeentecode empty) or, when it only delivered gemeente rows, their sum.
 */
import { z } from 'zod';
import { gemeentecodeSchema, jaarSchema } from '../../../domain/schemas';
import { query } from '../query';
import type { Protection } from '../../disclosure';
import { wlzKey } from '../../disclosure/patterns';
import { afgeschermdSchema, count, personCount } from './common';

/** Instroom and BW-cliënten count persons; the rates are computed from them. */
const DERIVED = { instroom_per_10k: ['instroom'], instroom_pct_bw: ['instroom', 'bw_clienten'] } as const;
const REGIO_PROTECTION: Protection = { counts: ['instroom', 'bw_clienten'], derived: DERIVED, safe: ['jaar', 'inwoners'] };
const GEMEENTE_PROTECTION: Protection = {
	...REGIO_PROTECTION,
	cell: { pattern: 'wlz', key: (row) => wlzKey(row.jaar, row.gemeentecode) }
};
// The spread is taken over regions whose instroom is visible, so its minimum, maximum or a
// quantile never is the rate of a hidden region.
const SPREIDING_PROTECTION: Protection = { counts: [], safe: ['jaar', 'regios', 'min', 'p25', 'mediaan', 'p75', 'max'] };

/** The region a query is about: $regio, or the manifest's region when it is NULL. */
const EIGEN_REGIO = `coalesce($regio, (SELECT regio_code FROM snapshot_info))`;

const REGIO_TOTALEN = `regio_totalen AS (
	SELECT jaar, regiocode, any_value(regionaam) AS regionaam, regiocode = ${EIGEN_REGIO} AS eigen_regio,
		sum(instroom) AS instroom, sum(bw_clienten) AS bw_clienten, sum(inwoners) AS inwoners
	FROM wlz_per_10k w
	WHERE gemeentecode IS NULL
		OR NOT EXISTS (SELECT 1 FROM wlz_instroom t WHERE t.jaar = w.jaar AND t.regiocode = w.regiocode AND t.gemeentecode IS NULL)
	GROUP BY jaar, regiocode
), regio AS (
	SELECT *, round(instroom * 10000.0 / inwoners, 3) AS instroom_per_10k, round(instroom * 100.0 / nullif(bw_clienten, 0), 2) AS instroom_pct_bw
	FROM regio_totalen
)`;

export const wlzRegioRowSchema = z.object({
	jaar: jaarSchema,
	regiocode: z.string(),
	regionaam: z.string(),
	eigen_regio: z.boolean(),
	instroom: personCount,
	bw_clienten: personCount,
	inwoners: count,
	instroom_per_10k: z.number().nullable(),
	/** Instroom as a percentage of BW-cliënten; null without clients. */
	instroom_pct_bw: z.number().nullable(),
	afgeschermd: afgeschermdSchema
});
export type WlzRegioRow = z.infer<typeof wlzRegioRowSchema>;

export const WLZ_REGIOS_SQL = `WITH ${REGIO_TOTALEN}
SELECT CAST(jaar AS INTEGER) AS jaar, regiocode, regionaam, eigen_regio, CAST(instroom AS INTEGER) AS instroom,
	CAST(bw_clienten AS INTEGER) AS bw_clienten, CAST(inwoners AS INTEGER) AS inwoners,
	CAST(instroom_per_10k AS DOUBLE) AS instroom_per_10k, CAST(instroom_pct_bw AS DOUBLE) AS instroom_pct_bw
FROM regio
WHERE ($eigen IS NULL OR eigen_regio = $eigen) AND ($jaar IS NULL OR jaar = $jaar)
ORDER BY jaar, NOT eigen_regio, regionaam`;

/**
 * Every region per year (own region first within a year); `eigen` limits to the own (true) or
 * other regions (false). The own region is `regio`, by default the manifest's.
 */
export async function wlzRegios({ jaar, eigen, regio }: { jaar?: number; eigen?: boolean; regio?: string } = {}): Promise<WlzRegioRow[]> {
	return query(wlzRegioRowSchema, WLZ_REGIOS_SQL, { jaar: jaar ?? null, eigen: eigen ?? null, regio: regio ?? null }, REGIO_PROTECTION);
}

/** The own region (`regio`, by default the manifest's) per year, absolute and per 10,000 inwoners. */
export async function wlzEigenRegio({ regio }: { regio?: string } = {}): Promise<WlzRegioRow[]> {
	return wlzRegios({ eigen: true, regio });
}

export const wlzSpreidingRowSchema = z.object({
	jaar: jaarSchema,
	regios: count,
	min: z.number(),
	p25: z.number(),
	mediaan: z.number(),
	p75: z.number(),
	max: z.number()
});
export type WlzSpreidingRow = z.infer<typeof wlzSpreidingRowSchema>;

export const WLZ_SPREIDING_SQL = `WITH ${REGIO_TOTALEN}
SELECT CAST(jaar AS INTEGER) AS jaar, CAST(count(*) AS INTEGER) AS regios,
	CAST(min(instroom_per_10k) AS DOUBLE) AS min,
	CAST(quantile_cont(instroom_per_10k, 0.25) AS DOUBLE) AS p25,
	CAST(quantile_cont(instroom_per_10k, 0.5) AS DOUBLE) AS mediaan,
	CAST(quantile_cont(instroom_per_10k, 0.75) AS DOUBLE) AS p75,
	CAST(max(instroom_per_10k) AS DOUBLE) AS max
FROM regio
WHERE NOT eigen_regio AND NOT (instroom > 0 AND instroom < (SELECT drempel FROM kleine_aantallen))
GROUP BY jaar
ORDER BY jaar`;

/** Per year the spread of instroom per 10,000 inwoners over the regions other than `regio` (default the manifest's). */
export async function wlzSpreiding({ regio }: { regio?: string } = {}): Promise<WlzSpreidingRow[]> {
	return query(wlzSpreidingRowSchema, WLZ_SPREIDING_SQL, { regio: regio ?? null }, SPREIDING_PROTECTION);
}

export const wlzGemeenteRowSchema = z.object({
	jaar: jaarSchema,
	gemeentecode: gemeentecodeSchema,
	naam: z.string(),
	instroom: personCount,
	bw_clienten: personCount,
	inwoners: count,
	instroom_per_10k: z.number().nullable(),
	instroom_pct_bw: z.number().nullable(),
	afgeschermd: afgeschermdSchema
});
export type WlzGemeenteRow = z.infer<typeof wlzGemeenteRowSchema>;

export const WLZ_PER_GEMEENTE_SQL = `SELECT CAST(w.jaar AS INTEGER) AS jaar, w.gemeentecode, coalesce(g.naam, w.gemeentecode) AS naam,
	CAST(w.instroom AS INTEGER) AS instroom, CAST(w.bw_clienten AS INTEGER) AS bw_clienten, CAST(w.inwoners AS INTEGER) AS inwoners,
	CAST(w.instroom_per_10k AS DOUBLE) AS instroom_per_10k, CAST(w.instroom_pct_bw AS DOUBLE) AS instroom_pct_bw
FROM wlz_per_10k w LEFT JOIN gemeenten g USING (gemeentecode)
WHERE w.regiocode = ${EIGEN_REGIO} AND w.gemeentecode IS NOT NULL
	AND ($jaar IS NULL OR w.jaar = $jaar) AND ($gemeentecode IS NULL OR w.gemeentecode = $gemeentecode)
ORDER BY w.jaar, naam`;

/** The own region's (`regio`, by default the manifest's) gemeenten per year. */
export async function wlzPerGemeente({ jaar, gemeentecode, regio }: { jaar?: number; gemeentecode?: string; regio?: string } = {}): Promise<WlzGemeenteRow[]> {
	return query(wlzGemeenteRowSchema, WLZ_PER_GEMEENTE_SQL, { jaar: jaar ?? null, gemeentecode: gemeentecode ?? null, regio: regio ?? null }, GEMEENTE_PROTECTION);
}
