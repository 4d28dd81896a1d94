/**
 * Rendered responses by snapshot and URL. A view is a pure function of the store snapshot and
 * its URL (filters live in the URL), and server-rendering its charts costs milliseconds of
 * processor time each; so the first request renders, identical requests in flight share that
 * render, and later ones are served from memory until an ingest switches the snapshot (the
 * snapshot id is part of the key, so an old snapshot's pages are never served after a switch).
 */

export interface CachedResponse {
	status: number;
	headers: [string, string][];
	body: Uint8Array;
}

export class PageCache {
	private readonly entries = new Map<string, Promise<CachedResponse | null>>();
	private readonly sizes = new Map<string, number>();
	private bytes = 0;

	/**
	 * @param capacity most responses kept
	 * @param maxBytes most bytes kept (PNG downloads are a few hundred kB each; pages ~80 kB)
	 */
	constructor(
		private readonly capacity = 500,
		private readonly maxBytes = 64 << 20
	) {}

	/**
	 * The response for the key: from the cache, from an identical render in flight, or rendered
	 * now. Only complete 200 responses are kept; others (400, 404, redirects) go to the caller
	 * that rendered them and are rendered anew next time.
	 */
	async respond(key: string, render: () => Promise<Response>): Promise<Response> {
		const hit = this.entries.get(key);
		if (hit) {
			this.entries.delete(key); // refresh its place in the LRU order
			this.entries.set(key, hit);
			const cached = await hit;
			return cached ? toResponse(cached) : render();
		}
		let uncached: Response | undefined;
		const pending = render().then(async (response) => {
			if (response.status !== 200) {
				uncached = response;
				return null;
			}
			return { status: response.status, headers: [...response.headers], body: new Uint8Array(await response.arrayBuffer()) };
		});
		this.entries.set(key, pending);
		pending.then(
			(value) => {
				if (value === null) this.remove(key);
				else if (this.entries.get(key) === pending) {
					this.sizes.set(key, value.body.byteLength);
					this.bytes += value.body.byteLength;
					this.evict();
				}
			},
			() => this.remove(key)
		);
		this.evict();
		const cached = await pending;
		return cached ? toResponse(cached) : uncached!;
	}

	private remove(key: string): void {
		this.entries.delete(key);
		this.bytes -= this.sizes.get(key) ?? 0;
		this.sizes.delete(key);
	}

	/** Drop the least recently used responses until both limits hold. */
	private evict(): void {
		while (this.entries.size > this.capacity || (this.bytes > this.maxBytes && this.entries.size > 1)) {
			this.remove(this.entries.keys().next().value!);
		}
	}

	/** Bytes held by finished responses. */
	get byteSize(): number {
		return this.bytes;
	}

	get size(): number {
		return this.entries.size;
	}
}

export function toResponse(cached: CachedResponse): Response {
	return new Response(cached.body.slice(), { status: cached.status, headers: cached.headers });
}
