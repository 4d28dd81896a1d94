import { describe, expect, test } from 'vitest';
import { parseNotebook } from './parse';
import { NotebookParseError, type ChartBlock, type MarkdownBlock, type SqlBlock } from './types';

const FENCE = '```';

/** Lines joined: line i of the array is line i + 1 of the file. */
const lines = (...parts: string[]) => parts.join('\n');

const parse = (source: string, slug = 'test') => parseNotebook(source, { slug, file: `notebooks/${slug}.md` });

/** The problems as `line: message`. */
function problems(source: string, slug = 'test'): string[] {
	try {
		parse(source, slug);
	} catch (e) {
		expect(e).toBeInstanceOf(NotebookParseError);
		return (e as NotebookParseError).problems.map((p) => `${p.line}: ${p.message}`);
	}
	throw new Error('no NotebookParseError');
}

const FRONT = lines(
	'---', //  1
	'title: Crisisplekken', //  2
	'author: Beleidsteam BW&O', //  3
	'date: 2026-11-20', //  4
	'parameters:', //  5
	'  - name: peiljaar', //  6
	'    label: Peiljaar', //  7
	'    type: integer', //  8
	'    default: 2024', //  9
	'    min: 2019', // 10
	'    max: 2026', // 11
	'  - name: gemeente', // 12
	'    label: Gemeente', // 13
	'    type: choice', // 14
	'    values_from: gemeentelijst', // 15
	'    default: GM0505', // 16
	'---' // 17
);

const GOOD = lines(
	FRONT,
	'', // 18
	'# Inleiding', // 19
	'', // 20
	'In {peiljaar} is het tekort {kern.tekort}.', // 21
	'', // 22
	`${FENCE}sql gemeentelijst`, // 23
	'SELECT gemeentecode, naam FROM gemeenten ORDER BY naam', // 24
	FENCE, // 25
	'', // 26
	`${FENCE}sql per_gemeente`, // 27
	'SELECT naam, sum(tekort) AS tekort', // 28
	'FROM capaciteit_jaar', // 29
	'WHERE peiljaar = $peiljaar', // 30
	'GROUP BY naam', // 31
	FENCE, // 32
	'', // 33
	`${FENCE}sql kern`, // 34
	"SELECT sum(tekort) AS tekort, 'FROM later' AS tekst -- FROM later", // 35
	'FROM per_gemeente JOIN gemeentelijst USING (naam)', // 36
	FENCE, // 37
	'', // 38
	'Een voorbeeld in JavaScript:', // 39
	'', // 40
	`${FENCE}js`, // 41
	'const x = 1;', // 42
	FENCE, // 43
	'', // 44
	`${FENCE}chart tekort`, // 45
	'query: per_gemeente', // 46
	'mark: barh', // 47
	'x: tekort', // 48
	'y: naam', // 49
	"title: 'Tekort per gemeente, {peiljaar}'", // 50
	'rule: "{kern.tekort}"', // 51
	'height: 300', // 52
	FENCE, // 53
	'', // 54
	`${FENCE}sql later`, // 55
	'SELECT 1 AS een', // 56
	FENCE, // 57
	'' // 58
);

describe('parseNotebook: a good notebook', () => {
	const notebook = parse(GOOD, 'crisis');

	test('front matter with typed parameters (values_from → valuesFrom, defaults as URL strings)', () => {
		expect(notebook.slug).toBe('crisis');
		expect(notebook.file).toBe('notebooks/crisis.md');
		expect(notebook.frontMatter).toEqual({
			title: 'Crisisplekken',
			author: 'Beleidsteam BW&O',
			date: '2026-11-20',
			parameters: [
				{ line: 6, name: 'peiljaar', label: 'Peiljaar', type: 'integer', default: '2024', min: 2019, max: 2026 },
				{ line: 12, name: 'gemeente', label: 'Gemeente', type: 'choice', default: 'GM0505', valuesFrom: 'gemeentelijst' }
			]
		});
	});

	test('blocks in order with their lines; other fences stay markdown', () => {
		expect(notebook.blocks.map((b) => [b.kind, b.line, b.kind === 'markdown' ? '' : b.name])).toEqual([
			['markdown', 19, ''],
			['sql', 23, 'gemeentelijst'],
			['sql', 27, 'per_gemeente'],
			['sql', 34, 'kern'],
			['markdown', 39, ''],
			['chart', 45, 'tekort'],
			['sql', 55, 'later']
		]);
		expect((notebook.blocks[0] as MarkdownBlock).text).toBe('# Inleiding\n\nIn {peiljaar} is het tekort {kern.tekort}.');
		expect((notebook.blocks[4] as MarkdownBlock).text).toBe(`Een voorbeeld in JavaScript:\n\n${FENCE}js\nconst x = 1;\n${FENCE}`);
	});

	test('SQL blocks know the earlier blocks they read and the parameters they use', () => {
		const [, lijst, perGemeente, kern] = notebook.blocks as SqlBlock[];
		expect(lijst).toMatchObject({ sql: 'SELECT gemeentecode, naam FROM gemeenten ORDER BY naam', references: [], parameters: [] });
		expect(perGemeente).toMatchObject({ references: [], parameters: ['peiljaar'] });
		expect(perGemeente.sql).toBe('SELECT naam, sum(tekort) AS tekort\nFROM capaciteit_jaar\nWHERE peiljaar = $peiljaar\nGROUP BY naam');
		// Notebook order, not the order in the SQL; 'later' in a string and a comment is no reference.
		expect(kern.references).toEqual(['gemeentelijst', 'per_gemeente']);
		expect(kern.parameters).toEqual([]);
	});

	test('chart blocks carry their validated spec', () => {
		expect((notebook.blocks[5] as ChartBlock).spec).toEqual({
			query: 'per_gemeente',
			mark: 'barh',
			x: 'tekort',
			y: 'naam',
			title: 'Tekort per gemeente, {peiljaar}',
			rule: '{kern.tekort}',
			height: 300
		});
	});

	test('CRLF line ends and a byte order mark parse the same', () => {
		const crlf = parse(`\uFEFF${GOOD.replaceAll('\n', '\r\n')}`, 'crisis');
		expect(crlf).toEqual(notebook);
	});
});

describe('parseNotebook: choice values and defaults', () => {
	test('values as strings, numbers or {value, label}; a number default becomes a string', () => {
		const notebook = parse(
			lines(
				'---',
				'title: T',
				'parameters:',
				'  - name: soort',
				'    label: Soort',
				'    type: choice',
				'    values: [crisisopvang, { value: skaeve_huse, label: Skaeve huse }]',
				'    default: crisisopvang',
				'  - name: jaar',
				'    label: Jaar',
				'    type: choice',
				'    values: [2023, 2024]',
				'    default: 2024',
				'---'
			)
		);
		expect(notebook.frontMatter.parameters.map((p) => [p.values, p.default])).toEqual([
			[
				[
					{ value: 'crisisopvang', label: 'crisisopvang' },
					{ value: 'skaeve_huse', label: 'Skaeve huse' }
				],
				'crisisopvang'
			],
			[
				[
					{ value: '2023', label: '2023' },
					{ value: '2024', label: '2024' }
				],
				'2024'
			]
		]);
		expect(notebook.blocks).toEqual([]);
	});
});

describe('parseNotebook: fences', () => {
	const wrap = (...body: string[]) => lines('---', 'title: T', '---', ...body);

	test('~~~ fences and longer fences; a shorter fence inside does not close', () => {
		const notebook = parse(wrap('~~~sql a', 'SELECT 1', '~~~', '', '````chart c', 'query: a', 'mark: bar', 'title: T', 'subtitle: |', '  ```', '````'));
		expect(notebook.blocks.map((b) => [b.kind, b.line])).toEqual([
			['sql', 4],
			['chart', 8]
		]);
		expect((notebook.blocks[1] as ChartBlock).spec.subtitle).toBe('```\n');
	});

	test('fences inside lists and block quotes, and indented code, stay markdown (CommonMark)', () => {
		const notebook = parse(wrap('- punt', '', `  ${FENCE}sql in_lijst`, '  SELECT 1', `  ${FENCE}`, '', `> ${FENCE}sql in_citaat`, '> SELECT 1', `> ${FENCE}`, '', `    ${FENCE}sql ingesprongen`, '    SELECT 1'));
		expect(notebook.blocks.map((b) => b.kind)).toEqual(['markdown']);
	});

	test('up to three spaces before a fence still open one', () => {
		const notebook = parse(wrap(`   ${FENCE}sql a`, '   SELECT 1', `   ${FENCE}`));
		expect(notebook.blocks).toMatchObject([{ kind: 'sql', name: 'a', line: 4, sql: 'SELECT 1' }]);
	});

	test('an unclosed fence runs to the end and is reported', () => {
		expect(problems(wrap('Tekst', '', `${FENCE}sql open`, 'SELECT 1', '', 'Meer tekst'))).toEqual(["6: het codeblok 'sql open' wordt niet afgesloten (de afsluitende ``` ontbreekt)"]);
	});

	test('sql or chart without a name, or with more words', () => {
		expect(problems(wrap(`${FENCE}sql`, 'SELECT 1', FENCE, `${FENCE}chart`, 'query: a', FENCE, `${FENCE}sql a extra`, 'SELECT 1', FENCE))).toEqual([
			'4: SQL-blok zonder naam: schrijf ```sql naam',
			'7: grafiek zonder naam: schrijf ```chart naam',
			"10: na de naam van SQL-blok 'a' mag niets meer staan (gevonden: 'extra')"
		]);
	});
});

describe('parseNotebook: problems, all at once, with their lines', () => {
	test('no front matter, an unclosed one, an empty one', () => {
		expect(problems('# Titel\n')).toEqual(["1: de notebook begint niet met front matter: zet bovenaan YAML tussen twee regels '---' (met ten minste title:)"]);
		expect(problems('---\ntitle: x\n')).toEqual(["1: de front matter wordt niet afgesloten met een regel '---'"]);
		expect(problems('---\n---\n')).toEqual(["1: de front matter is leeg: ten minste 'title' is nodig"]);
	});

	test('YAML syntax errors point at the line in the file', () => {
		expect(problems(lines('---', 'title: T', 'parameters:', '  - name: a', '   label: [x', '---'))[0]).toMatch(/^5: YAML-fout in de front matter: /);
		expect(problems(lines('---', 'title: T', 'title: U', '---'))).toEqual(['3: YAML-fout in de front matter: Map keys must be unique']);
	});

	test('front matter fields: missing, unknown, wrong type, bad date, bad slug', () => {
		expect(problems(lines('---', 'titel: T', 'date: 20-11-2026', 'author: [a, b]', '---'), 'Crisis_1')).toEqual([
			"1: ongeldige naam 'Crisis_1' voor een notebook: gebruik kleine letters, cijfers en '-'",
			"2: front matter: 'title' ontbreekt",
			"2: front matter: onbekend veld 'titel'",
			"3: front matter: 'date' moet een datum JJJJ-MM-DD zijn",
			"4: front matter: 'author' moet een tekst zijn (begint de tekst met '{' of '['? Zet hem dan tussen aanhalingstekens)"
		]);
		expect(problems(lines('---', 'title: T', 'date: 2026-02-30', '---'))).toEqual(["3: front matter: 'date' is geen bestaande datum"]);
	});

	test('parameters: names, types, bounds, defaults, duplicates', () => {
		const source = lines(
			'---', //  1
			'title: T', //  2
			'parameters:', //  3
			'  - name: Peiljaar', //  4
			'    label: Peiljaar', //  5
			'    type: integer', //  6
			'    default: 2024', //  7
			'  - name: jaar', //  8
			'    label: Jaar', //  9
			'    type: integer', // 10
			'    default: 2030', // 11
			'    min: 2019', // 12
			'    max: 2026', // 13
			'  - name: soort', // 14
			'    label: Soort', // 15
			'    type: choice', // 16
			'    values: [a, b]', // 17
			'    default: c', // 18
			'  - name: keuze', // 19
			'    label: Keuze', // 20
			'    type: choice', // 21
			'    default: x', // 22
			'  - name: tekst', // 23
			'    label: Tekst', // 24
			'    type: text', // 25
			'    default: x', // 26
			'  - name: grens', // 27
			'    label: Grens', // 28
			'    type: integer', // 29
			'    default: twee', // 30
			'    values: [1]', // 31
			'    min: 5', // 32
			'    max: 1', // 33
			'---' // 34
		);
		expect(problems(source)).toEqual([
			"4: front matter: 'parameters[0].name' moet bestaan uit kleine letters, cijfers en _ en met een letter beginnen",
			"11: front matter: 'parameters[1].default' 2030 ligt buiten 2019 t/m 2026",
			"18: front matter: 'parameters[2].default' 'c' staat niet in values (a, b)",
			"21: front matter: 'parameters[3].type' een keuzeparameter heeft 'values' of 'values_from' (precies één van beide)",
			"25: front matter: 'parameters[4].type' moet een van deze waarden zijn: integer, choice",
			"30: front matter: 'parameters[5].default' moet een geheel getal zijn (gevonden: 'twee')",
			"31: front matter: 'parameters[5].values' hoort bij type 'choice', niet bij 'integer'",
			"33: front matter: 'parameters[5].max' is kleiner dan min (5)"
		]);
		const duplicate = lines('---', 'title: T', 'parameters:', '  - { name: a, label: A, type: integer, default: 1 }', '  - { name: a, label: B, type: integer, default: 2 }', '---');
		expect(problems(duplicate)).toEqual(["5: parameter 'a' staat er twee keer in"]);
	});

	test('SQL block names: invalid, duplicate, a store table, empty', () => {
		const source = lines('---', 'title: T', '---', `${FENCE}sql Tekort`, 'SELECT 1', FENCE, `${FENCE}sql a`, 'SELECT 1', FENCE, `${FENCE}sql a`, 'SELECT 2', FENCE, `${FENCE}sql capaciteit`, 'SELECT 3', FENCE, `${FENCE}sql leeg`, '', FENCE);
		expect(problems(source)).toEqual([
			"4: ongeldige naam 'Tekort' voor een SQL-blok: gebruik kleine letters, cijfers en _ (beginnend met een letter)",
			"10: er is al een SQL-blok 'a' (regel 7)",
			"13: SQL-blok 'capaciteit' heeft de naam van een tabel van de gegevensopslag; kies een andere naam",
			"16: SQL-blok 'leeg' is leeg"
		]);
	});

	test('references to a later block or to itself, and unknown parameters, at the line in the SQL', () => {
		const source = lines(
			'---', //  1
			'title: T', //  2
			'parameters:', //  3
			'  - { name: jaar, label: Jaar, type: integer, default: 2024 }', //  4
			'---', //  5
			`${FENCE}sql x`, //  6
			'SELECT *', //  7
			'FROM y', //  8
			'WHERE jaar = $jaar AND code = $code', //  9
			FENCE, // 10
			`${FENCE}sql y`, // 11
			'SELECT * FROM capaciteit_jaar, y', // 12
			FENCE // 13
		);
		expect(problems(source)).toEqual([
			"8: SQL-blok 'x' leest 'y', maar dat blok staat verderop of bestaat niet",
			"9: SQL-blok 'x' gebruikt $code, maar die parameter staat niet in de front matter",
			"12: SQL-blok 'y' leest zichzelf"
		]);
	});

	test('regio is built in: every notebook may use $regio, none may declare it (issue 12)', () => {
		const uses = lines('---', 'title: T', '---', `${FENCE}sql x`, 'SELECT * FROM gemeenten WHERE centrumregio = $regio', FENCE);
		expect(parse(uses).blocks.find((b): b is SqlBlock => b.kind === 'sql')?.parameters).toEqual(['regio']);
		const declares = lines('---', 'title: T', 'parameters:', '  - { name: regio, label: Regio, type: integer, default: 1 }', '---', `${FENCE}sql x`, 'SELECT $regio', FENCE);
		expect(problems(declares)).toEqual(["4: parameter 'regio' is ingebouwd (de regio van de pagina, $regio in SQL); geef deze parameter een andere naam"]);
	});

	test('a column named like a block is not a reference', () => {
		const source = lines('---', 'title: T', '---', `${FENCE}sql tekort`, 'SELECT sum(tekort) AS tekort, extract(year FROM peildatum) AS later FROM capaciteit_jaar', FENCE, `${FENCE}sql later`, 'SELECT 1', FENCE);
		expect((parse(source).blocks[0] as SqlBlock).references).toEqual([]);
	});

	test('values_from must name a SQL block without parameters, directly or through the blocks it reads', () => {
		const source = lines(
			'---', //  1
			'title: T', //  2
			'parameters:', //  3
			'  - { name: jaar, label: Jaar, type: integer, default: 2024 }', //  4
			'  - { name: a, label: A, type: choice, values_from: lijst, default: x }', //  5
			'  - { name: b, label: B, type: choice, values_from: nergens, default: x }', //  6
			'---', //  7
			`${FENCE}sql basis`, //  8
			'SELECT naam FROM gemeenten WHERE $jaar > 2000', //  9
			FENCE, // 10
			`${FENCE}sql lijst`, // 11
			'SELECT naam FROM basis', // 12
			FENCE // 13
		);
		expect(problems(source)).toEqual([
			"5: parameter 'a': values_from 'lijst' gebruikt parameters ($jaar); de keuzelijst moet zonder parameters te bepalen zijn",
			"6: parameter 'b': values_from 'nergens' is geen SQL-blok in deze notebook"
		]);
	});

	test('chart blocks: YAML errors, unknown and missing fields, bad values, unknown query, duplicate names', () => {
		const source = lines(
			'---', //  1
			'title: T', //  2
			'---', //  3
			`${FENCE}sql a`, //  4
			'SELECT 1 AS x', //  5
			FENCE, //  6
			`${FENCE}chart kapot`, //  7
			'query: a', //  8
			'mark: [bar', //  9
			FENCE, // 10
			`${FENCE}chart velden`, // 11
			'query: b', // 12
			'mark: taart', // 13
			'titel: T', // 14
			'height: 20', // 15
			FENCE, // 16
			`${FENCE}chart Velden`, // 17
			'query: a', // 18
			'mark: bar', // 19
			'title: {x}', // 20
			FENCE, // 21
			`${FENCE}chart dubbel`, // 22
			'query: a', // 23
			'mark: bar', // 24
			'title: T', // 25
			'rule: hoog', // 26
			FENCE, // 27
			`${FENCE}chart dubbel`, // 28
			'query: a', // 29
			'mark: dot', // 30
			'title: "{a.x} in {jaar}"', // 31
			'subtitle: "{b.x|procent} {a.x|raar}"', // 32
			FENCE // 33
		);
		const found = problems(source);
		expect(found[0]).toMatch(/^9: YAML-fout in grafiek 'kapot': /);
		expect(found.slice(1)).toEqual([
			"12: grafiek 'velden': 'title' ontbreekt",
			"13: grafiek 'velden': 'mark' moet een van deze waarden zijn: bar, barh, line, dot, area, cell, tilemap",
			"14: grafiek 'velden': onbekend veld 'titel'",
			"15: grafiek 'velden': 'height' moet 100 of meer zijn",
			"17: ongeldige naam 'Velden' voor een grafiek: gebruik kleine letters, cijfers en - (beginnend met een letter)",
			"20: grafiek 'Velden': 'title' moet een tekst zijn (begint de tekst met '{' of '['? Zet hem dan tussen aanhalingstekens)",
			"26: grafiek 'dubbel': 'rule' moet een getal zijn of een verwijzing {blok.kolom} (gevonden: 'hoog')",
			"28: er is al een grafiek 'dubbel' (regel 22)",
			"31: grafiek 'dubbel': '{jaar}' verwijst naar parameter 'jaar', maar die staat niet in de front matter",
			"32: grafiek 'dubbel': '{b.x|procent}' verwijst naar SQL-blok 'b', maar dat bestaat niet",
			"32: grafiek 'dubbel': onbekende opmaak 'raar' in '{a.x|raar}' (toegestaan: getal, procent, decimaal)"
		]);
	});

	test('a ruleLabel needs a rule, and its references must exist', () => {
		const chart = (...fields: string[]) => lines('---', 'title: T', '---', `${FENCE}sql a`, 'SELECT 1 AS x', FENCE, `${FENCE}chart c`, 'query: a', 'mark: bar', 'title: T', ...fields, FENCE);
		expect(problems(chart('ruleLabel: gemiddeld'))).toEqual(["11: grafiek 'c': 'ruleLabel' zonder 'rule': er is geen lijn om te benoemen"]);
		expect(problems(chart('rule: 3', 'ruleLabel: "{b.x} hoog"'))).toHaveLength(1);
		expect(parse(chart('rule: "{a.x}"', 'ruleLabel: "gemiddelde van {a.x}"')).blocks.at(-1)).toMatchObject({ spec: { ruleLabel: 'gemiddelde van {a.x}' } });
	});

	test('a chart query that names no SQL block', () => {
		expect(problems(lines('---', 'title: T', '---', `${FENCE}chart c`, 'query: nergens', 'mark: bar', 'title: T', FENCE))).toEqual([
			"5: grafiek 'c': query 'nergens' is geen SQL-blok in deze notebook"
		]);
	});

	test('references in prose: unknown blocks and parameters, formats; not in code, not escaped', () => {
		const source = lines(
			'---', //  1
			'title: T', //  2
			'---', //  3
			'Eerst {a.x} en {b.x}.', //  4
			'', //  5
			'- {jaar} en `{c.x}` en \\{d}', //  6
			'', //  7
			`${FENCE}sql a`, //  8
			'SELECT 1 AS x', //  9
			FENCE, // 10
			'', // 11
			'| kolom |', // 12
			'|---|', // 13
			'| {a.x\\|raar} {a.x\\|procent} |', // 14
			'', // 15
			`${FENCE}`, // 16
			'{e.x}', // 17
			FENCE, // 18
			'', // 19
			'{a.x|procent} en {jaar|procent} en {geen, referentie} en {x.y.z}' // 20
		);
		expect(problems(source)).toEqual([
			"4: tekst: '{b.x}' verwijst naar SQL-blok 'b', maar dat bestaat niet",
			"6: tekst: '{jaar}' verwijst naar parameter 'jaar', maar die staat niet in de front matter",
			"14: tekst: onbekende opmaak 'raar' in '{a.x|raar}' (toegestaan: getal, procent, decimaal)",
			"20: tekst: '{jaar|procent}' verwijst naar parameter 'jaar', maar die staat niet in de front matter",
			"20: tekst: '{jaar|procent}': opmaak kan alleen bij een waarde {blok.kolom}"
		]);
	});

	test('the error message names file and line of every problem', () => {
		const error = (() => {
			try {
				parse(lines('---', 'title: T', '---', `${FENCE}sql x`, 'SELECT * FROM y', FENCE, `${FENCE}sql y`, 'SELECT 1', FENCE), 'fout');
			} catch (e) {
				return e as NotebookParseError;
			}
		})();
		expect(error?.message).toBe("notebooks/fout.md, regel 5: SQL-blok 'x' leest 'y', maar dat blok staat verderop of bestaat niet");
		expect(error?.problems).toEqual([{ file: 'notebooks/fout.md', line: 5, message: "SQL-blok 'x' leest 'y', maar dat blok staat verderop of bestaat niet" }]);
	});
});
