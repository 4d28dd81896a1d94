/**
 * Ingest benchmark: our ingest against a bare DuckDB read_csv of the same files, in the same
 * run, so the ratio holds on a noisy shared machine. Bare means what a user of DuckDB gets
 * without us: CREATE TABLE … AS SELECT * FROM read_csv(file) (auto-detected types) into a
 * file-backed database, and a checkpoint. Ours adds hashing, dialect detection, validation,
 * vocabulary, derived tables and the atomic switch.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { manifestSchema } from '../src/lib/domain/schemas';
import { runIngest } from '../src/lib/server/ingest';

export interface IngestBenchOptions {
	dir: string;
	gemeenten: number;
	runs: number;
}

export interface IngestBenchResult {
	dir: string;
	bestanden: number;
	rijen: number;
	bytes: number;
	kaal: { seconden: number[]; rijenPerSeconde: number };
	ingest: { seconden: number[]; rijenPerSeconde: number };
	verhouding: number;
	doel: number;
}

export const INGEST_TARGET_RATIO = 0.7;

function ensureData(dir: string, gemeenten: number): void {
	if (existsSync(join(dir, 'manifest.json'))) return;
	console.log(`Synthetische exports maken in ${dir} (${gemeenten} gemeenten)…`);
	const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate.ts', '--gemeenten', String(gemeenten), '--out', dir], { stdio: 'inherit' });
	if (result.status !== 0) throw new Error('npm run generate is mislukt');
}

async function bareReadCsv(files: string[]): Promise<{ seconds: number; rows: number }> {
	const root = mkdtempSync(join(tmpdir(), 'bench-bare-'));
	try {
		const started = performance.now();
		const instance = await DuckDBInstance.create(join(root, 'bare.duckdb'));
		const con = await instance.connect();
		let rows = 0;
		for (const [i, file] of files.entries()) {
			await con.run(`CREATE TABLE t${i} AS SELECT * FROM read_csv($file)`, { file });
			rows += Number((await con.runAndReadAll(`SELECT count(*) FROM t${i}`)).getRows()[0][0]);
		}
		await con.run('CHECKPOINT');
		con.closeSync();
		instance.closeSync();
		return { seconds: (performance.now() - started) / 1000, rows };
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

async function ourIngest(dir: string): Promise<{ seconds: number; rows: number }> {
	const root = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
	try {
		const started = performance.now();
		const report = await runIngest({ paths: { exports: dir, store: join(root, 'store'), reports: join(root, 'reports') }, force: true });
		const seconds = (performance.now() - started) / 1000;
		if (!report.ok) throw new Error(`ingest mislukt: ${report.errors.slice(0, 3).map((e) => e.melding).join(' | ')}`);
		return { seconds, rows: report.files.reduce((n, f) => n + f.rijen, 0) };
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

export async function benchIngest(options: IngestBenchOptions): Promise<IngestBenchResult> {
	const dir = resolve(options.dir);
	ensureData(dir, options.gemeenten);
	const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
	const files = manifest.bestanden.map((b) => join(dir, b.bestand));
	if (files.some((f) => !f.endsWith('.csv'))) throw new Error('de ingest-benchmark vergelijkt met read_csv: alleen CSV-exports');
	const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
	const bare: number[] = [];
	const ours: number[] = [];
	let rows = 0;
	// Alternate, so both see the same machine state; report the fastest run of each.
	for (let run = 1; run <= options.runs; run++) {
		const b = await bareReadCsv(files);
		bare.push(b.seconds);
		const o = await ourIngest(dir);
		ours.push(o.seconds);
		if (b.rows !== o.rows) throw new Error(`rijen verschillen: kaal ${b.rows}, ingest ${o.rows}`);
		rows = o.rows;
		console.log(`  ronde ${run}: kaal read_csv ${b.seconds.toFixed(2)} s, ingest ${o.seconds.toFixed(2)} s`);
	}
	const bestBare = Math.min(...bare);
	const bestOurs = Math.min(...ours);
	return {
		dir,
		bestanden: files.length,
		rijen: rows,
		bytes,
		kaal: { seconden: bare, rijenPerSeconde: rows / bestBare },
		ingest: { seconden: ours, rijenPerSeconde: rows / bestOurs },
		verhouding: bestBare / bestOurs,
		doel: INGEST_TARGET_RATIO
	};
}
