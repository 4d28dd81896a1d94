/**
 * The chart's table (ChartDefinition.table: display text, formatted nl-NL) read back into
 * numbers where a column is numeric, for spreadsheet exports. The table is the one place a
 * chart says which data it shows and in which order, so CSV and XLSX follow it rather than
 * the raw rows (whose columns differ per chart and include codes nobody reads).
 */
import { ONBEKEND } from '$lib/domain/format';

export interface DutchNumber {
	value: number;
	/** Decimals as written (`3,25` → 2), so a spreadsheet shows the same precision. */
	decimals: number;
	/** Written as a percentage (`45,8%`); value is then the share (0.458). */
	percent: boolean;
}

/**
 * `1.234`, `-12,5`, `+3`, `−3` (true minus, from formatDifference), `45,8%` → a number; any
 * other text → null. Thousands separators must sit every three digits, so `1.5` is no number.
 */
const DUTCH_NUMBER = /^([+\-−]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(%?)$/;

export function parseDutchNumber(text: string): DutchNumber | null {
	const match = DUTCH_NUMBER.exec(text.trim());
	if (!match) return null;
	const [, sign, whole, fraction = '', percent] = match;
	const magnitude = Number(`${whole.replaceAll('.', '')}.${fraction || '0'}`);
	const value = (sign === '-' || sign === '−' ? -magnitude : magnitude) / (percent ? 100 : 1);
	return { value: value === 0 ? 0 : value, decimals: fraction.length, percent: percent === '%' };
}

/** Whether a table cell stands for a missing value. */
export function isMissing(text: string): boolean {
	const trimmed = text.trim();
	return trimmed === '' || trimmed === ONBEKEND;
}

/**
 * A column title in words where a table names a column by its SQL name (notebook charts without
 * axis titles): `regio_per_10k` → `Regio per 10.000 inwoners`, `nog_open` → `Nog open`. Titles
 * that are words already stay as they are.
 */
export function kolomTitel(label: string): string {
	if (!/^[a-z][a-z0-9_]*$/.test(label)) return label;
	const words = label
		.replace(/(^|_)per_10k(?=_|$)/g, (_m, lead: string) => `${lead ? ' ' : ''}per 10.000 inwoners`)
		.replace(/_/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return words[0].toLocaleUpperCase('nl-NL') + words.slice(1);
}
