/** Typed queries: bound parameters in, rows parsed by a zod schema out. */
import type { z } from 'zod';
import type { Protection } from '../disclosure';
import { QueryResultError } from './errors';
import type { Params } from './params';
import { withSnapshot } from './store';

/**
 * Rows of `sql` (with `$name` parameters from `params`) on the pinned snapshot, protected by
 * `protection` when they hold person counts ($lib/server/disclosure), each parsed by `row`.
 */
export async function query<S extends z.ZodType>(row: S, sql: string, params: Params = {}, protection?: Protection): Promise<z.infer<S>[]> {
	const raw = await withSnapshot((snapshot) => snapshot.rows(sql, params, protection));
	return raw.map((r) => {
		const parsed = row.safeParse(r);
		if (!parsed.success) throw new QueryResultError(sql, parsed.error.message);
		return parsed.data;
	});
}

/** The first row of `sql`, or null when there is none. */
export async function queryOne<S extends z.ZodType>(row: S, sql: string, params: Params = {}, protection?: Protection): Promise<z.infer<S> | null> {
	return (await query(row, sql, params, protection))[0] ?? null;
}
