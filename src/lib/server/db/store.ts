/**
 * The store runtime: the current snapshot, opened lazily and shared by the whole server.
 * The pointer file is checked at most every `checkIntervalMs` (a stat, no read, when nothing
 * changed); when it names another snapshot, that one is opened and becomes current while
 * requests in flight finish on the snapshot they pinned.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { StoreInvalidError, StoreMissingError } from './errors';
import { POINTER_FILE, readPointer, storePaths } from './layout';
import { Snapshot, type SnapshotOptions } from './snapshot';

export interface StoreOptions extends SnapshotOptions {
	/** How often at most the pointer file is stat'ed; 0 checks on every acquire (tests). */
	checkIntervalMs?: number;
	log?: (line: string) => void;
}

export class Store {
	private current: Snapshot | null = null;
	private opening: Promise<Snapshot> | null = null;
	private lastCheck = -Infinity;
	/** Identity of the pointer file at the last check (inode, mtime, size); a rename changes the inode. */
	private seenPointer = '';
	private closed = false;

	constructor(
		readonly dir: string,
		private readonly options: StoreOptions = {}
	) {}

	/** The current snapshot, pinned: the caller must `unpin()` it. */
	async acquire(): Promise<Snapshot> {
		if (this.closed) throw new Error('Store is closed');
		const now = Date.now();
		if (this.current && now - this.lastCheck < (this.options.checkIntervalMs ?? 250)) return pinned(this.current);
		this.lastCheck = now;
		const identity = pointerIdentity(this.dir);
		if (this.current && identity === this.seenPointer) return pinned(this.current);
		const snapshot = await (this.opening ??= this.switchTo(identity).finally(() => (this.opening = null)));
		return pinned(this.current ?? snapshot);
	}

	/** Id of the current snapshot, or null before the first query. */
	get snapshotId(): string | null {
		return this.current?.id ?? null;
	}

	/** Retire the current snapshot (it closes once unpinned) and refuse further acquires. */
	async close(): Promise<void> {
		this.closed = true;
		await this.opening?.catch(() => undefined);
		this.current?.retire();
		this.current = null;
	}

	private async switchTo(identity: string): Promise<Snapshot> {
		const pointer = readPointer(this.dir);
		if (!pointer) {
			// Keep serving what we have: a pointer only disappears when someone removes the store by hand.
			if (this.current) return this.current;
			throw new StoreMissingError(this.dir);
		}
		if (this.current?.id === pointer.snapshotId) {
			this.seenPointer = identity;
			return this.current;
		}
		try {
			const next = await Snapshot.open(this.dir, pointer, this.options);
			const previous = this.current;
			this.current = next;
			this.seenPointer = identity;
			previous?.retire();
			this.options.log?.(`store: snapshot ${next.id} in gebruik${previous ? ` (was ${previous.id})` : ''}`);
			return next;
		} catch (error) {
			if (!this.current) throw error;
			// A broken new snapshot must not take the site down: keep the old one until the pointer changes again.
			this.seenPointer = identity;
			this.options.log?.(`store: snapshot ${pointer.snapshotId} niet geopend, ${this.current.id} blijft in gebruik: ${String(error)}`);
			return this.current;
		}
	}
}

function pinned(snapshot: Snapshot): Snapshot {
	snapshot.pin();
	return snapshot;
}

function pointerIdentity(dir: string): string {
	try {
		const s = statSync(join(dir, POINTER_FILE));
		return `${s.ino}:${s.mtimeMs}:${s.size}`;
	} catch {
		return 'missing';
	}
}

let shared: Store | undefined;
const pinnedSnapshot = new AsyncLocalStorage<Snapshot>();

/** The server's store, opened lazily from REGIO_STORE_DIR (or data/store). */
export const store = (): Store => (shared ??= new Store(storePaths().store, { log: (line) => console.log(line) }));

/** Use another store directory (tests, scripts); retires the previous store. */
export async function useStore(dir: string, options: StoreOptions = {}): Promise<Store> {
	await shared?.close();
	shared = new Store(dir, options);
	return shared;
}

/** Close the shared store (tests, shutdown). */
export async function closeStore(): Promise<void> {
	await shared?.close();
	shared = undefined;
}

/**
 * Run `fn` with one snapshot pinned for its whole duration; nested calls reuse the pin, so a
 * request that pins once (hooks.server.ts) sees one consistent snapshot in every query.
 */
export async function withSnapshot<T>(fn: (snapshot: Snapshot) => Promise<T>): Promise<T> {
	const active = pinnedSnapshot.getStore();
	if (active) return fn(active);
	const snapshot = await store().acquire();
	try {
		return await pinnedSnapshot.run(snapshot, () => fn(snapshot));
	} finally {
		snapshot.unpin();
	}
}

/**
 * Like withSnapshot, but runs `fn` unpinned when there is no usable store, so pages that work
 * without data (/data, error pages) still render; their queries then throw StoreMissingError.
 * Meant for hooks.server.ts: `handle = ({ event, resolve }) => withRequestSnapshot(() => resolve(event))`.
 */
export async function withRequestSnapshot<T>(fn: () => Promise<T>): Promise<T> {
	if (pinnedSnapshot.getStore()) return fn();
	let snapshot: Snapshot;
	try {
		snapshot = await store().acquire();
	} catch (error) {
		if (error instanceof StoreMissingError || error instanceof StoreInvalidError) return fn();
		throw error;
	}
	try {
		return await pinnedSnapshot.run(snapshot, fn);
	} finally {
		snapshot.unpin();
	}
}

/** The snapshot pinned by the surrounding withSnapshot, if any. */
export function currentSnapshot(): Snapshot | undefined {
	return pinnedSnapshot.getStore();
}

/**
 * Run `fn` with `snapshot` as the pinned one, whatever the store's current snapshot is: every
 * query inside reads it (the intake's preview of a staged snapshot). The caller opened the
 * snapshot and retires it afterwards.
 */
export async function withPinnedSnapshot<T>(snapshot: Snapshot, fn: () => Promise<T>): Promise<T> {
	snapshot.pin();
	try {
		return await pinnedSnapshot.run(snapshot, fn);
	} finally {
		snapshot.unpin();
	}
}
