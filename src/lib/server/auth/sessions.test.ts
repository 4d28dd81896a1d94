import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appDb } from '../app/db';
import { auditLog } from '../app/audit';
import type { Gebruiker } from '../../auth/roles';
import { authConfig } from './config';
import { endSession, resolveSession, SESSIE_COOKIE, startSession } from './sessions';
import { addUser, findByNaam, removeUser, setRol } from './users';
import { tempAppDb, testEvent, type CookieJar } from './test-helpers';

let db: ReturnType<typeof tempAppDb>;
let anna: Gebruiker;
beforeEach(async () => {
	db = tempAppDb();
	anna = await addUser({ naam: 'anna', rol: 'aanleverder', wachtwoord: 'een lang wachtwoord', door: null });
});
afterEach(() => db.cleanup());

const newJar = (): CookieJar => ({ values: new Map(), options: new Map() });
const sessionCount = () => (appDb().prepare('SELECT count(*) AS n FROM sessies').get() as { n: number }).n;
const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

describe('sessions', () => {
	it('sets an HttpOnly, SameSite=Lax cookie with a 32-byte id, stores only its sha256, audits the login', () => {
		const jar = newJar();
		const t0 = Date.now();
		startSession(testEvent({ jar }), anna, { via: 'wachtwoord' }, t0);
		const id = jar.values.get(SESSIE_COOKIE)!;
		expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(jar.options.get(SESSIE_COOKIE)).toEqual({ path: '/', httpOnly: true, sameSite: 'lax', secure: false });
		const rows = appDb().prepare('SELECT id_hash, aangemaakt, verloopt FROM sessies').all();
		expect(rows).toEqual([{ id_hash: sha256(id), aangemaakt: t0, verloopt: t0 + authConfig().sessieMaxMs }]);
		expect(findByNaam('anna')).toBeTruthy();
		expect(appDb().prepare('SELECT laatst_ingelogd FROM gebruikers').get()).toEqual({ laatst_ingelogd: new Date(t0).toISOString() });
		expect(auditLog()[0]).toMatchObject({ actie: 'ingelogd', gebruiker: 'anna', adres: '10.0.0.1', details: { via: 'wachtwoord' } });
		expect(resolveSession(testEvent({ jar }), t0 + 1000).gebruiker).toEqual(anna);
	});

	it('is Secure over https', () => {
		const jar = newJar();
		startSession(testEvent({ jar, origin: 'https://regiomonitor.example' }), anna, { via: 'oidc' });
		expect(jar.options.get(SESSIE_COOKIE)).toMatchObject({ secure: true });
	});

	it('replaces the browser’s earlier session at login and never adopts a planted id (fixation)', () => {
		const jar = newJar();
		startSession(testEvent({ jar }), anna, { via: 'wachtwoord' });
		const first = jar.values.get(SESSIE_COOKIE)!;
		startSession(testEvent({ jar }), anna, { via: 'wachtwoord' });
		const second = jar.values.get(SESSIE_COOKIE)!;
		expect(second).not.toBe(first);
		expect(sessionCount()).toBe(1);
		expect(resolveSession(testEvent({ jar: { values: new Map([[SESSIE_COOKIE, first]]), options: new Map() } })).gebruiker).toBeNull();

		const planted = 'A'.repeat(43);
		const attacked = { values: new Map([[SESSIE_COOKIE, planted]]), options: new Map() };
		startSession(testEvent({ jar: attacked }), anna, { via: 'wachtwoord' });
		expect(attacked.values.get(SESSIE_COOKIE)).not.toBe(planted);
		expect(appDb().prepare('SELECT 1 FROM sessies WHERE id_hash = ?').get(sha256(planted))).toBeUndefined();
	});

	it('ends after the idle timeout and after the absolute lifetime, deleting the row and the cookie', () => {
		const { sessieInactiefMs, sessieMaxMs } = authConfig();
		const jar = newJar();
		const t0 = 1_800_000_000_000;
		startSession(testEvent({ jar }), anna, { via: 'wachtwoord' }, t0);
		expect(resolveSession(testEvent({ jar }), t0 + sessieInactiefMs - 1).gebruiker).not.toBeNull();
		const idle = resolveSession(testEvent({ jar }), t0 + 2 * sessieInactiefMs);
		expect(idle).toEqual({ gebruiker: null, gewist: true });
		expect(jar.values.has(SESSIE_COOKIE)).toBe(false);
		expect(sessionCount()).toBe(0);

		// Active all the time (seen every 30 minutes), still ended at the absolute lifetime.
		startSession(testEvent({ jar }), anna, { via: 'wachtwoord' }, t0);
		let t = t0;
		while (t + 30 * 60_000 < t0 + sessieMaxMs) {
			t += 30 * 60_000;
			expect(resolveSession(testEvent({ jar }), t).gebruiker, `at ${(t - t0) / 60_000} min`).not.toBeNull();
		}
		expect(resolveSession(testEvent({ jar }), t0 + sessieMaxMs).gebruiker).toBeNull();
		expect(sessionCount()).toBe(0);
	});

	it('writes laatst_gezien at most once a minute', () => {
		const jar = newJar();
		const t0 = 1_800_000_000_000;
		startSession(testEvent({ jar }), anna, { via: 'wachtwoord' }, t0);
		const seen = () => (appDb().prepare('SELECT laatst_gezien FROM sessies').get() as { laatst_gezien: number }).laatst_gezien;
		resolveSession(testEvent({ jar }), t0 + 59_000);
		expect(seen()).toBe(t0);
		resolveSession(testEvent({ jar }), t0 + 60_000);
		expect(seen()).toBe(t0 + 60_000);
	});

	it('logout deletes the row and clears the cookie; the old id no longer works', () => {
		const jar = newJar();
		startSession(testEvent({ jar }), anna, { via: 'wachtwoord' });
		const id = jar.values.get(SESSIE_COOKIE)!;
		endSession(testEvent({ jar }));
		expect(sessionCount()).toBe(0);
		expect(jar.values.has(SESSIE_COOKIE)).toBe(false);
		expect(jar.options.get(SESSIE_COOKIE)).toMatchObject({ path: '/', deleted: true });
		expect(auditLog()[0]).toMatchObject({ actie: 'uitgelogd', gebruiker: 'anna' });
		expect(resolveSession(testEvent({ jar: { values: new Map([[SESSIE_COOKIE, id]]), options: new Map() } })).gebruiker).toBeNull();
	});

	it('follows role changes at once and ends with the removal of the user', () => {
		const jar = newJar();
		startSession(testEvent({ jar }), anna, { via: 'wachtwoord' });
		setRol({ naam: 'anna', rol: 'lezer', door: null });
		expect(resolveSession(testEvent({ jar })).gebruiker?.rol).toBe('lezer');
		removeUser({ naam: 'anna', door: null });
		expect(resolveSession(testEvent({ jar })).gebruiker).toBeNull();
	});

	it('ignores malformed cookies without touching the database', () => {
		const jar = { values: new Map([[SESSIE_COOKIE, "'; DROP TABLE sessies; --"]]), options: new Map() };
		expect(resolveSession(testEvent({ jar }))).toEqual({ gebruiker: null, gewist: true });
		expect(resolveSession(testEvent())).toEqual({ gebruiker: null, gewist: false });
	});
});
