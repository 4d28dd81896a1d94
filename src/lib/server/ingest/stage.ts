/**
 * Staging one export: read it (readers.ts), map its header titles to the declared columns,
 * normalise and check every row in one SQL pass (sql.ts), resolve vocabulary and gemeente
 * names on distinct values, and collect every problem as a Dutch message naming file, row,
 * column, the value found and what was expected.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { EXPORT_KINDS, expectedText, type ColumnSpec, type ExportKind } from '../../domain/exports';
import { kolommenVerwijzing } from '../../domain/bronnen';
import { VOCABULARIES, aliasTable, normaliseKey, type Term } from '../../domain/vocabulary';
import { columnAlias, csvError, readExport, ReadError, type RawSource } from './readers';
import type { IngestError } from './report';
import type { ExportSource } from './sources';
import { fastPathApplies, tryFastStage } from './fast';
import { FOUT_BEREIK, FOUT_ONTBREEKT, decodeFout, stageSql, type ColumnSource } from './sql';

/** At most this many errors are listed per file (the count says how many there are in all). */
export const MAX_ERRORS_PER_FILE = 100;

export interface StagedFile {
	source: ExportSource;
	kind: ExportKind;
	table: string;
	raw: RawSource | null;
	columns: ColumnSource[];
	rows: number;
	seconds: number;
	errors: IngestError[];
	errorCount: number;
	/** Whether the stage table still carries the `_fout` column of the validating path. */
	hasErrorColumn: boolean;
	/** Read by the fast path: rows are not in file order, so rowids do not name lines. */
	unordered: boolean;
}

/** How the user's file names a column: its own title, and ours when they differ. */
function columnLabel(staged: StagedFile, index: number): string {
	const { column, alias } = staged.columns[index];
	const title = alias && staged.raw ? staged.raw.headers[Number(alias.slice(1))] : column.name;
	return title && normaliseKey(title) !== normaliseKey(column.name) ? `'${title}' (${column.name})` : `'${column.name}'`;
}

export function shown(value: string | null): string {
	if (value === null) return '(leeg)';
	const flat = value.replace(/\s+/g, ' ');
	return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

export function rowError(staged: StagedFile, rij: number | null, columnIndex: number | null, waarde: string | null, verwacht: string, wat: string): IngestError {
	const bestand = staged.source.entry.bestand;
	const kolom = columnIndex === null ? null : columnLabel(staged, columnIndex);
	const where = [bestand, rij === null ? null : `rij ${rij}`, kolom === null ? null : `kolom ${kolom}`].filter(Boolean).join(', ');
	return { bestand, rij, kolom: columnIndex === null ? null : staged.columns[columnIndex].column.name, waarde, verwacht, melding: `${where}: ${wat}; verwacht ${verwacht}.` };
}

export function addError(staged: StagedFile, error: IngestError): void {
	staged.errorCount++;
	if (staged.errors.length < MAX_ERRORS_PER_FILE) staged.errors.push(error);
}

/** Map header titles to declared columns; missing required columns and double mappings are errors. */
export function mapHeaders(kind: ExportKind, headers: string[]): { columns: ColumnSource[]; problems: { melding: string; verwacht: string }[] } {
	const byKey = new Map<string, number>();
	headers.forEach((h, i) => {
		const key = normaliseKey(h);
		if (key && !byKey.has(key)) byKey.set(key, i);
	});
	const problems: { melding: string; verwacht: string }[] = [];
	const used = new Map<number, string>();
	const columns = kind.columns.map((column) => {
		const candidates = [column.name, ...(column.headerAliases ?? [])].map(normaliseKey);
		const index = candidates.map((k) => byKey.get(k)).find((i) => i !== undefined && !used.has(i));
		if (index === undefined) return { column, alias: null };
		used.set(index, column.name);
		return { column, alias: columnAlias(index) };
	});
	for (const column of kind.columns) {
		// The same title twice (an alias next to the name is fine: the name wins): which of the
		// two holds the data is a guess, so ask.
		const key = [column.name, ...(column.headerAliases ?? [])].map(normaliseKey).find((k) => byKey.has(k));
		const named = key === undefined ? [] : headers.filter((h) => normaliseKey(h) === key);
		if (named.length > 1) {
			problems.push({
				melding: `kolom '${column.name}' staat ${named.length} keer in de kopregel (${named.map((h) => `'${shown(h)}'`).join(', ')})`,
				verwacht: 'elke kolom één keer in de kopregel'
			});
		}
	}
	const missing = columns.filter((c) => c.alias === null && c.column.required).map((c) => c.column.name);
	if (missing.length) {
		problems.push({
			melding: `verplichte kolom${missing.length > 1 ? 'men' : ''} ${missing.map((m) => `'${m}'`).join(', ')} ${missing.length > 1 ? 'ontbreken' : 'ontbreekt'} (gevonden kolommen: ${headers.map((h) => `'${shown(h)}'`).join(', ')})`,
			verwacht: `de kolommen ${kind.columns.filter((c) => c.required).map((c) => c.name).join(', ')} (${kolommenVerwijzing(kind.soort)})`
		});
	}
	return { columns, problems };
}

/** Read one export into a stage table and report the rows it could not read. */
export async function stageFile(con: DuckDBConnection, source: ExportSource, sequence: number, workDir: string, { ordered = false } = {}): Promise<StagedFile> {
	const started = performance.now();
	const kind = EXPORT_KINDS[source.entry.soort];
	const staged: StagedFile = { source, kind, table: `stage_${sequence}`, raw: null, columns: [], rows: 0, seconds: 0, errors: [], errorCount: 0, hasErrorColumn: true, unordered: false };
	const finish = () => {
		staged.seconds = (performance.now() - started) / 1000;
		return staged;
	};
	try {
		staged.raw = await readExport(con, source, workDir, sequence);
	} catch (e) {
		const rij = e instanceof ReadError ? e.rij : null;
		const wat = e instanceof ReadError ? e.message.replace(/\.$/, '') : 'het bestand kan niet worden gelezen';
		addError(staged, { bestand: source.entry.bestand, rij, kolom: null, waarde: null, verwacht: 'een leesbaar CSV-, Excel- of Parquet-bestand', melding: `${source.entry.bestand}${rij ? `, rij ${rij}` : ''}: ${wat}.` });
		return finish();
	}
	const { columns, problems } = mapHeaders(kind, staged.raw.headers);
	staged.columns = columns;
	for (const p of problems) addError(staged, { bestand: source.entry.bestand, rij: null, kolom: null, waarde: null, verwacht: p.verwacht, melding: `${source.entry.bestand}: ${p.melding}; verwacht ${p.verwacht}.` });
	if (problems.length) return finish();

	if (!ordered && fastPathApplies(staged.raw, columns, source.bytes) && (await tryFastStage(con, staged.raw, columns, staged.table))) {
		staged.hasErrorColumn = false;
		staged.unordered = true;
		staged.rows = Number((await con.runAndReadAll(`SELECT count(*) FROM ${staged.table}`)).getRows()[0][0]);
		return finish();
	}
	const thousandsDot = staged.raw.formaat.includes('puntkomma');
	try {
		await con.run(stageSql(kind, columns, staged.raw.relation, staged.table, { thousandsDot }), staged.raw.params);
	} catch (e) {
		const err = e instanceof Error ? e : new Error(String(e));
		const read = /CSV|read_csv|Parquet/i.test(err.message) ? csvError(err) : null;
		addError(staged, {
			bestand: source.entry.bestand,
			rij: read?.rij ?? null,
			kolom: null,
			waarde: null,
			verwacht: 'een leesbaar bestand met één kopregel en gelijke kolommen per rij',
			melding: `${source.entry.bestand}${read?.rij ? `, rij ${read.rij}` : ''}: ${read ? read.message.replace(/\.$/, '') : `het bestand kan niet worden gelezen (${err.message.split('\n')[0]})`}.`
		});
		return finish();
	}
	staged.rows = Number((await con.runAndReadAll(`SELECT count(*) FROM ${staged.table}`)).getRows()[0][0]);
	await reportRowErrors(con, staged);
	return finish();
}

/** Turn `_fout` codes into messages, fetching the raw text of just the failing rows. */
async function reportRowErrors(con: DuckDBConnection, staged: StagedFile): Promise<void> {
	const counted = await con.runAndReadAll(`SELECT count(*) FROM ${staged.table} WHERE _fout <> 0`);
	const failing = Number(counted.getRows()[0][0]);
	if (failing === 0) return;
	const rows = (await con.runAndReadAll(`SELECT rowid, _fout FROM ${staged.table} WHERE _fout <> 0 ORDER BY rowid LIMIT ${MAX_ERRORS_PER_FILE}`)).getRows();
	const indices = rows.map((r) => Number(r[0]));
	const raw = await rawValues(con, staged, indices);
	const lines = staged.raw!.rowNumbers(indices);
	for (const [rowid, fout] of rows) {
		const index = Number(rowid);
		for (const { index: col, code } of decodeFout(Number(fout), staged.columns.length)) {
			const column = staged.columns[col].column;
			const value = raw.get(index)?.[col] ?? null;
			addError(staged, rowError(staged, lines.get(index) ?? null, col, value, expectedText(column), describe(column, code, value)));
		}
	}
	// Rows beyond the listed ones still count: one or more errors each.
	staged.errorCount += Math.max(0, failing - rows.length);
}

function describe(column: ColumnSpec, code: number, value: string | null): string {
	if (code === FOUT_ONTBREEKT) return 'verplichte waarde ontbreekt';
	const v = `'${shown(value)}'`;
	if (code === FOUT_BEREIK) {
		if (column.type.kind === 'int' && value !== null && value.trim().startsWith('-')) return `${v} is negatief`;
		if (column.type.kind === 'year' || column.type.kind === 'date') return `${v} valt buiten ${column.type.kind === 'year' ? 'de toegestane jaren' : 'het toegestane datumbereik'}`;
		if (column.type.kind === 'text') return `de tekst is te lang (${value?.length ?? 0} tekens)`;
		if (column.type.kind === 'code') return `${v} heeft niet de vorm van een ${column.name}`;
		return `${v} valt buiten het toegestane bereik`;
	}
	switch (column.type.kind) {
		case 'int':
			return /^\s*-?[0-9]+[.,][0-9]+\s*$/.test(value ?? '') ? `${v} is geen geheel getal` : `${v} is geen getal`;
		case 'decimal':
			return `${v} is geen getal`;
		case 'year':
			return `${v} is geen jaartal`;
		case 'date':
			return `${v} is geen geldige datum`;
		default:
			return `${v} heeft niet de verwachte vorm`;
	}
}

/** The raw text of the given records, per declared column index. */
async function rawValues(con: DuckDBConnection, staged: StagedFile, indices: number[]): Promise<Map<number, (string | null)[]>> {
	const result = new Map<number, (string | null)[]>();
	if (!indices.length || !staged.raw) return result;
	const copy = `${staged.table}_raw`;
	await con.run(`CREATE OR REPLACE TEMP TABLE ${copy} AS SELECT * FROM ${staged.raw.relation}`, staged.raw.params);
	const selected = staged.columns.map((c) => (c.alias ? c.alias : 'NULL')).join(', ');
	const reader = await con.runAndReadAll(`SELECT rowid, ${selected} FROM ${copy} WHERE rowid IN (${indices.map(Number).join(', ')})`);
	for (const row of reader.getRows()) result.set(Number(row[0]), row.slice(1).map((v) => (v === null ? null : String(v))));
	await con.run(`DROP TABLE ${copy}`);
	return result;
}

/**
 * Replace aliases by canonical ids (enum columns) and gemeente names by codes, on distinct
 * values; values that match nothing are errors listing what is allowed.
 */
export async function resolveVocabulary(con: DuckDBConnection, staged: StagedFile, gemeenten: Map<string, string> | null, gemeenteNames: Map<string, string>): Promise<void> {
	if (!staged.raw || staged.errorCount > 0 && staged.rows === 0) return;
	for (let col = 0; col < staged.columns.length; col++) {
		const { column } = staged.columns[col];
		const t = column.type;
		let resolve: (value: string) => string | null;
		let allowed: string;
		if (t.kind === 'enum') {
			const table = aliasTable(t.vocabulary);
			resolve = (v) => table.get(normaliseKey(v)) ?? null;
			allowed = (VOCABULARIES[t.vocabulary] as readonly Term[]).map((term) => `${term.id} (${term.label})`).join(', ');
		} else if (t.kind === 'gemeentecode' && gemeenten) {
			resolve = (v) => (gemeenten.has(v) ? v : (gemeenteNames.get(normaliseKey(v)) ?? null));
			allowed = `een gemeente van de regio: ${[...gemeenten].map(([code, naam]) => `${code} ${naam}`).join(', ')}`;
		} else continue;
		const name = `"${column.name}"`;
		const distinct = (await con.runAndReadAll(`SELECT DISTINCT ${name} FROM ${staged.table} WHERE ${name} IS NOT NULL`)).getRows().map((r) => String(r[0]));
		const renames: [string, string][] = [];
		const unknown: string[] = [];
		for (const value of distinct) {
			const id = resolve(value);
			if (id === null) unknown.push(value);
			else if (id !== value) renames.push([value, id]);
		}
		if (renames.length) {
			await con.run(`CREATE OR REPLACE TEMP TABLE rename_map (raw VARCHAR, canon VARCHAR)`);
			const appender = await con.createAppender('rename_map', 'main', 'temp');
			for (const [raw, canon] of renames) {
				appender.appendVarchar(raw);
				appender.appendVarchar(canon);
				appender.endRow();
			}
			appender.closeSync();
			await con.run(`UPDATE ${staged.table} SET ${name} = m.canon FROM rename_map m WHERE ${staged.table}.${name} = m.raw`);
		}
		if (unknown.length) {
			await con.run(`CREATE OR REPLACE TEMP TABLE unknown_values (raw VARCHAR)`);
			const appender = await con.createAppender('unknown_values', 'main', 'temp');
			for (const raw of unknown) {
				appender.appendVarchar(raw);
				appender.endRow();
			}
			appender.closeSync();
			const total = Number((await con.runAndReadAll(`SELECT count(*) FROM ${staged.table} WHERE ${name} IN (SELECT raw FROM unknown_values)`)).getRows()[0][0]);
			const rows = (await con.runAndReadAll(`SELECT rowid, ${name} FROM ${staged.table} WHERE ${name} IN (SELECT raw FROM unknown_values) ORDER BY rowid LIMIT ${MAX_ERRORS_PER_FILE}`)).getRows();
			const lines = staged.raw.rowNumbers(rows.map((r) => Number(r[0])));
			const what = t.kind === 'gemeentecode' ? 'is geen bekende gemeente' : `is geen bekende waarde voor ${column.name}`;
			for (const [rowid, value] of rows) {
				addError(staged, rowError(staged, lines.get(Number(rowid)) ?? null, col, String(value), allowed, `'${shown(String(value))}' ${what}`));
			}
			staged.errorCount += total - rows.length;
		}
	}
}
