/**
 * Inline values in notebook text (notebooks/README.md, "Prose"): `{block.column}`,
 * `{block.column|procent}` and `{parameter}`. Pure: the same code resolves prose on the page,
 * chart titles in SVG/PNG exports and slide titles in a deck.
 */
import { formatDate, formatDateTime, formatDecimal, formatInteger, formatPercent, ONBEKEND } from '../domain/format';
import type { CellValue, NotebookRun, QueryResult } from './types';

export const INLINE_FORMATS = ['getal', 'procent', 'decimaal'] as const;
export type InlineFormat = (typeof INLINE_FORMATS)[number];

/** A parsed `{…}` reference; `format` is checked by the parser, not here. */
export type InlineReference =
	| { kind: 'value'; raw: string; block: string; column: string; format?: string }
	| { kind: 'parameter'; raw: string; name: string; format?: string };

/** What a failed reference shows; the reason goes into a tooltip. */
export const UNRESOLVED = '[?]';

const NAME = '[a-z][a-z0-9_]*';
const COLUMN = '[\\p{L}_][\\p{L}\\p{N}_]*';
/** `{name}` or `{block.column}`, optionally `|format`; anything else in braces is plain text. */
export const REFERENCE_SOURCE = `\\{(${NAME})(?:\\.(${COLUMN}))?(?:\\|([a-z]+))?\\}`;
const REFERENCE_AT_START = new RegExp(`^${REFERENCE_SOURCE}`, 'u');

/** The reference at the start of `text`, or null. */
export function referenceAt(text: string): InlineReference | null {
	const match = REFERENCE_AT_START.exec(text);
	return match ? toReference(match) : null;
}

function toReference(match: RegExpExecArray): InlineReference {
	const [raw, name, column, format] = match;
	return column === undefined ? { kind: 'parameter', raw, name, format } : { kind: 'value', raw, block: name, column, format };
}

/** A piece of plain text: literal text or a reference, in order; `\{` is a literal brace. */
export type TextPart = { kind: 'text'; text: string } | { kind: 'reference'; reference: InlineReference; offset: number };

/** Split plain text (chart titles, subtitles) into literal text and references. */
export function splitReferences(text: string): TextPart[] {
	const parts: TextPart[] = [];
	let literal = '';
	let i = 0;
	while (i < text.length) {
		if (text[i] === '\\' && text[i + 1] === '{') {
			literal += '{';
			i += 2;
			continue;
		}
		const reference = text[i] === '{' ? referenceAt(text.slice(i)) : null;
		if (reference) {
			if (literal) parts.push({ kind: 'text', text: literal });
			literal = '';
			parts.push({ kind: 'reference', reference, offset: i });
			i += reference.raw.length;
		} else {
			literal += text[i];
			i++;
		}
	}
	if (literal) parts.push({ kind: 'text', text: literal });
	return parts;
}

/** The references in plain text, with their offsets. */
export function findReferences(text: string): { reference: InlineReference; offset: number }[] {
	return splitReferences(text).flatMap((p) => (p.kind === 'reference' ? [{ reference: p.reference, offset: p.offset }] : []));
}

/** What the text needs of a run: parameter values and block results. */
export type InlineContext = Pick<NotebookRun, 'parameters' | 'results'> & Partial<Pick<NotebookRun, 'parameterValues'>>;

export type Resolved = { ok: true; text: string } | { ok: false; reason: string };

/** The formatted value of one reference, or the Dutch reason it has none. */
export function resolveReference(reference: InlineReference, context: InlineContext): Resolved {
	if (reference.kind === 'parameter') {
		const value = context.parameters[reference.name];
		if (value === undefined) return { ok: false, reason: `onbekende parameter '${reference.name}'` };
		// A choice shows its label ('Dordrecht', not 'GM0505'), as the filter does.
		const label = context.parameterValues?.[reference.name]?.find((v) => v.value === value)?.label;
		return { ok: true, text: label ?? value };
	}
	const result: QueryResult | undefined = context.results[reference.block];
	if (!result) return { ok: false, reason: `SQL-blok '${reference.block}' bestaat niet` };
	if (result.error) return { ok: false, reason: `SQL-blok '${reference.block}' gaf een fout` };
	const column = result.columns.find((c) => c.name === reference.column);
	if (!column) return { ok: false, reason: `SQL-blok '${reference.block}' heeft geen kolom '${reference.column}'` };
	if (result.rows.length === 0) return { ok: false, reason: `SQL-blok '${reference.block}' gaf geen rijen` };
	const format = reference.format ?? 'getal';
	if (!isInlineFormat(format)) return { ok: false, reason: `onbekende opmaak '${format}'` };
	return { ok: true, text: formatInline(result.rows[0][column.name], format, column.type, column.name) };
}

/** Plain text with every reference replaced by its value, or `[?]`. */
export function resolveText(text: string, context: InlineContext): string {
	return splitReferences(text)
		.map((part) => {
			if (part.kind === 'text') return part.text;
			const resolved = resolveReference(part.reference, context);
			return resolved.ok ? resolved.text : UNRESOLVED;
		})
		.join('');
}

export function isInlineFormat(format: string): format is InlineFormat {
	return (INLINE_FORMATS as readonly string[]).includes(format);
}

/**
 * One value as Dutch text (README table): whole numbers grouped (`1.234`), other numbers to
 * at most one decimal (`12,5`); `procent` a fraction as a percentage (`46%`, `45,8%`);
 * `decimaal` exactly one decimal (`3,0`); dates as `1 januari 2024`. A whole number in a
 * column named after a year (`jaar`, `peiljaar`, `year`) is a year: `2024`, not `2.024`.
 * Rounding never shows a minus sign on zero (`-0,04` → `0,0`, not `-0,0`).
 */
export function formatInline(value: CellValue | undefined, format: InlineFormat = 'getal', columnType = '', columnName = ''): string {
	if (value === null || value === undefined) return ONBEKEND;
	if (typeof value === 'boolean') return value ? 'ja' : 'nee';
	if (typeof value === 'number') {
		const text = formatNumber(value, format, columnName);
		return /^-0(,0*)?%?$/.test(text) ? text.slice(1) : text;
	}
	const type = columnType.toUpperCase();
	if (type === 'DATE') return formatDate(value);
	if (type.startsWith('TIMESTAMP')) return formatDateTime(value);
	return value;
}

function formatNumber(value: number, format: InlineFormat, columnName: string): string {
	if (format === 'getal' && Number.isInteger(value) && /jaar|year/i.test(columnName)) return String(value);
	if (format === 'procent') return formatPercent(value, { digits: 1 });
	if (format === 'decimaal') return formatDecimal(value, { digits: 1, fixed: true });
	return Number.isInteger(value) ? formatInteger(value) : formatDecimal(value, { digits: 1 });
}
