/**
 * The page cache (src/lib/server/page-cache.ts, hooks.server.ts) serves a page as rendered
 * for its snapshot and URL; a client-side data request for the same page must never be
 * served as the page, nor the other way round.
 */
import { describe, expect, inject, it } from 'vitest';

const baseURL = inject('baseURL');

describe('page cache', () => {
	it('keeps data requests and pages apart', async () => {
		const data = await fetch(new URL('/gemeente/GM0512/__data.json', baseURL));
		expect(data.status).toBe(200);
		expect(data.headers.get('content-type')).toContain('application/json');
		for (let i = 0; i < 2; i++) {
			const page = await fetch(new URL('/gemeente/GM0512', baseURL));
			expect(page.headers.get('content-type')).toContain('text/html');
			expect(await page.text()).toMatch(/<h1[^>]*>Gorinchem<\/h1>/);
		}
		const again = await fetch(new URL('/gemeente/GM0512/__data.json', baseURL));
		expect(again.headers.get('content-type')).toContain('application/json');
	});

	it('serves the same bytes for the same URL, and other filters render their own page', async () => {
		const a = await (await fetch(new URL('/capaciteit?type=skaeve_huse', baseURL))).text();
		const b = await (await fetch(new URL('/capaciteit?type=skaeve_huse', baseURL))).text();
		const c = await (await fetch(new URL('/capaciteit?type=crisisopvang', baseURL))).text();
		expect(b).toBe(a);
		expect(c).not.toBe(a);
		expect(c).toContain('Crisisplekken');
	});
});
