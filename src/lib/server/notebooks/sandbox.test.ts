import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFixtureStore, type FixtureStore } from '../../../../tests/helpers/fixture-store';
import { readPointer } from '../db/layout';
import { closeStore, useStore, withSnapshot } from '../db/store';
import { Sandbox, SandboxError, snapshotSandbox } from './sandbox';

let fixture: FixtureStore;
let file: string;
let sandbox: Sandbox;
let scratch: string;

beforeAll(async () => {
	fixture = await buildFixtureStore();
	file = join(fixture.paths.store, readPointer(fixture.paths.store)!.file);
	sandbox = await Sandbox.open(file);
	scratch = mkdtempSync(join(tmpdir(), 'regio-sandbox-'));
});

afterAll(async () => {
	sandbox?.close();
	await closeStore();
	fixture?.cleanup();
	rmSync(scratch, { recursive: true, force: true });
});

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('Sandbox.query', () => {
	test('reads store tables, in the statement order', async () => {
		const result = await sandbox.query('SELECT gemeentecode, naam FROM gemeenten ORDER BY naam DESC');
		expect(result.rows).toEqual([
			{ gemeentecode: 'GM1978', naam: 'Molenlanden' },
			{ gemeentecode: 'GM0512', naam: 'Gorinchem' },
			{ gemeentecode: 'GM0505', naam: 'Dordrecht' }
		]);
		expect(result.columns).toEqual([
			{ name: 'gemeentecode', type: 'VARCHAR', numeric: false },
			{ name: 'naam', type: 'VARCHAR', numeric: false }
		]);
		expect(result).toMatchObject({ truncated: false, tables: ['gemeenten'] });
	});

	test('big integers and decimals become numbers, dates ISO strings, lists and structs JSON', async () => {
		const { rows, columns } = await sandbox.query(
			`SELECT count(*) AS n, sum(bestaand)::HUGEINT AS h, 3.25::DECIMAL(10, 2) AS d, max(peildatum) AS p,
				TIMESTAMP '2024-03-01 09:30:00' AS t, [1, 2] AS l, {'a': 'x'} AS s, true AS b, NULL::INTEGER AS leeg, 1, 1
			FROM capaciteit`
		);
		// capaciteit.csv: 17 rows; bestaand 10+1+5+0+2+0+1+0 (2023) + 11+12+2+5+0+2+0+2+0 (2024) = 53; latest peildatum 2024-07-01.
		expect(rows[0]).toEqual({ n: 17, h: 53, d: 3.25, p: '2024-07-01', t: '2024-03-01T09:30:00', l: '[1,2]', s: '{"a":"x"}', b: true, leeg: null, '1': 1, '1:1': 1 });
		expect(columns.map((c) => [c.name, c.type, c.numeric])).toEqual([
			['n', 'BIGINT', true],
			['h', 'HUGEINT', true],
			['d', 'DECIMAL(10,2)', true],
			['p', 'DATE', false],
			['t', 'TIMESTAMP', false],
			['l', 'INTEGER[]', false],
			['s', 'STRUCT("a" VARCHAR)', false],
			['b', 'BOOLEAN', false],
			['leeg', 'INTEGER', true],
			['1', 'INTEGER', true],
			['1:1', 'INTEGER', true]
		]);
	});

	test('parameters are bound: numbers as INTEGER, text as VARCHAR', async () => {
		const { rows } = await sandbox.query(
			`SELECT typeof($jaar) AS tj, typeof($code) AS tc, sum(inwoners) AS inwoners FROM inwoners WHERE jaar = $jaar AND gemeentecode <> $code`,
			{ jaar: 2024, code: "GM0505' OR 1=1 --" }
		);
		// inwoners.csv 2024: 125000 + 40000 + 50000; the code matches no row, so nothing is excluded.
		expect(rows).toEqual([{ tj: 'INTEGER', tc: 'VARCHAR', inwoners: 215000 }]);
	});

	test('only the store tables, CTEs and range/generate_series/unnest are readable', async () => {
		const { rows } = await sandbox.query('WITH t AS (SELECT * FROM range(3)) SELECT sum(range) AS s, (SELECT count(*) FROM unnest([1, 2])) AS u FROM t');
		expect(rows).toEqual([{ s: 3, u: 2 }]);
		await expect(sandbox.query('SELECT * FROM tekort')).rejects.toThrow(/tabel 'tekort' bestaat niet of mag niet gelezen worden/);
	});

	test('a syntax error is DuckDB’s message', async () => {
		await expect(sandbox.query('SELECT FROM WHERE')).rejects.toThrow(/syntax error/);
	});

	test('identical queries share one result (per snapshot sandbox)', async () => {
		const sql = 'SELECT naam FROM gemeenten ORDER BY naam';
		const [a, b] = await Promise.all([sandbox.query(sql), sandbox.query(sql)]);
		expect(a).toBe(b);
		expect(await sandbox.query(sql)).toBe(a);
	});
});

describe('Sandbox refuses what is not one SELECT on the store', () => {
	const target = () => join(scratch, 'uit.csv');
	const cases: [string, () => string, RegExp][] = [
		['COPY … TO a file', () => `COPY capaciteit TO '${target()}' (HEADER)`, /alleen een SELECT-query is toegestaan \(gevonden: COPY …\)/],
		['COPY (SELECT) TO', () => `COPY (SELECT 1) TO '${target()}'`, /gevonden: COPY/],
		['EXPORT DATABASE', () => `EXPORT DATABASE '${join(scratch, 'export')}'`, /gevonden: EXPORT/],
		['ATTACH another database', () => `ATTACH '${join(scratch, 'ander.duckdb')}' AS ander`, /gevonden: ATTACH/],
		['DETACH the store', () => 'DETACH store', /gevonden: DETACH/],
		['USE another catalog', () => 'USE memory', /gevonden: USE/],
		['INSTALL an extension', () => 'INSTALL httpfs', /gevonden: INSTALL/],
		['LOAD an extension', () => 'LOAD httpfs', /gevonden: LOAD/],
		['SET a setting', () => 'SET enable_external_access = true', /gevonden: SET/],
		['RESET a setting', () => 'RESET lock_configuration', /gevonden: RESET/],
		['PRAGMA that changes things', () => 'PRAGMA enable_profiling', /gevonden: PRAGMA/],
		['PRAGMA setting', () => 'PRAGMA threads = 8', /gevonden: PRAGMA/],
		['CREATE', () => 'CREATE TABLE t AS SELECT 1', /gevonden: CREATE/],
		['CREATE MACRO', () => 'CREATE MACRO m() AS 1', /gevonden: CREATE/],
		['CHECKPOINT', () => 'CHECKPOINT', /gevonden: CHECKPOINT/],
		['CALL', () => 'CALL pragma_version()', /gevonden: CALL/],
		['read_csv', () => "SELECT * FROM read_csv('/etc/passwd')", /tabelfunctie 'read_csv' is niet toegestaan/],
		['read_text', () => "SELECT * FROM read_text('/etc/passwd')", /tabelfunctie 'read_text' is niet toegestaan/],
		['glob', () => "SELECT * FROM glob('/etc/*')", /tabelfunctie 'glob' is niet toegestaan/],
		['a file as a table', () => "SELECT * FROM '/etc/passwd'", /tabel '\/etc\/passwd' bestaat niet of mag niet gelezen worden/],
		['profiling through a table function', () => 'FROM enable_profiling()', /tabelfunctie 'enable_profiling' is niet toegestaan/],
		['query() around another statement', () => `SELECT * FROM query('COPY capaciteit TO ''${target()}''')`, /tabelfunctie 'query' is niet toegestaan/],
		['system views', () => 'SELECT * FROM duckdb_databases()', /tabelfunctie 'duckdb_databases' is niet toegestaan/],
		['information_schema', () => 'SELECT * FROM information_schema.tables', /tabel 'information_schema.tables' bestaat niet/],
		['two statements', () => 'SELECT 1; DROP TABLE capaciteit', /alleen één query per blok is toegestaan \(gevonden: 2 statements\)/],
		['a SELECT hiding a second statement', () => `SELECT 1; COPY capaciteit TO '${target()}'`, /alleen één query per blok/],
		['nothing', () => '-- alleen commentaar', /het blok bevat geen query/]
	];

	let before: string;
	beforeAll(() => {
		before = sha256(file);
	});

	test.each(cases)('%s', async (_, sql, message) => {
		const error = await sandbox.query(sql()).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(SandboxError);
		expect((error as Error).message).toMatch(message);
	});

	test('nothing was written, the store file is unchanged and the sandbox still works', async () => {
		expect(existsSync(target())).toBe(false);
		expect(existsSync(join(scratch, 'export'))).toBe(false);
		expect(existsSync(join(scratch, 'ander.duckdb'))).toBe(false);
		expect(sha256(file)).toBe(before);
		expect((await sandbox.query('SELECT count(*) AS n FROM gemeenten')).rows).toEqual([{ n: 3 }]);
	});

	test('behind the checks, DuckDB itself has no file access and a locked configuration', async () => {
		const { rows } = await sandbox.query(
			"SELECT current_setting('enable_external_access') AS extern, current_setting('lock_configuration') AS slot, current_setting('autoload_known_extensions') AS autoload, current_setting('temp_directory') AS temp"
		);
		expect(rows).toEqual([{ extern: false, slot: true, autoload: false, temp: '' }]);
	});
});

describe('Sandbox limits', () => {
	const slow = 'SELECT sum(a.range * b.range) AS s FROM range(200000) a, range(200000) b';

	test('a query over the time limit is interrupted with a Dutch message; the sandbox stays usable', async () => {
		const quick = await Sandbox.open(file, { timeoutMs: 300, connections: 1 });
		try {
			const started = Date.now();
			const error = await quick.query(slow).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(SandboxError);
			expect((error as Error).message).toBe('duurde langer dan 0,3 seconden en is afgebroken');
			expect(Date.now() - started).toBeLessThan(3000);
			expect((await quick.query('SELECT 42 AS x')).rows).toEqual([{ x: 42 }]);
		} finally {
			quick.close();
		}
	});

	test('the default limit is 5 seconds', async () => {
		const error = await sandbox.query(`${slow} -- default`).catch((e: unknown) => e);
		expect((error as Error).message).toBe('duurde langer dan 5 seconden en is afgebroken');
	}, 20_000);

	test('a result over 10.000 rows is cut off and flagged', async () => {
		const big = await sandbox.query('SELECT range AS n FROM range(25000) ORDER BY n');
		expect(big.rows).toHaveLength(10_000);
		expect(big.truncated).toBe(true);
		expect(big.rows[9_999]).toEqual({ n: 9_999 });
		const exact = await sandbox.query('SELECT range AS n FROM range(10000)');
		expect(exact).toMatchObject({ truncated: false });
		expect(exact.rows).toHaveLength(10_000);
	});

	test('limits can be lowered per query', async () => {
		const result = await sandbox.query('SELECT range AS n FROM range(10)', {}, { maxRows: 4 });
		expect(result.rows.map((r) => r.n)).toEqual([0, 1, 2, 3]);
		expect(result.truncated).toBe(true);
	});

	test('concurrent queries queue for the connections', async () => {
		const one = await Sandbox.open(file, { connections: 1 });
		try {
			const results = await Promise.all([1, 2, 3, 4].map((n) => one.query(`SELECT ${n} AS n, count(*) AS c FROM capaciteit`)));
			expect(results.map((r) => r.rows[0])).toEqual([1, 2, 3, 4].map((n) => ({ n, c: 17 })));
		} finally {
			one.close();
		}
	});

	test('a closed sandbox refuses queries', async () => {
		const closing = await Sandbox.open(file);
		closing.close();
		expect(closing.isClosed).toBe(true);
		expect(() => closing.query('SELECT 1')).toThrow(/closed/);
	});
});

describe('snapshotSandbox', () => {
	test('one sandbox per snapshot; a new snapshot gets its own, the retired one closes when unpinned', async () => {
		const own = await buildFixtureStore();
		try {
			await useStore(own.paths.store, { checkIntervalMs: 0 });
			let release!: () => void;
			const gate = new Promise<void>((resolve) => (release = resolve));
			let oldSandbox!: Sandbox;
			let pinned!: () => void;
			const ready = new Promise<void>((resolve) => (pinned = resolve));
			const request = withSnapshot(async (snapshot) => {
				oldSandbox = await snapshotSandbox(snapshot);
				expect(await snapshotSandbox(snapshot)).toBe(oldSandbox);
				pinned();
				await gate;
				// Still the old snapshot's data: Dordrecht has 125000 inwoners in 2024.
				return (await oldSandbox.query(`SELECT inwoners FROM inwoners WHERE gemeentecode = 'GM0505' AND jaar = 2024`)).rows[0];
			});
			await ready;
			await own.rebuild((dir) => {
				const path = join(dir, 'inwoners.csv');
				writeFileSync(path, readFileSync(path, 'utf8').replace('GM0505;2024;125000', 'GM0505;2024;130000'));
			});
			const newRow = await withSnapshot(async (snapshot) => {
				const sandboxNow = await snapshotSandbox(snapshot);
				expect(sandboxNow).not.toBe(oldSandbox);
				return (await sandboxNow.query(`SELECT inwoners FROM inwoners WHERE gemeentecode = 'GM0505' AND jaar = 2024`)).rows[0];
			});
			expect(newRow).toEqual({ inwoners: 130000 });
			expect(oldSandbox.isClosed).toBe(false);
			release();
			expect(await request).toEqual({ inwoners: 125000 });
			await new Promise((resolve) => setTimeout(resolve, 10));
			expect(oldSandbox.isClosed).toBe(true);
		} finally {
			await closeStore();
			own.cleanup();
		}
	});
});
