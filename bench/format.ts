/**
 * Dutch figures and plain-text tables for the bench output. Numbers go through the product's
 * own nl-NL formatting (src/lib/domain/format.ts), so the bench writes `1.234,5` like the site.
 */
import { formatDecimal, formatInteger } from '../src/lib/domain/format';

export const int = (value: number): string => formatInteger(value);

export const dec = (value: number, digits = 1): string => formatDecimal(value, { digits, fixed: true });

/** Milliseconds with precision that fits the size: `0,42 ms`, `9,9 ms`, `1.270 ms`. */
export function ms(value: number): string {
	if (!Number.isFinite(value)) return '–';
	return `${value < 10 ? dec(value, 2) : value < 100 ? dec(value, 1) : int(value)} ms`;
}

export const seconds = (value: number): string => `${dec(value, 2)} s`;

export const kb = (bytes: number): string => `${dec(bytes / 1024, 1)} KB`;

export const mb = (bytes: number): string => `${dec(bytes / 1e6, 1)} MB`;

/** A ratio of two figures: `0,82`, `1.027,32`; below 0,1 with two significant digits (`0,0013`), so it never reads as 0. */
export function ratio(value: number): string {
	if (!Number.isFinite(value)) return '–';
	if (value === 0 || value >= 0.1) return dec(value, 2);
	return dec(value, Math.ceil(-Math.log10(value)) + 1);
}

export const yesNo = (ok: boolean): string => (ok ? 'ja' : 'NEE');

/** A table with a header line; the first column is left-aligned, the others right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
	const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const line = (cells: readonly string[]) =>
		cells
			.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
			.join('  ')
			.trimEnd();
	return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
