import { describe, expect, test } from 'vitest';
import { sqlParameters, tableReferences, tokenizeSql } from './sql-tokens';

const tables = (sql: string) => tableReferences(tokenizeSql(sql)).map((t) => t.text);
const params = (sql: string) => sqlParameters(tokenizeSql(sql)).map((t) => t.text);

describe('tokenizeSql', () => {
	test('skips comments and keeps strings and quoted identifiers whole, with lines', () => {
		const tokens = tokenizeSql(`SELECT 'a -- b', "x""y" -- c\n/* d /* nested */ e */ FROM t`);
		expect(tokens.map((t) => [t.kind, t.text, t.line])).toEqual([
			['word', 'SELECT', 0],
			['string', "a -- b", 0],
			['punct', ',', 0],
			['quoted', 'x"y', 0],
			['word', 'FROM', 1],
			['word', 't', 1]
		]);
	});

	test("doubled quotes, E'' escapes and dollar quotes are one string", () => {
		expect(tokenizeSql(`'it''s' E'a\\'b' $$ $x $$ $t$ 'q' $t$`).map((t) => t.kind)).toEqual(['string', 'string', 'string', 'string']);
	});

	test('an unterminated string runs to the end', () => {
		expect(tokenizeSql(`SELECT 'open FROM t`).map((t) => t.kind)).toEqual(['word', 'string']);
	});
});

describe('sqlParameters', () => {
	test('$name outside strings and comments, each once', () => {
		expect(params(`SELECT $a, '$b', "$c" -- $d\nWHERE x = $a AND y = $e_2 /* $f */`)).toEqual(['a', 'e_2']);
	});
});

describe('tableReferences', () => {
	test('tables after FROM, JOIN and commas in a FROM list', () => {
		expect(tables('SELECT * FROM a JOIN b ON a.x = b.x LEFT JOIN c USING (x), d WHERE e = 1')).toEqual(['a', 'b', 'c', 'd']);
		expect(tables('FROM a SELECT x, y')).toEqual(['a']);
		expect(tables('SELECT * FROM a AS x, LATERAL (SELECT 1 FROM b) y ASOF JOIN c ON true')).toEqual(['a', 'b', 'c']);
	});

	test('subqueries and CTE bodies count, the CTE names the statement defines do not', () => {
		expect(tables('WITH t AS (SELECT * FROM a), u AS MATERIALIZED (FROM b) SELECT * FROM t, u WHERE x IN (SELECT y FROM c)')).toEqual(['a', 'b', 'c']);
	});

	test('columns, aliases, functions and qualified names are not tables', () => {
		expect(tables('SELECT sum(tekort) AS tekort, extract(year FROM peildatum), x IS DISTINCT FROM y FROM range(3) r, store.capaciteit')).toEqual([]);
		expect(tables("SELECT substring(naam FROM 2), trim(both 'x' FROM naam) FROM a")).toEqual(['a']);
	});

	test('DESCRIBE, SUMMARIZE and PIVOT name a table', () => {
		expect(tables('DESCRIBE a')).toEqual(['a']);
		expect(tables('SUMMARIZE b')).toEqual(['b']);
		expect(tables('PIVOT c ON x USING sum(y)')).toEqual(['c']);
		expect(tables('DESCRIBE SELECT 1')).toEqual([]);
	});

	test('quoted identifiers, strings and comments are skipped', () => {
		expect(tables(`SELECT 'FROM a' FROM "b" -- FROM c\n/* JOIN d */`)).toEqual([]);
	});
});
