/**
 * Options of the synthetic-data generator, validated once with zod at the edge (the CLI),
 * and the row-count formulas that follow from them.
 */
import { z } from 'zod';
import { JAAR_MAX, JAAR_MIN, type ExportSoort } from '../../src/lib/domain/exports';
import { DOELGROEPEN, HKG_CATEGORIEEN, HKG_RONDES, VOORZIENINGSTYPEN } from '../../src/lib/domain/vocabulary';

/** The example export set has the 9 gemeenten of centrumregio Dordrecht. */
export const VOORBEELD_GEMEENTEN = 9;
/** The Netherlands has 43 centrumgemeenten BW&O. */
export const MAX_REGIOS = 43;
/** Tile map coordinates run 0..50 (exports.ts), so a square grid holds at most 51 × 51. */
export const MAX_GEMEENTEN = 51 * 51;
/** Default years for --gemeenten: monthly counts over 39 years give ≥ 5 million capaciteit rows at 342 gemeenten. */
export const STANDAARD_JAREN_LANDELIJK = { van: 2000, tot: 2038 } as const;
/** Default years for --schaal, like the example exports. */
export const STANDAARD_JAREN_SCHAAL = { van: 2019, tot: 2026 } as const;
export const STANDAARD_SEED = 42;

/** Resolved generator options: everything the pure generators need. */
export interface GeneratorOptions {
	gemeenten: number;
	regios: number;
	jaarVan: number;
	jaarTot: number;
	/** Capaciteit per month (peildatum the 1st) instead of per year (1 January). */
	maandelijks: boolean;
	seed: number;
	/** How the size was asked for, for the manifest and the log. */
	omschrijving: string;
	/** Also write made-up gemeente boundaries (geo/gemeenten.geojson, scripts/synthetic/grenzen.ts). */
	grenzen?: boolean;
}

const positiveInt = (flag: string, max: number) =>
	z
		.string()
		.regex(/^\d+$/, `--${flag} verwacht een positief geheel getal`)
		.transform(Number)
		.pipe(
			z
				.number()
				.int()
				.min(1, `--${flag} moet minstens 1 zijn`)
				.max(max, `--${flag} mag hoogstens ${max} zijn`)
		);

/** Raw CLI values (strings and flags), as node:util parseArgs returns them. */
export const cliOptionsSchema = z
	.object({
		gemeenten: positiveInt('gemeenten', MAX_GEMEENTEN).optional(),
		schaal: positiveInt('schaal', Math.floor(MAX_GEMEENTEN / VOORBEELD_GEMEENTEN)).optional(),
		out: z.string({ error: '--out (de uitvoermap) ontbreekt' }).min(1, '--out (de uitvoermap) ontbreekt'),
		seed: z
			.string()
			.regex(/^\d+$/, '--seed verwacht een geheel getal van 0 of meer')
			.transform(Number)
			.pipe(z.number().int().max(4294967295, '--seed mag hoogstens 4294967295 zijn'))
			.optional(),
		jaren: z
			.string()
			.regex(/^\d{4}(-\d{4})?$/, '--jaren verwacht een jaar of een reeks jaren, bijvoorbeeld 2008-2026')
			.transform((text) => {
				const [van, tot = van] = text.split('-').map(Number);
				return { van, tot };
			})
			.refine((j) => j.van <= j.tot, '--jaren: het eerste jaar moet vóór of gelijk aan het laatste jaar liggen')
			.refine(
				(j) => j.van >= JAAR_MIN && j.tot <= JAAR_MAX,
				`--jaren moet binnen ${JAAR_MIN}-${JAAR_MAX} liggen`
			)
			.optional(),
		maandelijks: z.boolean().optional(),
		jaarlijks: z.boolean().optional(),
		grenzen: z.boolean().optional()
	})
	.refine((o) => (o.gemeenten === undefined) !== (o.schaal === undefined), {
		message: 'geef precies één van --gemeenten N of --schaal F',
		path: ['gemeenten']
	})
	.refine((o) => !(o.maandelijks && o.jaarlijks), {
		message: '--maandelijks en --jaarlijks sluiten elkaar uit',
		path: ['maandelijks']
	});
export type CliOptions = z.input<typeof cliOptionsSchema>;

/** Number of centrumregio's for a number of gemeenten: about 8 gemeenten each, at most 43. */
export function regioCount(gemeenten: number): number {
	return Math.min(MAX_REGIOS, Math.max(1, Math.round(gemeenten / 8)));
}

/**
 * Turns validated CLI values into generator options. --gemeenten means a national-scale set
 * (monthly counts, 2000-2038); --schaal F means F times the example set (9 × F gemeenten,
 * yearly counts, 2019-2026).
 */
export function resolveOptions(cli: z.output<typeof cliOptionsSchema>): GeneratorOptions & { out: string } {
	const landelijk = cli.gemeenten !== undefined;
	const gemeenten = cli.gemeenten ?? VOORBEELD_GEMEENTEN * (cli.schaal ?? 1);
	const jaren = cli.jaren ?? (landelijk ? STANDAARD_JAREN_LANDELIJK : STANDAARD_JAREN_SCHAAL);
	const maandelijks = cli.maandelijks ?? (cli.jaarlijks ? false : landelijk);
	return {
		out: cli.out,
		gemeenten,
		regios: regioCount(gemeenten),
		jaarVan: jaren.van,
		jaarTot: jaren.tot,
		maandelijks,
		seed: cli.seed ?? STANDAARD_SEED,
		grenzen: cli.grenzen ?? false,
		omschrijving: landelijk ? `${gemeenten} gemeenten` : `schaal ${cli.schaal}× (${gemeenten} gemeenten)`
	};
}

/** Peildata per year: 12 (the 1st of each month) or 1 (1 January). */
export function peildataPerJaar(options: Pick<GeneratorOptions, 'maandelijks'>): number {
	return options.maandelijks ? 12 : 1;
}

export const DAGBESTEDING_AANBIEDERS_PER_REGIO = 3;
export const PROJECTEN_PER_GEMEENTE = 3;

/** Expected rows per export kind; the generators produce exactly these counts (tested). */
export function rowCounts(options: Omit<GeneratorOptions, 'seed' | 'omschrijving'>): Record<ExportSoort, number> {
	const { gemeenten: n, regios: r } = options;
	const jaren = options.jaarTot - options.jaarVan + 1;
	return {
		gemeenten: n,
		inwoners: n * jaren,
		capaciteit: n * VOORZIENINGSTYPEN.length * DOELGROEPEN.length * jaren * peildataPerJaar(options),
		// A regiototaal row plus one row per gemeente, per year.
		wlz_instroom: jaren * (r + n),
		// One planperiode.
		hkg_opgave: HKG_CATEGORIEEN.length,
		hkg_biedingen: n * HKG_CATEGORIEEN.length * HKG_RONDES.length,
		// Per quarter: one regional aanbieder row per regio, the other aanbieders per gemeente.
		dagbesteding: jaren * 4 * (r + (DAGBESTEDING_AANBIEDERS_PER_REGIO - 1) * n),
		projecten: n * PROJECTEN_PER_GEMEENTE
	};
}
