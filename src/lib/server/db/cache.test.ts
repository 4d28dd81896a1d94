import { describe, expect, test } from 'vitest';
import { QueryCache } from './cache';

describe('QueryCache', () => {
	test('identical queries in flight share one execution', async () => {
		const cache = new QueryCache<number>();
		let runs = 0;
		const run = () => new Promise<number>((resolve) => setTimeout(() => resolve(++runs), 5));
		const [a, b] = await Promise.all([cache.get('k', run), cache.get('k', run)]);
		expect([a, b, runs]).toEqual([1, 1, 1]);
		expect(await cache.get('k', run)).toBe(1);
		expect(runs).toBe(1);
	});

	test('failures are not cached', async () => {
		const cache = new QueryCache<number>();
		await expect(cache.get('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect(await cache.get('k', () => Promise.resolve(2))).toBe(2);
	});

	test('keeps at most `capacity` finished results, dropping the least recently used', async () => {
		const cache = new QueryCache<string>(2);
		await cache.get('a', async () => 'a');
		await cache.get('b', async () => 'b');
		await cache.get('a', async () => 'a2'); // touch a
		await cache.get('c', async () => 'c'); // evicts b
		expect(await cache.get('a', async () => 'new')).toBe('a');
		expect(await cache.get('b', async () => 'new')).toBe('new');
		expect(cache.size.done).toBe(2);
	});
});
