import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, PageCache } from './page-cache';

describe('PageCache', () => {
	it('renders once for identical keys, also while the first render is in flight', async () => {
		const cache = new PageCache();
		let renders = 0;
		const render = async () => {
			renders++;
			await new Promise((r) => setTimeout(r, 10));
			return new Response('<h1>Capaciteit</h1>', { headers: { 'content-type': 'text/html' } });
		};
		const [a, b] = await Promise.all([cache.respond('s1 /capaciteit', render), cache.respond('s1 /capaciteit', render)]);
		const c = await cache.respond('s1 /capaciteit', render);
		expect(renders).toBe(1);
		expect(await a.text()).toBe('<h1>Capaciteit</h1>');
		expect(await b.text()).toBe('<h1>Capaciteit</h1>');
		expect(c.headers.get('content-type')).toBe('text/html');
		await cache.respond('s2 /capaciteit', render); // another snapshot: rendered anew
		expect(renders).toBe(2);
	});

	it('passes error responses through without keeping them, and evicts the least recently used page', async () => {
		const cache = new PageCache(2);
		let renders = 0;
		const bad = async () => (renders++, new Response('nee', { status: 400 }));
		expect((await cache.respond('x', bad)).status).toBe(400);
		expect(await (await cache.respond('x', bad)).text()).toBe('nee');
		expect(renders).toBe(2);
		await cache.respond('a', async () => new Response('a'));
		await cache.respond('b', async () => new Response('b'));
		await cache.respond('a', async () => new Response('a2')); // a is now the most recent
		await cache.respond('c', async () => new Response('c')); // evicts b
		expect(cache.size).toBe(2);
		expect(await (await cache.respond('a', async () => new Response('a3'))).text()).toBe('a');
		expect(await (await cache.respond('b', async () => new Response('b2'))).text()).toBe('b2');
	});

	it('keeps within its byte budget, dropping the least recently used first', async () => {
		const cache = new PageCache(100, 25);
		const body = (n: number) => async () => new Response('x'.repeat(n));
		await cache.respond('a', body(10));
		await cache.respond('b', body(10));
		expect(cache.byteSize).toBe(20);
		await cache.respond('c', body(10)); // 30 > 25: a goes
		expect(cache.size).toBe(2);
		expect(cache.byteSize).toBe(20);
		expect(await (await cache.respond('a', body(3))).text()).toBe('xxx'); // rendered anew
	});
});

describe('compression', () => {
	const page = '<p>' + 'Tekort per gemeente 1.234 plekken. '.repeat(400) + '</p>';
	const html = async () => new Response(page, { headers: { 'content-type': 'text/html; charset=utf-8', 'content-length': String(Buffer.byteLength(page)) } });

	it('serves a cached text response gzipped to clients that accept it, as is to others', async () => {
		const cache = new PageCache();
		await cache.respond('p', html);
		const zipped = await cache.respond('p', html, { gzip: true });
		expect(zipped.headers.get('content-encoding')).toBe('gzip');
		expect(zipped.headers.get('vary')).toContain('accept-encoding');
		const bytes = new Uint8Array(await zipped.arrayBuffer());
		expect(Number(zipped.headers.get('content-length'))).toBe(bytes.byteLength);
		expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(page) / 10);
		expect(gunzipSync(bytes).toString('utf8')).toBe(page);
		const plain = await cache.respond('p', html, { gzip: false });
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(await plain.text()).toBe(page);
		// Served twice from the same cached bytes: still intact.
		expect(await (await cache.respond('p', html)).text()).toBe(page);
	});

	it('leaves small bodies and binary types alone', async () => {
		const cache = new PageCache();
		const png = async () => new Response(new Uint8Array(4096), { headers: { 'content-type': 'image/png' } });
		await cache.respond('png', png);
		expect((await cache.respond('png', png, { gzip: true })).headers.get('content-encoding')).toBeNull();
		const small = async () => new Response('<p>kort</p>', { headers: { 'content-type': 'text/html' } });
		await cache.respond('small', small);
		expect((await cache.respond('small', small, { gzip: true })).headers.get('content-encoding')).toBeNull();
	});

	it('reads Accept-Encoding as HTTP says', () => {
		expect(acceptsGzip('gzip, deflate, br')).toBe(true);
		expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
		expect(acceptsGzip('*')).toBe(true);
		expect(acceptsGzip('gzip;q=0')).toBe(false);
		expect(acceptsGzip('identity')).toBe(false);
		expect(acceptsGzip('deflate, br')).toBe(false);
		expect(acceptsGzip(null)).toBe(false);
	});
});
