/**
 * `notebooks/<slug>.md` → Notebook (notebooks/README.md is the format). Pure: no file system
 * and no store, so the CLI, the server and tests share it. Every problem is collected with its
 * line in the file and a Dutch message, and thrown together as one NotebookParseError, so an
 * author fixes a notebook in one round instead of one error at a time.
 */
import { Lexer, type Tokens } from 'marked';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { findReferences, INLINE_FORMATS, isInlineFormat, referenceAt, type InlineReference } from './inline';
import { proseReferences } from './markdown';
import { sqlParameters, tableReferences, tokenizeSql } from './sql-tokens';
import { isStoreTable } from '../domain/store-tables';
import {
	CHART_MARKS,
	NotebookParseError,
	type ChartBlock,
	type ChartSpec,
	type MarkdownBlock,
	type Notebook,
	type NotebookBlock,
	type NotebookFrontMatter,
	type NotebookParameter,
	type NotebookProblem,
	type SqlBlock
} from './types';

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SQL_BLOCK_NAME = /^[a-z][a-z0-9_]*$/;
export const CHART_NAME = /^[a-z][a-z0-9-]*$/;
export const PARAMETER_NAME = /^[a-z][a-z0-9_]*$/;

type Report = (line: number, message: string) => void;

/** Parse a notebook file; throws NotebookParseError listing every problem found. */
export function parseNotebook(source: string, { slug, file }: { slug: string; file: string }): Notebook {
	const problems: NotebookProblem[] = [];
	const report: Report = (line, message) => problems.push({ file, line, message });
	const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

	if (!SLUG.test(slug)) report(1, `ongeldige naam '${slug}' voor een notebook: gebruik kleine letters, cijfers en '-'`);
	const split = splitFrontMatter(text, report);
	const { frontMatter, parameters } = split.yaml === null ? { frontMatter: null, parameters: null } : parseFrontMatter(split.yaml, split.yamlLine, report);
	const blocks = parseBlocks(split.body, split.bodyLine, report);
	checkNotebook(parameters, blocks, report);

	if (problems.length > 0 || !frontMatter) {
		if (problems.length === 0) report(1, 'de front matter ontbreekt');
		throw new NotebookParseError(problems.sort((a, b) => a.line - b.line));
	}
	return { slug, file, frontMatter, blocks };
}

// ---------------------------------------------------------------------------------------------
// Front matter

interface Split {
	/** The YAML between the `---` lines, or null when there is none. */
	yaml: string | null;
	/** File line of the first YAML line. */
	yamlLine: number;
	body: string;
	/** File line of the first body line. */
	bodyLine: number;
}

function splitFrontMatter(text: string, report: Report): Split {
	const lines = text.split('\n');
	if (lines[0].trimEnd() !== '---') {
		report(1, "de notebook begint niet met front matter: zet bovenaan YAML tussen twee regels '---' (met ten minste title:)");
		return { yaml: null, yamlLine: 1, body: text, bodyLine: 1 };
	}
	const close = lines.findIndex((line, i) => i > 0 && (line.trimEnd() === '---' || line.trimEnd() === '...'));
	if (close === -1) {
		report(1, "de front matter wordt niet afgesloten met een regel '---'");
		return { yaml: null, yamlLine: 2, body: '', bodyLine: lines.length + 1 };
	}
	return { yaml: lines.slice(1, close).join('\n'), yamlLine: 2, body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 };
}

/** Accepts a YAML string or number as text (`label: 2024`). */
const text = z.union([z.string(), z.number()]).transform(String);
const nonEmptyText = text.refine((s) => s.trim() !== '', { message: 'mag niet leeg zijn' });

const valueSchema = z.union([
	z.union([z.string(), z.number()]).transform((v) => ({ value: String(v), label: String(v) })),
	z.strictObject({ value: text, label: text.optional() }).transform(({ value, label }) => ({ value, label: label ?? value }))
]);

const parameterSchema = z
	.strictObject({
		name: z.string().regex(PARAMETER_NAME, { message: 'moet bestaan uit kleine letters, cijfers en _ en met een letter beginnen' }),
		label: nonEmptyText,
		type: z.enum(['integer', 'choice']),
		default: text,
		min: z.number().int().optional(),
		max: z.number().int().optional(),
		values: z.array(valueSchema).min(1).optional(),
		values_from: z.string().optional()
	})
	.superRefine((p, ctx) => {
		const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
		if (p.type === 'integer') {
			if (p.values !== undefined) issue('values', "hoort bij type 'choice', niet bij 'integer'");
			if (p.values_from !== undefined) issue('values_from', "hoort bij type 'choice', niet bij 'integer'");
			if (p.min !== undefined && p.max !== undefined && p.min > p.max) issue('max', `is kleiner dan min (${p.min})`);
			if (!/^-?\d+$/.test(p.default)) issue('default', `moet een geheel getal zijn (gevonden: '${p.default}')`);
			else if ((p.min !== undefined && Number(p.default) < p.min) || (p.max !== undefined && Number(p.default) > p.max))
				issue('default', `${p.default} ligt buiten ${rangeText(p.min, p.max)}`);
		} else {
			if (p.min !== undefined) issue('min', "hoort bij type 'integer', niet bij 'choice'");
			if (p.max !== undefined) issue('max', "hoort bij type 'integer', niet bij 'choice'");
			if ((p.values === undefined) === (p.values_from === undefined)) issue('type', "een keuzeparameter heeft 'values' of 'values_from' (precies één van beide)");
			if (p.values && !p.values.some((v) => v.value === p.default))
				issue('default', `'${p.default}' staat niet in values (${p.values.map((v) => v.value).join(', ')})`);
			if (p.values && new Set(p.values.map((v) => v.value)).size !== p.values.length) issue('values', 'bevat een waarde twee keer');
		}
	});

const frontMatterSchema = z.strictObject({
	title: nonEmptyText,
	author: text.optional(),
	description: text.optional(),
	date: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'moet een datum JJJJ-MM-DD zijn' })
		.refine((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || isCalendarDate(d), {
			message: 'is geen bestaande datum'
		})
		.optional(),
	parameters: z.array(parameterSchema).default([])
});

function isCalendarDate(date: string): boolean {
	const parsed = new Date(`${date}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
}

function rangeText(min: number | undefined, max: number | undefined): string {
	if (min !== undefined && max !== undefined) return `${min} t/m ${max}`;
	return min !== undefined ? `${min} of meer` : `${max} of minder`;
}

interface ParsedFrontMatter {
	frontMatter: NotebookFrontMatter | null;
	/** The parameters when they are valid, even if another field is not (for the cross-checks); null when unknown. */
	parameters: NotebookParameter[] | null;
}

function parseFrontMatter(yaml: string, firstLine: number, report: Report): ParsedFrontMatter {
	const parsed = parseYaml(yaml, firstLine, 'de front matter', report);
	if (!parsed) return { frontMatter: null, parameters: null };
	if (parsed.data === null || parsed.data === undefined) {
		report(firstLine - 1, "de front matter is leeg: ten minste 'title' is nodig");
		return { frontMatter: null, parameters: [] };
	}
	const result = frontMatterSchema.safeParse(parsed.data, { error: dutchIssue });
	if (!result.success) {
		for (const issue of result.error.issues) reportIssue(issue, parsed, 'front matter', report);
		const alone = frontMatterSchema.shape.parameters.safeParse((parsed.data as { parameters?: unknown }).parameters);
		return { frontMatter: null, parameters: alone.success ? toParameters(alone.data, parsed, () => undefined) : null };
	}
	const parameters = toParameters(result.data.parameters, parsed, report);
	const { title, author, description, date } = result.data;
	return {
		frontMatter: { title, ...(author !== undefined && { author }), ...(description !== undefined && { description }), ...(date !== undefined && { date }), parameters },
		parameters
	};
}

function toParameters(valid: z.infer<typeof parameterSchema>[], yaml: ParsedYaml, report: Report): NotebookParameter[] {
	const names = new Set<string>();
	return valid.map((p, i): NotebookParameter => {
		if (names.has(p.name)) report(yaml.lineOf(['parameters', i, 'name']), `parameter '${p.name}' staat er twee keer in`);
		names.add(p.name);
		return {
			line: yaml.lineOf(['parameters', i]),
			name: p.name,
			label: p.label,
			type: p.type,
			default: p.type === 'integer' ? String(Number(p.default)) : p.default,
			...(p.min !== undefined && { min: p.min }),
			...(p.max !== undefined && { max: p.max }),
			...(p.values !== undefined && { values: p.values }),
			...(p.values_from !== undefined && { valuesFrom: p.values_from })
		};
	});
}

// ---------------------------------------------------------------------------------------------
// YAML with file line numbers

interface ParsedYaml {
	data: unknown;
	/** File line of the node at `path` (or of its nearest existing parent). */
	lineOf(path: readonly PropertyKey[], key?: string): number;
}

function parseYaml(yaml: string, firstLine: number, what: string, report: Report): ParsedYaml | null {
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
function dutchIssue(issue: z.core.$ZodRawIssue): string {
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

function reportIssue(issue: z.core.$ZodIssue, yaml: ParsedYaml, where: string, report: Report): void {
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

// ---------------------------------------------------------------------------------------------
// Blocks

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

function parseBlocks(body: string, bodyLine: number, report: Report): NotebookBlock[] {
	const blocks: NotebookBlock[] = [];
	const tokens = new Lexer({ gfm: true }).lex(body);
	let offset = 0;
	let markdownStart = 0;
	const lineAt = (position: number) => bodyLine + countNewlines(body, position);
	const flushMarkdown = (end: number) => {
		const chunk = body.slice(markdownStart, end);
		if (chunk.trim() === '') return;
		const lead = chunk.length - chunk.trimStart().length;
		const start = markdownStart + chunk.slice(0, lead).lastIndexOf('\n') + 1;
		blocks.push({ kind: 'markdown', line: lineAt(start), text: body.slice(start, end).trimEnd() } satisfies MarkdownBlock);
	};
	for (const token of tokens) {
		const position = body.indexOf(token.raw, offset);
		const start = position === -1 ? offset : position;
		offset = start + token.raw.length;
		if (token.type !== 'code' || (token as Tokens.Code).codeBlockStyle === 'indented') continue;
		const code = token as Tokens.Code;
		const [kind, name, ...rest] = (code.lang ?? '').trim().split(/\s+/);
		if (kind !== 'sql' && kind !== 'chart') continue;
		flushMarkdown(start);
		markdownStart = offset;
		const line = lineAt(start);
		const label = kind === 'sql' ? 'SQL-blok' : 'grafiek';
		if (!fenceClosed(code.raw)) report(line, `het codeblok '${kind}${name ? ` ${name}` : ''}' wordt niet afgesloten (de afsluitende ${FENCE.exec(code.raw)?.[1] ?? '```'} ontbreekt)`);
		if (!name) {
			report(line, `${label} zonder naam: schrijf \`\`\`${kind} naam`);
			continue;
		}
		if (rest.length > 0) report(line, `na de naam van ${label} '${name}' mag niets meer staan (gevonden: '${rest.join(' ')}')`);
		if (kind === 'sql') blocks.push({ kind: 'sql', line, name, sql: code.text, references: [], parameters: [] } satisfies SqlBlock);
		else {
			const spec = parseChartSpec(code.text, line + 1, name, report);
			blocks.push({ kind: 'chart', line, name, spec: spec ?? ({} as ChartSpec) } satisfies ChartBlock);
		}
	}
	flushMarkdown(body.length);
	return blocks;
}

function fenceClosed(raw: string): boolean {
	const lines = raw.replace(/\n$/, '').split('\n');
	const open = FENCE.exec(lines[0]);
	if (!open || lines.length < 2) return false;
	const fence = open[1];
	const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
	return close.test(lines[lines.length - 1]);
}

function countNewlines(text: string, end: number): number {
	let n = 0;
	for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) n++;
	return n;
}

const column = z.string().min(1);

/** A chart block's YAML (notebooks/README.md, "Chart blocks"); chart-spec.ts compiles it. */
export const chartSpecSchema = z.strictObject({
	query: z.string(),
	mark: z.enum(CHART_MARKS),
	x: column.optional(),
	y: column.optional(),
	fill: column.optional(),
	facet: column.optional(),
	label: column.optional(),
	xLabel: text.optional(),
	yLabel: text.optional(),
	format: z.enum(INLINE_FORMATS).optional(),
	rule: z.union([z.number().finite(), z.string()]).optional(),
	ruleLabel: text.optional(),
	title: nonEmptyText,
	subtitle: text.optional(),
	source: text.optional(),
	height: z.number().int().min(100).max(2000).optional()
});

interface ChartLines {
	lineOf(path: readonly PropertyKey[]): number;
}
const chartLines = new WeakMap<ChartSpec, ChartLines>();

function parseChartSpec(yaml: string, firstLine: number, name: string, report: Report): ChartSpec | null {
	const where = `grafiek '${name}'`;
	const parsed = parseYaml(yaml, firstLine, where, report);
	if (!parsed) return null;
	if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
		report(firstLine - 1, `${where}: de inhoud moet YAML met velden zijn (query:, mark:, title: …)`);
		return null;
	}
	const result = chartSpecSchema.safeParse(parsed.data, { error: dutchIssue });
	if (!result.success) {
		for (const issue of result.error.issues) reportIssue(issue, parsed, where, report);
		return null;
	}
	const spec: ChartSpec = Object.fromEntries(Object.entries(result.data).filter(([, v]) => v !== undefined)) as unknown as ChartSpec;
	chartLines.set(spec, parsed);
	return spec;
}

// ---------------------------------------------------------------------------------------------
// Cross-checks: names, references, parameters

/** `declared` is null when the front matter's parameters could not be read: then their uses are not checked. */
function checkNotebook(declared: NotebookParameter[] | null, blocks: NotebookBlock[], report: Report): void {
	const sqlBlocks = blocks.filter((b): b is SqlBlock => b.kind === 'sql');
	const charts = blocks.filter((b): b is ChartBlock => b.kind === 'chart');
	const parameters = new Map((declared ?? []).map((p) => [p.name, p]));
	const known = (name: string) => declared === null || parameters.has(name);
	const order = new Map<string, number>();

	for (const [i, block] of sqlBlocks.entries()) {
		if (!SQL_BLOCK_NAME.test(block.name)) report(block.line, `ongeldige naam '${block.name}' voor een SQL-blok: gebruik kleine letters, cijfers en _ (beginnend met een letter)`);
		else if (isStoreTable(block.name)) report(block.line, `SQL-blok '${block.name}' heeft de naam van een tabel van de gegevensopslag; kies een andere naam`);
		const earlier = sqlBlocks.find((b) => b.name === block.name);
		if (earlier !== block && earlier) report(block.line, `er is al een SQL-blok '${block.name}' (regel ${earlier.line})`);
		else order.set(block.name, i);
		if (block.sql.trim() === '') report(block.line, `SQL-blok '${block.name}' is leeg`);
	}
	for (const block of charts) {
		if (!CHART_NAME.test(block.name)) report(block.line, `ongeldige naam '${block.name}' voor een grafiek: gebruik kleine letters, cijfers en - (beginnend met een letter)`);
		const earlier = charts.find((b) => b.name === block.name);
		if (earlier !== block && earlier) report(block.line, `er is al een grafiek '${block.name}' (regel ${earlier.line})`);
	}

	// References between SQL blocks and parameters, in notebook order.
	const usesParameters = new Map<string, string[]>();
	for (const [i, block] of sqlBlocks.entries()) {
		const tokens = tokenizeSql(block.sql);
		const lineOf = (tokenLine: number) => block.line + 1 + tokenLine;
		const references = new Set<string>();
		for (const token of tableReferences(tokens)) {
			const target = token.text.toLowerCase();
			const at = order.get(target);
			if (at === undefined) continue;
			if (target === block.name) report(lineOf(token.line), `SQL-blok '${block.name}' leest zichzelf`);
			else if (at > i) report(lineOf(token.line), `SQL-blok '${block.name}' leest '${target}', maar dat blok staat verderop of bestaat niet`);
			else references.add(target);
		}
		block.references = sqlBlocks.map((b) => b.name).filter((n) => references.has(n));
		block.parameters = sqlParameters(tokens).map((t) => t.text);
		for (const token of sqlParameters(tokens)) {
			if (!known(token.text))
				report(lineOf(token.line), `SQL-blok '${block.name}' gebruikt $${token.text}, maar die parameter staat niet in de front matter`);
		}
		const transitive = new Set(block.parameters);
		for (const ref of block.references) for (const p of usesParameters.get(ref) ?? []) transitive.add(p);
		usesParameters.set(block.name, [...transitive]);
	}

	for (const parameter of parameters.values()) {
		if (parameter.valuesFrom === undefined) continue;
		const used = usesParameters.get(parameter.valuesFrom);
		if (!used) report(parameter.line, `parameter '${parameter.name}': values_from '${parameter.valuesFrom}' is geen SQL-blok in deze notebook`);
		else if (used.length > 0)
			report(
				parameter.line,
				`parameter '${parameter.name}': values_from '${parameter.valuesFrom}' gebruikt parameters (${used.map((p) => `$${p}`).join(', ')}); de keuzelijst moet zonder parameters te bepalen zijn`
			);
	}

	const checkReference = (reference: InlineReference, line: number, where: string) => {
		if (reference.kind === 'parameter') {
			if (!known(reference.name)) report(line, `${where}: '${reference.raw}' verwijst naar parameter '${reference.name}', maar die staat niet in de front matter`);
			if (reference.format !== undefined) report(line, `${where}: '${reference.raw}': opmaak kan alleen bij een waarde {blok.kolom}`);
			return;
		}
		if (!order.has(reference.block)) report(line, `${where}: '${reference.raw}' verwijst naar SQL-blok '${reference.block}', maar dat bestaat niet`);
		if (reference.format !== undefined && !isInlineFormat(reference.format))
			report(line, `${where}: onbekende opmaak '${reference.format}' in '${reference.raw}' (toegestaan: ${INLINE_FORMATS.join(', ')})`);
	};

	for (const block of blocks) {
		if (block.kind === 'markdown') {
			for (const { reference, line } of proseReferences(block.text)) checkReference(reference, block.line + line - 1, 'tekst');
		}
		if (block.kind !== 'chart' || !chartLines.has(block.spec)) continue;
		const where = `grafiek '${block.name}'`;
		const lines = chartLines.get(block.spec) as ChartLines;
		const { spec } = block;
		if (!order.has(spec.query)) report(lines.lineOf(['query']), `${where}: query '${spec.query}' is geen SQL-blok in deze notebook`);
		for (const field of ['title', 'subtitle', 'source', 'ruleLabel'] as const) {
			const value = spec[field];
			if (value !== undefined) for (const { reference } of findReferences(value)) checkReference(reference, lines.lineOf([field]), where);
		}
		if (spec.ruleLabel !== undefined && spec.rule === undefined) report(lines.lineOf(['ruleLabel']), `${where}: 'ruleLabel' zonder 'rule': er is geen lijn om te benoemen`);
		if (typeof spec.rule === 'string') {
			const reference = referenceAt(spec.rule.trim());
			if (!reference || reference.raw !== spec.rule.trim() || reference.kind !== 'value')
				report(lines.lineOf(['rule']), `${where}: 'rule' moet een getal zijn of een verwijzing {blok.kolom} (gevonden: '${spec.rule}')`);
			else checkReference(reference, lines.lineOf(['rule']), where);
		}
	}
}
