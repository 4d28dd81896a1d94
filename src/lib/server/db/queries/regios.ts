/**
 * /regios: every centrumregio side by side. Per region the tekort per 10.000 inwoners per
 * voorzieningstype, the HKG bid against its opgave, and the dagbesteding share; the Wlz figure
 * per region is wlzRegios. Aggregates over the store's small derived tables, one query each.
 */
import { z } from 'zod';
import { jaarSchema, periodeSchema, planperiodeSchema } from '../../../domain/schemas';
import type { Doelgroep, HkgCategorie, HkgRonde, Voorzieningstype } from '../../../domain/vocabulary';
import type { Protection } from '../../disclosure';
import { query } from '../query';
import { afgeschermdSchema, count, hkgRondeSchema, listFilter, measureValue, ORDER, personCount, voorzieningstypeSchema } from './common';

export const regioCapaciteitRowSchema = z.object({
	regiocode: z.string(),
	peiljaar: jaarSchema,
	voorzieningstype: voorzieningstypeSchema,
	/** Inwoners of the region's gemeenten (latest year at or before the peiljaar). */
	inwoners: count.nullable(),
	tekort: count,
	behoefte: count,
	bestaand: count,
	tekort_per_10k: measureValue,
	bestaand_per_10k: measureValue
});
export type RegioCapaciteitRow = z.infer<typeof regioCapaciteitRowSchema>;

// Tekort per gemeente, type and doelgroep (capaciteit_jaar), summed per region: a surplus in one
// gemeente does not fill a gap in another. Inwoners of every gemeente of the region count.
export const REGIOS_CAPACITEIT_SQL = `WITH inw AS (
	SELECT gemeentecode, arg_max(inwoners, jaar) AS inwoners FROM inwoners WHERE jaar <= $peiljaar GROUP BY gemeentecode
), regio_inwoners AS (
	SELECT g.centrumregio AS regiocode, sum(i.inwoners) AS inwoners FROM gemeenten g LEFT JOIN inw i USING (gemeentecode) GROUP BY ALL
), per_type AS (
	SELECT g.centrumregio AS regiocode, c.voorzieningstype, sum(c.tekort) AS tekort, sum(c.behoefte) AS behoefte, sum(c.bestaand) AS bestaand
	FROM capaciteit_jaar c JOIN gemeenten g USING (gemeentecode)
	WHERE c.peiljaar = $peiljaar
		AND ($types IS NULL OR list_contains($types, c.voorzieningstype)) AND ($doelgroep IS NULL OR c.doelgroep = $doelgroep)
	GROUP BY ALL
)
SELECT t.regiocode, CAST($peiljaar AS INTEGER) AS peiljaar, t.voorzieningstype, CAST(r.inwoners AS INTEGER) AS inwoners,
	CAST(t.tekort AS INTEGER) AS tekort, CAST(t.behoefte AS INTEGER) AS behoefte, CAST(t.bestaand AS INTEGER) AS bestaand,
	CAST(round(t.tekort * 10000.0 / nullif(r.inwoners, 0), 3) AS DOUBLE) AS tekort_per_10k,
	CAST(round(t.bestaand * 10000.0 / nullif(r.inwoners, 0), 3) AS DOUBLE) AS bestaand_per_10k
FROM per_type t JOIN regio_inwoners r USING (regiocode)
ORDER BY t.regiocode, list_position($typeOrder, t.voorzieningstype)`;

/** Per region and voorzieningstype: bestaand and tekort, absolute and per 10.000 inwoners, in one peiljaar (optionally some types, one doelgroep). */
export async function regiosCapaciteit({
	peiljaar,
	voorzieningstypen,
	doelgroep
}: {
	peiljaar: number;
	voorzieningstypen?: readonly Voorzieningstype[];
	doelgroep?: Doelgroep;
}): Promise<RegioCapaciteitRow[]> {
	return query(regioCapaciteitRowSchema, REGIOS_CAPACITEIT_SQL, { peiljaar, types: listFilter(voorzieningstypen), doelgroep: doelgroep ?? null, typeOrder: ORDER.typeOrder });
}

export const regioHkgRowSchema = z.object({
	regiocode: z.string(),
	periode: planperiodeSchema,
	ronde: hkgRondeSchema,
	bod: count,
	/** The region's opgave: the export's with one region, else its gemeenten's fair share by the agreed verdeelsleutel. */
	opgave: z.number(),
	/** bod / opgave; null when the opgave is 0. */
	aandeel: z.number().nullable()
});
export type RegioHkgRow = z.infer<typeof regioHkgRowSchema>;

// As hkgTotalen counts it (queries/hkg.ts): per categorie the opgave of the region, rounded to
// whole units when several regions share the export's opgave.
export const REGIOS_HKG_SQL = `WITH meer AS (
	SELECT count(DISTINCT centrumregio) > 1 AS meer FROM gemeenten
), per_categorie AS (
	SELECT g.centrumregio AS regiocode, f.categorie,
		CASE WHEN (SELECT meer FROM meer)
			THEN round(sum(CASE f.verdeelsleutel WHEN 'sociale_huurwoningen' THEN f.fair_share_sociale_huur ELSE f.fair_share_inwoners END))
			ELSE any_value(f.regionale_opgave) END AS opgave
	FROM hkg_fair_share f JOIN gemeenten g USING (gemeentecode)
	WHERE f.periode = $periode AND ($categorieen IS NULL OR list_contains($categorieen, f.categorie))
	GROUP BY ALL
), opgave AS (
	SELECT regiocode, sum(opgave) AS opgave FROM per_categorie GROUP BY regiocode
), bod AS (
	SELECT g.centrumregio AS regiocode, sum(b.bod) AS bod
	FROM hkg_biedingen b JOIN gemeenten g USING (gemeentecode)
	WHERE b.periode = $periode AND b.ronde = $ronde AND ($categorieen IS NULL OR list_contains($categorieen, b.categorie))
	GROUP BY ALL
)
SELECT o.regiocode, $periode AS periode, $ronde AS ronde, CAST(coalesce(b.bod, 0) AS INTEGER) AS bod,
	CAST(o.opgave AS DOUBLE) AS opgave, CAST(round(coalesce(b.bod, 0) / nullif(o.opgave, 0), 4) AS DOUBLE) AS aandeel
FROM opgave o LEFT JOIN bod b USING (regiocode)
ORDER BY o.regiocode`;

/** Per region: the bids of one round against the region's opgave in a periode (all categorieën, or some). */
export async function regiosHkg({ periode, ronde, categorieen }: { periode: string; ronde: HkgRonde; categorieen?: readonly HkgCategorie[] }): Promise<RegioHkgRow[]> {
	return query(regioHkgRowSchema, REGIOS_HKG_SQL, { periode, ronde, categorieen: listFilter(categorieen) });
}

export const regioDagbestedingRowSchema = z.object({
	regiocode: z.string(),
	periode: periodeSchema,
	bw_clienten: personCount,
	met_dagbesteding: personCount,
	aandeel: z.number().nullable(),
	afgeschermd: afgeschermdSchema
});
export type RegioDagbestedingRow = z.infer<typeof regioDagbestedingRowSchema>;

/** A region's figure is the total of its group in the dagbesteding pattern (per periode and region): primary protection only. */
const REGIO_DAGBESTEDING_PROTECTION: Protection = { counts: ['bw_clienten', 'met_dagbesteding'], derived: { aandeel: ['bw_clienten', 'met_dagbesteding'] } };

// Rows without a gemeente count for the region the export names for them, else the manifest's (dagbesteding_aandeel.regiocode), as on /dagbesteding.
export const REGIOS_DAGBESTEDING_SQL = `SELECT regiocode, periode,
	CAST(sum(bw_clienten) AS INTEGER) AS bw_clienten, CAST(sum(met_dagbesteding) AS INTEGER) AS met_dagbesteding,
	CAST(round(sum(met_dagbesteding) / nullif(sum(bw_clienten), 0), 4) AS DOUBLE) AS aandeel
FROM dagbesteding_aandeel
WHERE periode = $periode
GROUP BY ALL
ORDER BY regiocode`;

/** Per region the share of BW-cliënten with dagbesteding in one periode. */
export async function regiosDagbesteding({ periode }: { periode: string }): Promise<RegioDagbestedingRow[]> {
	return query(regioDagbestedingRowSchema, REGIOS_DAGBESTEDING_SQL, { periode }, REGIO_DAGBESTEDING_PROTECTION);
}
