/**
 * zod schemas of the normalised export rows, one per kind. The ingest validates inside DuckDB
 * with SQL generated from the declarations in exports.ts (fast at millions of rows); these
 * schemas type and check the rows that query functions return, and schemas.test.ts keeps
 * them in step with the declarations (same columns, same nullability).
 */
import { z } from 'zod';
import { EXPORT_SOORTEN, JAAR_MAX, JAAR_MIN, type ColumnSpec, type ExportSoort } from './exports';
import { VOCABULARIES, ids } from './vocabulary';

/** A CBS gemeentecode: GM and four digits. */
export const GEMEENTECODE = /^GM\d{4}$/;
export const gemeentecodeSchema = z.string().regex(GEMEENTECODE, 'verwacht een gemeentecode als GM0505');
/** A gemeentecode as users type it in a URL (`gm0505 ` is GM0505). */
export const gemeentecodeParam = z.string().trim().toUpperCase().regex(GEMEENTECODE, 'een gemeentecode als GM0505');
export const jaarSchema = z.number().int().min(JAAR_MIN).max(JAAR_MAX);
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'verwacht een datum als 2023-11-15');
export const periodeSchema = z.string().regex(/^\d{4}(-K[1-4])?$/, 'verwacht een jaar of kwartaal als 2021-K1');
export const planperiodeSchema = z.string().regex(/^\d{4}(-\d{4})?$/, 'verwacht een periode als 2024-2027');

/** Whether a column may be null after normalisation (optional and without a default). */
export function isNullable(column: ColumnSpec): boolean {
	return !column.required && column.default === undefined;
}

/** Row schemas per export kind; the explicit object types give precise TypeScript types. */
export const rowSchemas = {
	gemeenten: z.object({
		gemeentecode: gemeentecodeSchema,
		naam: z.string(),
		subregio: z.string(),
		centrumregio: z.string(),
		lat: z.number(),
		lon: z.number(),
		tegel_x: z.number().int(),
		tegel_y: z.number().int()
	}),
	inwoners: z.object({ gemeentecode: gemeentecodeSchema, jaar: jaarSchema, inwoners: z.number().int().min(0), sociale_huurwoningen: z.number().int().min(0).nullable() }),
	capaciteit: z.object({
		peiljaar: jaarSchema,
		peildatum: isoDateSchema,
		gemeentecode: gemeentecodeSchema,
		voorzieningstype: z.enum(ids(VOCABULARIES.voorzieningstype)),
		doelgroep: z.enum(ids(VOCABULARIES.doelgroep)),
		bestaand: z.number().int().min(0),
		bezet: z.number().int().min(0).nullable(),
		wachtlijst: z.number().int().min(0).nullable(),
		behoefte: z.number().int().min(0),
		gepland: z.number().int().min(0)
	}),
	wlz_instroom: z.object({
		jaar: jaarSchema,
		regiocode: z.string(),
		regionaam: z.string(),
		gemeentecode: gemeentecodeSchema.nullable(),
		instroom: z.number().int().min(0),
		bw_clienten: z.number().int().min(0),
		inwoners: z.number().int().min(1)
	}),
	hkg_opgave: z.object({
		periode: planperiodeSchema,
		categorie: z.enum(ids(VOCABULARIES.hkg_categorie)),
		regionale_opgave: z.number().int().min(0),
		verdeelsleutel: z.enum(ids(VOCABULARIES.verdeelsleutel))
	}),
	hkg_biedingen: z.object({
		periode: planperiodeSchema,
		ronde: z.enum(ids(VOCABULARIES.hkg_ronde)),
		ronde_datum: isoDateSchema,
		gemeentecode: gemeentecodeSchema,
		categorie: z.enum(ids(VOCABULARIES.hkg_categorie)),
		bod: z.number().int().min(0),
		toelichting: z.string().nullable()
	}),
	dagbesteding: z.object({
		periode: periodeSchema,
		aanbieder: z.string(),
		gemeentecode: gemeentecodeSchema.nullable(),
		centrumregio: z.string().regex(/^CR[0-9]{4}$/).nullable(),
		bw_clienten: z.number().int().min(0),
		met_dagbesteding: z.number().int().min(0)
	}),
	projecten: z.object({
		project_id: z.string(),
		naam: z.string(),
		type: z.enum(ids(VOCABULARIES.voorzieningstype)),
		gemeentecode: gemeentecodeSchema,
		eenheden: z.number().int().min(0),
		status: z.enum(ids(VOCABULARIES.projectstatus)),
		status_datum: isoDateSchema,
		verwachte_oplevering: isoDateSchema.nullable(),
		toelichting: z.string().nullable()
	})
} satisfies Record<ExportSoort, z.ZodObject>;

export type GemeenteRow = z.infer<typeof rowSchemas.gemeenten>;
export type InwonersRow = z.infer<typeof rowSchemas.inwoners>;
export type CapaciteitRow = z.infer<typeof rowSchemas.capaciteit>;
export type WlzInstroomRow = z.infer<typeof rowSchemas.wlz_instroom>;
export type HkgOpgaveRow = z.infer<typeof rowSchemas.hkg_opgave>;
export type HkgBodRow = z.infer<typeof rowSchemas.hkg_biedingen>;
export type DagbestedingRow = z.infer<typeof rowSchemas.dagbesteding>;
export type ProjectRow = z.infer<typeof rowSchemas.projecten>;

/** The source manifest (data/exports/manifest.json): provenance of every export file. */
export const manifestEntrySchema = z.object({
	bestand: z.string().min(1),
	soort: z.enum(EXPORT_SOORTEN),
	bron: z.string().min(1),
	peildatum: isoDateSchema,
	illustratief: z.boolean(),
	/** XLSX only: the sheet to read; the first sheet when absent. */
	blad: z.string().min(1).optional(),
	toelichting: z.string().optional()
});
/** Threshold of small person counts when the manifest does not set one (issue 11). */
export const DREMPEL_STANDAARD = 5;
/**
 * Disclosure control: person counts from 1 to drempel − 1 are not shown. Absent means the
 * default; only an explicit `"drempel": 0` turns it off (every chart then says so).
 */
export const kleineAantallenSchema = z.object({ drempel: z.number().int().min(0).max(100) });
export const manifestSchema = z.object({
	regio: z.object({ code: z.string().regex(/^CR\d{4}$/), naam: z.string().min(1) }),
	kleine_aantallen: kleineAantallenSchema.optional(),
	bestanden: z.array(manifestEntrySchema).min(1)
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
export type Manifest = z.infer<typeof manifestSchema>;
