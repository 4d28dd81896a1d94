/** Dagbesteding within BW: the share of BW-cliënten with dagbesteding per periode, regional and per aanbieder. */
import { z } from 'zod';
import { PXQ_START } from '../../../domain/pxq';
import { isoDateSchema, periodeSchema } from '../../../domain/schemas';
import { query } from '../query';
import type { Protection } from '../../disclosure';
import { dagbestedingKey } from '../../disclosure/patterns';
import { afgeschermdSchema, listFilter, personCount } from './common';

const COUNTS = { counts: ['bw_clienten', 'met_dagbesteding'], derived: { aandeel: ['bw_clienten', 'met_dagbesteding'] } } as const;
/** The regional figure is a total (primary only); one gemeente's figure is a cell of the pattern. */
const REGIO_PROTECTION: Protection = {
	...COUNTS,
	cell: { pattern: 'dagbesteding', key: (row, params) => (params.gemeentecode ? dagbestedingKey(row.periode, '*', params.gemeentecode) : '') }
};
const AANBIEDER_PROTECTION: Protection = {
	...COUNTS,
	cell: { pattern: 'dagbesteding', key: (row, params) => dagbestedingKey(row.periode, row.aanbieder, params.gemeentecode ?? '*') }
};

/**
 * The rows of region $regio (all rows when NULL): those of its gemeenten, and the rows without a
 * gemeente (an aanbieder that delivers region-wide) of that region: the export's centrumregio,
 * or the manifest's region when the export names none (dagbesteding_aandeel.regiocode).
 */
const IN_REGIO = `($regio IS NULL OR regiocode = $regio)`;

export const dagbestedingRegioRowSchema = z.object({
	periode: periodeSchema,
	periode_start: isoDateSchema,
	bw_clienten: personCount,
	met_dagbesteding: personCount,
	/** met_dagbesteding / bw_clienten (0–1); null without clients or when hidden. */
	aandeel: z.number().nullable(),
	/** The periode starts on or after the switch to P×Q. */
	na_pxq: z.boolean(),
	afgeschermd: afgeschermdSchema
});
export type DagbestedingRegioRow = z.infer<typeof dagbestedingRegioRowSchema>;

export const DAGBESTEDING_REGIO_SQL = `SELECT periode, strftime(any_value(periode_start), '%Y-%m-%d') AS periode_start,
	CAST(sum(bw_clienten) AS INTEGER) AS bw_clienten, CAST(sum(met_dagbesteding) AS INTEGER) AS met_dagbesteding,
	CAST(round(sum(met_dagbesteding) / nullif(sum(bw_clienten), 0), 4) AS DOUBLE) AS aandeel,
	any_value(periode_start) >= CAST($pxqStart AS DATE) AS na_pxq
FROM dagbesteding_aandeel
WHERE ($gemeentecode IS NULL OR gemeentecode = $gemeentecode) AND ${IN_REGIO}
GROUP BY periode
ORDER BY any_value(periode_start)`;

/**
 * Per periode the regional share, or with gemeentecode the share among the rows of that
 * gemeente (aanbieders that deliver region-wide without a gemeente are then left out).
 */
export async function dagbestedingRegio({ gemeentecode, regio }: { gemeentecode?: string; regio?: string } = {}): Promise<DagbestedingRegioRow[]> {
	return query(dagbestedingRegioRowSchema, DAGBESTEDING_REGIO_SQL, { gemeentecode: gemeentecode ?? null, regio: regio ?? null, pxqStart: PXQ_START }, REGIO_PROTECTION);
}

export const dagbestedingAanbiederRowSchema = dagbestedingRegioRowSchema.extend({ aanbieder: z.string() });
export type DagbestedingAanbiederRow = z.infer<typeof dagbestedingAanbiederRowSchema>;

export const DAGBESTEDING_AANBIEDER_SQL = `SELECT periode, strftime(any_value(periode_start), '%Y-%m-%d') AS periode_start, aanbieder,
	CAST(sum(bw_clienten) AS INTEGER) AS bw_clienten, CAST(sum(met_dagbesteding) AS INTEGER) AS met_dagbesteding,
	CAST(round(sum(met_dagbesteding) / nullif(sum(bw_clienten), 0), 4) AS DOUBLE) AS aandeel,
	any_value(periode_start) >= CAST($pxqStart AS DATE) AS na_pxq
FROM dagbesteding_aandeel
WHERE ($periode IS NULL OR periode = $periode)
	AND ($perioden IS NULL OR list_contains($perioden, periode))
	AND ($aanbieders IS NULL OR list_contains($aanbieders, aanbieder))
	AND ($gemeentecode IS NULL OR gemeentecode = $gemeentecode)
	AND ${IN_REGIO}
GROUP BY periode, aanbieder
ORDER BY any_value(periode_start), aanbieder`;

/** Per periode and aanbieder (summed over gemeenten unless one is given); `perioden` limits the periods. */
export async function dagbestedingPerAanbieder({
	periode,
	perioden,
	aanbieders,
	gemeentecode,
	regio
}: { periode?: string; perioden?: readonly string[]; aanbieders?: readonly string[]; gemeentecode?: string; regio?: string } = {}): Promise<DagbestedingAanbiederRow[]> {
	return query(dagbestedingAanbiederRowSchema, DAGBESTEDING_AANBIEDER_SQL, {
		periode: periode ?? null,
		perioden: listFilter(perioden),
		aanbieders: listFilter(aanbieders),
		gemeentecode: gemeentecode ?? null,
		regio: regio ?? null,
		pxqStart: PXQ_START
	}, AANBIEDER_PROTECTION);
}

// From the export's table (names only, no counts), each row's region as dagbesteding_aandeel.regiocode has it.
export const DAGBESTEDING_AANBIEDERS_SQL = `SELECT DISTINCT d.aanbieder FROM dagbesteding d LEFT JOIN gemeenten g USING (gemeentecode)
WHERE $regio IS NULL OR coalesce(g.centrumregio, d.centrumregio, (SELECT regio_code FROM snapshot_info)) = $regio
ORDER BY d.aanbieder`;

/** The aanbieders of a region (all periods): the choices of the aanbieder filter. */
export async function dagbestedingAanbieders({ regio }: { regio?: string } = {}): Promise<string[]> {
	return (await query(z.object({ aanbieder: z.string() }), DAGBESTEDING_AANBIEDERS_SQL, { regio: regio ?? null })).map((r) => r.aanbieder);
}
