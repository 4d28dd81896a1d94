/**
 * Queries at scale: every query function of src/lib/server/db/queries (what the views call)
 * against the national store, through our layer, next to the same SQL run directly on DuckDB.
 *
 * - Ours: the exported function, as a route calls it: pin the snapshot, cache lookup, bind,
 *   connection pool, JSON rows, zod parse. The store is opened with `cacheSize: 0`, so every
 *   call runs its SQL (the product keeps 256 results per snapshot; a cached call costs
 *   microseconds and says nothing about the queries).
 * - Direct: the statements that call sent to Snapshot.rows (SQL text and bound parameters,
 *   recorded by wrapping Snapshot.prototype.rows in this process; the product is unchanged),
 *   run on plain @duckdb/node-api connections to the same snapshot file, opened as the product
 *   opens it (read-only, 2 threads), reading every row. A function that sends several
 *   statements (overzicht, gemeenteProfiel) gets two connections, like the product's pool.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { join } from 'node:path';
import * as queries from '../src/lib/server/db/queries';
import { readPointer } from '../src/lib/server/db/layout';
import { bindParams, type Bound, type Params } from '../src/lib/server/db/params';
import { Snapshot } from '../src/lib/server/db/snapshot';
import { closeStore, useStore } from '../src/lib/server/db/store';
import { nationalStore } from './app';
import { int, ms, ratio, table } from './format';
import { latency, maxBy, timed, type Latency } from './stats';
import type { Suite } from './suite';

/** Values found in the store that the parameter sets use, so every call asks for data that exists. */
interface StoreValues {
	peiljaren: number[];
	/** Gemeenten of the store's own region (up to 4). */
	codes: string[];
	hkgPeriode: string;
	wlzJaar: number;
	dagbestedingPeriode: string;
	aanbieder: string;
}

type Call = () => Promise<unknown>;
type QueryName = keyof typeof queries;

/**
 * Per query function the calls that are timed, in turn: the filters the views use (defaults,
 * one gemeente, another sort or measure). Every query function exported by the module must be
 * here or in NOT_QUERIES (checked at run time), so a new one cannot be left out silently.
 */
const CALLS: Partial<Record<QueryName, (v: StoreValues) => Call[]>> = {
	snapshotInfo: () => [() => queries.snapshotInfo()],
	provenance: () => [() => queries.provenance(), () => queries.provenance({ soorten: ['capaciteit', 'inwoners'] })],
	bronVoor: () => [() => queries.bronVoor(['capaciteit', 'inwoners']), () => queries.bronVoor(['hkg_biedingen', 'hkg_opgave'])],
	gemeenten: () => [() => queries.gemeenten()],
	gemeente: (v) => v.codes.map((code) => () => queries.gemeente(code)),
	peiljaren: () => [() => queries.peiljaren()],
	capaciteitPerGemeente: (v) => [
		...v.peiljaren.map((peiljaar) => () => queries.capaciteitPerGemeente({ peiljaar })),
		() => queries.capaciteitPerGemeente({ peiljaar: v.peiljaren[0], sort: 'tekort', measure: 'per_10k' }),
		() => queries.capaciteitPerGemeente({ peiljaar: v.peiljaren[0], gemeentecode: v.codes[0], sort: 'type' })
	],
	capaciteitTotalen: (v) => [
		() => queries.capaciteitTotalen(),
		() => queries.capaciteitTotalen({ peiljaar: v.peiljaren[0], measure: 'per_10k' }),
		() => queries.capaciteitTotalen({ gemeentecode: v.codes[0] })
	],
	capaciteitRegio: (v) => v.peiljaren.map((peiljaar) => () => queries.capaciteitRegio({ peiljaar })),
	capaciteitTrend: () => [() => queries.capaciteitTrend(), () => queries.capaciteitTrend({ measure: 'per_10k', voorzieningstypen: ['crisisopvang', 'skaeve_huse'] })],
	grootsteTekorten: (v) => v.peiljaren.map((peiljaar) => () => queries.grootsteTekorten({ peiljaar })),
	projecten: (v) => [() => queries.projecten(), () => queries.projecten({ gemeentecode: v.codes[0] }), () => queries.projecten({ statussen: ['realisatie', 'in_gebruik'] })],
	planVsTekort: (v) => [() => queries.planVsTekort({ peiljaar: v.peiljaren[0] }), () => queries.planVsTekort({ peiljaar: v.peiljaren[0], gemeentecode: v.codes[0] })],
	wlzRegios: (v) => [() => queries.wlzRegios(), () => queries.wlzRegios({ jaar: v.wlzJaar })],
	wlzEigenRegio: () => [() => queries.wlzEigenRegio()],
	wlzSpreiding: () => [() => queries.wlzSpreiding()],
	wlzPerGemeente: (v) => [() => queries.wlzPerGemeente(), () => queries.wlzPerGemeente({ gemeentecode: v.codes[0] })],
	hkgPeriodes: () => [() => queries.hkgPeriodes()],
	hkgBiedingen: (v) => [() => queries.hkgBiedingen({ periode: v.hkgPeriode }), () => queries.hkgBiedingen({ periode: v.hkgPeriode, gemeentecode: v.codes[0] })],
	hkgTotalen: (v) => [
		() => queries.hkgTotalen({ periode: v.hkgPeriode }),
		() => queries.hkgTotalen({ periode: v.hkgPeriode, perCategorie: true }),
		() => queries.hkgTotalen({ periode: v.hkgPeriode, gemeentecode: v.codes[0] })
	],
	dagbestedingRegio: (v) => [() => queries.dagbestedingRegio(), () => queries.dagbestedingRegio({ gemeentecode: v.codes[0] })],
	dagbestedingPerAanbieder: (v) => [
		() => queries.dagbestedingPerAanbieder(),
		() => queries.dagbestedingPerAanbieder({ periode: v.dagbestedingPeriode }),
		() => queries.dagbestedingPerAanbieder({ aanbieders: [v.aanbieder] })
	],
	overzicht: () => [() => queries.overzicht()],
	gemeenteProfiel: (v) => v.codes.map((code) => () => queries.gemeenteProfiel(code))
};

/** Exported functions of the module that run no SQL: SQL builders and pure reshaping of rows. */
const NOT_QUERIES: readonly QueryName[] = ['capaciteitPerGemeenteSql', 'summariseBronnen', 'wlzKerncijfer', 'dagbestedingKerncijfer'];

/** The query functions in the order of CALLS (by view); throws when the module exports one that CALLS lacks. */
export function queryFunctions(): QueryName[] {
	const exported = (Object.keys(queries) as QueryName[]).filter((name) => typeof queries[name] === 'function' && !NOT_QUERIES.includes(name));
	const missing = exported.filter((name) => !CALLS[name]);
	if (missing.length) throw new Error(`bench/queries.ts: geen aanroepen voor ${missing.join(', ')} (voeg ze toe aan CALLS of NOT_QUERIES)`);
	return Object.keys(CALLS) as QueryName[];
}

async function storeValues(): Promise<StoreValues> {
	const info = await queries.snapshotInfo();
	const codes = (await queries.gemeenten()).filter((g) => g.centrumregio === info.regio_code).map((g) => g.gemeentecode);
	const hkgPeriode = (await queries.hkgPeriodes()).filter((p) => p.laatste_ronde !== null).at(-1)?.periode;
	const wlzJaar = (await queries.wlzEigenRegio()).at(-1)?.jaar;
	const dagbesteding = await queries.dagbestedingPerAanbieder({ gemeentecode: codes[0] });
	const peiljaren = (await queries.peiljaren()).slice(-3).reverse();
	if (!codes.length || !hkgPeriode || wlzJaar === undefined || !dagbesteding.length || !peiljaren.length)
		throw new Error('de landelijke opslag mist gegevens voor de zoekvragen (gemeenten, HKG, Wlz, dagbesteding of capaciteit)');
	return { peiljaren, codes: codes.slice(0, 4), hkgPeriode, wlzJaar, dagbestedingPeriode: dagbesteding.at(-1)!.periode, aanbieder: dagbesteding[0].aanbieder };
}

interface Statement {
	sql: string;
	params: Params;
}

/** Records what Snapshot.rows is asked while `fn` runs; the prototype is restored by `uninstall`. */
function statementRecorder() {
	let recording: Statement[] | null = null;
	const rows = Snapshot.prototype.rows;
	Snapshot.prototype.rows = function (this: Snapshot, sql: string, params: Params = {}) {
		recording?.push({ sql, params });
		return rows.call(this, sql, params);
	};
	return {
		async record(fn: Call): Promise<Statement[]> {
			recording = [];
			try {
				await fn();
				return recording;
			} finally {
				recording = null;
			}
		},
		uninstall: () => void (Snapshot.prototype.rows = rows)
	};
}

type BoundStatement = Bound & { sql: string };

/** Run the statements on the connections, each connection taking the next statement when it is free. */
async function runDirect(connections: readonly DuckDBConnection[], statements: readonly BoundStatement[]): Promise<void> {
	let next = 0;
	await Promise.all(
		connections.slice(0, statements.length).map(async (connection) => {
			while (next < statements.length) {
				const { sql, values, types } = statements[next++];
				(await connection.runAndReadAll(sql, values, types)).getRows();
			}
		})
	);
}

export interface QueryResult {
	functie: string;
	/** Parameter sets the function was called with, in turn. */
	aanroepen: number;
	/** Statements per call (the most of its parameter sets). */
	statements: number;
	eigen: Latency;
	direct: Latency;
	/** Ours ÷ direct, at p50 and at p95. */
	verhoudingP50: number;
	verhoudingP95: number;
}

export interface QueriesBenchResult {
	snapshotId: string;
	samples: number;
	functies: QueryResult[];
}

async function benchQueries({ gemeenten, samples }: { gemeenten: number; samples: number }): Promise<QueriesBenchResult> {
	const paths = await nationalStore(gemeenten);
	const pointer = readPointer(paths.store)!;
	await useStore(paths.store, { cacheSize: 0 });
	const instance = await DuckDBInstance.create(join(paths.store, pointer.file), { access_mode: 'READ_ONLY', threads: '2' });
	const connections = [await instance.connect(), await instance.connect()];
	const recorder = statementRecorder();
	try {
		const values = await storeValues();
		const functies: QueryResult[] = [];
		for (const name of queryFunctions()) {
			const calls = CALLS[name]!(values);
			// The first call of each parameter set is untimed: it records the statements and warms DuckDB's buffers.
			const statements: BoundStatement[][] = [];
			for (const call of calls) statements.push((await recorder.record(call)).map(({ sql, params }) => ({ sql, ...bindParams(sql, params) })));
			for (const s of statements) await runDirect(connections, s);
			const ours: number[] = [];
			const direct: number[] = [];
			for (let i = 0; i < samples; i++) {
				const k = i % calls.length;
				const timeOurs = async () => ours.push((await timed(calls[k])).ms);
				const timeDirect = async () => direct.push((await timed(() => runDirect(connections, statements[k]))).ms);
				// Alternate which goes first, so neither always runs on buffers the other just warmed.
				if (i % 2 === 0) await timeOurs().then(timeDirect);
				else await timeDirect().then(timeOurs);
			}
			const eigen = latency(ours);
			const ref = latency(direct);
			functies.push({
				functie: name,
				aanroepen: calls.length,
				statements: Math.max(...statements.map((s) => s.length)),
				eigen,
				direct: ref,
				verhoudingP50: eigen.p50 / ref.p50,
				verhoudingP95: eigen.p95 / ref.p95
			});
			console.log(`  ${name.padEnd(26)} p50 ${ms(eigen.p50).padStart(9)}  direct ${ms(ref.p50).padStart(9)}`);
		}
		return { snapshotId: pointer.snapshotId, samples, functies };
	} finally {
		recorder.uninstall();
		for (const c of connections) c.disconnectSync();
		instance.closeSync();
		await closeStore();
	}
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export const queriesSuite: Suite<QueriesBenchResult> = {
	name: 'queries',
	title: ({ gemeenten, samples }) =>
		`Zoekvragen: elke zoekfunctie op de landelijke opslag (${gemeenten} gemeenten), ${samples} keer, zonder resultaatcache, naast dezelfde SQL direct op DuckDB`,
	run: ({ gemeenten, samples }) => benchQueries({ gemeenten, samples }),
	print(r) {
		console.log(
			table(
				['functie', 'SQL', 'p50', 'p95', 'direct p50', 'direct p95', 'verh. p50', 'verh. p95'],
				r.functies.map((f) => [f.functie, int(f.statements), ms(f.eigen.p50), ms(f.eigen.p95), ms(f.direct.p50), ms(f.direct.p95), ratio(f.verhoudingP50), ratio(f.verhoudingP95)])
			)
		);
		console.log('SQL: statements per aanroep; verh.: onze laag ÷ direct (1,00 = geen overhead).');
	},
	summary(r) {
		const n = r.functies.length;
		const slowest = maxBy(r.functies, (f) => f.eigen.p95);
		const p50 = sum(r.functies.map((f) => f.eigen.p50));
		const p95 = sum(r.functies.map((f) => f.eigen.p95));
		const directP50 = sum(r.functies.map((f) => f.direct.p50));
		const directP95 = sum(r.functies.map((f) => f.direct.p95));
		return [
			{ meting: `Zoekvragen landelijk, som p50 (${n} functies)`, waarde: ms(p50), referentie: `${ms(directP50)} direct`, verhouding: p50 / directP50 },
			{ meting: `Zoekvragen landelijk, som p95 (${n} functies)`, waarde: ms(p95), referentie: `${ms(directP95)} direct`, verhouding: p95 / directP95 },
			{ meting: `Traagste zoekvraag p95 (${slowest.functie})`, waarde: ms(slowest.eigen.p95), referentie: `${ms(slowest.direct.p95)} direct`, verhouding: slowest.verhoudingP95 }
		];
	}
};
