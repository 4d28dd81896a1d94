/**
 * Ingest benchmark: our ingest against a bare DuckDB read_csv of the same files, in the same
 * run, so the ratio holds on a noisy shared machine. Bare means what a user of DuckDB gets
 * without us: CREATE TABLE … AS SELECT * FROM read_csv(file) (auto-detected types) into a
 * file-backed database, and a checkpoint. Ours adds hashing, dialect detection, validation,
 * vocabulary, derived tables and the atomic switch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { exportFiles, generated, generatedDir, ingestInto, nationalStoreRoot } from './app';
import { dec, int, mb, ratio, seconds, table } from './format';
import type { Suite } from './suite';

export const INGEST_TARGET_RATIO = 0.7;

export interface IngestComparison {
	dir: string;
	bestanden: number;
	rijen: number;
	bytes: number;
	kaal: { seconden: number[]; rijenPerSeconde: number };
	ingest: { seconden: number[]; rijenPerSeconde: number };
	/** Rows/s of our ingest ÷ rows/s of bare read_csv, fastest run of each. */
	verhouding: number;
}

export interface IngestBenchResult extends IngestComparison {
	doel: number;
	gehaald: boolean;
}

async function bareReadCsv(files: readonly string[]): Promise<{ seconds: number; rows: number }> {
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

/**
 * Alternate bare read_csv and our ingest `runs` times, so both see the same machine state, and
 * compare the fastest run of each. Our ingest builds its store in `storeRoot` (emptied before
 * every run; the last run's store stays there) or in a temporary directory.
 */
export async function compareIngest(exportsDir: string, { runs, storeRoot }: { runs: number; storeRoot?: string }): Promise<IngestComparison> {
	const dir = resolve(exportsDir);
	const { files, bytes } = exportFiles(dir);
	if (files.some((f) => !f.endsWith('.csv'))) throw new Error('de ingest-benchmark vergelijkt met read_csv: alleen CSV-exports');
	const tmp = storeRoot ? undefined : mkdtempSync(join(tmpdir(), 'bench-ingest-'));
	const bare: number[] = [];
	const ours: number[] = [];
	let rows = 0;
	try {
		for (let run = 1; run <= runs; run++) {
			const b = await bareReadCsv(files);
			bare.push(b.seconds);
			const o = await ingestInto(dir, storeRoot ?? tmp!);
			ours.push(o.seconds);
			if (b.rows !== o.rows) throw new Error(`rijen verschillen: kaal ${b.rows}, ingest ${o.rows}`);
			rows = o.rows;
			console.log(`  ronde ${run}: kaal read_csv ${dec(b.seconds, 2)} s, ingest ${dec(o.seconds, 2)} s`);
		}
	} finally {
		if (tmp) rmSync(tmp, { recursive: true, force: true });
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
		verhouding: bestBare / bestOurs
	};
}

export const ingestSuite: Suite<IngestBenchResult> = {
	name: 'ingest',
	title: ({ gemeenten, dir }) => `Inlezen: onze ingest tegen kale DuckDB read_csv van dezelfde bestanden (${dir ?? `landelijk, ${gemeenten} gemeenten`})`,
	async run({ gemeenten, dir, runs }) {
		// The generated national set keeps its store for the queries and pages suites; other exports ingest into a temporary directory.
		const national = dir === undefined || resolve(dir) === generatedDir({ gemeenten });
		const exportsDir = national ? generated({ gemeenten }) : dir!;
		const comparison = await compareIngest(exportsDir, { runs, storeRoot: national ? nationalStoreRoot(gemeenten) : undefined });
		return { ...comparison, doel: INGEST_TARGET_RATIO, gehaald: comparison.verhouding >= INGEST_TARGET_RATIO };
	},
	print(r) {
		console.log(`bestanden ${r.bestanden}, rijen ${int(r.rijen)}, ${mb(r.bytes)}`);
		console.log(
			table(
				['meting', 'beste tijd', 'rijen/s'],
				[
					['kale DuckDB read_csv', seconds(Math.min(...r.kaal.seconden)), int(r.kaal.rijenPerSeconde)],
					['onze ingest', seconds(Math.min(...r.ingest.seconden)), int(r.ingest.rijenPerSeconde)]
				]
			)
		);
		console.log(`verhouding (ingest / kaal): ${ratio(r.verhouding)} — doel ≥ ${ratio(r.doel)}: ${r.gehaald ? 'gehaald' : 'NIET gehaald'}`);
	},
	summary: (r) => [
		{
			meting: `Inlezen (${int(r.rijen)} rijen), rijen/s`,
			waarde: int(r.ingest.rijenPerSeconde),
			referentie: `${int(r.kaal.rijenPerSeconde)} kale read_csv`,
			verhouding: r.verhouding,
			doel: `≥ ${ratio(r.doel)}`,
			gehaald: r.gehaald
		}
	]
};
