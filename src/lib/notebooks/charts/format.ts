/**
 * nl-NL text for the values a notebook chart shows: axis ticks, tooltips, the text
 * alternative and the table. Built on $lib/domain/format so notebook charts write `1.234`,
 * `46%` and `1 januari 2024` exactly like the views.
 */
import { formatDate, formatDateShort, formatDateTime, formatDecimal, formatInteger, formatPercent, ONBEKEND } from '$lib/domain/format';
import type { CellValue, ChartSpec, ResultColumn } from '../types';

export type ValueFormat = NonNullable<ChartSpec['format']>;

/**
 * A measured value as the notebook format defines it (notebooks/README.md, "Prose"): `getal`
 * groups whole numbers and writes others with at most one decimal, `procent` reads 0–1 as a
 * percentage with at most one decimal, `decimaal` always writes one decimal.
 */
export function formatValue(value: number | null | undefined, format: ValueFormat = 'getal'): string {
	if (value === null || value === undefined || Number.isNaN(value)) return ONBEKEND;
	if (format === 'procent') return formatPercent(value, { digits: 1 });
	if (format === 'decimaal') return formatDecimal(value, { digits: 1, fixed: true });
	return Number.isInteger(value) ? formatInteger(value) : formatDecimal(value, { digits: 1 });
}

/**
 * A number that is not the chart's measure (an axis position, another column in the table):
 * whole numbers grouped, others with at most two decimals, so a share of 0,13 stays 0,13.
 */
export function formatPlain(value: number | null | undefined): string {
	if (value === null || value === undefined || Number.isNaN(value)) return ONBEKEND;
	return Number.isInteger(value) ? formatInteger(value) : formatDecimal(value, { digits: 2 });
}

/** Axis ticks: like formatValue, but ticks of 0,25 keep their second decimal. */
export function formatTick(value: number, format: ValueFormat = 'getal'): string {
	if (format === 'getal') return formatPlain(value);
	return formatValue(value, format);
}

const INTEGER_TYPES = /^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|INT[1248]|LONG|SHORT)$/i;

export function isIntegerColumn(column: ResultColumn): boolean {
	return column.numeric && INTEGER_TYPES.test(column.type.trim());
}

export function isDateColumn(column: ResultColumn): boolean {
	return /^DATE$/i.test(column.type.trim());
}

export function isTimestampColumn(column: ResultColumn): boolean {
	return /^TIMESTAMP/i.test(column.type.trim());
}

/** DATE and TIMESTAMP columns: ISO strings in the result, a time axis in a chart. */
export function isTemporalColumn(column: ResultColumn): boolean {
	return isDateColumn(column) || isTimestampColumn(column);
}

/**
 * A whole number that names a year (`2024`, not `2.024`): an integer column called *jaar*
 * or *year*, or an integer column whose values all lie between 1800 and 2200.
 */
export function isYearColumn(column: ResultColumn, values: readonly CellValue[]): boolean {
	if (!column.numeric) return false;
	const numbers = values.filter((v): v is number => typeof v === 'number');
	if (!numbers.every(Number.isInteger)) return false;
	if (/jaar|year/i.test(column.name)) return true;
	return isIntegerColumn(column) && numbers.length > 0 && numbers.every((v) => v >= 1800 && v <= 2200);
}

/** An ISO date or timestamp from the result as a Date (UTC, as $lib/domain/format reads them), or null. */
export function toDate(value: CellValue): Date | null {
	if (typeof value !== 'string') return null;
	const text = value.trim();
	let iso = text;
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) iso = `${text}T00:00:00Z`;
	else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) iso = `${text.replace(' ', 'T')}Z`;
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? null : date;
}

/** `jan. 2024`: formatDateShort without its day. */
function monthYear(date: Date): string {
	return formatDateShort(date).replace(/^\d+\s+/, '');
}

/**
 * Ticks of a time axis in Dutch: years when every tick is on 1 January, months when every tick
 * is on the first of a month, dates otherwise. Plot's own time ticks are English ("Jan").
 */
export function formatDateTick(date: Date, _index: number, ticks: readonly Date[]): string {
	const all = ticks.length > 0 ? ticks : [date];
	if (all.every((d) => d.getUTCMonth() === 0 && d.getUTCDate() === 1 && d.getUTCHours() === 0)) return String(date.getUTCFullYear());
	if (all.every((d) => d.getUTCDate() === 1 && d.getUTCHours() === 0)) return monthYear(date);
	return formatDateShort(date);
}

/** A category (bar, cell, series, facet) as text: `2024` for years, `1.234` for other numbers, dates in Dutch. */
export function categoryText(value: CellValue, column: ResultColumn, { year = false }: { year?: boolean } = {}): string {
	if (value === null) return ONBEKEND;
	if (typeof value === 'boolean') return value ? 'ja' : 'nee';
	if (typeof value === 'number') return year ? String(value) : formatPlain(value);
	if (isDateColumn(column)) return formatDateShort(value);
	if (isTimestampColumn(column)) return formatDateTime(value);
	return value;
}

/** One cell of the table view: the measure by the chart's `format`, other numbers plain, years as years, dates in full. */
export function cellText(value: CellValue, column: ResultColumn, { format, year = false }: { format?: ValueFormat; year?: boolean } = {}): string {
	if (value === null) return ONBEKEND;
	if (typeof value === 'boolean') return value ? 'ja' : 'nee';
	if (typeof value === 'number') return year ? String(value) : format ? formatValue(value, format) : formatPlain(value);
	if (isDateColumn(column)) return formatDate(value);
	if (isTimestampColumn(column)) return formatDateTime(value);
	return value;
}
