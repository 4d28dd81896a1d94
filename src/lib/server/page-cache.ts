/**
 * Rendered responses by snapshot and URL. A view is a pure function of the store snapshot and
 * its URL (filters live in the URL), and server-rendering its charts costs milliseconds of
 * processor time each; so the first request renders, identical requests in flight share that
 * render, and later ones are served from memory until an ingest switches the snapshot (the
 * snapshot id is part of the key, so an old snapshot's pages are never served after a switch).
 */

import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

const gzip = promisify(gzipCallback);

export interface CachedResponse {
	status: number;
	headers: [string, string][];
	body: Uint8Array;
	/** The body gzipped, for clients that accept it; only for compressible types worth it. */
	gzipped?: Uint8Array;
}

/** Text formats that shrink well; images (PNG) and office files (zip inside) do not. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|image\/svg\+xml)/;
/** Smaller bodies are sent as they are: the gain would not pay for the header. */
const MIN_GZIP_BYTES = 1024;

/** Whether the request's Accept-Encoding allows gzip (and does not refuse it with q=0). */
export function acceptsGzip(acceptEncoding: string | null): boolean {
	if (!acceptEncoding) return false;
	return acceptEncoding.split(',').some((part) => {
		const [coding, ...params] = part.trim().toLowerCase().split(';');
		if (coding !== 'gzip' && coding !== '*') return false;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		return !q || Number(q.slice(2)) > 0;
	});
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
	async respond(key: string, render: () => Promise<Response>, { gzip: wantsGzip = false }: { gzip?: boolean } = {}): Promise<Response> {
		const hit = this.entries.get(key);
		if (hit) {
			this.entries.delete(key); // refresh its place in the LRU order
			this.entries.set(key, hit);
			const cached = await hit;
			return cached ? toResponse(cached, wantsGzip) : render();
		}
		let uncached: Response | undefined;
		const pending = render().then(async (response) => {
			if (response.status !== 200) {
				uncached = response;
				return null;
			}
			return cachedResponse(response);
		});
		this.entries.set(key, pending);
		pending.then(
			(value) => {
				if (value === null) this.remove(key);
				else if (this.entries.get(key) === pending) {
					const size = value.body.byteLength + (value.gzipped?.byteLength ?? 0);
					this.sizes.set(key, size);
					this.bytes += size;
					this.evict();
				}
			},
			() => this.remove(key)
		);
		this.evict();
		const cached = await pending;
		return cached ? toResponse(cached, wantsGzip) : uncached!;
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

/** A finished response as kept: its bytes, and gzipped once when that pays (a 16 MB page becomes ~1 MB). */
async function cachedResponse(response: Response): Promise<CachedResponse> {
	const body = new Uint8Array(await response.arrayBuffer());
	const headers = [...response.headers];
	const type = response.headers.get('content-type') ?? '';
	const compressible = COMPRESSIBLE.test(type) && !response.headers.has('content-encoding') && body.byteLength >= MIN_GZIP_BYTES;
	return { status: response.status, headers, body, gzipped: compressible ? new Uint8Array(await gzip(body, { level: 6 })) : undefined };
}

/**
 * A new Response for a cached one (the body is copied by Response itself, so the cached bytes
 * stay intact): gzipped when the client accepts it and a gzipped body exists. Either way the
 * response varies by Accept-Encoding, so shared caches keep the two apart.
 */
export function toResponse(cached: CachedResponse, wantsGzip = false): Response {
	const headers = new Headers(cached.headers);
	if (cached.gzipped) headers.append('vary', 'accept-encoding');
	if (wantsGzip && cached.gzipped) {
		headers.set('content-encoding', 'gzip');
		headers.set('content-length', String(cached.gzipped.byteLength));
		return new Response(cached.gzipped as BodyInit, { status: cached.status, headers });
	}
	if (headers.has('content-length')) headers.set('content-length', String(cached.body.byteLength));
	return new Response(cached.body as BodyInit, { status: cached.status, headers });
}
