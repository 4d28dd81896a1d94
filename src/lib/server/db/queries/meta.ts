/** What is loaded: snapshot, provenance of each export, gemeenten, peiljaren, and source lines for charts. */
import { z } from 'zod';
import type { ExportSoort } from '../../../domain/exports';
import { DREMPEL_STANDAARD, gemeentecodeSchema, isoDateSchema, jaarSchema, rowSchemas } from '../../../domain/schemas';
import { query, queryOne } from '../query';
import { count, exportSoortSchema, int } from './common';

export const snapshotInfoRowSchema = z.object({
	snapshot_id: z.string(),
	/** ISO 8601, UTC as stored by ingest. */
	created_at: z.string(),
	exports_hash: z.string(),
	schema_version: int,
	regio_code: z.string(),
	regio_naam: z.string()
});
export type SnapshotInfoRow = z.infer<typeof snapshotInfoRowSchema>;

export const SNAPSHOT_INFO_SQL = `SELECT snapshot_id, strftime(created_at, '%Y-%m-%dT%H:%M:%S') AS created_at, exports_hash,
	CAST(schema_version AS INTEGER) AS schema_version, regio_code, regio_naam
FROM snapshot_info`;

/** The snapshot in use: id, creation time, region. */
export async function snapshotInfo(): Promise<SnapshotInfoRow> {
	const row = await queryOne(snapshotInfoRowSchema, SNAPSHOT_INFO_SQL);
	if (!row) throw new Error('snapshot_info is empty');
	return row;
}

export const provenanceRowSchema = z.object({
	bestand: z.string(),
	soort: exportSoortSchema,
	sha256: z.string(),
	bytes: count,
	rijen: count,
	formaat: z.string(),
	bron: z.string(),
	peildatum: isoDateSchema,
	illustratief: z.boolean(),
	toelichting: z.string().nullable(),
	ingelezen_op: z.string(),
	seconden: z.number()
});
export type ProvenanceRow = z.infer<typeof provenanceRowSchema>;

export const PROVENANCE_SQL = `SELECT bestand, soort, sha256, CAST(bytes AS DOUBLE) AS bytes, CAST(rijen AS DOUBLE) AS rijen, formaat, bron,
	strftime(peildatum, '%Y-%m-%d') AS peildatum, illustratief, toelichting,
	strftime(ingelezen_op, '%Y-%m-%dT%H:%M:%S') AS ingelezen_op, CAST(seconden AS DOUBLE) AS seconden
FROM provenance
WHERE $soorten IS NULL OR list_contains($soorten, soort)
ORDER BY list_position($soortOrder, soort), bestand`;

const SOORT_ORDER = exportSoortSchema.options;

/** Every loaded export (or those of the given kinds), in the order of the export kinds. */
export async function provenance({ soorten }: { soorten?: readonly ExportSoort[] } = {}): Promise<ProvenanceRow[]> {
	return query(provenanceRowSchema, PROVENANCE_SQL, { soorten: soorten && soorten.length > 0 ? soorten : null, soortOrder: SOORT_ORDER });
}

export interface Bron {
	/** Sources joined for a chart footer: `CBS StatLine; Capaciteitsonderzoek`. */
	bron: string;
	/** Latest peildatum of the exports (YYYY-MM-DD), null when none is loaded. */
	peildatum: string | null;
	/** True when any of the exports is illustrative: the chart must say so. */
	illustratief: boolean;
	bronnen: Pick<ProvenanceRow, 'bestand' | 'soort' | 'bron' | 'peildatum' | 'illustratief'>[];
	/** Person counts under this threshold are hidden; 0 when protection is off. */
	drempel: number;
}

export const KLEINE_AANTALLEN_SQL = `SELECT CAST(drempel AS INTEGER) AS drempel FROM kleine_aantallen`;

/** The snapshot's disclosure threshold (manifest kleine_aantallen.drempel, default 5). */
export async function drempel(): Promise<number> {
	return (await queryOne(z.object({ drempel: int.min(0) }), KLEINE_AANTALLEN_SQL))?.drempel ?? DREMPEL_STANDAARD;
}

/** The source line of a chart that rests on these export kinds. */
export async function bronVoor(soorten: readonly ExportSoort[]): Promise<Bron> {
	const [rows, d] = await Promise.all([provenance({ soorten: soorten.length > 0 ? soorten : ['gemeenten'] }), drempel()]);
	return summariseBronnen(rows, d);
}

/** Pure: the footer facts of a set of provenance rows and the disclosure threshold. */
export function summariseBronnen(rows: readonly ProvenanceRow[], drempel: number): Bron {
	const peildata = rows.map((r) => r.peildatum).sort();
	return {
		drempel,
		bron: [...new Set(rows.map((r) => r.bron))].join('; '),
		peildatum: peildata.at(-1) ?? null,
		illustratief: rows.some((r) => r.illustratief),
		bronnen: rows.map(({ bestand, soort, bron, peildatum, illustratief }) => ({ bestand, soort, bron, peildatum, illustratief }))
	};
}

export const gemeenteInfoRowSchema = rowSchemas.gemeenten.extend({
	/** The latest inwoners year loaded for this gemeente. */
	inwoners_jaar: jaarSchema.nullable(),
	inwoners: count.nullable(),
	sociale_huurwoningen: count.nullable()
});
export type GemeenteInfoRow = z.infer<typeof gemeenteInfoRowSchema>;

export const GEMEENTEN_SQL = `WITH laatste AS (
	SELECT gemeentecode, max(jaar) AS jaar FROM inwoners GROUP BY gemeentecode
)
SELECT g.gemeentecode, g.naam, g.subregio, g.centrumregio, CAST(g.lat AS DOUBLE) AS lat, CAST(g.lon AS DOUBLE) AS lon,
	CAST(g.tegel_x AS INTEGER) AS tegel_x, CAST(g.tegel_y AS INTEGER) AS tegel_y,
	CAST(i.jaar AS INTEGER) AS inwoners_jaar, CAST(i.inwoners AS INTEGER) AS inwoners, CAST(i.sociale_huurwoningen AS INTEGER) AS sociale_huurwoningen
FROM gemeenten g
LEFT JOIN laatste l USING (gemeentecode)
LEFT JOIN inwoners i ON i.gemeentecode = g.gemeentecode AND i.jaar = l.jaar
WHERE ($gemeentecode IS NULL OR g.gemeentecode = $gemeentecode) AND ($regio IS NULL OR g.centrumregio = $regio)
ORDER BY g.naam`;

/** The gemeenten of a region (omitted: of the store) with their latest inwoners, by name. */
export async function gemeenten({ regio }: { regio?: string } = {}): Promise<GemeenteInfoRow[]> {
	return query(gemeenteInfoRowSchema, GEMEENTEN_SQL, { gemeentecode: null, regio: regio ?? null });
}

/** One gemeente, or null when the code is not in the store (or the given region), or not a code at all. */
export async function gemeente(code: string, { regio }: { regio?: string } = {}): Promise<GemeenteInfoRow | null> {
	if (!gemeentecodeSchema.safeParse(code).success) return null;
	return queryOne(gemeenteInfoRowSchema, GEMEENTEN_SQL, { gemeentecode: code, regio: regio ?? null });
}

export const PEILJAREN_SQL = `SELECT DISTINCT CAST(peiljaar AS INTEGER) AS peiljaar FROM capaciteit_jaar ORDER BY peiljaar`;

/** Peiljaren of the capaciteit export, ascending. */
export async function peiljaren(): Promise<number[]> {
	return (await query(z.object({ peiljaar: jaarSchema }), PEILJAREN_SQL)).map((r) => r.peiljaar);
}

/** The latest peiljaar of the capaciteit export (what every view shows by default), or null without one. */
export async function laatstePeiljaar(): Promise<number | null> {
	return (await peiljaren()).at(-1) ?? null;
}
