/**
 * The regions of the store: which centrumregio each gemeente belongs to comes from the
 * gemeenten export (column centrumregio); the manifest names the region the site shows by
 * default (snapshot_info). Names: the manifest's for its own region, else the regionaam of the
 * Wlz export, else "Regio <centrumgemeente>".
 */
import { z } from 'zod';
import { regioFilterSchema } from '../../../domain/regio';
import { parseSearchParams } from '../../../filters';
import { query } from '../query';
import { count } from './common';

export const regioRowSchema = z.object({
	code: z.string(),
	naam: z.string(),
	/** Gemeenten of the region in the gemeenten export. */
	gemeenten: count,
	/** True for the region the manifest names (the default of every view). */
	standaard: z.boolean()
});
export type RegioRow = z.infer<typeof regioRowSchema>;

export const REGIOS_SQL = `WITH info AS (
	SELECT regio_code, regio_naam FROM snapshot_info LIMIT 1
), codes AS (
	SELECT centrumregio AS code, count(*) AS gemeenten FROM gemeenten GROUP BY centrumregio
	UNION ALL
	SELECT regio_code, 0 FROM info
), regios AS (
	SELECT code, sum(gemeenten) AS gemeenten FROM codes GROUP BY code
), wlz_namen AS (
	SELECT regiocode AS code, arg_max(regionaam, jaar) AS naam FROM wlz_instroom GROUP BY regiocode
)
SELECT r.code,
	coalesce(CASE WHEN r.code = i.regio_code THEN i.regio_naam END, w.naam, 'Regio ' || c.naam, r.code) AS naam,
	CAST(r.gemeenten AS INTEGER) AS gemeenten, r.code = i.regio_code AS standaard
FROM regios r CROSS JOIN info i
LEFT JOIN wlz_namen w USING (code)
LEFT JOIN gemeenten c ON c.gemeentecode = 'GM' || substr(r.code, 3)
ORDER BY naam, r.code`;

/** Every region of the store (and the manifest's), by name. */
export async function regios(): Promise<RegioRow[]> {
	return query(regioRowSchema, REGIOS_SQL);
}

/** SQL condition: the gemeentecode `column` lies in region `$regio` (every gemeente when $regio is NULL). */
export const inRegio = (column = 'gemeentecode') =>
	`($regio IS NULL OR ${column} IN (SELECT gemeentecode FROM gemeenten WHERE centrumregio = $regio))`;

/** The regions of the store and the default one, for the `regio` parameter of every view and notebook. */
export async function regioFacts(): Promise<{ codes: string[]; standaard: string }> {
	const rows = await regios();
	const standaard = rows.find((r) => r.standaard)?.code ?? rows[0]?.code ?? '';
	return { codes: rows.map((r) => r.code), standaard };
}

/** The region of a URL's query: a FilterError (Dutch 400) for a code that is no region of the store. */
export async function parseRegio(url: URL): Promise<{ regio: string; standaard: string; codes: string[] }> {
	const { codes, standaard } = await regioFacts();
	const { regio } = parseSearchParams(url, regioFilterSchema(codes, standaard)) as { regio: string };
	return { regio, standaard, codes };
}
