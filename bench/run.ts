/**
 * npm run bench [-- ingest|views|exports] [--dir DIR] [--gemeenten 342] [--runs 2] [--duration 5] [--connections 32]
 * Prints the figures and writes bench/results/latest.json (see bench/results/README.md).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchExports } from './deck';
import { benchIngest } from './ingest';
import { benchViews } from './views';

const USAGE = 'Gebruik: npm run bench -- [ingest] [views] [exports] [--dir MAP] [--gemeenten 342] [--runs 2] [--duration 5] [--connections 32]';
const SUITES = ['ingest', 'views', 'exports'];
const nl = new Intl.NumberFormat('nl-NL', { useGrouping: 'always' } as Intl.NumberFormatOptions);
const nl2 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

let parsed;
try {
	parsed = parseArgs({
		allowPositionals: true,
		options: {
			dir: { type: 'string' },
			gemeenten: { type: 'string' },
			runs: { type: 'string' },
			duration: { type: 'string' },
			connections: { type: 'string' }
		}
	});
} catch (e) {
	console.error(`${(e as Error).message}\n${USAGE}`);
	process.exit(2);
}
const suites = parsed.positionals.length ? parsed.positionals : ['ingest'];
const unknown = suites.filter((s) => !SUITES.includes(s));
if (unknown.length) {
	console.error(`Onbekende benchmark: ${unknown.join(', ')}. Beschikbaar: ${SUITES.join(', ')}.\n${USAGE}`);
	process.exit(2);
}
const gemeenten = Number(parsed.values.gemeenten ?? 342);
const runs = Number(parsed.values.runs ?? 2);
const duration = Number(parsed.values.duration ?? 5);
const connections = Number(parsed.values.connections ?? 32);
if (![gemeenten, runs, duration, connections].every((n) => Number.isInteger(n) && n >= 1)) {
	console.error(`--gemeenten, --runs, --duration en --connections moeten positieve gehele getallen zijn.\n${USAGE}`);
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

if (suites.includes('views')) {
	console.log(`Pagina's: ${connections} gelijktijdige verbindingen, ${duration} s per pagina, voorbeeldgegevens`);
	const r = await benchViews({ duration, connections });
	const ms = (n: number) => `${nl2.format(n)} ms`;
	const kb = (n: number) => `${nl2.format(n / 1024)} KB`;
	console.log('');
	console.log(
		`${'pagina'.padEnd(18)} ${'eerste'.padStart(10)} ${'req/s'.padStart(8)} ${'p50'.padStart(10)} ${'p95'.padStart(10)} ${'p99'.padStart(10)} ${'fouten'.padStart(7)} ${'niet-2xx'.padStart(9)} ${'p95<50'.padStart(7)} ${'JS gzip'.padStart(11)} ${'<150KB'.padStart(7)}`
	);
	for (const v of r.views) {
		console.log(
			`${v.path.padEnd(18)} ${ms(v.eersteMs).padStart(10)} ${nl.format(Math.round(v.requestsPerSecond)).padStart(8)} ${ms(v.latencyMs.p50).padStart(10)} ${ms(v.latencyMs.p95).padStart(10)} ${ms(v.latencyMs.p99).padStart(10)} ${nl.format(v.errors + v.timeouts).padStart(7)} ${nl.format(v.non2xx).padStart(9)} ${(v.p95Gehaald ? 'ja' : 'NEE').padStart(7)} ${kb(v.js.gzipBytes).padStart(11)} ${(v.js.gehaald ? 'ja' : 'NEE').padStart(7)}`
		);
	}
	const gehaald = r.views.every((v) => v.p95Gehaald && v.js.gehaald);
	console.log(`\nDoel: p95 < ${r.doelP95Ms} ms zonder fouten, JavaScript < ${kb(r.doelJsBytes)} gzip per pagina — ${gehaald ? 'gehaald' : 'NIET overal gehaald'}`);
	results.views = { ...r, gemeten: new Date().toISOString() };
}

if (suites.includes('exports')) {
	console.log('Exports: PNG 1920×1080 per grafiek (mediaan van 3) en een presentatie van 12 grafieken, voorbeeldgegevens');
	const r = await benchExports({ runs: 3 });
	const ms = (n: number) => `${nl.format(Math.round(n))} ms`;
	console.log('');
	console.log(`${'grafiek'.padEnd(30)} ${'laden'.padStart(9)} ${'PNG mediaan'.padStart(12)} ${'PNG KB'.padStart(9)} ${'<300 ms'.padStart(8)}`);
	for (const p of r.png) {
		if (!p.beschikbaar) {
			console.log(`${p.id.padEnd(30)} ${'geen gegevens in deze set'.padStart(41)}`);
			continue;
		}
		console.log(`${p.id.padEnd(30)} ${ms(p.laadMs!).padStart(9)} ${ms(p.medianMs!).padStart(12)} ${nl2.format(p.bytes! / 1024).padStart(9)} ${(p.gehaald ? 'ja' : 'NEE').padStart(8)}`);
	}
	const d = r.deck;
	console.log(
		`\nPresentatie (GET /deck.pptx, ${d.charts.length} grafieken, ${d.slides} dia's, ${nl2.format(d.bytes / 1e6)} MB): eerste ${ms(d.eersteMs)}, mediaan ${ms(d.medianMs)} — doel < ${ms(r.doelDeckMs)}: ${d.gehaald ? 'gehaald' : 'NIET gehaald'}`
	);
	const pngGehaald = r.png.every((p) => !p.beschikbaar || p.gehaald);
	console.log(`PNG: doel < ${ms(r.doelPngMs)} per grafiek — ${pngGehaald ? 'gehaald' : 'NIET overal gehaald'}`);
	results.exports = { ...r, gemeten: new Date().toISOString() };
}

mkdirSync('bench/results', { recursive: true });
writeFileSync(resultsFile, JSON.stringify(results, null, '\t') + '\n');
console.log(`\nResultaten in ${resultsFile}`);
