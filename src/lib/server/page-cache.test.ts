import { describe, expect, it } from 'vitest';
import { PageCache } from './page-cache';

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
