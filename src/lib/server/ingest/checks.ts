/**
 * Checks across rows and across exports, run after every file is staged and its vocabulary
 * resolved: duplicate keys, bids for an opgave that does not exist, more clients with
 * dagbesteding than clients, two gemeenten on one tile.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { addError, rowError, shown, type StagedFile } from './stage';

const q = (name: string) => `"${name}"`;

/**
 * Rows that share a key, within one file and across files of the same kind. Returns the
 * files that must be read again in file order before their duplicates can be reported by line
 * (read by the fast path); nothing is reported for such a group yet.
 */
export async function checkDuplicateKeys(con: DuckDBConnection, files: StagedFile[]): Promise<StagedFile[]> {
	const reread: StagedFile[] = [];
	const byKind = new Map<string, StagedFile[]>();
	for (const f of files) if (f.rows > 0) byKind.set(f.kind.soort, [...(byKind.get(f.kind.soort) ?? []), f]);
	for (const group of byKind.values()) {
		const key = group[0].kind.key.map(q).join(', ');
		const union = group.map((f, i) => `SELECT ${key}, ${i} AS bestand, rowid AS r FROM ${f.table}`).join(' UNION ALL ');
		// Find the duplicated keys with a plain aggregate (fast at millions of rows); only then
		// collect where they occur.
		const keysOnly = group.map((f) => `SELECT ${key} FROM ${f.table}`).join(' UNION ALL ');
		const duplicated = `SELECT ${key} FROM (${keysOnly}) GROUP BY ALL HAVING count(*) > 1 LIMIT 100`;
		// Equal keys have equal hashes: grouping on one 64-bit hash is the cheap first sieve.
		const hashed = group.map((f) => `SELECT hash(${key}) AS h FROM ${f.table}`).join(' UNION ALL ');
		const candidates = Number((await con.runAndReadAll(`SELECT count(*) FROM (SELECT h FROM (${hashed}) GROUP BY h HAVING count(*) > 1)`)).getRows()[0][0]);
		if (candidates === 0) continue;
		const found = Number((await con.runAndReadAll(`SELECT count(*) FROM (${duplicated})`)).getRows()[0][0]);
		if (found === 0) continue;
		if (group.some((f) => f.unordered)) {
			reread.push(...group.filter((f) => f.unordered));
			continue;
		}
		const reader = await con.runAndReadAll(
			`SELECT ${key}, list(bestand ORDER BY bestand, r)[1:5] AS bestanden, list(r ORDER BY bestand, r)[1:5] AS rijen, count(*) AS n
			FROM (${union}) u SEMI JOIN (${duplicated}) d USING (${key}) GROUP BY ALL ORDER BY min(bestand), min(r)`
		);
		const keyNames = group[0].kind.key;
		for (const row of reader.getRowObjects()) {
			const fileIndices = (row.bestanden as { items: unknown[] }).items.map(Number);
			const rowids = (row.rijen as { items: unknown[] }).items.map(Number);
			const where = fileIndices.map((fi, j) => {
				const f = group[fi];
				return { f, line: f.raw?.rowNumbers([rowids[j]]).get(rowids[j]) ?? rowids[j] + 1 };
			});
			const first = where[0];
			const keyText = keyNames.map((k) => `${k} ${shown(row[k] === null ? null : String(row[k]))}`).join(', ');
			const others = where.slice(1).map((w) => (w.f === first.f ? `rij ${w.line}` : `${w.f.source.entry.bestand} rij ${w.line}`)).join(', ');
			addError(
				first.f,
				rowError(first.f, first.line, null, keyText, `elke combinatie van ${keyNames.join(', ')} één keer`, `dubbele sleutel (${keyText}), ook in ${others}${Number(row.n) > where.length ? ` en nog ${Number(row.n) - where.length} rij(en)` : ''}`)
			);
		}
	}
	return reread;
}

/** A check that selects offending rows (rowid first) from one staged file. */
async function rowsWhere(con: DuckDBConnection, staged: StagedFile, sql: string): Promise<unknown[][]> {
	return (await con.runAndReadAll(`${sql} ORDER BY 1 LIMIT 100`)).getRows();
}

function columnIndex(staged: StagedFile, name: string): number {
	return staged.columns.findIndex((c) => c.column.name === name);
}

export async function crossChecks(con: DuckDBConnection, files: StagedFile[]): Promise<void> {
	const ofKind = (soort: string) => files.filter((f) => f.kind.soort === soort && f.rows > 0);
	const lineOf = (f: StagedFile, rowid: unknown) => f.raw?.rowNumbers([Number(rowid)]).get(Number(rowid)) ?? null;

	for (const f of ofKind('gemeenten')) {
		// The gemeenten export defines the codes, so only the CBS form is accepted there.
		const col = columnIndex(f, 'gemeentecode');
		for (const [rowid, code] of await rowsWhere(con, f, `SELECT rowid, gemeentecode FROM ${f.table} WHERE NOT regexp_full_match(gemeentecode, 'GM[0-9]{4}')`)) {
			addError(f, rowError(f, lineOf(f, rowid), col, String(code), 'een CBS-gemeentecode: GM gevolgd door 4 cijfers', `'${shown(String(code))}' is geen gemeentecode`));
		}
		for (const [rowid, x, y, other] of await rowsWhere(
			con,
			f,
			`SELECT rowid, tegel_x, tegel_y, first_value(naam) OVER w FROM ${f.table} WINDOW w AS (PARTITION BY tegel_x, tegel_y ORDER BY rowid) QUALIFY row_number() OVER w > 1`
		)) {
			addError(f, rowError(f, lineOf(f, rowid), columnIndex(f, 'tegel_x'), `${x},${y}`, 'een eigen tegel per gemeente', `tegel (${x}, ${y}) is al bezet door ${other}`));
		}
	}

	const opgave = ofKind('hkg_opgave');

	for (const f of ofKind('hkg_biedingen')) {
		const known = opgave.length
			? opgave.map((o) => `SELECT periode, categorie FROM ${o.table}`).join(' UNION ')
			: `SELECT NULL::VARCHAR AS periode, NULL::VARCHAR AS categorie WHERE false`;
		const periodes = opgave.length
			? (await con.runAndReadAll(`SELECT string_agg(DISTINCT periode, ', ' ORDER BY periode) FROM (${known})`)).getRows()[0][0]
			: null;
		for (const [rowid, periode, categorie] of await rowsWhere(
			con,
			f,
			`SELECT rowid, periode, categorie FROM ${f.table} b WHERE NOT EXISTS (SELECT 1 FROM (${known}) k WHERE k.periode = b.periode AND k.categorie = b.categorie)`
		)) {
			addError(
				f,
				rowError(f, lineOf(f, rowid), columnIndex(f, 'periode'), `${periode} / ${categorie}`, `een periode en categorie uit de HKG-opgave${periodes ? ` (periodes: ${periodes})` : ''}`, `bod voor periode ${periode}, categorie ${categorie}, maar de HKG-opgave heeft geen opgave voor die periode en categorie`)
			);
		}
	}

	const gemeenten = ofKind('gemeenten');
	// The regions of the gemeenten export (the store's regions) and each gemeente's region.
	const regioVan = gemeenten.length
		? gemeenten.map((g) => `SELECT gemeentecode, centrumregio FROM ${g.table}`).join(' UNION ALL ')
		: `SELECT NULL::VARCHAR AS gemeentecode, NULL::VARCHAR AS centrumregio WHERE false`;
	const regios = gemeenten.length ? String((await con.runAndReadAll(`SELECT string_agg(DISTINCT centrumregio, ', ' ORDER BY centrumregio) FROM (${regioVan})`)).getRows()[0][0] ?? '') : '';

	for (const f of ofKind('dagbesteding')) {
		for (const [rowid, met, totaal] of await rowsWhere(con, f, `SELECT rowid, met_dagbesteding, bw_clienten FROM ${f.table} WHERE met_dagbesteding > bw_clienten`)) {
			addError(f, rowError(f, lineOf(f, rowid), columnIndex(f, 'met_dagbesteding'), String(met), `niet meer dan bw_clienten (${totaal})`, `${met} cliënten met dagbesteding is meer dan de ${totaal} BW-cliënten`));
		}
		if (!gemeenten.length) continue;
		// A region named for a row must be one of the store's, and the gemeente's own when the row has one.
		const col = columnIndex(f, 'centrumregio');
		for (const [rowid, regio, gemeente, eigen] of await rowsWhere(
			con,
			f,
			`SELECT d.rowid, d.centrumregio, d.gemeentecode, r.centrumregio FROM ${f.table} d LEFT JOIN (${regioVan}) r ON r.gemeentecode = d.gemeentecode
			WHERE d.centrumregio IS NOT NULL AND ((d.gemeentecode IS NOT NULL AND r.centrumregio IS DISTINCT FROM d.centrumregio) OR d.centrumregio NOT IN (SELECT centrumregio FROM (${regioVan})))`
		)) {
			const melding =
				gemeente !== null && eigen !== null
					? `${gemeente} hoort bij centrumregio ${eigen}, niet bij ${regio}`
					: `centrumregio ${regio} heeft geen gemeenten in de gemeenten-export`;
			addError(f, rowError(f, lineOf(f, rowid), col, String(regio), gemeente !== null && eigen !== null ? `leeg of de centrumregio van ${gemeente} (${eigen})` : `een centrumregio uit de gemeenten-export (${regios})`, melding));
		}
	}
}
