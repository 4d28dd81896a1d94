import { describe, expect, test } from 'vitest';
import { findReferences, formatInline, resolveReference, resolveText, splitReferences, type InlineContext } from './inline';
import type { QueryResult } from './types';

const result = (name: string, columns: [string, string][], rows: QueryResult['rows'], extra: Partial<QueryResult> = {}): QueryResult => ({
	name,
	columns: columns.map(([n, type]) => ({ name: n, type, numeric: ['INTEGER', 'BIGINT', 'DOUBLE', 'DECIMAL(10,2)'].includes(type) })),
	rows,
	truncated: false,
	ms: 1,
	tables: [],
	...extra
});

const context: InlineContext = {
	parameters: { peiljaar: '2024', gemeente: 'GM0505' },
	results: {
		kern: result(
			'kern',
			[
				['tekort', 'BIGINT'],
				['aandeel', 'DOUBLE'],
				['per_10k', 'DOUBLE'],
				['peildatum', 'DATE'],
				['naam', 'VARCHAR'],
				['leeg', 'INTEGER']
			],
			[{ tekort: 1234, aandeel: 0.458, per_10k: 3.14159, peildatum: '2024-01-01', naam: 'Dordrecht', leeg: null }]
		),
		geen: result('geen', [['x', 'INTEGER']], []),
		fout: result('fout', [], [], { error: "SQL-blok 'fout' (regel 3): Binder Error" })
	}
};

describe('references in text', () => {
	test('{block.column}, {block.column|format} and {parameter}; other braces are text', () => {
		expect(findReferences('a {kern.tekort} b {kern.aandeel|procent} c {peiljaar} {a, b} {Kern.x} {}').map((r) => r.reference)).toEqual([
			{ kind: 'value', raw: '{kern.tekort}', block: 'kern', column: 'tekort', format: undefined },
			{ kind: 'value', raw: '{kern.aandeel|procent}', block: 'kern', column: 'aandeel', format: 'procent' },
			{ kind: 'parameter', raw: '{peiljaar}', name: 'peiljaar', format: undefined }
		]);
	});

	test('\\{ is a literal brace', () => {
		expect(splitReferences('\\{peiljaar} en {peiljaar}')).toEqual([
			{ kind: 'text', text: '{peiljaar} en ' },
			{ kind: 'reference', reference: { kind: 'parameter', raw: '{peiljaar}', name: 'peiljaar', format: undefined }, offset: 15 }
		]);
	});
});

describe('resolveText', () => {
	test('fills values formatted nl-NL and parameters as in the URL', () => {
		expect(resolveText('Tekort {kern.tekort} ({kern.aandeel|procent}, {kern.per_10k|decimaal} per 10.000) in {peiljaar} op {kern.peildatum}', context)).toBe(
			'Tekort 1.234 (45,8%, 3,1 per 10.000) in 2024 op 1 januari 2024'
		);
	});

	test('unknown blocks, columns, parameters, failed or empty blocks give [?]', () => {
		expect(resolveText('{nergens.x} {kern.onbekend} {fout.x} {geen.x} {onbekend} \\{peiljaar}', context)).toBe('[?] [?] [?] [?] [?] {peiljaar}');
	});
});

describe('resolveReference', () => {
	test('a choice parameter shows its label, as the filter does', () => {
		const withLabels: InlineContext = { ...context, parameterValues: { gemeente: [{ value: 'GM0505', label: 'Dordrecht' }] } };
		expect(resolveText('{gemeente} in {peiljaar}', withLabels)).toBe('Dordrecht in 2024');
		expect(resolveText('{gemeente}', context)).toBe('GM0505');
	});

	test('says in Dutch why a value is missing', () => {
		const reason = (raw: string) => {
			const [{ reference }] = findReferences(raw);
			const resolved = resolveReference(reference, context);
			return resolved.ok ? resolved.text : resolved.reason;
		};
		expect(reason('{nergens.x}')).toBe("SQL-blok 'nergens' bestaat niet");
		expect(reason('{kern.x}')).toBe("SQL-blok 'kern' heeft geen kolom 'x'");
		expect(reason('{fout.x}')).toBe("SQL-blok 'fout' gaf een fout");
		expect(reason('{geen.x}')).toBe("SQL-blok 'geen' gaf geen rijen");
		expect(reason('{onbekend}')).toBe("onbekende parameter 'onbekend'");
		expect(reason('{kern.tekort|raar}')).toBe("onbekende opmaak 'raar'");
		expect(reason('{kern.naam}')).toBe('Dordrecht');
		expect(reason('{kern.leeg}')).toBe('–');
	});
});

describe('formatInline', () => {
	test('whole numbers grouped, others to at most one decimal', () => {
		expect(formatInline(1234)).toBe('1.234');
		expect(formatInline(-12345)).toBe('-12.345');
		expect(formatInline(12.5)).toBe('12,5');
		expect(formatInline(12.46)).toBe('12,5');
		expect(formatInline(3.0)).toBe('3');
	});

	test('procent: a fraction as a percentage, at most one decimal', () => {
		expect(formatInline(0.46, 'procent')).toBe('46%');
		expect(formatInline(0.4583, 'procent')).toBe('45,8%');
	});

	test('years as years in columns named after a year; no minus sign on a rounded zero', () => {
		expect(formatInline(2026, 'getal', 'INTEGER', 'peiljaar')).toBe('2026');
		expect(formatInline(2026, 'getal', 'INTEGER', 'eerste_jaar')).toBe('2026');
		expect(formatInline(2026, 'getal', 'INTEGER', 'plekken')).toBe('2.026');
		expect(formatInline(-0.04, 'decimaal')).toBe('0,0');
		expect(formatInline(-0.0001, 'procent')).toBe('0%');
		expect(formatInline(-0)).toBe('0');
		expect(formatInline(-0.5, 'decimaal')).toBe('-0,5');
	});

	test('decimaal: exactly one decimal', () => {
		expect(formatInline(3, 'decimaal')).toBe('3,0');
		expect(formatInline(3.14, 'decimaal')).toBe('3,1');
	});

	test('dates and timestamps as Dutch dates, booleans as ja/nee, text as is, null as –', () => {
		expect(formatInline('2024-01-01', 'getal', 'DATE')).toBe('1 januari 2024');
		expect(formatInline('2023-12-04T09:30:00', 'getal', 'TIMESTAMP')).toBe('4 december 2023 om 10:30');
		expect(formatInline(true)).toBe('ja');
		expect(formatInline(false)).toBe('nee');
		expect(formatInline('GM0505', 'procent', 'VARCHAR')).toBe('GM0505');
		expect(formatInline(null)).toBe('–');
	});
});
