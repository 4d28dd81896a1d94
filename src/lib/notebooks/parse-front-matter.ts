/** The front matter of a notebook: title, description, author, date and parameters (notebooks/README.md). */
import { z } from 'zod';
import { dutchIssue, nonEmptyText, PARAMETER_NAME, parseYaml, reportIssue, text, type ParsedYaml, type Report } from './parse-common';
import type { NotebookFrontMatter, NotebookParameter } from './types';

interface Split {
	/** The YAML between the `---` lines, or null when there is none. */
	yaml: string | null;
	/** File line of the first YAML line. */
	yamlLine: number;
	body: string;
	/** File line of the first body line. */
	bodyLine: number;
}

export function splitFrontMatter(text: string, report: Report): Split {
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

export function parseFrontMatter(yaml: string, firstLine: number, report: Report): ParsedFrontMatter {
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

