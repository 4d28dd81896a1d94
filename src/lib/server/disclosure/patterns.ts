/**
 * The hidden cells of one snapshot, computed once over the full tables so that every output
 * hides the same cells (index.ts). A pattern maps a cell key to its hidden columns and why.
 */
import { suppress, type Groep, type Reden } from '../../domain/disclosure';
import { DREMPEL_STANDAARD } from '../../domain/schemas';

type JsonRow = Record<string, unknown>;
export type RawRows = (sql: string, params?: Record<string, unknown>) => Promise<JsonRow[]>;

/** Hidden columns per cell key. */
export type Pattern = Map<string, Map<string, Reden>>;

/** What protecting rows asks of a pattern: the hidden columns of one cell (protect.ts). */
export type PatternLookup = Pick<Pattern, 'get'>;

/**
 * The part of a pattern a cell belongs to: its key's first two segments (jaar and gemeente,
 * peiljaar and gemeente, periode and aanbieder). The snapshot reads a national pattern part by
 * part, only the parts a result's rows are in: a row's cell is always in the part of its own
 * key, so the parts read are complete for the rows they protect, however the suppression
 * groups run (the pattern itself was computed over the full tables at ingest).
 */
export function patternPart(key: string): string {
	const first = key.indexOf('|');
	const second = first < 0 ? -1 : key.indexOf('|', first + 1);
	return second < 0 ? key : key.slice(0, second);
}

export type PatternName = 'wlz' | 'dagbesteding' | 'capaciteit';

export interface Disclosure {
	drempel: number;
	patterns: Record<PatternName, Pattern>;
}

/** Key of a Wlz cell: jaar and gemeente (a gemeente lies in one region). */
export const wlzKey = (jaar: unknown, gemeentecode: unknown) => `${String(jaar)}|${String(gemeentecode)}`;
/** Key of a dagbesteding cell; '*' for a figure summed over aanbieders or gemeenten, '' for rows without gemeente. */
export const dagbestedingKey = (periode: unknown, aanbieder: unknown, gemeentecode: unknown) =>
	`${String(periode)}|${String(aanbieder)}|${gemeentecode === null || gemeentecode === undefined ? '' : String(gemeentecode)}`;
/** Key of a capaciteit cell; doelgroep '*' for the sum over doelgroepen. */
export const capaciteitKey = (peiljaar: unknown, gemeentecode: unknown, type: unknown, doelgroep: unknown) =>
	`${String(peiljaar)}|${String(gemeentecode)}|${String(type)}|${doelgroep === null || doelgroep === undefined ? '*' : String(doelgroep)}`;

/** The SQL of each pattern's cells, and how its rows become the pattern. */
// Only the groups that hold a count under the threshold can hide anything (a group without one
// has no primary cell, so no secondary one either): the SQL reads just those, which keeps the
// first query of a snapshot cheap at national scale.
const KLEIN = (column: string) => `(${column} > 0 AND ${column} < $drempel)`;
const PATTERN_SOURCES: Record<PatternName, { sql: string; build: (rows: readonly JsonRow[], drempel: number) => Pattern }> = {
	wlz: {
		sql: `SELECT CAST(jaar AS INTEGER) AS jaar, regiocode, gemeentecode, CAST(instroom AS INTEGER) AS instroom, CAST(bw_clienten AS INTEGER) AS bw_clienten
FROM wlz_instroom
WHERE (jaar, regiocode) IN (SELECT (jaar, regiocode) FROM wlz_instroom WHERE ${KLEIN('instroom')} OR ${KLEIN('bw_clienten')})`,
		build: (rows, drempel) => wlzPattern(rows, drempel)
	},
	dagbesteding: {
		// The region of a row: its gemeente's, else the export's centrumregio, else the manifest's (as the queries count it,
		// dagbesteding_aandeel.regiocode). Subqueries, not a JOIN: the notebook sandbox reads these tables by rewriting each FROM (sandbox.ts).
		sql: `SELECT d.periode, d.aanbieder, d.gemeentecode, CAST(d.bw_clienten AS INTEGER) AS bw_clienten, CAST(d.met_dagbesteding AS INTEGER) AS met_dagbesteding,
	coalesce((SELECT g.centrumregio FROM gemeenten g WHERE g.gemeentecode = d.gemeentecode), d.centrumregio, (SELECT regio_code FROM snapshot_info)) AS regio
FROM dagbesteding d
WHERE d.periode IN (SELECT periode FROM dagbesteding WHERE ${KLEIN('bw_clienten')} OR ${KLEIN('met_dagbesteding')})`,
		build: (rows, drempel) => dagbestedingPattern(rows, drempel)
	},
	capaciteit: {
		sql: `SELECT CAST(peiljaar AS INTEGER) AS peiljaar, gemeentecode, voorzieningstype, doelgroep, CAST(bezet AS INTEGER) AS bezet, CAST(wachtlijst AS INTEGER) AS wachtlijst
FROM capaciteit_jaar
WHERE (peiljaar, gemeentecode, voorzieningstype) IN (SELECT (peiljaar, gemeentecode, voorzieningstype) FROM capaciteit_jaar WHERE ${KLEIN('bezet')} OR ${KLEIN('wachtlijst')})`,
		build: (rows, drempel) => capaciteitPattern(rows, drempel)
	}
};

export const PATTERN_NAMES = Object.keys(PATTERN_SOURCES) as PatternName[];

/** The threshold of a snapshot (table kleine_aantallen; the default when it has no row). */
export async function loadDrempel(rows: RawRows): Promise<number> {
	const [row] = await rows('SELECT CAST(drempel AS INTEGER) AS drempel FROM kleine_aantallen');
	return typeof row?.drempel === 'number' ? row.drempel : DREMPEL_STANDAARD;
}

/** One pattern of a snapshot, computed over its full table (empty when protection is off). */
export async function loadPattern(rows: RawRows, name: PatternName, drempel: number): Promise<Pattern> {
	if (drempel <= 0) return new Map();
	const source = PATTERN_SOURCES[name];
	return source.build(await rows(source.sql, { drempel }), drempel);
}

/**
 * Every pattern as rows of the snapshot's table verborgen_cellen (made at ingest, so a fresh
 * server reads the hidden cells instead of computing them over the full tables).
 */
export function patternRows(disclosure: Disclosure): { patroon: PatternName; deel: string; sleutel: string; kolom: string; reden: Reden }[] {
	return PATTERN_NAMES.flatMap((patroon) =>
		[...disclosure.patterns[patroon]].flatMap(([sleutel, cells]) => [...cells].map(([kolom, reden]) => ({ patroon, deel: patternPart(sleutel), sleutel, kolom, reden })))
	);
}

/** The SQL that reads parts of a pattern back from verborgen_cellen, in one query. */
export const STORED_PATTERN_PARTS_SQL = `SELECT deel, sleutel, kolom, reden FROM verborgen_cellen WHERE patroon = $patroon AND deel IN (SELECT unnest($delen))`;

/** The parts `wanted` from the columns of {@link STORED_PATTERN_PARTS_SQL}; a part without hidden cells is an empty pattern. */
export function patternPartsFromColumns([delen = [], ...cells]: readonly (readonly unknown[])[], wanted: readonly string[]): Map<string, Pattern> {
	const rows = new Map<string, number[]>(wanted.map((deel) => [deel, []]));
	delen.forEach((deel, i) => rows.get(String(deel))?.push(i));
	return new Map([...rows].map(([deel, at]) => [deel, patternFromColumns(cells.map((column) => at.map((i) => column[i])))]));
}
/** The SQL that reads a whole pattern back (the notebook sandbox needs all of it). */
export const STORED_PATTERN_SQL = `SELECT sleutel, kolom, reden FROM verborgen_cellen WHERE patroon = $patroon`;

/** A lookup over the parts of a pattern read so far (each complete, see {@link patternPart}). */
export function partsLookup(parts: ReadonlyMap<string, Pattern>): PatternLookup {
	return { get: (key: string) => parts.get(patternPart(key))?.get(key) };
}

/**
 * A pattern (or part) from the columns of {@link STORED_PATTERN_SQL} (a national snapshot hides
 * some 300.000 cells: read as columns, not as row objects, that takes a tenth of the time; an
 * empty result has no columns).
 */
export function patternFromColumns([sleutels = [], kolommen = [], redenen = []]: readonly (readonly unknown[])[]): Pattern {
	const pattern: Pattern = new Map();
	for (let i = 0; i < sleutels.length; i++) {
		const key = String(sleutels[i]);
		let cell = pattern.get(key);
		if (!cell) pattern.set(key, (cell = new Map<string, Reden>()));
		cell.set(String(kolommen[i]), redenen[i] as Reden);
	}
	return pattern;
}

/** The threshold and every pattern of a snapshot. */
export async function loadDisclosure(rows: RawRows): Promise<Disclosure> {
	const drempel = await loadDrempel(rows);
	const [wlz, dagbesteding, capaciteit] = await Promise.all(PATTERN_NAMES.map((name) => loadPattern(rows, name, drempel)));
	return { drempel, patterns: { wlz, dagbesteding, capaciteit } };
}

/** Add the hidden cells of one measure to a pattern. */
function merge(pattern: Pattern, column: string, hidden: ReadonlyMap<string, Reden>): void {
	for (const [key, reden] of hidden) {
		const cell = pattern.get(key) ?? new Map<string, Reden>();
		cell.set(column, reden);
		pattern.set(key, cell);
	}
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** Gemeenten within a jaar and region; the region's total row (if delivered) is the group's total. */
export function wlzPattern(rows: readonly JsonRow[], drempel: number): Pattern {
	const pattern: Pattern = new Map();
	for (const measure of ['instroom', 'bw_clienten']) {
		const cells = new Map<string, number>();
		const groups = new Map<string, { members: string[]; total?: number }>();
		for (const r of rows) {
			const groupKey = `${String(r.jaar)}|${String(r.regiocode)}`;
			const group = groups.get(groupKey) ?? { members: [] };
			groups.set(groupKey, group);
			if (r.gemeentecode === null) group.total = num(r[measure]);
			else {
				const key = wlzKey(r.jaar, r.gemeentecode);
				cells.set(key, num(r[measure]));
				group.members.push(key);
			}
		}
		merge(pattern, measure, suppress(cells, [...groups.values()], drempel));
	}
	return pattern;
}

/**
 * Three tables of one export: per aanbieder (summed over gemeenten) and per gemeente (summed
 * over aanbieders) within a periode and region, whose total is the regional figure; then the
 * cells per aanbieder and gemeente, which hide at least what their sums hide. The groups are per
 * region (`regio` of a row; one group per periode when rows carry none), since every region's
 * total is published (/dagbesteding?regio=…, /regios).
 */
export function dagbestedingPattern(rows: readonly JsonRow[], drempel: number): Pattern {
	const pattern: Pattern = new Map();
	for (const measure of ['bw_clienten', 'met_dagbesteding']) {
		const perAanbieder = new Map<string, number>();
		const perGemeente = new Map<string, number>();
		const base = new Map<string, number>();
		const totaal = new Map<string, number>();
		const aanbiederGroups = new Map<string, string[]>();
		const gemeenteGroups = new Map<string, string[]>();
		const baseGroups = new Map<string, string[]>();
		const add = (map: Map<string, string[]>, key: string, member: string) => {
			const list = map.get(key) ?? [];
			if (!list.includes(member)) list.push(member);
			map.set(key, list);
		};
		for (const r of rows) {
			const v = num(r[measure]);
			const periode = String(r.periode);
			const groep = `${periode}|${String(r.regio ?? '')}`;
			const a = dagbestedingKey(periode, r.aanbieder, '*');
			perAanbieder.set(a, (perAanbieder.get(a) ?? 0) + v);
			add(aanbiederGroups, groep, a);
			totaal.set(groep, (totaal.get(groep) ?? 0) + v);
			const b = dagbestedingKey(periode, r.aanbieder, r.gemeentecode);
			base.set(b, v);
			add(baseGroups, `a|${a}`, b);
			if (r.gemeentecode !== null) {
				const g = dagbestedingKey(periode, '*', r.gemeentecode);
				perGemeente.set(g, (perGemeente.get(g) ?? 0) + v);
				add(gemeenteGroups, groep, g);
				add(baseGroups, `g|${g}`, b);
			}
		}
		const groepen = (map: Map<string, string[]>, total?: (key: string) => number): Groep[] =>
			[...map].map(([key, members]) => ({ members, total: total?.(key) }));
		const aanbieders = suppress(perAanbieder, groepen(aanbiederGroups), drempel);
		const gemeenten = suppress(perGemeente, groepen(gemeenteGroups, (p) => totaal.get(p) ?? 0), drempel);
		// A cell of a hidden sum is hidden, or the sum could be had back from its cells.
		const preset = new Map<string, Reden>();
		for (const r of rows) {
			const b = dagbestedingKey(r.periode, r.aanbieder, r.gemeentecode);
			if (aanbieders.has(dagbestedingKey(r.periode, r.aanbieder, '*')) || (r.gemeentecode !== null && gemeenten.has(dagbestedingKey(r.periode, '*', r.gemeentecode))))
				preset.set(b, 'secundair');
		}
		const baseGroupList: Groep[] = [...baseGroups].map(([key, members]) => ({
			members,
			total: key.startsWith('a|') ? perAanbieder.get(key.slice(2)) : perGemeente.get(key.slice(2))
		}));
		const cells = suppress(base, baseGroupList, drempel, preset);
		merge(pattern, measure, aanbieders);
		merge(pattern, measure, gemeenten);
		merge(pattern, measure, cells);
	}
	return pattern;
}

/** Doelgroepen within a peiljaar, gemeente and voorzieningstype; the sum over doelgroepen is the total (and a cell of its own). */
export function capaciteitPattern(rows: readonly JsonRow[], drempel: number): Pattern {
	const pattern: Pattern = new Map();
	for (const measure of ['bezet', 'wachtlijst']) {
		const cells = new Map<string, number>();
		const groups = new Map<string, string[]>();
		for (const r of rows) {
			if (typeof r[measure] !== 'number') continue;
			const total = capaciteitKey(r.peiljaar, r.gemeentecode, r.voorzieningstype, null);
			const key = capaciteitKey(r.peiljaar, r.gemeentecode, r.voorzieningstype, r.doelgroep);
			cells.set(key, num(r[measure]));
			cells.set(total, (cells.get(total) ?? 0) + num(r[measure]));
			groups.set(total, [...(groups.get(total) ?? []), key]);
		}
		merge(pattern, measure, suppress(cells, [...groups].map(([total, members]) => ({ members, total: cells.get(total) })), drempel));
	}
	return pattern;
}
