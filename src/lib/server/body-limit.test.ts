import { describe, expect, it } from 'vitest';
import { refuseBody, SMALL_BODY_LIMIT } from './body-limit';

const h = (entries: Record<string, string>) => new Headers(entries);

describe('refuseBody', () => {
	it('lets GET and the upload routes through whatever they declare', () => {
		expect(refuseBody('GET', '/capaciteit', h({ 'content-length': String(10 * SMALL_BODY_LIMIT) }))).toBeNull();
		expect(refuseBody('POST', '/api/aanleveringen', h({ 'content-length': String(100 * SMALL_BODY_LIMIT) }))).toBeNull();
		expect(refuseBody('POST', '/beheer/aanleveren/nieuw', h({ 'transfer-encoding': 'chunked' }))).toBeNull();
	});

	it('accepts a small form and refuses more than 1 MB elsewhere, in Dutch', async () => {
		expect(refuseBody('POST', '/login', h({ 'content-length': '120' }))).toBeNull();
		expect(refuseBody('POST', '/login', h({ 'content-length': String(SMALL_BODY_LIMIT) }))).toBeNull();
		const refused = refuseBody('POST', '/login', h({ 'content-length': String(SMALL_BODY_LIMIT + 1) }));
		expect(refused?.status).toBe(413);
		expect(await refused?.text()).toContain('te groot');
		// an upload path with a suffix is not an upload path
		expect(refuseBody('POST', '/api/aanleveringen/x/publiceer', h({ 'content-length': String(SMALL_BODY_LIMIT + 1) }))?.status).toBe(413);
	});

	it('refuses a chunked body without a length outside the upload routes', () => {
		expect(refuseBody('POST', '/data', h({ 'transfer-encoding': 'chunked' }))?.status).toBe(411);
		expect(refuseBody('POST', '/uitloggen', h({}))).toBeNull();
	});
});
