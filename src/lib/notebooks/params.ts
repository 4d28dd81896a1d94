/**
 * A notebook's parameters from the URL (`/notebooks/<slug>?peiljaar=2023`), like the views'
 * filters: the same zod parsing and Dutch messages as $lib/filters, so an invalid value is a
 * FilterError (a 400 in the route), a repeated parameter too, and unknown parameters are
 * ignored. Values stay strings as in the URL; the runner binds them with their SQL type.
 */
import { z } from 'zod';
import { parseSearchParams } from '../filters';
import type { NotebookParameter } from './types';

export type AllowedValues = Record<string, readonly { value: string; label: string }[]>;

function fieldSchema(parameter: NotebookParameter, allowed: AllowedValues): z.ZodType<string | number | undefined> {
	if (parameter.type === 'integer') {
		let number = z.coerce.number().int();
		if (parameter.min !== undefined) number = number.min(parameter.min);
		if (parameter.max !== undefined) number = number.max(parameter.max);
		// No transform here: $lib/filters reads the bounds off the ZodNumber for its message.
		return number.optional();
	}
	const values = (allowed[parameter.name] ?? parameter.values ?? []).map((v) => v.value);
	// A failed values_from query leaves no list; the default is then the only value we can vouch for.
	const choices = values.length > 0 ? values : [parameter.default];
	return z.enum(choices as [string, ...string[]]).optional();
}

/**
 * The value of every parameter: from the URL when given (and valid), else the default.
 * `allowed` gives the choice values resolved by the runner (values_from); throws FilterError.
 */
export function parseNotebookParams(searchParams: URLSearchParams, parameters: readonly NotebookParameter[], allowed: AllowedValues = {}): Record<string, string> {
	const schema = z.object(Object.fromEntries(parameters.map((p) => [p.name, fieldSchema(p, allowed)])));
	const url = new URL(`http://notebook.invalid/?${searchParams.toString()}`);
	const parsed = parseSearchParams(url, schema) as Record<string, string | number | undefined>;
	return Object.fromEntries(parameters.map((p) => [p.name, String(parsed[p.name] ?? p.default)]));
}
