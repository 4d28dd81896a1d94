/**
 * View filters live in the URL, so a link reproduces the view (README, "Grafieken exporteren"):
 * one zod schema per view ($lib/server/views) parses the search parameters; an invalid value is
 * a Dutch 400 that names the parameter and what is allowed, never a 500. Repeated parameters
 * (`type=a&type=b`) fill array fields.
 */
import { z } from 'zod';

/** Thrown for an invalid filter; the views turn it into a 400 (asPageError, the chart endpoints). */
export class FilterError extends Error {
	constructor(
		readonly parameter: string,
		message: string
	) {
		super(message);
	}
}

/** The schema inside optional/default/catch/nullable wrappers. */
export function unwrapped(field: z.ZodType): z.ZodType {
	let inner = field;
	for (;;) {
		const def = inner._zod.def as { type: string; innerType?: z.ZodType };
		if (!def.innerType || !['optional', 'default', 'catch', 'nullable', 'prefault'].includes(def.type)) return inner;
		inner = def.innerType;
	}
}

/** Which keys of the schema take several values (arrays, possibly optional or defaulted). */
function arrayKeys(schema: z.ZodObject): Set<string> {
	const keys = new Set<string>();
	for (const [key, field] of Object.entries(schema.shape)) {
		if ((unwrapped(field as z.ZodType)._zod.def as { type: string }).type === 'array') keys.add(key);
	}
	return keys;
}

/** "van 0 t/m 50" when a number field has both bounds, so a range is told whole. */
function numberRange(field: z.ZodType | undefined): string | null {
	const inner = field ? unwrapped(field) : undefined;
	if (!(inner instanceof z.ZodNumber)) return null;
	const { minValue, maxValue } = inner;
	return minValue !== null && maxValue !== null && Number.isFinite(minValue) && Number.isFinite(maxValue) ? `${inner.isInt ? 'een geheel getal' : 'een getal'} van ${minValue} t/m ${maxValue}` : null;
}

/** The Dutch message of a field's first check that has one ('een gemeentecode als GM0505'). */
function checkMessage(field: z.ZodType | undefined): string | undefined {
	for (const check of (field ? unwrapped(field) : undefined)?._zod.def.checks ?? []) {
		const message = (check._zod.def as { error?: (issue: unknown) => unknown }).error?.({});
		if (typeof message === 'string') return message;
	}
	return undefined;
}

/** The Dutch explanation of one zod issue for a URL parameter. */
function explain(issue: z.core.$ZodIssue, parameter: string, value: unknown, field?: z.ZodType): string {
	const found = Array.isArray(value) ? value.join(', ') : value === undefined ? '(leeg)' : String(value);
	const shown = found.length > 60 ? `${found.slice(0, 57)}…` : found;
	let allowed: string;
	switch (issue.code) {
		case 'invalid_value':
			allowed = `een van: ${issue.values.map(String).join(', ')}`;
			break;
		case 'too_small':
			allowed = issue.origin === 'array' ? `minstens ${issue.minimum} waarde(n)` : (numberRange(field) ?? `${issue.minimum} of meer`);
			break;
		case 'too_big':
			allowed = issue.origin === 'array' ? `hoogstens ${issue.maximum} waarden` : (numberRange(field) ?? `${issue.maximum} of minder`);
			break;
		case 'invalid_type':
			// A missing or unreadable value: what the field takes, in words (its check's message, such as 'een gemeentecode als GM0505').
			allowed = issue.expected === 'number' || issue.expected === 'int' ? 'een geheel getal' : (checkMessage(field) ?? 'een waarde');
			break;
		case 'unrecognized_keys':
			return `Onbekende parameter(s): ${issue.keys.join(', ')}.`;
		default:
			allowed = issue.message;
	}
	return `Ongeldige waarde voor parameter '${parameter}': '${shown}'. Toegestaan: ${allowed}.`;
}

/**
 * Parse the URL's search parameters with a view's schema. Unknown parameters are ignored (a
 * shared link may carry tracking or older parameters); invalid values throw a FilterError.
 */
export function parseSearchParams<S extends z.ZodObject>(url: URL, schema: S): z.infer<S> {
	const arrays = arrayKeys(schema);
	const raw: Record<string, unknown> = {};
	for (const key of Object.keys(schema.shape)) {
		const values = url.searchParams.getAll(key).filter((v) => v !== '');
		if (arrays.has(key)) raw[key] = values.length ? values.flatMap((v) => v.split(',')).filter(Boolean) : undefined;
		else if (values.length > 1) throw new FilterError(key, `Parameter '${key}' mag maar één keer voorkomen.`);
		else raw[key] = values[0];
	}
	const parsed = schema.safeParse(raw);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	const parameter = String(issue.path[0] ?? '');
	throw new FilterError(parameter, explain(issue, parameter, raw[parameter], schema.shape[parameter] as z.ZodType | undefined));
}

/** Serialise filters back to a query string (arrays as repeated parameters, defaults left out). */
export function toSearchParams(filters: Record<string, unknown>, defaults: Record<string, unknown> = {}): URLSearchParams {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(filters)) {
		if (value === undefined || value === null) continue;
		if (JSON.stringify(value) === JSON.stringify(defaults[key])) continue;
		if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
		else params.set(key, String(value));
	}
	return params;
}
