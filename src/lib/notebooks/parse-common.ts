/**
 * What the steps of parsing a notebook share (parse.ts puts them together): the names a
 * notebook may use, the problem reporter, YAML read with file line numbers, and zod issues on
 * YAML values in Dutch.
 */
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SQL_BLOCK_NAME = /^[a-z][a-z0-9_]*$/;
export const CHART_NAME = /^[a-z][a-z0-9-]*$/;
export const PARAMETER_NAME = /^[a-z][a-z0-9_]*$/;

export type Report = (line: number, message: string) => void;

/** Accepts a YAML string or number as text (`label: 2024`). */
export const text = z.union([z.string(), z.number()]).transform(String);
export const nonEmptyText = text.refine((s) => s.trim() !== '', { message: 'mag niet leeg zijn' });

export interface ParsedYaml {
	data: unknown;
	/** File line of the node at `path` (or of its nearest existing parent). */
	lineOf(path: readonly PropertyKey[], key?: string): number;
}

export function parseYaml(yaml: string, firstLine: number, what: string, report: Report): ParsedYaml | null {
	const lineCounter = new LineCounter();
	const doc = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
	if (doc.errors.length > 0) {
		for (const error of doc.errors) {
			const line = lineCounter.linePos(error.pos[0]).line;
			report(firstLine + line - 1, `YAML-fout in ${what}: ${error.message.split('\n')[0]}`);
		}
		return null;
	}
	const fileLine = (offset: number) => firstLine + lineCounter.linePos(offset).line - 1;
	return {
		data: doc.toJS(),
		lineOf(path, key) {
			return lineOfPath(doc, path, key, fileLine) ?? firstLine;
		}
	};
}

function lineOfPath(doc: Document, path: readonly PropertyKey[], key: string | undefined, fileLine: (offset: number) => number): number | undefined {
	for (let depth = path.length; depth >= 0; depth--) {
		const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
		if (depth === path.length && key !== undefined && isMap(node)) {
			const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
			const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
			if (range) return fileLine(range[0]);
		}
		const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
		if (range) return fileLine(range[0]);
	}
	return undefined;
}

const TYPE_NAMES: Record<string, string> = {
	string: 'een tekst',
	number: 'een getal',
	int: 'een geheel getal',
	array: 'een lijst',
	object: 'een reeks velden (naam: waarde)',
	boolean: 'ja of nee (true/false)'
};

const QUOTE_HINT = " (begint de tekst met '{' of '['? Zet hem dan tussen aanhalingstekens)";

/** Dutch text for a zod issue on a YAML value (the field is named by reportIssue). */
export function dutchIssue(issue: z.core.$ZodRawIssue): string {
	if (issue.input === undefined && ['invalid_type', 'invalid_union'].includes(issue.code)) return 'ontbreekt';
	switch (issue.code) {
		case 'invalid_type': {
			const hint = issue.expected === 'string' && typeof issue.input === 'object' ? QUOTE_HINT : '';
			return `moet ${TYPE_NAMES[issue.expected] ?? issue.expected} zijn${hint}`;
		}
		case 'invalid_value':
			return `moet een van deze waarden zijn: ${issue.values.map(String).join(', ')}`;
		case 'too_small':
			if (issue.origin === 'string') return 'mag niet leeg zijn';
			return issue.origin === 'array' ? `moet ten minste ${issue.minimum} waarde(n) hebben` : `moet ${issue.minimum} of meer zijn`;
		case 'too_big':
			return issue.origin === 'array' ? `mag hoogstens ${issue.maximum} waarden hebben` : `moet ${issue.maximum} of minder zijn`;
		case 'invalid_union':
			// Our unions are "text or number"; an object there is nearly always an unquoted '{…}'.
			return typeof issue.input === 'object' ? `moet een tekst zijn${QUOTE_HINT}` : 'heeft een ongeldige waarde';
		case 'invalid_format':
			return 'heeft een ongeldige vorm';
		default:
			return 'is ongeldig';
	}
}

function pathText(path: readonly PropertyKey[]): string {
	return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

export function reportIssue(issue: z.core.$ZodIssue, yaml: ParsedYaml, where: string, report: Report): void {
	if (issue.code === 'unrecognized_keys') {
		for (const key of issue.keys) {
			const field = pathText([...issue.path, key]);
			report(yaml.lineOf(issue.path, key), `${where}: onbekend veld '${field}'`);
		}
		return;
	}
	const field = pathText(issue.path);
	report(yaml.lineOf(issue.path), field ? `${where}: '${field}' ${issue.message}` : `${where} ${issue.message}`);
}

