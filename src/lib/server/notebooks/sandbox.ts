/**
 * The notebook sandbox: notebook SQL is written by people with access to notebooks/, and its
 * parameter values come from any URL, so it runs in a DuckDB instance of its own: in memory,
 * the snapshot file attached read-only, no file system or network access, no extensions, and
 * a locked configuration. On top of DuckDB's own refusals every statement is checked first:
 * exactly one SELECT (by DuckDB's parser), reading only store tables and CTEs, and no table
 * functions beyond a few harmless generators (`FROM enable_profiling()` is a SELECT too).
 * Each query gets a time limit (interrupt) and a row limit (streaming).
 */
import { DuckDBInstance, DuckDBTypeId, INTEGER, StatementType, VARCHAR, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { QueryCache } from '../db/cache';
import type { Disclosure } from '../disclosure';
import { loadDisclosure } from '../disclosure/patterns';
import { createProtectedViews, VIEW_CATALOG } from './sandbox-views';
import { ConnectionPool } from '../db/pool';
import type { Snapshot } from '../db/snapshot';
import { formatDecimal, formatInteger } from '../../domain/format';
import { STORE_TABLES, isStoreTable } from '../../domain/store-tables';
import { tokenizeSql } from '../../notebooks/sql-tokens';
import type { CellValue, ResultColumn, ResultRow } from '../../notebooks/types';

/** Time a block may take. */
export const SANDBOX_TIMEOUT_MS = 5_000;
/** Rows kept of a block's result; more are cut off and the result says so. */
export const SANDBOX_MAX_ROWS = 10_000;
export const SANDBOX_MEMORY_LIMIT = '512MB';
/** Connections: notebook requests beyond this queue. */
export const SANDBOX_CONNECTIONS = 2;
/** Finished block results kept per snapshot. */
export const SANDBOX_CACHE_SIZE = 64;
/** Table functions a notebook may call: they generate rows and touch nothing else. */
export const ALLOWED_TABLE_FUNCTIONS = ['range', 'generate_series', 'unnest'] as const;

export interface SandboxLimits {
	timeoutMs?: number;
	maxRows?: number;
}

export interface SandboxOptions extends SandboxLimits {
	/** The snapshot's hidden cells: tables with person counts are read through protected views (sandbox-views.ts). */
	disclosure?: Disclosure;
	memoryLimit?: string;
	connections?: number;
	cacheSize?: number;
}

const SANDBOX = Symbol('notebook sandbox');

/**
 * The notebook sandbox on a snapshot's file (a DuckDB instance of its own, hiding the
 * snapshot's hidden cells), opened on first use and closed with the snapshot, so notebook SQL
 * always reads the snapshot the request pinned.
 */
export function snapshotSandbox(snapshot: Snapshot): Promise<Sandbox> {
	return snapshot.resource(SANDBOX, async (s) => Sandbox.open(s.file, { disclosure: await s.disclosure() }));
}

/** A statement the sandbox refuses or stopped; the message is Dutch and shown to the author. */
export class SandboxError extends Error {
	readonly code = 'SANDBOX';
	constructor(message: string) {
		super(message);
		this.name = 'SandboxError';
	}
}

/** A bound parameter: integers bind as INTEGER, text as VARCHAR. */
export type SandboxParams = Readonly<Record<string, string | number>>;

export interface SandboxResult {
	columns: ResultColumn[];
	rows: ResultRow[];
	truncated: boolean;
	/** Store tables the statement reads. */
	tables: string[];
	ms: number;
}

/** What DuckDB's parser says a statement reads. */
interface Analysis {
	tables: { catalog: string; schema: string; name: string }[];
	tableFunctions: string[];
	ctes: Set<string>;
}

export class Sandbox {
	private closed = false;
	private readonly cache: QueryCache<SandboxResult>;

	private constructor(
		private readonly instance: DuckDBInstance,
		private readonly pool: ConnectionPool,
		private readonly limits: Required<SandboxLimits>,
		cacheSize: number
	) {
		this.cache = new QueryCache(cacheSize);
	}

	/** Open a sandbox on a snapshot file (read-only); the file is ours, but quoted anyway. */
	static async open(file: string, options: SandboxOptions = {}): Promise<Sandbox> {
		const { timeoutMs = SANDBOX_TIMEOUT_MS, maxRows = SANDBOX_MAX_ROWS, memoryLimit = SANDBOX_MEMORY_LIMIT, connections = SANDBOX_CONNECTIONS, cacheSize = SANDBOX_CACHE_SIZE } = options;
		const instance = await DuckDBInstance.create(':memory:', {
			threads: '1',
			memory_limit: memoryLimit,
			// No spilling to disk: a query that needs more memory fails instead of writing temp files.
			temp_directory: '',
			autoinstall_known_extensions: 'false',
			autoload_known_extensions: 'false'
		});
		let pool: ConnectionPool | undefined;
		try {
			pool = await ConnectionPool.create(instance, connections);
			await pool.use(async (connection) => {
				await connection.run(`ATTACH ${sqlString(file)} AS store (READ_ONLY)`);
				// Notebook SQL reads views in the in-memory catalog in which hidden cells are NULL
				// (sandbox-views.ts); the snapshot's hidden cells come with the snapshot, or are read here.
				const disclosure =
					options.disclosure ??
					(await loadDisclosure(
						async (sql, params) =>
							(await connection.runAndReadAll(sql.replace(/\bFROM (\w+)/g, 'FROM store.main.$1'), params as Record<string, DuckDBValue>)).getRowObjectsJson() as Record<string, unknown>[]
					));
				await createProtectedViews(connection, disclosure);
				await connection.run('SET enable_external_access = false');
				await connection.run('SET lock_configuration = true');
			});
			return new Sandbox(instance, pool, { timeoutMs, maxRows }, cacheSize);
		} catch (error) {
			pool?.close();
			instance.closeSync();
			throw error;
		}
	}

	get isClosed(): boolean {
		return this.closed;
	}

	/**
	 * Check a statement without running it: one SELECT, only store tables, CTEs and
	 * `knownTables` (blocks that will be composed in), only allowed table functions.
	 * Returns the store tables it reads; throws SandboxError (Dutch) or DuckDB's parser error.
	 */
	async validate(sql: string, { knownTables = [] }: { knownTables?: readonly string[] } = {}): Promise<string[]> {
		this.assertOpen();
		return this.pool.use((connection) => this.check(connection, sql, knownTables));
	}

	/** Run one SELECT with bound parameters under the time and row limits; results are cached per statement. */
	query(sql: string, params: SandboxParams = {}, limits: SandboxLimits = {}): Promise<SandboxResult> {
		this.assertOpen();
		const { timeoutMs, maxRows } = { ...this.limits, ...limits };
		const key = JSON.stringify([sql, Object.entries(params).sort(), maxRows]);
		return this.cache.get(key, () => this.pool.use((connection) => this.run(connection, sql, params, timeoutMs, maxRows)));
	}

	/** Close the instance; only when no query runs (the snapshot closes it once unpinned). */
	close(): void {
		if (this.closed) return;
		this.closed = true;
		this.cache.clear();
		this.pool.close();
		this.instance.closeSync();
	}

	private assertOpen(): void {
		if (this.closed) throw new Error('Notebook sandbox is closed');
	}

	private async check(connection: DuckDBConnection, sql: string, knownTables: readonly string[]): Promise<string[]> {
		if (tokenizeSql(sql).length === 0) throw new SandboxError('het blok bevat geen query');
		const extracted = await connection.extractStatements(sql);
		if (extracted.count === 0) throw new SandboxError('het blok bevat geen query');
		if (extracted.count > 1) throw new SandboxError(`alleen één query per blok is toegestaan (gevonden: ${extracted.count} statements)`);
		const analysis = await analyse(connection, sql);
		const known = new Set([...analysis.ctes, ...knownTables.map((t) => t.toLowerCase())]);
		for (const name of analysis.tableFunctions) {
			if (!(ALLOWED_TABLE_FUNCTIONS as readonly string[]).includes(name.toLowerCase()))
				throw new SandboxError(`tabelfunctie '${name}' is niet toegestaan in een notebook (wel: ${ALLOWED_TABLE_FUNCTIONS.join(', ')})`);
		}
		const read = new Set<string>();
		for (const table of analysis.tables) {
			// Only the protected views (sandbox-views.ts), never the attached snapshot itself.
			const inStore = ['', VIEW_CATALOG].includes(table.catalog.toLowerCase()) && ['', 'main'].includes(table.schema.toLowerCase());
			const name = table.name.toLowerCase();
			if (inStore && isStoreTable(name)) read.add(name);
			else if (!(table.catalog === '' && table.schema === '' && known.has(name))) {
				const shown = [table.catalog, table.schema, table.name].filter(Boolean).join('.');
				throw new SandboxError(`tabel '${shown}' bestaat niet of mag niet gelezen worden; een notebook leest de tabellen van de gegevensopslag (${STORE_TABLES.join(', ')}) en eerdere SQL-blokken`);
			}
		}
		return STORE_TABLES.filter((t) => read.has(t));
	}

	private async run(connection: DuckDBConnection, sql: string, params: SandboxParams, timeoutMs: number, maxRows: number): Promise<SandboxResult> {
		const started = performance.now();
		const tables = await this.check(connection, sql, []);
		const extracted = await connection.extractStatements(sql);
		const prepared = await extracted.prepare(0);
		try {
			if (prepared.statementType !== StatementType.SELECT) throw notSelect(sql, StatementType[prepared.statementType]);
			const { values, types } = bind(sql, params);
			prepared.bind(values, types);
			let timedOut = false;
			const timer = setTimeout(() => {
				timedOut = true;
				connection.interrupt();
			}, timeoutMs);
			let reader;
			try {
				reader = await prepared.streamAndReadUntil(maxRows + 1);
			} catch (error) {
				if (timedOut) throw new SandboxError(`duurde langer dan ${seconds(timeoutMs)} en is afgebroken`);
				throw error;
			} finally {
				clearTimeout(timer);
			}
			const names = reader.deduplicatedColumnNames();
			const types_ = reader.columnTypes();
			const columns = names.map((name, i): ResultColumn => ({ name, type: types_[i].toString(), numeric: NUMERIC.has(types_[i].typeId) }));
			const truncated = reader.currentRowCount > maxRows;
			const rows = reader
				.getRowsJson()
				.slice(0, maxRows)
				.map((row) => Object.fromEntries(row.map((value, i) => [names[i], toCell(value, types_[i])])));
			return { columns, rows, truncated, tables, ms: Math.round(performance.now() - started) };
		} finally {
			prepared.destroySync();
		}
	}
}

/** DuckDB's own parse of the statement (json_serialize_sql), walked for tables, table functions and CTEs. */
async function analyse(connection: DuckDBConnection, sql: string): Promise<Analysis> {
	const reader = await connection.runAndReadAll('SELECT json_serialize_sql($sql::VARCHAR) AS ast', { sql });
	const ast = JSON.parse(String(reader.getRowObjectsJS()[0].ast)) as { error: boolean; error_type?: string; error_message?: string };
	if (ast.error) {
		if (ast.error_type === 'not implemented') throw notSelect(sql);
		throw new SandboxError(ast.error_message ?? 'de query is ongeldig');
	}
	const analysis: Analysis = { tables: [], tableFunctions: [], ctes: new Set() };
	walk(ast, (node) => {
		if (node.type === 'BASE_TABLE')
			analysis.tables.push({ catalog: String(node.catalog_name ?? ''), schema: String(node.schema_name ?? ''), name: String(node.table_name ?? '') });
		if (node.type === 'TABLE_FUNCTION') {
			const fn = node.function as { function_name?: string; schema?: string; catalog?: string } | undefined;
			analysis.tableFunctions.push([fn?.catalog, fn?.schema, fn?.function_name].filter(Boolean).join('.'));
		}
		const map = (node.cte_map as { map?: { key: string }[] } | undefined)?.map;
		for (const entry of map ?? []) analysis.ctes.add(entry.key.toLowerCase());
	});
	return analysis;
}

function walk(value: unknown, visit: (node: Record<string, unknown>) => void): void {
	if (Array.isArray(value)) for (const item of value) walk(item, visit);
	else if (value !== null && typeof value === 'object') {
		visit(value as Record<string, unknown>);
		for (const child of Object.values(value)) walk(child, visit);
	}
}

function notSelect(sql: string, found?: string): SandboxError {
	const first = tokenizeSql(sql).find((t) => t.kind === 'word')?.text.toUpperCase();
	return new SandboxError(`alleen een SELECT-query is toegestaan (gevonden: ${first ?? found ?? '?'} …)`);
}

function bind(sql: string, params: SandboxParams): { values: Record<string, DuckDBValue>; types: Record<string, DuckDBType> } {
	const values: Record<string, DuckDBValue> = {};
	const types: Record<string, DuckDBType> = {};
	for (const token of tokenizeSql(sql)) {
		if (token.kind !== 'param' || token.text in values) continue;
		if (!Object.hasOwn(params, token.text)) throw new SandboxError(`parameter $${token.text} heeft geen waarde`);
		const value = params[token.text];
		values[token.text] = value;
		types[token.text] = typeof value === 'number' ? INTEGER : VARCHAR;
	}
	return { values, types };
}

function seconds(ms: number): string {
	return ms % 1000 === 0 ? `${formatInteger(ms / 1000)} ${ms === 1000 ? 'seconde' : 'seconden'}` : `${formatDecimal(ms / 1000, { digits: 1 })} seconden`;
}

/** A SQL string literal. */
function sqlString(text: string): string {
	return `'${text.replaceAll("'", "''")}'`;
}

const NUMERIC = new Set<DuckDBTypeId>([
	DuckDBTypeId.TINYINT,
	DuckDBTypeId.SMALLINT,
	DuckDBTypeId.INTEGER,
	DuckDBTypeId.BIGINT,
	DuckDBTypeId.HUGEINT,
	DuckDBTypeId.UTINYINT,
	DuckDBTypeId.USMALLINT,
	DuckDBTypeId.UINTEGER,
	DuckDBTypeId.UBIGINT,
	DuckDBTypeId.UHUGEINT,
	DuckDBTypeId.FLOAT,
	DuckDBTypeId.DOUBLE,
	DuckDBTypeId.DECIMAL,
	DuckDBTypeId.BIGNUM
]);

const TIMESTAMPS = new Set<DuckDBTypeId>([
	DuckDBTypeId.TIMESTAMP,
	DuckDBTypeId.TIMESTAMP_S,
	DuckDBTypeId.TIMESTAMP_MS,
	DuckDBTypeId.TIMESTAMP_NS,
	DuckDBTypeId.TIMESTAMP_TZ
]);

/**
 * One value as a CellValue, from DuckDB's JSON form: big integers and decimals as numbers,
 * dates as `2024-01-02`, timestamps as `2024-01-02T03:04:05` (`…+00:00` with a zone), lists,
 * structs and maps as JSON text.
 */
export function toCell(value: unknown, type: DuckDBType): CellValue {
	if (value === null || value === undefined) return null;
	if (NUMERIC.has(type.typeId)) return typeof value === 'number' ? value : Number(value);
	if (TIMESTAMPS.has(type.typeId) && typeof value === 'string') return value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
	return JSON.stringify(value);
}
