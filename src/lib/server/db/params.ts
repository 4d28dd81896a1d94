/**
 * Bound parameters: SQL names values as `$name`, values travel separately. DuckDB refuses
 * unused parameters, so only the names the SQL refers to are bound; a referenced name that is
 * missing is a programming error and throws.
 */
import { LIST, VARCHAR, listValue, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

export type ParamValue = string | number | boolean | null | readonly string[];
export type Params = Readonly<Record<string, ParamValue>>;

const PARAM = /\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Names of the `$name` parameters a statement uses, in order of first use. */
export function referencedParams(sql: string): string[] {
	// Our SQL never has '$' inside string literals, so a plain scan is exact for it.
	return [...new Set([...sql.matchAll(PARAM)].map((m) => m[1]))];
}

export interface Bound {
	values: Record<string, DuckDBValue>;
	types: Record<string, DuckDBType | undefined>;
}

/** The values and types to pass to DuckDB for `sql`; arrays become LIST(VARCHAR) (typed, so empty lists bind too). */
export function bindParams(sql: string, params: Params): Bound {
	const values: Record<string, DuckDBValue> = {};
	const types: Record<string, DuckDBType | undefined> = {};
	for (const name of referencedParams(sql)) {
		if (!Object.hasOwn(params, name)) throw new Error(`Missing SQL parameter $${name}`);
		const value = params[name];
		if (Array.isArray(value)) {
			values[name] = listValue([...value]);
			types[name] = LIST(VARCHAR);
		} else {
			values[name] = value as DuckDBValue;
		}
	}
	return { values, types };
}

/** Cache key of a statement with its parameters (only the referenced ones count). */
export function queryKey(sql: string, params: Params): string {
	const used = referencedParams(sql).map((name) => [name, params[name] ?? null]);
	return `${sql}\u0000${JSON.stringify(used)}`;
}
