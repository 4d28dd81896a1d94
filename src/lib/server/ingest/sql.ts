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
	return `nullif(trim(${alias}, ' ' || chr(9) || chr(160)), '')`;
}

/** The typed value of a column from its trimmed text `v`. */
function valueExpr(column: ColumnSpec, v: string, options: StageOptions, typed: Map<string, string>): string {
	const t = column.type;
	switch (t.kind) {
		case 'int': {
			// DuckDB's cast is lenient ('1.5' → 2, '0x10' → 16); accept digits only.
			const thousands = options.thousandsDot
				? ` WHEN regexp_full_match(${v}, '[0-9]{1,3}(\\.[0-9]{3})+') THEN TRY_CAST(replace(${v}, '.', '') AS INTEGER)`
				: '';
			return `CASE WHEN regexp_full_match(${v}, '[-+]?[0-9]+') THEN TRY_CAST(${v} AS INTEGER)${thousands} END`;
		}
		case 'decimal':
			// A comma is the decimal separator wherever it occurs (Dutch), dots then group thousands.
			return `(CASE WHEN regexp_full_match(${v}, '[-+]?[0-9]{1,3}(\\.[0-9]{3})*,[0-9]+|[-+]?[0-9]+,[0-9]+') THEN TRY_CAST(replace(replace(${v}, '.', ''), ',', '.') AS DOUBLE)
				WHEN regexp_full_match(${v}, '[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?') THEN TRY_CAST(${v} AS DOUBLE) END)`;
		case 'year':
			return `CASE WHEN regexp_full_match(${v}, '[0-9]{4}(JJ00)?') THEN CAST(left(${v}, 4) AS INTEGER) END`;
		case 'date': {
			const parsed = `coalesce(
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
			return `CASE WHEN regexp_full_match(upper(${v}), 'GM[0-9]{4}') THEN upper(${v}) ELSE ${v} END`;
		case 'code':
		case 'text':
			return v;
	}
}

/** The condition under which a present value is out of range (after parsing). */
function rangeCheck(column: ColumnSpec, x: string): string | null {
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
		const text = `t_${i}`;
		const value = `v_${i}`;
		inner.push(`${alias ? textOf(alias) : 'CAST(NULL AS VARCHAR)'} AS ${text}`);
		typed.set(column.name, value);
		inner.push(`CAST(${valueExpr(column, text, options, typed)} AS ${sqlType(column)}) AS ${value}`);
		outer.push(`${value} AS ${q(column.name)}`);
		const missing = column.required ? `WHEN ${text} IS NULL THEN ${FOUT_ONTBREEKT}` : '';
		const unreadable = `WHEN ${text} IS NOT NULL AND ${value} IS NULL THEN ${FOUT_ONLEESBAAR}`;
		const range = rangeCheck(column, value);
		const outOfRange = range ? `WHEN ${text} IS NOT NULL AND ${range} THEN ${FOUT_BEREIK}` : '';
		codes.push(`(CASE ${missing} ${unreadable} ${outOfRange} ELSE 0 END) * ${4 ** i}`);
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
