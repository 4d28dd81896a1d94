/**
 * HKG: the regional opgave per periode and categorie, every gemeente's bid per round, and its
 * fair share of the opgave by inwoners and by sociale huurvoorraad (hkg_fair_share).
 */
import { z } from 'zod';
import { gemeentecodeSchema, isoDateSchema, planperiodeSchema } from '../../../domain/schemas';
import type { HkgCategorie, HkgRonde } from '../../../domain/vocabulary';
import { query } from '../query';
import { inRegio } from './regio';
import { count, hkgCategorieSchema, hkgRondeSchema, listFilter, ORDER, verdeelsleutelSchema } from './common';

export const hkgPeriodeRowSchema = z.object({
	periode: planperiodeSchema,
	regionale_opgave: count,
	categorieen: count,
	/** The latest round with bids; null when no gemeente has bid yet. */
	laatste_ronde: hkgRondeSchema.nullable(),
	laatste_ronde_datum: isoDateSchema.nullable()
});
export type HkgPeriodeRow = z.infer<typeof hkgPeriodeRowSchema>;

export const HKG_PERIODES_SQL = `WITH opgave AS (
	SELECT periode, sum(regionale_opgave) AS regionale_opgave, count(*) AS categorieen FROM hkg_opgave GROUP BY periode
), rondes AS (
	SELECT periode, ronde, max(ronde_datum) AS ronde_datum FROM hkg_biedingen GROUP BY periode, ronde
	QUALIFY row_number() OVER (PARTITION BY periode ORDER BY list_position($rondeOrder, ronde) DESC) = 1
)
SELECT o.periode, CAST(o.regionale_opgave AS INTEGER) AS regionale_opgave, CAST(o.categorieen AS INTEGER) AS categorieen,
	r.ronde AS laatste_ronde, strftime(r.ronde_datum, '%Y-%m-%d') AS laatste_ronde_datum
FROM opgave o LEFT JOIN rondes r USING (periode)
ORDER BY o.periode`;

/** The planperiodes of the opgave, oldest first. */
export async function hkgPeriodes(): Promise<HkgPeriodeRow[]> {
	return query(hkgPeriodeRowSchema, HKG_PERIODES_SQL, { rondeOrder: ORDER.rondeOrder });
}

/** The current HKG periode: the latest in which gemeenten have bid (a future periode without bids is not current), or null. */
export async function huidigeHkgPeriode(): Promise<string | null> {
	return (await hkgPeriodes()).filter((p) => p.laatste_ronde !== null).at(-1)?.periode ?? null;
}

export interface HkgFilter {
	periode: string;
	rondes?: readonly HkgRonde[];
	categorieen?: readonly HkgCategorie[];
	gemeentecode?: string;
	/** Only the gemeenten of this centrumregio; omit for every gemeente of the store. */
	regio?: string;
}

export const hkgBodRowSchema = z.object({
	periode: planperiodeSchema,
	ronde: hkgRondeSchema,
	/** The bid's date, or the round's date when the gemeente did not bid in it. */
	ronde_datum: isoDateSchema,
	gemeentecode: gemeentecodeSchema,
	naam: z.string(),
	categorie: hkgCategorieSchema,
	/** Null when the gemeente did not bid in this round. */
	bod: count.nullable(),
	toelichting: z.string().nullable(),
	regionale_opgave: count,
	/** The verdeelsleutel the region agreed for this categorie. */
	verdeelsleutel: verdeelsleutelSchema,
	fair_share_inwoners: z.number().nullable(),
	fair_share_sociale_huur: z.number().nullable(),
	/** Fair share by the agreed verdeelsleutel. */
	fair_share: z.number().nullable(),
	/** bod − fair_share (negative: below its fair share). */
	verschil: z.number().nullable()
});
export type HkgBodRow = z.infer<typeof hkgBodRowSchema>;

const HKG_FILTER = `($rondes IS NULL OR list_contains($rondes, r.ronde))
	AND ($categorieen IS NULL OR list_contains($categorieen, f.categorie))
	AND ($gemeentecode IS NULL OR f.gemeentecode = $gemeentecode)
	AND ${inRegio('f.gemeentecode')}`;

// Every gemeente × categorie of the opgave × round that has bids, so a missing bid shows as null, not as absent.
// With one region in the store the opgave is the region's. With several, the opgave of the export
// is shared by all of them (one planning area): a region's opgave is then the sum of the fair
// shares of its gemeenten by the agreed verdeelsleutel, rounded to whole units.
const HKG_BASIS = `rondes AS (
	SELECT ronde, max(ronde_datum) AS ronde_datum FROM hkg_biedingen WHERE periode = $periode GROUP BY ronde
), regio_opgave AS (
	SELECT categorie,
		CASE WHEN $regio IS NOT NULL AND (SELECT count(DISTINCT centrumregio) FROM gemeenten) > 1
			THEN round(sum(CASE verdeelsleutel WHEN 'sociale_huurwoningen' THEN fair_share_sociale_huur ELSE fair_share_inwoners END))
			ELSE any_value(regionale_opgave) END AS regionale_opgave
	FROM hkg_fair_share
	WHERE periode = $periode AND ${inRegio()}
	GROUP BY categorie
), basis AS (
	SELECT f.periode, r.ronde, coalesce(b.ronde_datum, r.ronde_datum) AS ronde_datum, f.gemeentecode, f.naam, f.categorie,
		b.bod, b.toelichting, o.regionale_opgave, f.verdeelsleutel, f.fair_share_inwoners, f.fair_share_sociale_huur,
		CASE f.verdeelsleutel WHEN 'sociale_huurwoningen' THEN f.fair_share_sociale_huur ELSE f.fair_share_inwoners END AS fair_share
	FROM hkg_fair_share f CROSS JOIN rondes r
	JOIN regio_opgave o ON o.categorie = f.categorie
	LEFT JOIN hkg_biedingen b ON b.periode = f.periode AND b.ronde = r.ronde AND b.gemeentecode = f.gemeentecode AND b.categorie = f.categorie
	WHERE f.periode = $periode AND ${HKG_FILTER}
)`;

export const HKG_BIEDINGEN_SQL = `WITH ${HKG_BASIS}
SELECT periode, ronde, strftime(ronde_datum, '%Y-%m-%d') AS ronde_datum, gemeentecode, naam, categorie,
	CAST(bod AS INTEGER) AS bod, toelichting, CAST(regionale_opgave AS INTEGER) AS regionale_opgave, verdeelsleutel,
	CAST(fair_share_inwoners AS DOUBLE) AS fair_share_inwoners, CAST(fair_share_sociale_huur AS DOUBLE) AS fair_share_sociale_huur,
	CAST(fair_share AS DOUBLE) AS fair_share, CAST(round(bod - fair_share, 2) AS DOUBLE) AS verschil
FROM basis
ORDER BY list_position($rondeOrder, ronde), naam, list_position($categorieOrder, categorie)`;

function hkgParams({ periode, rondes, categorieen, gemeentecode, regio }: HkgFilter) {
	return {
		periode,
		rondes: listFilter(rondes),
		categorieen: listFilter(categorieen),
		gemeentecode: gemeentecode ?? null,
		regio: regio ?? null,
		rondeOrder: ORDER.rondeOrder,
		categorieOrder: ORDER.categorieOrder
	};
}

/** Bids per round, gemeente and categorie of a periode, with fair shares by both verdeelsleutels. */
export async function hkgBiedingen(options: HkgFilter): Promise<HkgBodRow[]> {
	return query(hkgBodRowSchema, HKG_BIEDINGEN_SQL, hkgParams(options));
}

export const hkgTotaalRowSchema = z.object({
	periode: planperiodeSchema,
	ronde: hkgRondeSchema,
	ronde_datum: isoDateSchema,
	/** The categorie, or null for the sum over the selected categorieën. */
	categorie: hkgCategorieSchema.nullable(),
	bod: count,
	/** Opgave (of the selected gemeente: its fair share by the agreed verdeelsleutel). */
	opgave: z.number(),
	/** bod / opgave; null when the opgave is 0. */
	aandeel: z.number().nullable()
});
export type HkgTotaalRow = z.infer<typeof hkgTotaalRowSchema>;

export const HKG_TOTALEN_SQL = `WITH ${HKG_BASIS}, totalen AS (
	SELECT periode, ronde, max(ronde_datum) AS ronde_datum, categorie, coalesce(sum(bod), 0) AS bod,
		CASE WHEN $gemeentecode IS NULL THEN any_value(regionale_opgave) ELSE sum(fair_share) END AS opgave
	FROM basis
	GROUP BY GROUPING SETS ((periode, ronde, categorie), (periode, ronde))
), samen AS (
	-- The opgave of a round summed over categorieën; the grouping above takes any_value over all rows.
	SELECT periode, ronde, sum(opgave) AS opgave FROM totalen WHERE categorie IS NOT NULL GROUP BY periode, ronde
)
SELECT t.periode, t.ronde, strftime(t.ronde_datum, '%Y-%m-%d') AS ronde_datum, t.categorie, CAST(t.bod AS INTEGER) AS bod,
	CAST(round(coalesce(s.opgave, t.opgave), 2) AS DOUBLE) AS opgave,
	CAST(round(t.bod / nullif(coalesce(s.opgave, t.opgave), 0), 4) AS DOUBLE) AS aandeel
FROM totalen t LEFT JOIN samen s ON t.categorie IS NULL AND s.periode = t.periode AND s.ronde = t.ronde
WHERE $perCategorie OR t.categorie IS NULL
ORDER BY list_position($rondeOrder, t.ronde), t.categorie IS NOT NULL, list_position($categorieOrder, t.categorie)`;

/**
 * Per round: the bids summed against the opgave, for the region (or against the fair share of
 * one gemeente). One row per round, and with `perCategorie` also one per round and categorie.
 */
export async function hkgTotalen(options: HkgFilter & { perCategorie?: boolean }): Promise<HkgTotaalRow[]> {
	return query(hkgTotaalRowSchema, HKG_TOTALEN_SQL, { ...hkgParams(options), perCategorie: options.perCategorie ?? false });
}
