/**
 * SQL that normalises and checks one export inside DuckDB, generated from the declarations in
 * domain/exports.ts. A single pass over the raw text columns yields the typed row plus an
 * error code per column (`_fout`, two bits per column), so a file of millions of rows is read
 * once; only when `_fout` is non-zero are the raw values fetched again for the messages.
 *
 * Every identifier here comes from the declarations or is a generated alias (c0…cN); values
 * from files never become SQL text.
 */
import { JAAR_MAX, JAAR_MIN, type ColumnSpec, type ExportKind } from '../../domain/exports';
import { sqlType } from '../db/schema';

export const FOUT_ONTBREEKT = 1;
export const FOUT_ONLEESBAAR = 2;
export const FOUT_BEREIK = 3;

export interface ColumnSource {
	column: ColumnSpec;
	/** The raw column alias (c0…) holding it, or null when the file lacks this optional column. */
	alias: string | null;
}

export interface StageOptions {
	/** Whether '1.234' in a count means 1234 (files with decimal comma, as Dutch Excel writes). */
	thousandsDot: boolean;
}

const q = (identifier: string) => `"${identifier}"`;

/** Trimmed text or NULL: padded StatLine codes and Excel's non-breaking spaces disappear. */
function textOf(alias: string): string {
	// The characters are literal: an expression such as chr(160) is evaluated per row.
	// CBS StatLine writes '.' for an unknown figure: that is a missing value, not a number.
	return `nullif(nullif(trim(${alias}, ' \t\u00a0'), ''), '.')`;
}

/** True when the text is non-empty and only ASCII digits (cheaper than a regular expression). */
function digitsOnly(v: string): string {
	return `ltrim(${v}, '0123456789') = ''`;
}

/** A cheap test and cast for the common spelling of numbers and ISO dates, or null. */
function fastPath(column: ColumnSpec, raw: string): { test: string; value: string } | null {
	switch (column.type.kind) {
		case 'int':
			return { test: digitsOnly(raw), value: `TRY_CAST(${raw} AS INTEGER)` };
		case 'year':
			return { test: `length(${raw}) = 4 AND ${digitsOnly(raw)}`, value: `CAST(${raw} AS INTEGER)` };
		case 'date':
			return { test: `length(${raw}) = 10 AND substr(${raw}, 5, 1) = '-'`, value: `TRY_CAST(${raw} AS DATE)` };
		default:
			return null;
	}
}

/** The typed value of a column from its trimmed text `v`. */
function valueExpr(column: ColumnSpec, v: string, options: StageOptions, typed: Map<string, string>): string {
	const t = column.type;
	switch (t.kind) {
		case 'int': {
			// DuckDB's cast is lenient ('1.5' → 2, '0x10' → 16): only plain digits take the fast
			// path; signs and thousands separators are rare and go through a regular expression.
			const thousands = options.thousandsDot
				? ` WHEN regexp_full_match(${v}, '[0-9]{1,3}(\\.[0-9]{3})+') THEN TRY_CAST(replace(${v}, '.', '') AS INTEGER)`
				: '';
			// Whole numbers written as decimals (120.0, as pandas writes Parquet) are whole numbers.
			const wholeDecimal = ` WHEN regexp_full_match(${v}, '[-+]?[0-9]+[.,]0+') THEN TRY_CAST(regexp_extract(${v}, '^[-+]?[0-9]+') AS INTEGER)`;
			return `CASE WHEN ${digitsOnly(v)} THEN TRY_CAST(${v} AS INTEGER) WHEN regexp_full_match(${v}, '[-+][0-9]+') THEN TRY_CAST(${v} AS INTEGER)${thousands}${wholeDecimal} END`;
		}
		case 'decimal':
			// A comma is the decimal separator wherever it occurs (Dutch), dots then group thousands.
			return `(CASE WHEN regexp_full_match(${v}, '[-+]?[0-9]{1,3}(\\.[0-9]{3})*,[0-9]+|[-+]?[0-9]+,[0-9]+') THEN TRY_CAST(replace(replace(${v}, '.', ''), ',', '.') AS DOUBLE)
				WHEN regexp_full_match(${v}, '[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?') THEN TRY_CAST(${v} AS DOUBLE) END)`;
		case 'year':
			return `CASE WHEN length(${v}) = 4 AND ${digitsOnly(v)} THEN CAST(${v} AS INTEGER) WHEN regexp_full_match(${v}, '[0-9]{4}JJ00') THEN CAST(left(${v}, 4) AS INTEGER) END`;
		case 'date': {
			// ISO dates (the common case, millions of rows at scale) cast directly.
			const parsed = `coalesce(
				CASE WHEN length(${v}) = 10 AND substr(${v}, 5, 1) = '-' THEN TRY_CAST(${v} AS DATE) END,
				CASE WHEN regexp_full_match(${v}, '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}') THEN TRY_CAST(${v} AS DATE) END,
				CASE WHEN regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9:.]+') THEN CAST(TRY_CAST(${v} AS TIMESTAMP) AS DATE) END,
				CASE WHEN regexp_full_match(${v}, '[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4}') THEN CAST(try_strptime(regexp_replace(${v}, '[/.]', '-', 'g'), '%d-%m-%Y') AS DATE) END)`;
			if (column.default === 'peiljaar-01-01') {
				const jaar = typed.get('peiljaar');
				return `CASE WHEN ${v} IS NULL THEN make_date(${jaar}, 1, 1) ELSE ${parsed} END`;
			}
			return parsed;
		}
		case 'periode':
			return `CASE WHEN regexp_full_match(${v}, '[0-9]{4}(JJ00)?') THEN left(${v}, 4)
				WHEN regexp_full_match(upper(${v}), '[0-9]{4} ?[-_/ ]? ?(K|Q|KW0?)[1-4]') THEN left(${v}, 4) || '-K' || right(${v}, 1) END`;
		case 'planperiode': {
			const compact = `regexp_replace(${v}, '\\s*[-–/]\\s*', '-')`;
			return `CASE WHEN regexp_full_match(${compact}, '[0-9]{4}') THEN ${compact}
				WHEN regexp_full_match(${compact}, '[0-9]{4}-[0-9]{4}') AND left(${compact}, 4) <= right(${compact}, 4) THEN ${compact} END`;
		}
		case 'enum':
			// Resolved against the vocabulary after the pass, on distinct values only (validate.ts).
			return column.default ? `coalesce(${v}, '${column.default}')` : v;
		case 'gemeentecode':
			// Codes are checked against the gemeenten export afterwards, on distinct values.
			return `CASE WHEN ${v} LIKE 'GM%' THEN ${v} WHEN upper(left(${v}, 2)) = 'GM' THEN upper(${v}) ELSE ${v} END`;
		case 'code':
		case 'text':
			return v;
	}
}

/** The condition under which a present value is out of range (after parsing). */
export function rangeCheck(column: ColumnSpec, x: string): string | null {
	const t = column.type;
	switch (t.kind) {
		case 'int':
			return t.max === undefined ? `${x} < ${t.min}` : `(${x} < ${t.min} OR ${x} > ${t.max})`;
		case 'decimal': {
			const parts = [`NOT isfinite(${x})`];
			if (t.min !== undefined) parts.push(`${x} < ${t.min}`);
			if (t.max !== undefined) parts.push(`${x} > ${t.max}`);
			return `(${parts.join(' OR ')})`;
		}
		case 'year':
			return `(${x} < ${JAAR_MIN} OR ${x} > ${JAAR_MAX})`;
		case 'date':
			return `(year(${x}) < ${JAAR_MIN} OR year(${x}) > ${JAAR_MAX})`;
		case 'code':
			return `NOT regexp_full_match(${x}, '${t.pattern.replace(/^\^|\$$/g, '').replace(/'/g, "''")}')`;
		case 'text':
			return `length(${x}) > ${t.maxLength}`;
		default:
			return null;
	}
}

/**
 * CREATE TABLE <stage> AS SELECT <typed columns>, _fout FROM <relation>. Column order and
 * types match the store's kind table, so a clean stage becomes that table by a rename.
 */
export function stageSql(kind: ExportKind, sources: ColumnSource[], relation: string, stage: string, options: StageOptions): string {
	const inner: string[] = [];
	const outer: string[] = [];
	const codes: string[] = [];
	const typed = new Map<string, string>();
	sources.forEach(({ column, alias }, i) => {
		const value = `v_${i}`;
		const raw = alias ?? 'CAST(NULL AS VARCHAR)';
		const text = textOf(raw);
		typed.set(column.name, value);
		const fast = fastPath(column, raw);
		// Numbers and dates take a fast path on the untrimmed text; trimming (costly over
		// millions of cells) only happens for the rows the fast path does not accept.
		const full = valueExpr(column, fast ? text : `t_${i}`, options, typed);
		inner.push(fast ? `${raw} AS r_${i}` : `${text} AS t_${i}`);
		inner.push(`CAST(${fast ? `CASE WHEN ${fast.test} THEN ${fast.value} ELSE ${full} END` : full} AS ${sqlType(column)}) AS ${value}`);
		outer.push(`${value} AS ${q(column.name)}`);
		const present = fast ? `${textOf(`r_${i}`)} IS NOT NULL` : `t_${i} IS NOT NULL`;
		const range = rangeCheck(column, value);
		const checks = [
			range ? `WHEN ${value} IS NOT NULL AND ${range} THEN ${FOUT_BEREIK}` : '',
			`WHEN ${value} IS NOT NULL THEN 0`,
			`WHEN ${present} THEN ${FOUT_ONLEESBAAR}`,
			column.required ? `WHEN true THEN ${FOUT_ONTBREEKT}` : ''
		];
		codes.push(`(CASE ${checks.join(' ')} ELSE 0 END) * ${4 ** i}`);
	});
	// Typed values can depend on earlier ones (peildatum defaults to 1 January of peiljaar),
	// so the inner projection is built as a chain of lateral column aliases.
	return `CREATE TABLE ${stage} AS
SELECT ${outer.join(', ')}, CAST(${codes.join(' + ')} AS INTEGER) AS _fout
FROM (SELECT ${inner.join(', ')} FROM ${relation})`;
}

/** Decode a `_fout` value into (column index, code) pairs. */
export function decodeFout(fout: number, columnCount: number): { index: number; code: number }[] {
	const result: { index: number; code: number }[] = [];
	for (let i = 0; i < columnCount; i++) {
		const code = (fout >> (2 * i)) & 3;
		if (code) result.push({ index: i, code });
	}
	return result;
}
