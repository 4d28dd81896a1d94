/**
 * npm run bench [-- SUITE …] [--gemeenten 342] [--dir DIR] [--runs 2] [--samples 20] [--duration 15] [--connections 32]
 * Without a suite: all of them, in order, ending with one summary table. Prints the figures and
 * writes bench/results/latest.json (see bench/results/README.md for what each figure means).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { ratio, seconds, table, yesNo } from './format';
import type { BenchOptions, Suite, SummaryLine } from './suite';

/** In the order of a full run; each loaded only when it runs (the ingest suite needs no browser or chart code). */
const SUITES: Record<string, () => Promise<Suite<unknown>>> = {
	ingest: async () => (await import('./ingest')).ingestSuite as Suite<unknown>,
	queries: async () => (await import('./queries')).queriesSuite as Suite<unknown>,
	pages: async () => (await import('./pages')).pagesSuite as Suite<unknown>,
	browser: async () => (await import('./browser')).browserSuite as Suite<unknown>,
	exports: async () => (await import('./exports')).exportsSuite as Suite<unknown>,
	growth: async () => (await import('./growth')).growthSuite as Suite<unknown>,
	intake: async () => (await import('./intake')).intakeSuite as Suite<unknown>,
	disclosure: async () => (await import('./disclosure')).disclosureSuite as Suite<unknown>,
	workers: async () => (await import('./workers')).workersSuite as Suite<unknown>
};
const NAMES = Object.keys(SUITES);
/** Older names that still work: `views` was pages and browser in one suite. */
const ALIASES: Record<string, string[]> = { views: ['pages', 'browser'] };
const USAGE = `Gebruik: npm run bench -- [${NAMES.join('|')} …] [--gemeenten 342] [--dir MAP] [--runs 2] [--samples 20] [--duration 15] [--connections 32]
  zonder benchmark: alle, op volgorde, met één samenvattende tabel`;
const RESULTS_FILE = 'bench/results/latest.json';

function fail(message: string): never {
	console.error(`${message}\n${USAGE}`);
	process.exit(2);
}

function parseCli(): { suites: string[]; options: BenchOptions } {
	let parsed;
	try {
		parsed = parseArgs({
			allowPositionals: true,
			options: {
				dir: { type: 'string' },
				gemeenten: { type: 'string', default: '342' },
				runs: { type: 'string', default: '2' },
				samples: { type: 'string', default: '20' },
				duration: { type: 'string', default: '15' },
				connections: { type: 'string', default: '32' }
			}
		});
	} catch (e) {
		fail((e as Error).message);
	}
	const names = parsed.positionals.flatMap((name) => ALIASES[name] ?? [name]);
	const unknown = names.filter((name) => !NAMES.includes(name));
	if (unknown.length) fail(`Onbekende benchmark: ${unknown.join(', ')}. Beschikbaar: ${NAMES.join(', ')}.`);
	const { dir, ...numbers } = parsed.values;
	const options = Object.fromEntries(Object.entries(numbers).map(([key, value]) => [key, Number(value)]));
	if (!Object.values(options).every((n) => Number.isInteger(n) && n >= 1)) fail('--gemeenten, --runs, --samples, --duration en --connections moeten positieve gehele getallen zijn.');
	return {
		suites: names.length ? NAMES.filter((name) => names.includes(name)) : NAMES,
		options: { ...(options as Omit<BenchOptions, 'dir'>), dir }
	};
}

function printSummary(lines: readonly SummaryLine[]): void {
	console.log(
		table(
			['meting', 'waarde', 'referentie', 'verhouding', 'doel', 'gehaald'],
			lines.map((l) => [l.meting, l.waarde, l.referentie, ratio(l.verhouding), l.doel ?? '', l.gehaald === undefined ? '' : yesNo(l.gehaald)])
		)
	);
}

const { suites, options } = parseCli();
const previous: Record<string, unknown> = existsSync(RESULTS_FILE) ? JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) : {};
// Keep the figures of suites not run now; drop those of suites that no longer exist.
const results: Record<string, unknown> = Object.fromEntries(NAMES.filter((name) => name in previous).map((name) => [name, previous[name]]));
const samenvatting: Record<string, SummaryLine[]> = { ...(previous.samenvatting as Record<string, SummaryLine[]> | undefined) };
const summary: SummaryLine[] = [];
const failed: string[] = [];
const started = performance.now();

for (const name of suites) {
	const suiteStarted = performance.now();
	try {
		const suite = await SUITES[name]();
		console.log(`\n== ${suite.title(options)}`);
		const result = await suite.run(options);
		console.log('');
		suite.print(result);
		const lines = suite.summary(result);
		summary.push(...lines);
		samenvatting[name] = lines;
		results[name] = { ...(result as object), gemeten: new Date().toISOString(), seconden: (performance.now() - suiteStarted) / 1000 };
	} catch (error) {
		// One failing suite must not cost the figures of the others in a 10-minute run.
		failed.push(name);
		console.error(`\n${name} mislukt: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
	}
	console.log(`(${name}: ${seconds((performance.now() - suiteStarted) / 1000)})`);
}

const totalSeconds = (performance.now() - started) / 1000;
mkdirSync('bench/results', { recursive: true });
writeFileSync(
	RESULTS_FILE,
	JSON.stringify(
		{
			...Object.fromEntries(NAMES.filter((name) => name in results).map((name) => [name, results[name]])),
			samenvatting,
			laatsteRun: { suites, mislukt: failed, seconden: totalSeconds, opties: options, gemeten: new Date().toISOString() },
			machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, platform: process.platform }
		},
		null,
		'\t'
	) + '\n'
);

console.log('\n== Samenvatting');
printSummary(summary);
console.log(`\nverhouding: waarde ÷ referentie, gemeten in dezelfde run. Looptijd ${seconds(totalSeconds)}. Resultaten in ${RESULTS_FILE}.`);
if (failed.length) {
	console.error(`Mislukt: ${failed.join(', ')}`);
	process.exit(1);
}
