import { isHttpError, isRedirect } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Gebruiker } from '../../auth/roles';
import { guardRequest, requireRol, veiligTerug } from './guard';
import { SESSIE_COOKIE, startSession } from './sessions';
import { createToken, revokeTokens } from './tokens';
import { addUser } from './users';
import { tempAppDb, testEvent, type CookieJar } from './test-helpers';

let db: ReturnType<typeof tempAppDb>;
let lezer: Gebruiker;
beforeEach(async () => {
	db = tempAppDb();
	lezer = await addUser({ naam: 'lezer', rol: 'lezer', wachtwoord: 'een lang wachtwoord', door: null });
});
afterEach(() => db.cleanup());

const ORIGIN = 'http://127.0.0.1:3000';

function loggedInJar(gebruiker: Gebruiker): CookieJar {
	const jar: CookieJar = { values: new Map(), options: new Map() };
	startSession(testEvent({ jar }), gebruiker, { via: 'wachtwoord' });
	return jar;
}

function thrown(fn: () => unknown): unknown {
	try {
		fn();
	} catch (e) {
		return e;
	}
	throw new Error('expected a throw');
}

describe('guardRequest', () => {
	it('recognises the session cookie and the Bearer token, and refuses an invalid token', () => {
		const jar = loggedInJar(lezer);
		const bySession = testEvent({ jar });
		expect(guardRequest(bySession, { toegang: 'open' }).response).toBeNull();
		expect(bySession.locals).toEqual({ gebruiker: lezer, via: 'sessie' });

		const { token, prefix } = createToken({ naam: 'lezer', door: null });
		const byToken = testEvent({ path: '/api/x', headers: { authorization: `Bearer ${token}` } });
		guardRequest(byToken, { toegang: 'login' });
		expect(byToken.locals).toEqual({ gebruiker: lezer, via: 'token' });

		revokeTokens({ naam: 'lezer', prefix, door: null });
		const revoked = testEvent({ path: '/capaciteit', headers: { authorization: `Bearer ${token}` }, jar });
		const { response } = guardRequest(revoked, { toegang: 'open' });
		expect(response?.status).toBe(401);
		expect(revoked.locals.gebruiker).toBeNull();
		// Other schemes (a proxy's Basic auth) are not ours to judge.
		expect(guardRequest(testEvent({ headers: { authorization: 'Basic eDp5' } }), { toegang: 'open' }).response).toBeNull();
	});

	it('refuses state-changing requests made with the cookie from another origin, or without Origin', async () => {
		const jar = loggedInJar(lezer);
		for (const headers of [{ origin: 'https://evil.example' }, {}, { origin: 'null' }] as Record<string, string>[]) {
			const { response } = guardRequest(testEvent({ method: 'POST', path: '/beheer/gebruikers', jar, headers }), { toegang: 'open' });
			expect(response?.status, JSON.stringify(headers)).toBe(403);
			expect(await response!.text()).toContain('Verzoek geweigerd');
		}
		expect(guardRequest(testEvent({ method: 'POST', jar, headers: { origin: ORIGIN } }), { toegang: 'open' }).response).toBeNull();
		// GET never changes anything; a token is no ambient credential.
		expect(guardRequest(testEvent({ jar, headers: { origin: 'https://evil.example' } }), { toegang: 'open' }).response).toBeNull();
		const { token } = createToken({ naam: 'lezer', door: null });
		expect(guardRequest(testEvent({ method: 'POST', path: '/api/x', headers: { authorization: `Bearer ${token}` } }), { toegang: 'open' }).response).toBeNull();
		// The login form itself: no logging a visitor in from elsewhere.
		expect(guardRequest(testEvent({ method: 'POST', path: '/login', headers: { origin: 'https://evil.example' } }), { toegang: 'open' }).response?.status).toBe(403);
	});

	it('with toegang=login sends anonymous page visits to the login page and answers 401 to everything else', async () => {
		const html = { accept: 'text/html,application/xhtml+xml' };
		const page = guardRequest(testEvent({ path: '/capaciteit?peiljaar=2025&type=a%20b', headers: html }), { toegang: 'login' }).response!;
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toBe('/login?terug=%2Fcapaciteit%3Fpeiljaar%3D2025%26type%3Da%2520b');
		for (const [path, extra] of [
			['/charts/tekort.png', html],
			['/deck.pptx', html],
			['/api/aanleveringen', {}],
			['/capaciteit', { accept: '*/*' }]
		] as const) {
			const { response } = guardRequest(testEvent({ path, headers: extra }), { toegang: 'login' });
			expect(response?.status, path).toBe(401);
			expect(await response!.text()).toContain('niet ingelogd');
		}
		expect(guardRequest(testEvent({ path: '/capaciteit', headers: html, isDataRequest: true }), { toegang: 'login' }).response?.status).toBe(401);
		expect(guardRequest(testEvent({ path: '/x', method: 'POST', headers: { ...html, origin: ORIGIN } }), { toegang: 'login' }).response?.status).toBe(401);
		for (const path of ['/login', '/login/oidc/callback', '/api/health', '/_app/immutable/x.js', '/favicon.svg']) {
			expect(guardRequest(testEvent({ path, headers: html }), { toegang: 'login' }).response, path).toBeNull();
		}
		expect(guardRequest(testEvent({ path: '/capaciteit', headers: html, jar: loggedInJar(lezer) }), { toegang: 'login' }).response).toBeNull();
		expect(guardRequest(testEvent({ path: '/capaciteit', headers: html }), { toegang: 'open' }).response).toBeNull();
	});

	it('clears an invalid cookie even on its own refusals', () => {
		const jar: CookieJar = { values: new Map([[SESSIE_COOKIE, 'B'.repeat(43)]]), options: new Map() };
		const result = guardRequest(testEvent({ path: '/deck.pptx', jar }), { toegang: 'login' });
		expect(result.cookieGewist).toBe(true);
		expect(result.response?.headers.get('set-cookie')).toContain(`${SESSIE_COOKIE}=; Path=/; Max-Age=0`);
	});
});

describe('requireRol', () => {
	it('redirects anonymous page visitors to the login page and answers 403 for too small a role', () => {
		const anon = testEvent({ path: '/beheer?x=1', headers: { accept: 'text/html' } });
		const r = thrown(() => requireRol(anon, 'aanleverder'));
		expect(isRedirect(r) && r.location).toBe('/login?terug=%2Fbeheer%3Fx%3D1');

		const event = testEvent({ path: '/beheer', headers: { accept: 'text/html' }, jar: loggedInJar(lezer) });
		guardRequest(event, { toegang: 'open' });
		const e = thrown(() => requireRol(event, 'aanleverder'));
		expect(isHttpError(e, 403) && e.body.message).toContain('rol aanleverder nodig');
		expect(requireRol(event, 'lezer')).toEqual(lezer);
	});

	it('answers 401 to anonymous API-like requests', () => {
		for (const event of [testEvent({ path: '/api/aanleveringen', headers: { accept: 'text/html' } }), testEvent({ path: '/beheer/x', headers: { accept: 'application/json' } })]) {
			const e = thrown(() => requireRol(event, 'lezer'));
			expect(isHttpError(e, 401)).toBe(true);
		}
	});
});

describe('veiligTerug', () => {
	it('keeps same-site paths and sends everything else home', () => {
		expect(veiligTerug('/capaciteit?peiljaar=2025#kaart')).toBe('/capaciteit?peiljaar=2025#kaart');
		for (const bad of [null, '', 'https://evil.example/', '//evil.example', '/\\evil.example', '/\t/evil.example', 'capaciteit', 'javascript:alert(1)']) {
			expect(veiligTerug(bad), String(bad)).toBe('/');
		}
	});
});
