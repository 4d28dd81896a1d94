/** The blocks of a notebook's body: markdown, ```sql <name> and ```chart <name> (notebooks/README.md). */
import { Lexer, type Tokens } from 'marked';
import { z } from 'zod';
import { INLINE_FORMATS } from './inline';
import { dutchIssue, nonEmptyText, parseYaml, reportIssue, text, type Report } from './parse-common';
import { CHART_MARKS, type ChartBlock, type ChartSpec, type MarkdownBlock, type NotebookBlock, type SqlBlock } from './types';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function parseBlocks(body: string, bodyLine: number, report: Report): NotebookBlock[] {
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

export interface ChartLines {
	lineOf(path: readonly PropertyKey[]): number;
}
/** Where each field of a parsed chart block is in the file, for the cross-checks. */
export const chartLines = new WeakMap<ChartSpec, ChartLines>();

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

