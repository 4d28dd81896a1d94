/**
 * The one place where numbers and dates become Dutch text (nl-NL). Pages, charts, exports
 * and error messages all format through here, so `1.234`, `45,8%` and `28 mei 2020` look the
 * same everywhere.
 *
 * Grouping is forced ('always'): CLDR's nl rule leaves 4-digit numbers ungrouped in some ICU
 * versions and grouped in others; a table mixing `1234` and `12.345` reads badly, so we
 * always write `1.234`.
 */

const LOCALE = 'nl-NL';

const integerFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0, useGrouping: 'always' });

const decimalFormats = new Map<string, Intl.NumberFormat>();
function decimalFormat(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
	const key = `${minimumFractionDigits}-${maximumFractionDigits}`;
	let format = decimalFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(LOCALE, { minimumFractionDigits, maximumFractionDigits, useGrouping: 'always' });
		decimalFormats.set(key, format);
	}
	return format;
}

/** Text for a missing value in tables and labels. */
export const ONBEKEND = '–';

function missing(value: number | null | undefined): value is null | undefined {
	return value === null || value === undefined || Number.isNaN(value);
}

/** A whole number with thousands separators: `1.234`, `-12.345`. Rounds half away from zero. */
export function formatInteger(value: number | null | undefined): string {
	if (missing(value)) return ONBEKEND;
	return integerFormat.format(Math.round(value) === 0 ? 0 : value);
}

/**
 * A decimal number: `1.234,5`. `digits` is the maximum number of decimals; with `fixed` the
 * decimals are always written (`3,0`), which keeps columns in a table aligned.
 */
export function formatDecimal(value: number | null | undefined, { digits = 1, fixed = false }: { digits?: number; fixed?: boolean } = {}): string {
	if (missing(value)) return ONBEKEND;
	return decimalFormat(fixed ? digits : 0, digits).format(value);
}

/**
 * A share (0.458) as a percentage: `46%` by default, `45,8%` with `digits: 1`.
 * Dutch writes no space before the percent sign in running text (Taalunie).
 */
export function formatPercent(share: number | null | undefined, { digits = 0 }: { digits?: number } = {}): string {
	if (missing(share)) return ONBEKEND;
	return `${decimalFormat(0, digits).format(share * 100)}%`;
}

/**
 * A figure per 10.000 inwoners: `3,19`, `0,70`; always two decimals, since regional figures are
 * small, and the same on a tile, a gemeente page and a view. Axes take formatDecimal (`0,5`).
 */
export function formatPer10k(value: number | null | undefined, { digits = 2 }: { digits?: number } = {}): string {
	if (missing(value)) return ONBEKEND;
	return decimalFormat(digits, digits).format(value);
}

/** Rate per 10.000 from a count and a population, or null when the population is unknown or 0. */
export function per10k(count: number, inwoners: number | null | undefined): number | null {
	if (!inwoners) return null;
	return (count * 10_000) / inwoners;
}

/** The unit label that goes with {@link formatPer10k}. */
export const PER_10K_LABEL = 'per 10.000 inwoners';

/** A signed difference: `+12`, `−3` (true minus sign), `0`. */
export function formatDifference(value: number | null | undefined): string {
	if (missing(value)) return ONBEKEND;
	const rounded = Math.round(value);
	if (rounded === 0) return '0';
	return rounded > 0 ? `+${formatInteger(rounded)}` : `−${formatInteger(-rounded)}`;
}

type DateInput = Date | string;

/**
 * A calendar date from an ISO date (`2020-05-28`), an ISO timestamp or a Date. Plain dates
 * are calendar days, not instants: they are read and written in UTC so a server in another
 * time zone never shifts `2020-05-28` to the 27th. Timestamps without an offset are UTC, as
 * the store writes them (`2024-03-01T09:30:00`).
 */
function toDate(value: DateInput): Date | null {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
	const text = value.trim();
	let date: Date;
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) date = new Date(`${text}T00:00:00Z`);
	else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) date = new Date(`${text.replace(' ', 'T')}Z`);
	else date = new Date(text);
	return Number.isNaN(date.getTime()) ? null : date;
}

const longDate = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const timeOfDay = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });
const dateInAmsterdam = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });

/** `28 mei 2020`. */
export function formatDate(value: DateInput | null | undefined): string {
	if (value === null || value === undefined) return ONBEKEND;
	const date = toDate(value);
	return date ? longDate.format(date) : ONBEKEND;
}

/**
 * `4 dec. 2023`: the abbreviated month with its period, as the Taalunie writes it. ICU
 * versions differ on the period (Node 20 gives `4 dec 2023`), so it is added here; `mei` is
 * not abbreviated and gets none.
 */
export function formatDateShort(value: DateInput | null | undefined): string {
	if (value === null || value === undefined) return ONBEKEND;
	const date = toDate(value);
	if (!date) return ONBEKEND;
	return shortDate
		.formatToParts(date)
		.map((part) => (part.type === 'month' && part.value !== 'mei' && !part.value.endsWith('.') ? `${part.value}.` : part.value))
		.join('');
}

/** A moment (ingest time) in Dutch local time: `4 december 2023 om 14:05`. */
export function formatDateTime(value: DateInput | null | undefined): string {
	if (value === null || value === undefined) return ONBEKEND;
	const date = toDate(value);
	if (!date) return ONBEKEND;
	return `${dateInAmsterdam.format(date)} om ${timeOfDay.format(date)}`;
}

/**
 * A period as users write it: `2021-K1` → `2021 K1`, `2021` stays `2021`, a plan period
 * `2024-2027` → `2024–2027` (en dash for ranges).
 */
export function formatPeriode(periode: string): string {
	const quarter = /^(\d{4})-?K([1-4])$/.exec(periode);
	if (quarter) return `${quarter[1]} K${quarter[2]}`;
	const range = /^(\d{4})-(\d{4})$/.exec(periode);
	if (range) return `${range[1]}–${range[2]}`;
	return periode;
}

/** A quarter label from a date: the quarter the date falls in, `2021 K1`. */
export function formatQuarter(value: DateInput): string {
	const date = toDate(value);
	if (!date) return ONBEKEND;
	return `${date.getUTCFullYear()} K${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** A list in running text: `a`, `a en b`, `a, b en c`. */
export function opsomming(items: readonly string[]): string {
	return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
}

/** A duration in seconds with one decimal and the right noun: `1 seconde`, `0,4 seconden`, `12,3 seconden`. */
export function formatSeconden(seconden: number): string {
	const tekst = formatDecimal(seconden, { digits: 1 });
	return `${tekst} ${tekst === '1' ? 'seconde' : 'seconden'}`;
}

/** Plural-aware count with a noun: `1 rij`, `1.234 rijen`. */
export function formatCount(value: number, singular: string, plural: string): string {
	return `${formatInteger(value)} ${value === 1 ? singular : plural}`;
}

/**
 * A label in running text: `Crisisplekken` → `crisisplekken`, but an acronym stays as it is
 * (`BW extramuraal`, `HKG`), since lowering the whole label would write `bw extramuraal`.
 */
export function inZin(label: string): string {
	return /^\p{Lu}\p{Ll}/u.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}
