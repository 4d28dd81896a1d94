/**
 * The rows the /capaciteit charts draw, and the pure steps that make them from query rows:
 * per gemeente summed over the chosen voorzieningstypen (every gemeente of the region, also
 * those without a row: they have 0 places), absolute or per 10.000 inwoners.
 */
import { formatInteger, formatPer10k, per10k, PER_10K_LABEL } from '../../domain/format';
import type { Maat } from '../../domain/maat';
import type { Voorzieningstype } from '../../domain/vocabulary';

/** How figures are expressed (the `maat` filter): an option of the charts beside their rows. */
export type { Maat };
export interface CapaciteitOptions {
	maat: Maat;
}
export const CAPACITEIT_STANDAARD: CapaciteitOptions = { maat: 'absolute' };

/** The figures of one bar: a gemeente or a voorzieningstype. Null per 10.000 when inwoners are unknown. */
export interface CapaciteitCijfers {
	bestaand: number | null;
	gepland: number | null;
	behoefte: number | null;
	/** Counted per gemeente, type and doelgroep, then summed: a surplus never fills another gap. */
	tekort: number | null;
	/** What remains short once the planned places are in use. */
	tekort_na_plan: number | null;
}

export interface GemeenteCapaciteit extends CapaciteitCijfers {
	gemeentecode: string;
	naam: string;
	inwoners: number | null;
	tegel_x: number;
	tegel_y: number;
}

export interface TypeCapaciteit extends CapaciteitCijfers {
	voorzieningstype: Voorzieningstype;
}

const FIELDS = ['bestaand', 'gepland', 'behoefte', 'tekort', 'tekort_na_plan'] as const;
type Field = (typeof FIELDS)[number];

/** A query row per gemeente and type, absolute counts. */
export interface GemeenteTypeInput {
	gemeentecode: string;
	inwoners: number | null;
	bestaand: number | null;
	gepland: number | null;
	behoefte: number | null;
	tekort: number | null;
	tekort_na_plan: number | null;
}

export interface GemeenteInput {
	gemeentecode: string;
	naam: string;
	inwoners: number | null;
	tegel_x: number;
	tegel_y: number;
}

/**
 * Sum absolute query rows per gemeente (over the chosen types), one row for every gemeente,
 * then express them in the chosen maat. Per 10.000 is computed from the sums, not by adding
 * rounded rates.
 */
export function capaciteitPerGemeente(rows: readonly GemeenteTypeInput[], gemeenten: readonly GemeenteInput[], maat: Maat): GemeenteCapaciteit[] {
	const sums = new Map<string, Record<Field, number> & { inwoners: number | null }>();
	for (const row of rows) {
		const sum = sums.get(row.gemeentecode) ?? { bestaand: 0, gepland: 0, behoefte: 0, tekort: 0, tekort_na_plan: 0, inwoners: null };
		for (const field of FIELDS) sum[field] += row[field] ?? 0;
		sum.inwoners ??= row.inwoners;
		sums.set(row.gemeentecode, sum);
	}
	return gemeenten.map((g) => {
		const sum = sums.get(g.gemeentecode);
		// The peiljaar's inwoners come with the capaciteit rows; without rows, the latest known.
		const inwoners = sum?.inwoners ?? g.inwoners;
		const value = (field: Field) => {
			const count = sum?.[field] ?? 0;
			return maat === 'absolute' ? count : per10k(count, inwoners);
		};
		return {
			gemeentecode: g.gemeentecode,
			naam: g.naam,
			inwoners,
			tegel_x: g.tegel_x,
			tegel_y: g.tegel_y,
			bestaand: value('bestaand'),
			gepland: value('gepland'),
			behoefte: value('behoefte'),
			tekort: value('tekort'),
			tekort_na_plan: value('tekort_na_plan')
		};
	});
}

/** Largest tekort first, ties by name; unknown (null) last. */
export function rankByTekort<T extends { tekort: number | null; naam: string }>(rows: readonly T[]): T[] {
	return [...rows].sort((a, b) => (b.tekort ?? -1) - (a.tekort ?? -1) || a.naam.localeCompare(b.naam, 'nl'));
}

/** A figure in the chosen maat: `12` or `0,44` (per 10.000 the small regional rates need two decimals). */
export function formatMaat(value: number | null | undefined, maat: Maat): string {
	return maat === 'absolute' ? formatInteger(value) : formatPer10k(value, { digits: 2 });
}

/** Axis and column unit: `plekken` or `plekken per 10.000 inwoners`. */
export function maatEenheid(maat: Maat): string {
	return maat === 'absolute' ? 'plekken' : `plekken ${PER_10K_LABEL}`;
}
