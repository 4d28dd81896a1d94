/**
 * Writes a complete synthetic export set (all eight kinds and a manifest.json) into a
 * directory, in the formats of the real exports. Used by `npm run generate` to exercise
 * ingest and queries at national scale.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXPORT_SOORTEN, type ExportSoort } from '../../src/lib/domain/exports';
import { manifestSchema, type Manifest } from '../../src/lib/domain/schemas';
import { capaciteitLines, peildata } from './capaciteit';
import { DUTCH_EXCEL, DUTCH_EXCEL_DATES, PLAIN_CSV, formatRow, headerLine, writeCsv, type CsvDialect, type WriteResult } from './csv';
import {
	dagbestedingRows,
	gemeentenRows,
	hkgBiedingenRows,
	hkgOpgaveRows,
	inwonersRows,
	planperiode,
	projectenRows,
	rondeDatum,
	wlzInstroomRows
} from './kinds';
import type { GeneratorOptions } from './options';
import { buildWorld, hoofdregio, type World } from './world';
import { gemeenteGrenzen } from './grenzen';

/** Dialect per kind: capaciteit as Dutch Excel writes it, the rest a mix. */
export const DIALECTS: Record<ExportSoort, CsvDialect> = {
	gemeenten: DUTCH_EXCEL,
	inwoners: PLAIN_CSV,
	capaciteit: DUTCH_EXCEL,
	wlz_instroom: PLAIN_CSV,
	hkg_opgave: DUTCH_EXCEL,
	hkg_biedingen: DUTCH_EXCEL_DATES,
	dagbesteding: PLAIN_CSV,
	projecten: PLAIN_CSV
};

export const fileName = (soort: ExportSoort) => `${soort}.csv`;

/** CSV lines of one kind (without header), for the given world. */
export function linesOf(soort: ExportSoort, world: World, options: GeneratorOptions): Iterable<string> {
	const dialect = DIALECTS[soort];
	if (soort === 'capaciteit') return capaciteitLines(world, options, dialect.separator);
	const rows: Iterable<object> = {
		gemeenten: () => gemeentenRows(world),
		inwoners: () => inwonersRows(world, options),
		wlz_instroom: () => wlzInstroomRows(world, options),
		hkg_opgave: () => hkgOpgaveRows(world, options),
		hkg_biedingen: () => hkgBiedingenRows(world, options),
		dagbesteding: () => dagbestedingRows(world, options),
		projecten: () => projectenRows(world, options)
	}[soort]();
	return (function* () {
		for (const row of rows) yield formatRow(soort, row as Record<string, unknown>, dialect);
	})();
}

/** The manifest of a generated set: every file illustratief, with the seed in the bron. */
export function buildManifest(world: World, options: GeneratorOptions): Manifest {
	const regio = hoofdregio(world);
	const laatsteJaar = `${options.jaarTot}-01-01`;
	const peildatum: Record<ExportSoort, string> = {
		gemeenten: laatsteJaar,
		inwoners: laatsteJaar,
		capaciteit: peildata(options).at(-1)!.datum,
		wlz_instroom: laatsteJaar,
		hkg_opgave: rondeDatum('voorlopig', planperiode(options).van),
		hkg_biedingen: rondeDatum('definitief', planperiode(options).van),
		dagbesteding: laatsteJaar,
		projecten: `${options.jaarTot - 1}-12-31`
	};
	return manifestSchema.parse({
		regio: { code: regio.code, naam: regio.naam },
		bestanden: EXPORT_SOORTEN.map((soort) => ({
			bestand: fileName(soort),
			soort,
			bron: `Synthetische data (npm run generate, seed ${options.seed})`,
			peildatum: peildatum[soort],
			illustratief: true,
			toelichting: `Gegenereerd voor ${options.omschrijving}, ${options.jaarVan}-${options.jaarTot}, capaciteit ${options.maandelijks ? 'maandelijks' : 'jaarlijks'}. Verzonnen gemeenten en aantallen.`
		}))
	});
}

export interface GenerateResult {
	files: (WriteResult & { soort: ExportSoort; bestand: string })[];
	manifest: Manifest;
}

/** Generates all kinds into `out` (created if missing); `onFile` reports each file as it is done. */
export async function generateExports(
	out: string,
	options: GeneratorOptions,
	onFile: (file: GenerateResult['files'][number]) => void = () => {}
): Promise<GenerateResult> {
	await mkdir(out, { recursive: true });
	const world = buildWorld(options);
	const files: GenerateResult['files'] = [];
	for (const soort of EXPORT_SOORTEN) {
		const dialect = DIALECTS[soort];
		const result = await writeCsv(join(out, fileName(soort)), headerLine(soort, dialect), linesOf(soort, world, options), dialect);
		const file = { soort, bestand: fileName(soort), ...result };
		files.push(file);
		onFile(file);
	}
	const manifest = buildManifest(world, options);
	await writeFile(join(out, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
	if (options.grenzen) {
		// Beside the exports, where the ingest looks for a boundaries file (not in the manifest).
		await mkdir(join(out, 'geo'), { recursive: true });
		await writeFile(join(out, 'geo', 'gemeenten.geojson'), JSON.stringify(gemeenteGrenzen(world)));
	}
	return { files, manifest };
}
