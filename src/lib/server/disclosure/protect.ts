/**
 * Protect the rows of one query by its declaration (see index.ts for the design): hidden cells
 * become null and the row's `afgeschermd` says, per hidden column, what to show instead.
 */
import { PERSON_COLUMNS } from '../../domain/exports';
import { AFGESCHERMD, countLabel, isKlein, type Reden } from '../../domain/disclosure';
import type { PatternLookup, PatternName } from './patterns';

type JsonRow = Record<string, unknown>;
type Params = Readonly<Record<string, unknown>>;

/** What a query's result holds, for disclosure control. */
export interface Protection {
	/** Result columns that count persons. */
	counts: readonly string[];
	/** Result columns computed from counts (per 10.000, percentage, share): hidden with any of their sources. */
	derived?: Readonly<Record<string, readonly string[]>>;
	/** Numeric result columns that are neither (jaar, inwoners, or figures over visible cells only). */
	safe?: readonly string[];
	/** The row's cell in a secondary-suppression pattern of the snapshot. */
	cell?: { pattern: PatternName; key: (row: JsonRow, params: Params) => string };
}

/** A query that would let person counts out unprotected: a programming error, never user input. */
export class DisclosureError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DisclosureError';
	}
}

/** Store columns computed from person counts at ingest (schema.ts CREATE_DERIVED). */
const DERIVED_STORE_COLUMNS = ['instroom_per_10k', 'instroom_pct_bw', 'dagbesteding_aandeel'];
const PERSON_SQL = new RegExp(`\\b(${[...PERSON_COLUMNS, ...DERIVED_STORE_COLUMNS].join('|')})\\b`, 'i');
const PERSON_RESULT = new Set<string>([...PERSON_COLUMNS, ...DERIVED_STORE_COLUMNS]);

/** What protecting one result needs: the threshold and, when the query names one, its pattern. */
export interface ProtectionContext {
	drempel: number;
	patterns: Partial<Record<PatternName, PatternLookup>>;
}

/** Check the declaration against the SQL and the result, then protect every row. */
export function protectRows(rows: JsonRow[], sql: string, params: Params, protection: Protection | undefined, disclosure: ProtectionContext): JsonRow[] {
	if (!protection) {
		const column = rows.length > 0 ? Object.keys(rows[0]).find((c) => PERSON_RESULT.has(c)) : undefined;
		const match = PERSON_SQL.exec(sql)?.[1] ?? column;
		if (match) throw new DisclosureError(`query reads person counts (${match}) without a Protection declaration: ${sql.slice(0, 120)}`);
		return rows;
	}
	const derived = protection.derived ?? {};
	const known = new Set([...protection.counts, ...Object.keys(derived), ...(protection.safe ?? [])]);
	for (const row of rows.slice(0, 1)) {
		for (const [column, value] of Object.entries(row)) {
			if (typeof value === 'number' && !known.has(column))
				throw new DisclosureError(`numeric column ${column} is not classified in the query's Protection (counts, derived or safe)`);
		}
	}
	const { drempel } = disclosure;
	if (drempel <= 0) return rows;
	const pattern = protection.cell ? disclosure.patterns[protection.cell.pattern] : undefined;
	if (protection.cell && !pattern) throw new DisclosureError(`pattern ${protection.cell.pattern} was not loaded`);
	return rows.map((row) => {
		const redenen = new Map<string, Reden>();
		const cell = pattern && protection.cell ? pattern.get(protection.cell.key(row, params)) : undefined;
		for (const column of protection.counts) {
			const value = row[column];
			if (typeof value === 'number' && isKlein(value, drempel)) redenen.set(column, 'primair');
			else if (cell?.has(column)) redenen.set(column, cell.get(column) as Reden);
		}
		if (redenen.size === 0) return row;
		const labels: Record<string, string> = {};
		const out: JsonRow = { ...row };
		for (const [column, reden] of redenen) {
			labels[column] = countLabel(reden, drempel);
			out[column] = null;
		}
		for (const [column, sources] of Object.entries(derived)) {
			if (sources.some((s) => redenen.has(s))) {
				labels[column] = AFGESCHERMD;
				out[column] = null;
			}
		}
		out.afgeschermd = labels;
		return out;
	});
}
