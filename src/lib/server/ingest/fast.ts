/**
 * The fast path for large, clean CSV exports: DuckDB's typed CSV parser reads numbers and
 * dates directly (several times faster than text plus casts over millions of rows). It is
 * only an accelerator: if the typed read rejects any row, or any value breaks a rule, the
 * stage is dropped and the ordinary path (sql.ts) reads the file again and produces the
 * exact messages. Counts are read as DOUBLE because DuckDB's integer parser silently rounds
 * '1.5'; a non-integral value therefore fails the check and falls back.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnType } from '../../domain/exports';
import type { RawSource } from './readers';
import { rangeCheck, type ColumnSource } from './sql';
import { sqlType } from '../db/schema';

const TYPED: Partial<Record<ColumnType['kind'], string>> = { int: 'DOUBLE', year: 'DOUBLE', decimal: 'DOUBLE', date: 'DATE' };
const UNTRIMMED: ColumnType['kind'][] = ['enum', 'gemeentecode']; // resolved on distinct values afterwards

/** Files smaller than this go straight to the ordinary path: the gain would not pay for a second read. */
export const FAST_PATH_MIN_BYTES = 8 << 20;

export function fastPathApplies(raw: RawSource, columns: ColumnSource[], bytes: number): boolean {
	return (
		Boolean(raw.typedRelation) &&
		bytes >= FAST_PATH_MIN_BYTES &&
		columns.every(({ column, alias }) => !alias || column.type.kind in TYPED || UNTRIMMED.includes(column.type.kind)) &&
		columns.every(({ column }) => column.type.kind !== 'int' || column.type.min >= 0)
	);
}

/** Try the typed read into `table`; true when it holds every row and every rule holds. */
export async function tryFastStage(con: DuckDBConnection, raw: RawSource, columns: ColumnSource[], table: string): Promise<boolean> {
	const types = new Map<string, string>();
	for (const { column, alias } of columns) if (alias && TYPED[column.type.kind]) types.set(alias, TYPED[column.type.kind]!);
	const rejects = `${table}_rejects`;
	const select = columns.map(({ column, alias }) => {
		const value = alias ?? 'NULL';
		// A non-integral or huge count becomes -1, which every count's and year's range rejects.
		let expr = column.type.kind === 'int' || column.type.kind === 'year' ? `CASE WHEN ${value} = trunc(${value}) AND abs(${value}) < 2147483647 THEN CAST(${value} AS INTEGER) WHEN ${value} IS NOT NULL THEN -1 END` : value;
		if (column.default === 'peiljaar-01-01') expr = `coalesce(${expr}, make_date(TRY_CAST(${columns.find((c) => c.column.name === 'peiljaar')?.alias ?? 'NULL'} AS INTEGER), 1, 1))`;
		else if (column.default !== undefined) expr = `coalesce(${expr}, '${column.default.replace(/'/g, "''")}')`;
		return `CAST(${expr} AS ${sqlType(column)}) AS "${column.name}"`;
	});
	const violations = columns.flatMap(({ column, alias }) => {
		const name = `"${column.name}"`;
		const rules: string[] = [];
		if (column.required) rules.push(`${name} IS NULL`);
		const range = rangeCheck(column, name);
		if (range) rules.push(`(${name} IS NOT NULL AND ${range})`);
		return rules;
	});
	try {
		// No error column: the table becomes the store's table as it is (dropping a column later
		// would make the next scans of millions of rows slow).
		// Row order is not kept here (DuckDB then writes compressed blocks straight away and the
		// checkpoint costs nothing); rows are only needed in file order to name lines in error
		// messages, and a file with errors is read again by the ordered, validating path.
		await con.run('SET preserve_insertion_order = false');
		try {
			await con.run(`CREATE TABLE ${table} AS SELECT ${select.join(', ')} FROM ${raw.typedRelation!(types, rejects)}`, raw.params);
		} finally {
			await con.run('RESET preserve_insertion_order');
		}
		const rejected = Number((await con.runAndReadAll(`SELECT count(*) FROM ${rejects}`)).getRows()[0][0]);
		const broken = rejected > 0 || violations.length === 0 ? rejected : Number((await con.runAndReadAll(`SELECT count(*) FROM ${table} WHERE ${violations.join(' OR ')}`)).getRows()[0][0]);
		if (broken === 0) return true;
	} catch {
		/* the ordinary path reads it again and explains */
	}
	await con.run(`DROP TABLE IF EXISTS ${table}`);
	return false;
}
