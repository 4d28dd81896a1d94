/**
 * One opened snapshot file: a read-only DuckDB instance, a small connection pool, a result
 * cache and a reference count. Requests pin a snapshot while they run; a snapshot that is no
 * longer current (retired) closes when the last pin is released.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { loadDrempel, protectRows, type Disclosure, type Pattern, type PatternName, type Protection } from '../disclosure';
import { partsLookup, patternFromColumns, patternPart, patternPartsFromColumns, STORED_PATTERN_PARTS_SQL, STORED_PATTERN_SQL, type PatternLookup } from '../disclosure/patterns';
import { QueryCache } from './cache';
import { StoreInvalidError } from './errors';
import type { Pointer } from './layout';
import { bindParams, queryKey, type Params } from './params';
import { ConnectionPool } from './pool';
import { SNAPSHOT_TABLES, STORE_SCHEMA_VERSION } from './schema';

export type JsonRow = Record<string, unknown>;

export interface SnapshotOptions {
	/** Connections in the pool; the server has 2 cores, more rarely helps. */
	connections?: number;
	/** Finished results kept per snapshot. */
	cacheSize?: number;
}

/** Something opened on a snapshot's file and closed with the snapshot (the notebook sandbox). */
export interface SnapshotResource {
	close(): void;
}

export class Snapshot {
	private refs = 0;
	private retired = false;
	private closed = false;
	private readonly cache: QueryCache<JsonRow[]>;
	private readonly resources = new Map<symbol, Promise<SnapshotResource>>();
	private drempelState: Promise<number> | null = null;
	private readonly patternStates = new Map<PatternName, Promise<Pattern>>();
	private readonly partStates = new Map<string, Promise<Pattern>>();

	private constructor(
		readonly pointer: Pointer,
		/** The snapshot's DuckDB file. */
		readonly file: string,
		private readonly instance: DuckDBInstance,
		private readonly pool: ConnectionPool,
		cacheSize: number
	) {
		this.cache = new QueryCache(cacheSize);
	}

	get id(): string {
		return this.pointer.snapshotId;
	}

	get isClosed(): boolean {
		return this.closed;
	}

	get pins(): number {
		return this.refs;
	}

	/** Open and validate the snapshot a pointer names; throws StoreInvalidError when it is incomplete. */
	static async open(storeDir: string, pointer: Pointer, options: SnapshotOptions = {}): Promise<Snapshot> {
		const { connections = 2, cacheSize = 256 } = options;
		const file = join(storeDir, pointer.file);
		const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY', threads: '2' });
		let pool: ConnectionPool | undefined;
		try {
			pool = await ConnectionPool.create(instance, connections);
			await pool.use((connection) => validate(pointer.snapshotId, (sql) => connection.runAndReadAll(sql).then((r) => r.getRowObjectsJson())));
			return new Snapshot(pointer, file, instance, pool, cacheSize);
		} catch (error) {
			pool?.close();
			instance.closeSync();
			throw error;
		}
	}

	pin(): void {
		if (this.closed) throw new Error(`Snapshot ${this.id} is closed`);
		this.refs++;
	}

	unpin(): void {
		this.refs--;
		this.closeIfUnused();
	}

	/** Mark as no longer current: closes now or when the last pin is released. */
	retire(): void {
		this.retired = true;
		this.closeIfUnused();
	}

	/**
	 * Result rows as JSON values (BIGINT/DECIMAL as strings: cast in SQL), shared with identical
	 * queries, and protected by the query's declaration before anyone sees them: this is where
	 * data leaves the store ($lib/server/disclosure).
	 */
	rows(sql: string, params: Params = {}, protection?: Protection): Promise<JsonRow[]> {
		if (this.closed) return Promise.reject(new Error(`Snapshot ${this.id} is closed`));
		return this.cache.get(queryKey(sql, params), async () => {
			// Only what this query needs: the threshold, and the parts of the pattern its rows' cells are in (if any).
			const cell = protection?.cell;
			const [raw, drempel] = await Promise.all([this.run(sql, params), this.drempel()]);
			const patterns = cell && drempel > 0 ? { [cell.pattern]: await this.patternParts(cell.pattern, new Set(raw.map((row) => patternPart(cell.key(row, params))))) } : {};
			return protectRows(raw, sql, params, protection, { drempel, patterns });
		});
	}

	/** The disclosure threshold of this snapshot, read once. */
	drempel(): Promise<number> {
		this.drempelState ??= loadDrempel((sql) => this.run(sql, {})).catch((error: unknown) => {
			this.drempelState = null;
			throw error;
		});
		return this.drempelState;
	}

	/** One whole pattern of hidden cells of this snapshot, as the ingest stored it (verborgen_cellen), read on first use. */
	pattern(name: PatternName): Promise<Pattern> {
		let state = this.patternStates.get(name);
		if (!state) {
			state = this.columns(STORED_PATTERN_SQL, { patroon: name })
				.then(patternFromColumns)
				.catch((error: unknown) => {
					this.patternStates.delete(name);
					throw error;
				});
			this.patternStates.set(name, state);
		}
		return state;
	}

	/** The parts `parts` of a pattern as one lookup; each part is read from the snapshot once, the missing ones in one query. */
	private async patternParts(name: PatternName, parts: ReadonlySet<string>): Promise<PatternLookup> {
		const key = (deel: string) => `${name}|${deel}`;
		const missing = [...parts].filter((deel) => !this.partStates.has(key(deel)));
		if (missing.length > 0) {
			const read = this.columns(STORED_PATTERN_PARTS_SQL, { patroon: name, delen: missing }).then((columns) => patternPartsFromColumns(columns, missing));
			for (const deel of missing) {
				const state = read.then((byPart) => byPart.get(deel) ?? new Map());
				// A failed read is forgotten, so the next request tries again.
				state.catch(() => this.partStates.delete(key(deel)));
				this.partStates.set(key(deel), state);
			}
		}
		const loaded = new Map<string, Pattern>();
		await Promise.all([...parts].map(async (deel) => loaded.set(deel, await this.partStates.get(key(deel))!)));
		return partsLookup(loaded);
	}

	/** The threshold and every pattern (the notebook sandbox hides the same cells as the pages). */
	async disclosure(): Promise<Disclosure> {
		const [drempel, wlz, dagbesteding, capaciteit] = await Promise.all([this.drempel(), this.pattern('wlz'), this.pattern('dagbesteding'), this.pattern('capaciteit')]);
		return { drempel, patterns: { wlz, dagbesteding, capaciteit } };
	}

	/** EXPLAIN a statement with its parameters: fails on any SQL error without reading data. */
	async explain(sql: string, params: Params = {}): Promise<string> {
		const rows = await this.run(`EXPLAIN ${sql}`, params);
		return rows.map((r) => String(r.explain_value ?? '')).join('\n');
	}

	/**
	 * The resource `key` on this snapshot, opened by `open` on first use and closed with the
	 * snapshot, so whoever reads through it reads the snapshot the request pinned. A failed open
	 * is forgotten, so the next request tries again.
	 */
	resource<T extends SnapshotResource>(key: symbol, open: (snapshot: Snapshot) => Promise<T>): Promise<T> {
		if (this.closed) return Promise.reject(new Error(`Snapshot ${this.id} is closed`));
		let opened = this.resources.get(key);
		if (!opened) {
			opened = open(this).catch((error: unknown) => {
				this.resources.delete(key);
				throw error;
			});
			this.resources.set(key, opened);
		}
		return opened as Promise<T>;
	}

	get cacheSize(): { inflight: number; done: number } {
		return this.cache.size;
	}

	/** A result as its columns (JS values), for results too large to turn into row objects. */
	private columns(sql: string, params: Params): Promise<unknown[][]> {
		const { values, types } = bindParams(sql, params);
		return this.pool.use(async (connection) => (await connection.runAndReadAll(sql, values, types)).getColumnsJS() as unknown[][]);
	}

	private run(sql: string, params: Params): Promise<JsonRow[]> {
		const { values, types } = bindParams(sql, params);
		return this.pool.use(async (connection) => (await connection.runAndReadAll(sql, values, types)).getRowObjectsJson() as JsonRow[]);
	}

	private closeIfUnused(): void {
		if (this.closed || !this.retired || this.refs > 0) return;
		this.closed = true;
		this.cache.clear();
		this.pool.close();
		this.instance.closeSync();
		for (const opened of this.resources.values())
			void opened.then(
				(resource) => resource.close(),
				() => undefined
			);
		this.resources.clear();
	}
}

/** Check that a snapshot has every table and the expected schema version. */
async function validate(snapshotId: string, read: (sql: string) => Promise<Record<string, unknown>[]>): Promise<void> {
	const tables = new Set((await read(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'`)).map((r) => r.table_name));
	const missing = SNAPSHOT_TABLES.filter((t) => !tables.has(t));
	if (missing.length > 0) throw new StoreInvalidError(snapshotId, `tabellen ontbreken (${missing.join(', ')})`);
	const info = await read(`SELECT CAST(schema_version AS INTEGER) AS schema_version FROM snapshot_info`);
	if (info.length !== 1) throw new StoreInvalidError(snapshotId, 'snapshot_info heeft geen rij');
	if (info[0].schema_version !== STORE_SCHEMA_VERSION)
		throw new StoreInvalidError(snapshotId, `schemaversie ${String(info[0].schema_version)}, verwacht ${STORE_SCHEMA_VERSION}`);
}
