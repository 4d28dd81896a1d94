/**
 * npm run generate -- --gemeenten 342 --out DIR [--seed 42] [--jaren 2000-2038] [--maandelijks|--jaarlijks] [--grenzen]
 * npm run generate -- --schaal 10 --out DIR
 *
 * Writes synthetic exports (all eight kinds and manifest.json) for exercising ingest and
 * queries at scale. Same seed and options give byte-identical files.
 */
import { parseArgs } from 'node:util';
import { generateExports } from './synthetic/generate';
import { cliOptionsSchema, resolveOptions, rowCounts } from './synthetic/options';

const USAGE = `Gebruik:
  npm run generate -- --gemeenten N --out MAP [--seed 42] [--jaren 2000-2038] [--maandelijks | --jaarlijks] [--grenzen]
  npm run generate -- --schaal F --out MAP [--seed 42] [--jaren 2019-2026] [--maandelijks] [--grenzen]

  --gemeenten N   landelijke schaal: N gemeenten (max. 2601), capaciteit per maand, standaard 2000-2038
  --schaal F      F keer de voorbeelddata: 9 × F gemeenten, capaciteit per jaar, standaard 2019-2026
  --out MAP       uitvoermap (wordt aangemaakt)
  --seed S        startwaarde van de toevalsgenerator (standaard 42)
  --jaren A-B     jaren, bijvoorbeeld 2008-2026
  --maandelijks   capaciteit per maand (peildatum de 1e van elke maand)
  --jaarlijks     capaciteit per jaar (peildatum 1 januari)
  --grenzen       ook verzonnen gemeentegrenzen (MAP/geo/gemeenten.geojson, Voronoi-vlakken)`;

function fail(message: string): never {
	console.error(`Fout: ${message}\n\n${USAGE}`);
	process.exit(2);
}

function parseCli() {
	try {
		return parseArgs({
			options: {
				gemeenten: { type: 'string' },
				schaal: { type: 'string' },
				out: { type: 'string' },
				seed: { type: 'string' },
				jaren: { type: 'string' },
				maandelijks: { type: 'boolean' },
				jaarlijks: { type: 'boolean' },
				grenzen: { type: 'boolean' },
				help: { type: 'boolean', short: 'h' }
			},
			strict: true,
			allowPositionals: false
		}).values;
	} catch (error) {
		// parseArgs speaks English; name the offending argument in Dutch.
		const detail = error instanceof Error ? (error.message.match(/'([^']+)'/)?.[1] ?? error.message) : String(error);
		fail(`onbekende of onvolledige optie: ${detail}`);
	}
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const nl = (n: number) => n.toLocaleString('nl-NL');

async function main() {
	const raw = parseCli();
	if (raw.help) {
		console.log(USAGE);
		return;
	}
	const { help: _help, ...values } = raw;
	const parsed = cliOptionsSchema.safeParse(values);
	if (!parsed.success) fail(parsed.error.issues.map((issue) => issue.message).join('\n      '));
	const { out, ...options } = resolveOptions(parsed.data);
	const expected = rowCounts(options);
	console.log(
		`Synthetische exports: ${options.omschrijving}, ${options.regios} centrumregio's, ${options.jaarVan}-${options.jaarTot}, ` +
			`capaciteit ${options.maandelijks ? 'maandelijks' : 'jaarlijks'}, seed ${options.seed} → ${out}`
	);
	console.log(`capaciteit: ${nl(expected.capaciteit)} rijen`);
	const started = performance.now();
	const { files, manifest } = await generateExports(out, options, (f) => {
		console.log(`  ${f.bestand.padEnd(18)} ${nl(f.rows).padStart(11)} rijen ${mb(f.bytes).padStart(10)} ${f.seconds.toFixed(2).padStart(7)} s`);
	});
	const total = files.reduce((sum, f) => sum + f.bytes, 0);
	console.log(
		`Klaar: ${files.length} bestanden + manifest.json (regio ${manifest.regio.code} ${manifest.regio.naam}), ` +
			`${mb(total)} in ${((performance.now() - started) / 1000).toFixed(1)} s`
	);
}

main().catch((error) => {
	console.error(`Fout bij genereren: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
