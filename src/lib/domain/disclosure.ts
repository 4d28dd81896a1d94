/**
 * The rule of disclosure control (issue 11), pure so that the server applies it and the
 * browser can label what it hides. The design (where it is applied, and why there only) is
 * the module comment of $lib/server/disclosure.
 *
 * - Primary: a person count from 1 to drempel − 1 is hidden; 0 stays 0.
 * - Secondary: in a group whose total is visible, a single hidden member is joined by the
 *   smallest non-zero visible member, so the hidden value cannot be had by subtraction. Groups
 *   may overlap (a cell in a row and a column total); the rule runs until nothing changes.
 * - Derived: a value computed from a hidden count (per 10.000, a percentage, a share) is hidden.
 */

/** Why a cell is hidden: its own small value, or to protect another cell of its group. */
export type Reden = 'primair' | 'secundair';

/** Text of a hidden count below the threshold: `< 5`. */
export function kleinLabel(drempel: number): string {
	return `< ${drempel}`;
}

/** Text of a hidden value that is not itself a small count (a protecting cell, a derived figure). */
export const AFGESCHERMD = 'afgeschermd';

/**
 * Per hidden column of a row, the text to show in its place (`< 5` or `afgeschermd`); the value
 * itself is null. Absent when nothing in the row is hidden.
 */
export type Afgeschermd = Readonly<Record<string, string>>;

/** The footer sentence every chart carries. */
export function afschermingZin(drempel: number): string {
	return drempel > 0
		? `Aantallen onder ${drempel} zijn afgeschermd (AVG).`
		: 'Kleine aantallen worden getoond: er is geen drempel voor afscherming ingesteld.';
}

/** Whether a person count is below the threshold (and not 0). */
export function isKlein(value: number | null | undefined, drempel: number): boolean {
	return value !== null && value !== undefined && value > 0 && value < drempel;
}

/** One group of cells with a published total: the members' keys, and the total when it is not their sum. */
export interface Groep {
	members: readonly string[];
	/** The total as published; absent means the sum of the members. */
	total?: number | null;
}

/**
 * Primary and secondary suppression of one measure. `cells` maps a cell key to its value;
 * `groups` lists groups whose total is shown. `preset` are cells already hidden for another
 * reason (their values count as hidden members). Returns the hidden cells and why.
 */
export function suppress(
	cells: ReadonlyMap<string, number>,
	groups: readonly Groep[],
	drempel: number,
	preset: ReadonlyMap<string, Reden> = new Map()
): Map<string, Reden> {
	const hidden = new Map<string, Reden>();
	if (drempel <= 0) return hidden;
	for (const [key, value] of cells) if (isKlein(value, drempel)) hidden.set(key, 'primair');
	for (const [key, reden] of preset) if (cells.has(key) && !hidden.has(key)) hidden.set(key, reden);
	// Each pass can only add cells, and there are finitely many: this ends.
	for (let changed = true; changed; ) {
		changed = false;
		for (const group of groups) {
			const members = group.members.filter((m) => cells.has(m));
			const total = group.total ?? members.reduce((s, m) => s + (cells.get(m) ?? 0), 0);
			// A hidden total hides nothing by subtraction; nor does a group with no hidden member.
			if (isKlein(total, drempel)) continue;
			const verborgen = members.filter((m) => hidden.has(m));
			if (verborgen.length !== 1) continue;
			const partner = smallestVisible(members, cells, hidden);
			if (partner === undefined) continue;
			hidden.set(partner, 'secundair');
			changed = true;
		}
	}
	return hidden;
}

/** The visible member with the smallest non-zero value (the first in member order on a tie). */
function smallestVisible(members: readonly string[], cells: ReadonlyMap<string, number>, hidden: ReadonlyMap<string, Reden>): string | undefined {
	let best: string | undefined;
	for (const m of members) {
		const v = cells.get(m) ?? 0;
		if (hidden.has(m) || v <= 0) continue;
		if (best === undefined || v < (cells.get(best) ?? 0)) best = m;
	}
	return best;
}

/** The display text of a hidden count: `< 5` for a small one, `afgeschermd` for a protecting one. */
export function countLabel(reden: Reden, drempel: number): string {
	return reden === 'primair' ? kleinLabel(drempel) : AFGESCHERMD;
}

/** The text shown for a column of a row: its label when hidden, else the formatted value. */
export function shown<Row extends { afgeschermd?: Afgeschermd }>(row: Row, column: string, format: () => string): string {
	return row.afgeschermd?.[column] ?? format();
}

/** Whether a column of a row is hidden. */
export function isAfgeschermd(row: { afgeschermd?: Afgeschermd }, column: string): boolean {
	return row.afgeschermd?.[column] !== undefined;
}
