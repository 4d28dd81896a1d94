/**
 * npm run bench [-- ingest] [--dir DIR] [--gemeenten 342] [--runs 2]
 * Prints the figures and writes bench/results/latest.json (see bench/results/README.md).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchIngest } from './ingest';

const USAGE = 'Gebruik: npm run bench -- [ingest] [--dir MAP] [--gemeenten 342] [--runs 2]';
const nl = new Intl.NumberFormat('nl-NL', { useGrouping: 'always' } as Intl.NumberFormatOptions);
const nl2 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

let parsed;
try {
	parsed = parseArgs({
		allowPositionals: true,
		options: { dir: { type: 'string' }, gemeenten: { type: 'string' }, runs: { type: 'string' } }
	});
} catch (e) {
	console.error(`${(e as Error).message}\n${USAGE}`);
	process.exit(2);
}
const suites = parsed.positionals.length ? parsed.positionals : ['ingest'];
const unknown = suites.filter((s) => s !== 'ingest');
if (unknown.length) {
	console.error(`Onbekende benchmark: ${unknown.join(', ')}. Beschikbaar: ingest.\n${USAGE}`);
	process.exit(2);
}
const gemeenten = Number(parsed.values.gemeenten ?? 342);
const runs = Number(parsed.values.runs ?? 2);
if (!Number.isInteger(gemeenten) || gemeenten < 1 || !Number.isInteger(runs) || runs < 1) {
	console.error(`--gemeenten en --runs moeten positieve gehele getallen zijn.\n${USAGE}`);
	process.exit(2);
}

const resultsFile = 'bench/results/latest.json';
const results: Record<string, unknown> = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};

if (suites.includes('ingest')) {
	console.log('Ingest: onze ingest tegen kale DuckDB read_csv van dezelfde bestanden');
	const r = await benchIngest({ dir: parsed.values.dir ?? `bench/data/national-${gemeenten}`, gemeenten, runs });
	console.log('');
	console.log(`bestanden ${r.bestanden}, rijen ${nl.format(r.rijen)}, ${nl2.format(r.bytes / 1e6)} MB`);
	console.log(`${'meting'.padEnd(26)} ${'beste tijd'.padStart(12)} ${'rijen/s'.padStart(14)}`);
	console.log(`${'kale DuckDB read_csv'.padEnd(26)} ${(nl2.format(Math.min(...r.kaal.seconden)) + ' s').padStart(12)} ${nl.format(Math.round(r.kaal.rijenPerSeconde)).padStart(14)}`);
	console.log(`${'onze ingest'.padEnd(26)} ${(nl2.format(Math.min(...r.ingest.seconden)) + ' s').padStart(12)} ${nl.format(Math.round(r.ingest.rijenPerSeconde)).padStart(14)}`);
	console.log(`verhouding (ingest / kaal): ${nl2.format(r.verhouding)}  — doel ${nl2.format(r.doel)}: ${r.verhouding >= r.doel ? 'gehaald' : 'NIET gehaald'}`);
	results.ingest = { ...r, gemeten: new Date().toISOString() };
}

mkdirSync('bench/results', { recursive: true });
writeFileSync(resultsFile, JSON.stringify(results, null, '\t') + '\n');
console.log(`\nResultaten in ${resultsFile}`);
