/**
 * A chart spec checked against its query's result: which column plays which part, the axis
 * labels and the value format. Every mismatch is a ChartSpecError in Dutch naming the chart
 * and the field, so the page can say what to change in the notebook.
 */
import type { ChartMark, ChartSpec, ResultColumn, ResultRow } from '../types';
import { MAX_SERIES } from './colours';
import { ChartSpecError } from './errors';
import { categoryText, formatValue, isIntegerColumn, isTemporalColumn, isYearColumn, type ValueFormat } from './format';

/** A gemeente with its tile position (the gemeenten export). */
export interface TileGemeente {
	gemeentecode: string;
	naam: string;
	tegel_x: number | null;
	tegel_y: number | null;
}

export interface CompileContext {
	/** The columns of the query's result. */
	columns: ResultColumn[];
	/** Tile positions, required for mark `tilemap`. */
	gemeenten?: readonly TileGemeente[];
	/** The resolved reference value (`{q.col}` looked up by the loader), or spec.rule when numeric. */
	rule?: number | null;
	/**
	 * The rows the chart will draw. The legend (one item per series) and the series colours are
	 * fixed when the chart is compiled, so they need the rows; without them the legend is empty.
	 */
	rows?: readonly ResultRow[];
}

/** The field whose column holds the measured value, to which `format` applies. */
export type ValueField = 'x' | 'y' | 'fill';

export interface Plan {
	/** The chart block's name, for messages. */
	chart: string;
	spec: ChartSpec;
	mark: ChartMark;
	columns: ResultColumn[];
	x?: ResultColumn;
	y?: ResultColumn;
	/** For bar/barh/line/dot/area: the series column; for cell/tilemap: the value column. */
	fill?: ResultColumn;
	facet?: ResultColumn;
	label?: ResultColumn;
	/** A `gemeentecode` column: marks link to the gemeente's page. */
	gemeentecode?: ResultColumn;
	xLabel: string;
	yLabel: string;
	valueField: ValueField;
	format: ValueFormat;
	rule: { value: number; text: string } | null;
	/** Series (categorical fill) in legend order, when known at compile time. */
	series: string[] | null;
	tiles: ReadonlyMap<string, TileGemeente> | null;
}

/** `{query.column}`: a reference line at the value of a column in the first row of a SQL block. */
export const RULE_REFERENCE = /^\{([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)\}$/;

const describeColumns = (columns: readonly ResultColumn[]) => columns.map((c) => c.name).join(', ') || 'geen';

/** The fields each mark draws, with what their column must hold. */
const FIELDS: Record<ChartMark, { required: Partial<Record<'x' | 'y' | 'fill', Need>>; allowed: readonly (keyof ChartSpec)[] }> = {
	bar: { required: { x: 'category', y: 'number' }, allowed: ['x', 'y', 'fill', 'facet', 'label', 'rule'] },
	barh: { required: { x: 'number', y: 'category' }, allowed: ['x', 'y', 'fill', 'facet', 'label', 'rule'] },
	line: { required: { x: 'axis', y: 'number' }, allowed: ['x', 'y', 'fill', 'facet', 'label', 'rule'] },
	dot: { required: { x: 'axis', y: 'number' }, allowed: ['x', 'y', 'fill', 'facet', 'label', 'rule'] },
	area: { required: { x: 'axis', y: 'number' }, allowed: ['x', 'y', 'fill', 'facet', 'label', 'rule'] },
	cell: { required: { x: 'category', y: 'category', fill: 'number' }, allowed: ['x', 'y', 'fill', 'facet', 'label'] },
	tilemap: { required: { fill: 'number' }, allowed: ['fill', 'label'] }
};

type Need = 'category' | 'number' | 'axis';

const NEED_TEXT: Record<Need, string> = {
	category: 'een kolom met categorieën',
	number: 'een kolom met getallen',
	axis: 'een kolom met getallen of datums'
};

const OPTIONAL_COLUMNS = ['x', 'y', 'fill', 'facet', 'label'] as const;
const NOT_FOR_ALL = ['x', 'y', 'fill', 'facet', 'label', 'rule'] as const;

/** Check a spec against the result and context; throws ChartSpecError on the first mismatch. */
export function planChart(chart: string, spec: ChartSpec, context: CompileContext): Plan {
	const { columns } = context;
	const fail = (field: string, detail: string): never => {
		throw new ChartSpecError(chart, field, detail);
	};
	const fields = FIELDS[spec.mark];
	if (!fields) fail('mark', `mark '${String(spec.mark)}' bestaat niet (kies bar, barh, line, dot, area, cell of tilemap)`);

	for (const field of NOT_FOR_ALL) {
		if (spec[field] !== undefined && !fields.allowed.includes(field)) fail(field, `mark '${spec.mark}' gebruikt geen ${field}; laat '${field}: ${String(spec[field])}' weg`);
	}
	const resolved: Partial<Record<(typeof OPTIONAL_COLUMNS)[number], ResultColumn>> = {};
	for (const field of OPTIONAL_COLUMNS) {
		const name = spec[field];
		if (name === undefined) continue;
		const column = columns.find((c) => c.name === name);
		if (!column) fail(field, `kolom '${name}' (bij ${field}) bestaat niet in het resultaat van '${spec.query}' (kolommen: ${describeColumns(columns)})`);
		resolved[field] = column;
	}
	for (const [field, need] of Object.entries(fields.required) as [keyof typeof fields.required, Need][]) {
		const column = resolved[field];
		if (!column) fail(field, `mark '${spec.mark}' heeft ${field} nodig: ${NEED_TEXT[need]} uit het resultaat van '${spec.query}' (kolommen: ${describeColumns(columns)})`);
		else if (need === 'number' && !column.numeric) fail(field, `bij mark '${spec.mark}' moet ${field} ${NEED_TEXT[need]} zijn; '${column.name}' is ${column.type}`);
		else if (need === 'axis' && !column.numeric && !isTemporalColumn(column)) {
			fail(field, `bij mark '${spec.mark}' moet ${field} ${NEED_TEXT[need]} zijn; '${column.name}' is ${column.type} (gebruik mark 'bar' voor categorieën)`);
		}
	}
	// A series colours distinct values: whole numbers (a peiljaar) are categories, measured decimals are not.
	const series = ['bar', 'barh', 'line', 'dot', 'area'].includes(spec.mark) ? resolved.fill : undefined;
	if (series && series.numeric && !isIntegerColumn(series)) {
		fail('fill', `bij mark '${spec.mark}' kleurt fill reeksen en moet een kolom met categorieën zijn; '${series.name}' is ${series.type} (gebruik mark 'cell' of 'tilemap' om een waarde te kleuren)`);
	}

	const gemeentecode = columns.find((c) => c.name === 'gemeentecode' && !c.numeric);
	let tiles: Map<string, TileGemeente> | null = null;
	if (spec.mark === 'tilemap') {
		if (!gemeentecode) fail('mark', `mark 'tilemap' heeft een kolom 'gemeentecode' (tekst, zoals GM0505) in het resultaat van '${spec.query}' nodig (kolommen: ${describeColumns(columns)})`);
		const placed = (context.gemeenten ?? []).filter((g) => g.tegel_x !== null && g.tegel_y !== null);
		if (placed.length === 0) fail('mark', `mark 'tilemap' heeft de tegelposities van de gemeenten nodig, maar die zijn er niet (gemeenten-export)`);
		tiles = new Map(placed.map((g) => [g.gemeentecode, g]));
	}

	const valueField: ValueField = spec.mark === 'barh' ? 'x' : spec.mark === 'cell' || spec.mark === 'tilemap' ? 'fill' : 'y';
	const format = spec.format ?? 'getal';
	const ruleValue = typeof spec.rule === 'number' ? spec.rule : spec.rule !== undefined ? (context.rule ?? null) : null;
	const rule =
		ruleValue === null || !Number.isFinite(ruleValue)
			? null
			: { value: ruleValue, text: `${spec.ruleLabel?.trim() || (typeof spec.rule === 'string' ? ruleReferenceColumn(spec.rule) : 'referentie')} ${formatValue(ruleValue, format)}` };

	const plan: Plan = {
		chart,
		spec,
		mark: spec.mark,
		columns,
		...resolved,
		gemeentecode,
		xLabel: spec.xLabel ?? resolved.x?.name ?? '',
		yLabel: spec.yLabel ?? resolved.y?.name ?? '',
		valueField,
		format,
		rule,
		series: null,
		tiles
	};
	if (series && context.rows) {
		plan.series = seriesDomain(plan, context.rows);
		if (plan.series.length > MAX_SERIES) {
			fail('fill', `fill '${series.name}' heeft ${plan.series.length} verschillende waarden; een grafiek houdt er hoogstens ${MAX_SERIES} met kleur uit elkaar (gebruik facet: ${series.name} voor kleine grafieken per waarde)`);
		}
	}
	return plan;
}

/** The column a `{query.column}` rule refers to, for its label; the text itself when it is no reference. */
function ruleReferenceColumn(reference: string): string {
	return RULE_REFERENCE.exec(reference.trim())?.[2] ?? reference;
}

/** Distinct values of a categorical column as text, in order of appearance (the query's ORDER BY). */
export function distinctText(rows: readonly ResultRow[], column: ResultColumn): string[] {
	const year = isYearColumn(column, rows.map((r) => r[column.name] ?? null));
	return [...new Set(rows.map((r) => categoryText(r[column.name] ?? null, column, { year })))];
}

/** The series of a chart in legend order: the values of `fill` in the rows. */
export function seriesDomain(plan: Plan, rows: readonly ResultRow[]): string[] {
	if (!plan.fill) return [];
	return distinctText(rows, plan.fill);
}
