import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useFixtureStore } from '../../../../tests/helpers/fixture-store';
import { FilterError } from '../../filters';
import { resolveText } from '../../notebooks/inline';
import { parseNotebook } from '../../notebooks/parse';
import type { Notebook, SqlBlock } from '../../notebooks/types';
import { readPointer } from '../db/layout';
import { composeSql, runNotebook } from './run';

const fixture = useFixtureStore({ beforeAll, afterAll });

const FENCE = '```';
const lines = (...parts: string[]) => parts.join('\n');
const notebook = (source: string) => parseNotebook(source, { slug: 'test', file: 'notebooks/test.md' });
const run = (nb: Notebook, query = '', options = {}) => runNotebook(nb, new URLSearchParams(query), options);

// Fixture capaciteit_jaar (only each gemeente's latest peildatum of a peiljaar counts), tekort = max(behoefte − bestaand, 0):
//   2024: GM0505 (2024-07-01) 3 + 1 + 1 + 8 = 13; GM0512 (2024-01-01) 2 + 3 = 5; GM1978 0 + 2 = 2 → regio 20
//   2023: GM0505 4 + 2 + 1 + 8 = 15; GM0512 2 + 3 = 5; GM1978 1 + 2 = 3 → regio 23
// Inwoners 2024: 125000, 40000, 50000; 2023: 120000, 40000, 40000.
const CHAINED = lines(
	'---', //  1
	'title: Tekort per gemeente', //  2
	'parameters:', //  3
	'  - { name: peiljaar, label: Peiljaar, type: integer, default: 2024, min: 2023, max: 2024 }', //  4
	'  - { name: gemeente, label: Gemeente, type: choice, values_from: gemeentelijst, default: GM0505 }', //  5
	'---', //  6
	`${FENCE}sql gemeentelijst`, //  7
	'SELECT gemeentecode, naam FROM gemeenten ORDER BY naam', //  8
	FENCE, //  9
	`${FENCE}sql per_gemeente`, // 10
	'SELECT gemeentecode, naam, sum(tekort) AS tekort, max(inwoners) AS inwoners', // 11
	'FROM capaciteit_jaar', // 12
	'WHERE peiljaar = $peiljaar', // 13
	'GROUP BY ALL', // 14
	'ORDER BY tekort DESC, naam; -- grootste eerst', // 15
	FENCE, // 16
	`${FENCE}sql gekozen`, // 17
	'WITH g AS (SELECT * FROM per_gemeente WHERE gemeentecode = $gemeente)', // 18
	'SELECT naam, tekort, round(tekort * 10000.0 / inwoners, 2) AS per_10k FROM g', // 19
	FENCE, // 20
	`${FENCE}sql regio`, // 21
	'SELECT sum(tekort) AS tekort, count(*) AS gemeenten FROM per_gemeente', // 22
	FENCE, // 23
	`${FENCE}sql oplopend`, // 24
	'WITH x AS (SELECT naam, tekort FROM per_gemeente)', // 25
	'SELECT naam FROM x ORDER BY tekort', // 26
	FENCE, // 27
	`${FENCE}sql peildatum`, // 28
	'SELECT max(peildatum) AS peildatum FROM capaciteit_jaar WHERE peiljaar = $peiljaar', // 29
	FENCE // 30
);

describe('runNotebook: chained blocks with parameters', () => {
	test('defaults: every block runs, reading earlier blocks, with the parameters bound', async () => {
		const result = await run(notebook(CHAINED));
		expect(result.parameters).toEqual({ peiljaar: '2024', gemeente: 'GM0505' });
		expect(result.parameterValues).toEqual({
			gemeente: [
				{ value: 'GM0505', label: 'Dordrecht' },
				{ value: 'GM0512', label: 'Gorinchem' },
				{ value: 'GM1978', label: 'Molenlanden' }
			]
		});
		const { results } = result;
		expect(Object.values(results).map((r) => r.error)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
		expect(results.per_gemeente.rows).toEqual([
			{ gemeentecode: 'GM0505', naam: 'Dordrecht', tekort: 13, inwoners: 125000 },
			{ gemeentecode: 'GM0512', naam: 'Gorinchem', tekort: 5, inwoners: 40000 },
			{ gemeentecode: 'GM1978', naam: 'Molenlanden', tekort: 2, inwoners: 50000 }
		]);
		// 13 × 10000 / 125000 = 1.04
		expect(results.gekozen.rows).toEqual([{ naam: 'Dordrecht', tekort: 13, per_10k: 1.04 }]);
		expect(results.regio.rows).toEqual([{ tekort: 20, gemeenten: 3 }]);
		// The block's own WITH and ORDER BY survive the composition: 2, 5, 13.
		expect(results.oplopend.rows.map((r) => r.naam)).toEqual(['Molenlanden', 'Gorinchem', 'Dordrecht']);
		expect(results.peildatum.rows).toEqual([{ peildatum: '2024-07-01' }]);
		expect(results.peildatum.columns).toEqual([{ name: 'peildatum', type: 'DATE', numeric: false }]);
	});

	test('URL parameters choose the year and the gemeente', async () => {
		const { parameters, results } = await run(notebook(CHAINED), 'peiljaar=2023&gemeente=GM0512');
		expect(parameters).toEqual({ peiljaar: '2023', gemeente: 'GM0512' });
		expect(results.per_gemeente.rows.map((r) => [r.naam, r.tekort])).toEqual([
			['Dordrecht', 15],
			['Gorinchem', 5],
			['Molenlanden', 3]
		]);
		// 5 × 10000 / 40000 = 1.25
		expect(results.gekozen.rows).toEqual([{ naam: 'Gorinchem', tekort: 5, per_10k: 1.25 }]);
		expect(results.regio.rows).toEqual([{ tekort: 23, gemeenten: 3 }]);
	});

	test('inline values resolve against the run', async () => {
		const result = await run(notebook(CHAINED));
		expect(resolveText('{gekozen.naam}: {gekozen.tekort} plekken ({gekozen.per_10k|decimaal} per 10.000) op {peildatum.peildatum}, {peiljaar}', result)).toBe(
			'Dordrecht: 13 plekken (1,0 per 10.000) op 1 juli 2024, 2024'
		);
	});

	test('tables read directly or through earlier blocks, and their source lines from the provenance', async () => {
		const { results, sources } = await run(notebook(CHAINED));
		expect(results.gemeentelijst.tables).toEqual(['gemeenten']);
		expect(results.gekozen.tables).toEqual(['capaciteit_jaar']);
		expect(sources.gemeentelijst).toMatchObject({ bron: 'Testset gemeenten', peildatum: '2024-01-01', illustratief: false, afscherming: 'Aantallen onder 5 zijn afgeschermd (AVG).', soorten: ['gemeenten'] });
		// capaciteit_jaar is built from capaciteit, gemeenten and inwoners (manifest.json).
		expect(sources.gekozen).toMatchObject({ bron: 'Testset gemeenten; CBS StatLine (testset); Capaciteitsonderzoek (testset)', peildatum: '2024-07-01', illustratief: true, afscherming: 'Aantallen onder 5 zijn afgeschermd (AVG).'  });
		// The footer links to the chart's own source first, and flags figures more than a year old (these are from 2024).
		expect(sources.gekozen.soorten?.[0]).toBe('capaciteit');
		expect(sources.gekozen.verouderd ?? '').toMatch(/^Let op: de cijfers van .*Capaciteit en behoefte.* zijn meer dan een jaar oud\.$/);
	});

	test('an invalid parameter is a FilterError with the views’ wording', async () => {
		await expect(run(notebook(CHAINED), 'peiljaar=2030')).rejects.toThrow(
			new FilterError('peiljaar', "Ongeldige waarde voor parameter 'peiljaar': '2030'. Toegestaan: een geheel getal van 2023 t/m 2024.")
		);
		const error = await run(notebook(CHAINED), 'gemeente=GM9999').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(FilterError);
		expect((error as Error).message).toBe("Ongeldige waarde voor parameter 'gemeente': 'GM9999'. Toegestaan: een van: GM0505, GM0512, GM1978.");
	});
});

describe('runNotebook: failures stay in their block', () => {
	const BROKEN = lines(
		'---', //  1
		'title: Kapot', //  2
		'parameters:', //  3
		'  - { name: keuze, label: Keuze, type: choice, values_from: lijst, default: x }', //  4
		'---', //  5
		`${FENCE}sql lijst`, //  6
		'SELECT 1 / 0 AS v FROM nergens', //  7
		FENCE, //  8
		`${FENCE}sql kapot`, //  9
		'SELECT naam,', // 10
		'  onbekende_kolom', // 11
		'FROM gemeenten', // 12
		FENCE, // 13
		`${FENCE}sql afhankelijk`, // 14
		'SELECT * FROM kapot', // 15
		FENCE, // 16
		`${FENCE}sql verder`, // 17
		'SELECT * FROM afhankelijk', // 18
		FENCE, // 19
		`${FENCE}sql heel`, // 20
		'SELECT count(*) AS n FROM gemeenten', // 21
		FENCE // 22
	);

	test('a failing block has DuckDB’s message with its line; blocks reading it say so; the rest runs', async () => {
		const { results, parameterValues, parameters } = await run(notebook(BROKEN));
		expect(results.kapot.error).toMatch(/^SQL-blok 'kapot' \(regel 9\): Binder Error: Referenced column "onbekende_kolom" not found in FROM clause!/);
		expect(results.kapot.error).toMatch(/\(op regel 11\)$/);
		expect(results.kapot.error).not.toContain('LINE');
		expect(results.afhankelijk.error).toBe("SQL-blok 'afhankelijk' (regel 14): leest 'kapot', dat een fout gaf");
		expect(results.verder.error).toBe("SQL-blok 'verder' (regel 17): leest 'afhankelijk', dat een fout gaf");
		expect(results.heel.rows).toEqual([{ n: 3 }]);
		expect(results.heel.error).toBeUndefined();
		// A failed values_from leaves an empty list; the default still applies.
		expect(results.lijst.error).toMatch(/^SQL-blok 'lijst' \(regel 6\): tabel 'nergens' bestaat niet/);
		expect(parameterValues).toEqual({ keuze: [] });
		expect(parameters).toEqual({ keuze: 'x' });
	});
});

describe('runNotebook: a malicious notebook', () => {
	let scratch: string;
	beforeAll(() => {
		scratch = mkdtempSync(join(tmpdir(), 'regio-notebook-'));
	});
	afterAll(() => rmSync(scratch, { recursive: true, force: true }));

	test('writes, reads of files, settings and extensions are all refused in Dutch; nothing is written', async () => {
		const target = join(scratch, 'buit.csv');
		const storeFile = join(fixture().paths.store, readPointer(fixture().paths.store)!.file);
		const hash = () => createHash('sha256').update(readFileSync(storeFile)).digest('hex');
		const before = hash();
		const blocks: [string, string][] = [
			['basis', 'SELECT * FROM gemeenten'],
			['kopie', `COPY (SELECT * FROM basis) TO '${target}'`],
			['kopie2', `COPY gemeenten TO '${target}'`],
			['aanhaken', `ATTACH '${join(scratch, 'x.duckdb')}' AS x`],
			['installeren', 'INSTALL httpfs'],
			['laden', 'LOAD httpfs'],
			['instellen', 'SET enable_external_access = true'],
			['pragma', 'PRAGMA enable_profiling'],
			['maken', 'CREATE TABLE t AS SELECT * FROM basis'],
			['passwd', "SELECT * FROM read_csv('/etc/passwd')"],
			['tekst', "SELECT * FROM read_text('/etc/passwd')"],
			['bestanden', "SELECT * FROM glob('/etc/*')"],
			['twee', 'SELECT 1; DROP TABLE gemeenten'],
			['twee_met_blok', 'SELECT * FROM basis; DROP TABLE gemeenten'],
			['profiel', 'FROM enable_profiling()'],
			['nog_heel', 'SELECT count(*) AS n FROM basis']
		];
		const nb = notebook(lines('---', 'title: Kwaad', '---', ...blocks.flatMap(([name, sql]) => [`${FENCE}sql ${name}`, sql, FENCE])));
		const { results } = await run(nb);
		const errors = Object.fromEntries(Object.entries(results).map(([name, r]) => [name, r.error?.replace(/^SQL-blok '[a-z0-9_]+' \(regel \d+\): /, '')]));
		expect(errors).toEqual({
			basis: undefined,
			kopie: 'alleen een SELECT-query is toegestaan (gevonden: COPY …)',
			kopie2: 'alleen een SELECT-query is toegestaan (gevonden: COPY …)',
			aanhaken: 'alleen een SELECT-query is toegestaan (gevonden: ATTACH …)',
			installeren: 'alleen een SELECT-query is toegestaan (gevonden: INSTALL …)',
			laden: 'alleen een SELECT-query is toegestaan (gevonden: LOAD …)',
			instellen: 'alleen een SELECT-query is toegestaan (gevonden: SET …)',
			pragma: 'alleen een SELECT-query is toegestaan (gevonden: PRAGMA …)',
			maken: 'alleen een SELECT-query is toegestaan (gevonden: CREATE …)',
			passwd: 'tabelfunctie \'read_csv\' is niet toegestaan in een notebook (wel: range, generate_series, unnest)',
			tekst: 'tabelfunctie \'read_text\' is niet toegestaan in een notebook (wel: range, generate_series, unnest)',
			bestanden: 'tabelfunctie \'glob\' is niet toegestaan in een notebook (wel: range, generate_series, unnest)',
			twee: 'alleen één query per blok is toegestaan (gevonden: 2 statements)',
			twee_met_blok: 'alleen één query per blok is toegestaan (gevonden: 2 statements)',
			profiel: 'tabelfunctie \'enable_profiling\' is niet toegestaan in een notebook (wel: range, generate_series, unnest)',
			nog_heel: undefined
		});
		expect(results.nog_heel.rows).toEqual([{ n: 3 }]);
		expect(existsSync(target)).toBe(false);
		expect(existsSync(join(scratch, 'x.duckdb'))).toBe(false);
		expect(hash()).toBe(before);
	});
});

describe('runNotebook: limits', () => {
	test('a block over the time limit is stopped, a result over the row limit is cut; the others run', async () => {
		const nb = notebook(
			lines(
				'---',
				'title: Grenzen',
				'---',
				`${FENCE}sql traag`,
				'SELECT sum(a.range * b.range) AS s FROM range(200000) a, range(200000) b',
				FENCE,
				`${FENCE}sql groot`,
				'SELECT range AS n FROM range(100) ORDER BY n',
				FENCE,
				`${FENCE}sql klein`,
				'SELECT count(*) AS n FROM groot',
				FENCE
			)
		);
		const { results } = await run(nb, '', { timeoutMs: 300, maxRows: 5 });
		expect(results.traag.error).toBe("SQL-blok 'traag' (regel 4): duurde langer dan 0,3 seconden en is afgebroken");
		expect(results.groot).toMatchObject({ truncated: true, rows: [{ n: 0 }, { n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }] });
		// The limit applies to what a block returns, not to the rows a later block reads from it.
		expect(results.klein.rows).toEqual([{ n: 100 }]);
	});
});

describe('composeSql', () => {
	const block = (name: string, sql: string, references: string[] = []): SqlBlock => ({ kind: 'sql', line: 1, name, sql, references, parameters: [] });
	const a = block('a', 'SELECT 1 AS x;');
	const b = block('b', 'SELECT x FROM a -- laatste regel', ['a']);

	test('earlier blocks become CTEs in notebook order, transitively; a trailing semicolon goes', () => {
		const c = block('c', 'SELECT * FROM b', ['b']);
		expect(composeSql(c, [a, b, c])).toEqual({ sql: 'WITH a AS (\nSELECT 1 AS x\n),\nb AS (\nSELECT x FROM a -- laatste regel\n)\nSELECT * FROM b', offset: 6 });
	});

	test('a block with its own WITH keeps it (and RECURSIVE) at the top, lines in place', () => {
		const c = block('c', 'WITH RECURSIVE t AS (SELECT * FROM a)\nSELECT * FROM t ORDER BY x', ['a']);
		expect(composeSql(c, [a, c])).toEqual({ sql: 'WITH RECURSIVE a AS (\nSELECT 1 AS x\n),\n               t AS (SELECT * FROM a)\nSELECT * FROM t ORDER BY x', offset: 3 });
	});

	test('DESCRIBE and the like become a subquery; a block reading nothing stays as written', () => {
		const c = block('c', 'DESCRIBE a', ['a']);
		expect(composeSql(c, [a, c]).sql).toBe('WITH a AS (\nSELECT 1 AS x\n)\nSELECT * FROM (\nDESCRIBE a\n)');
		expect(composeSql(a, [a])).toEqual({ sql: 'SELECT 1 AS x', offset: 0 });
	});
});
