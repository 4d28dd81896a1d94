/**
 * The chart block's YAML, validated (notebooks/README.md, "4. Chart blocks"). This checks the
 * spec on its own; whether its columns exist in the query's result is compileChart's job,
 * since only the run knows the result.
 */
import { z } from 'zod';
import { CHART_MARKS, type ChartSpec } from '../types';
import { ChartSpecError } from './errors';

/** A Dutch message for a field: "ontbreekt" when absent, otherwise what it must be. */
const must = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? 'ontbreekt' : `moet ${what} zijn`) });

const COLUMN = z.string(must('een kolomnaam')).trim().min(1, 'moet een kolomnaam zijn');
const TEXT = z.string(must('tekst'));

/** `{query.column}`: the value of a column in the first row of a SQL block. */
export const RULE_REFERENCE = /^\{([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)\}$/;

export const chartSpecSchema = z
	.object({
		query: z.string(must('de naam van een SQL-blok')).regex(/^[a-z][a-z0-9_]*$/, 'moet de naam van een SQL-blok zijn (kleine letters, cijfers en _)'),
		mark: z.enum(CHART_MARKS, must(`een van ${CHART_MARKS.join(', ')}`)),
		x: COLUMN.optional(),
		y: COLUMN.optional(),
		fill: COLUMN.optional(),
		facet: COLUMN.optional(),
		label: COLUMN.optional(),
		xLabel: TEXT.optional(),
		yLabel: TEXT.optional(),
		format: z.enum(['getal', 'procent', 'decimaal'], must('getal, procent of decimaal')).optional(),
		rule: z
			.union([z.number().finite(), z.string().regex(RULE_REFERENCE, 'moet een getal of een verwijzing als {query.kolom} zijn')], must('een getal of een verwijzing als {query.kolom}'))
			.optional(),
		title: TEXT.trim().min(1, 'mag niet leeg zijn'),
		subtitle: TEXT.optional(),
		source: TEXT.optional(),
		height: z.number(must('een geheel getal (pixels)')).int('moet een geheel getal (pixels) zijn').min(100, 'moet minstens 100 zijn').max(2000, 'mag hoogstens 2000 zijn').optional()
	})
	.strict() satisfies z.ZodType<ChartSpec>;

const FIELDS = Object.keys(chartSpecSchema.shape);

export interface ChartSpecProblem {
	field: string;
	message: string;
}

/** Every problem of a chart block's YAML value, in Dutch ("veld 'mark' moet een van bar, … zijn"). */
export function chartSpecProblems(value: unknown): ChartSpecProblem[] {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return [{ field: '', message: `de grafiek moet velden als 'query: …' en 'mark: …' hebben (${FIELDS.join(', ')})` }];
	}
	const result = chartSpecSchema.safeParse(value);
	if (result.success) return [];
	return result.error.issues.flatMap((issue): ChartSpecProblem[] => {
		if (issue.code === 'unrecognized_keys') {
			return issue.keys.map((key) => ({ field: key, message: `onbekend veld '${key}' (toegestaan: ${FIELDS.join(', ')})` }));
		}
		const field = String(issue.path[0] ?? '');
		return [{ field, message: `veld '${field}' ${issue.message}` }];
	});
}

/** The validated spec of chart block `chart`, or a ChartSpecError naming the first problem (and how many more). */
export function parseChartSpec(chart: string, value: unknown): ChartSpec {
	const problems = chartSpecProblems(value);
	if (problems.length > 0) {
		const more = problems.length > 1 ? ` (en ${problems.length - 1} ander${problems.length > 2 ? 'e' : ''} probleem${problems.length > 2 ? 'en' : ''})` : '';
		throw new ChartSpecError(chart, problems[0].field, `${problems[0].message}${more}`);
	}
	return chartSpecSchema.parse(value) as ChartSpec;
}
