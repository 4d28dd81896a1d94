/** Security headers on pages, data and API responses (issue 5). */
import { describe, expect, inject, it } from 'vitest';

const baseURL = inject('baseURL');

describe('security headers', () => {
	it.each(['/', '/capaciteit?type=skaeve_huse', '/data', '/api/health', '/gemeente/GM9999'])('%s carries CSP, nosniff and a referrer policy', async (path) => {
		const response = await fetch(new URL(path, baseURL));
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		if (response.headers.get('content-type')?.includes('text/html')) {
			const csp = response.headers.get('content-security-policy') ?? '';
			expect(csp).toContain("default-src 'self'");
			expect(csp).toContain("object-src 'none'");
			expect(csp).toContain("frame-ancestors 'none'");
			expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
		}
	});
});
