/**
 * What notebook SQL reads (see $lib/server/disclosure for the design): every store table as a
 * view in the sandbox's own in-memory catalog, and in the tables with person counts a hidden
 * cell is NULL. The hidden cells are the snapshot's patterns (the same cells the pages hide)
 * plus every count under the threshold; figures derived at ingest from a hidden count (per
 * 10.000, percentages, shares) are NULL with it. The snapshot itself stays attached read-only
 * as `store`, which notebook SQL may not name (sandbox.ts only admits the views).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { STORE_TABLES } from '../../domain/store-tables';
import type { Disclosure, Pattern } from '../disclosure/patterns';

/** The in-memory catalog the views live in, which notebook SQL reads. */
export const VIEW_CATALOG = 'memory';

type Flags = { table: string; columns: Record<string, string>; rows: Record<string, unknown>[] };

/** A pattern's cells as rows of a flag table: the key parts and, per measure, whether it is hidden. */
function flagRows(pattern: Pattern, keyNames: readonly string[], measures: readonly string[], parse: (key: string) => unknown[]): Record<string, unknown>[] {
	return [...pattern].map(([key, hidden]) => {
		const parts = parse(key);
		return Object.fromEntries([...keyNames.map((k, i) => [k, parts[i]]), ...measures.map((m) => [m, hidden.has(m)])]);
	});
}

const wholeNumber = (v: string) => Number(v);

/** Create the flag tables and the views; `drempel` 0 gives plain views. */
export async function createProtectedViews(connection: DuckDBConnection, disclosure: Disclosure): Promise<void> {
	const d = Math.max(0, Math.trunc(disclosure.drempel));
	const flags: Flags[] = [
		{
			table: '_af_wlz',
			columns: { jaar: 'INTEGER', gemeentecode: 'VARCHAR', instroom: 'BOOLEAN', bw_clienten: 'BOOLEAN' },
			rows: flagRows(disclosure.patterns.wlz, ['jaar', 'gemeentecode'], ['instroom', 'bw_clienten'], (k) => {
				const [jaar, gemeentecode] = k.split('|');
				return [wholeNumber(jaar), gemeentecode];
			})
		},
		{
			table: '_af_dagbesteding',
			columns: { periode: 'VARCHAR', aanbieder: 'VARCHAR', gemeente: 'VARCHAR', bw_clienten: 'BOOLEAN', met_dagbesteding: 'BOOLEAN' },
			// Only the cells of the table itself (the sums over aanbieders or gemeenten carry a '*').
			rows: flagRows(
				new Map([...disclosure.patterns.dagbesteding].filter(([k]) => !k.split('|').slice(1).includes('*'))),
				['periode', 'aanbieder', 'gemeente'],
				['bw_clienten', 'met_dagbesteding'],
				(k) => {
					const [periode, ...rest] = k.split('|');
					const gemeente = rest.pop() ?? '';
					return [periode, rest.join('|'), gemeente];
				}
			)
		},
		{
			table: '_af_capaciteit',
			columns: { peiljaar: 'INTEGER', gemeentecode: 'VARCHAR', voorzieningstype: 'VARCHAR', doelgroep: 'VARCHAR', bezet: 'BOOLEAN', wachtlijst: 'BOOLEAN' },
			rows: flagRows(
				new Map([...disclosure.patterns.capaciteit].filter(([k]) => !k.endsWith('|*'))),
				['peiljaar', 'gemeentecode', 'voorzieningstype', 'doelgroep'],
				['bezet', 'wachtlijst'],
				(k) => {
					const [peiljaar, gemeentecode, type, doelgroep] = k.split('|');
					return [wholeNumber(peiljaar), gemeentecode, type, doelgroep];
				}
			)
		}
	];
	for (const f of flags) {
		await connection.run(`CREATE TABLE ${VIEW_CATALOG}.main.${f.table} (${Object.entries(f.columns).map(([c, t]) => `${c} ${t}`).join(', ')})`);
		if (f.rows.length === 0) continue;
		const structure = JSON.stringify(Object.fromEntries(Object.entries(f.columns)));
		await connection.run(`INSERT INTO ${VIEW_CATALOG}.main.${f.table} SELECT unnest(from_json($rows::JSON, '[${structure}]'), recursive := true)`, {
			rows: JSON.stringify(f.rows)
		});
	}

	const small = (column: string) => `(t.${column} > 0 AND t.${column} < ${d})`;
	const hidden = (column: string) => `(${small(column)} OR coalesce(h.${column}, false))`;
	const nullIf = (flag: string, column: string) => `CASE WHEN ${flag} THEN NULL ELSE ${column} END AS ${column}`;
	const protectedView = (table: string, join: string, measures: readonly string[], derived: Record<string, readonly string[]>) => {
		const flagsSql = measures.map((m) => `${hidden(m)} AS _af_${m}`).join(', ');
		const replace = [
			...measures.map((m) => nullIf(`_af_${m}`, m)),
			...Object.entries(derived).map(([column, sources]) => nullIf(sources.map((s) => `_af_${s}`).join(' OR '), column))
		].join(', ');
		return `CREATE VIEW ${VIEW_CATALOG}.main.${table} AS
			WITH f AS (SELECT t.*, ${flagsSql} FROM store.main.${table} t ${join})
			SELECT * EXCLUDE (${measures.map((m) => `_af_${m}`).join(', ')}) REPLACE (${replace}) FROM f`;
	};
	const wlzJoin = `LEFT JOIN ${VIEW_CATALOG}.main._af_wlz h ON h.jaar = t.jaar AND h.gemeentecode = t.gemeentecode`;
	const dagJoin = `LEFT JOIN ${VIEW_CATALOG}.main._af_dagbesteding h ON h.periode = t.periode AND h.aanbieder = t.aanbieder AND h.gemeente = coalesce(t.gemeentecode, '')`;
	// The monthly capaciteit rows of a peiljaar hide what its yearly figure hides.
	const capJoin = `LEFT JOIN ${VIEW_CATALOG}.main._af_capaciteit h ON h.peiljaar = t.peiljaar AND h.gemeentecode = t.gemeentecode AND h.voorzieningstype = t.voorzieningstype AND h.doelgroep = t.doelgroep`;
	const views: Record<string, string> = {
		wlz_instroom: protectedView('wlz_instroom', wlzJoin, ['instroom', 'bw_clienten'], {}),
		wlz_per_10k: protectedView('wlz_per_10k', wlzJoin, ['instroom', 'bw_clienten'], { instroom_per_10k: ['instroom'], instroom_pct_bw: ['instroom', 'bw_clienten'] }),
		dagbesteding: protectedView('dagbesteding', dagJoin, ['bw_clienten', 'met_dagbesteding'], {}),
		dagbesteding_aandeel: protectedView('dagbesteding_aandeel', dagJoin, ['bw_clienten', 'met_dagbesteding'], { aandeel: ['bw_clienten', 'met_dagbesteding'] }),
		capaciteit: protectedView('capaciteit', capJoin, ['bezet', 'wachtlijst'], {}),
		capaciteit_jaar: protectedView('capaciteit_jaar', capJoin, ['bezet', 'wachtlijst'], {})
	};
	for (const table of STORE_TABLES) {
		await connection.run(views[table] ?? `CREATE VIEW ${VIEW_CATALOG}.main.${table} AS SELECT * FROM store.main.${table}`);
	}
}
