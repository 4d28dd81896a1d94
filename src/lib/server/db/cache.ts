/**
 * Result cache of one snapshot (Mosaic-style): identical queries in flight share one promise,
 * finished results stay in a small LRU. Each snapshot owns its cache, so the results of an
 * old snapshot can never be served after a switch; they go away with the snapshot.
 */

export class QueryCache<T> {
	private readonly inflight = new Map<string, Promise<T>>();
	private readonly done = new Map<string, T>();

	constructor(private readonly capacity = 256) {}

	/** The cached or in-flight result for `key`, or the result of `run()` (failures are not cached). */
	get(key: string, run: () => Promise<T>): Promise<T> {
		if (this.done.has(key)) {
			const value = this.done.get(key) as T;
			// Re-insert to mark as most recently used (Map keeps insertion order).
			this.done.delete(key);
			this.done.set(key, value);
			return Promise.resolve(value);
		}
		const pending = this.inflight.get(key);
		if (pending) return pending;
		const promise = run().then(
			(value) => {
				this.inflight.delete(key);
				this.remember(key, value);
				return value;
			},
			(error: unknown) => {
				this.inflight.delete(key);
				throw error;
			}
		);
		this.inflight.set(key, promise);
		return promise;
	}

	get size(): { inflight: number; done: number } {
		return { inflight: this.inflight.size, done: this.done.size };
	}

	clear(): void {
		this.inflight.clear();
		this.done.clear();
	}

	private remember(key: string, value: T): void {
		if (this.capacity <= 0) return;
		this.done.set(key, value);
		while (this.done.size > this.capacity) this.done.delete(this.done.keys().next().value as string);
	}
}
