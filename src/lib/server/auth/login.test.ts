import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appDb } from '../app/db';
import { auditLog } from '../app/audit';
import { loginMetWachtwoord } from './login';
import { SESSIE_COOKIE } from './sessions';
import { addUser } from './users';
import { tempAppDb, testEvent } from './test-helpers';
import { THROTTLE_REGELS } from './throttle';

let db: ReturnType<typeof tempAppDb>;
beforeEach(async () => {
	db = tempAppDb();
	await addUser({ naam: 'Anna', rol: 'lezer', wachtwoord: 'een lang wachtwoord', door: null });
});
afterEach(() => db.cleanup());

// No waiting in unit tests; the delays themselves are tested in throttle.test.ts.
const regels = { ...THROTTLE_REGELS, basisVertragingMs: 0 };

describe('password login', () => {
	it('logs in case-insensitively with the right password and starts a session', async () => {
		const event = testEvent();
		const gebruiker = await loginMetWachtwoord(event, { naam: ' anna ', wachtwoord: 'een lang wachtwoord' }, { regels });
		expect(gebruiker).toMatchObject({ naam: 'Anna', rol: 'lezer' });
		expect(event.jar.values.get(SESSIE_COOKIE)).toBeTruthy();
	});

	it('locks after 5 failures, for existing and unknown names alike, refusing even the right password', async () => {
		for (const naam of ['Anna', 'niemand']) {
			for (let i = 0; i < 5; i++) expect(await loginMetWachtwoord(testEvent({ adres: `10.0.${i}.1` }), { naam, wachtwoord: 'fout fout fout' }, { regels })).toBeNull();
		}
		const event = testEvent({ adres: '10.9.9.9' });
		expect(await loginMetWachtwoord(event, { naam: 'anna', wachtwoord: 'een lang wachtwoord' }, { regels })).toBeNull();
		expect(event.jar.values.has(SESSIE_COOKIE)).toBe(false);
		expect(appDb().prepare('SELECT count(*) AS n FROM sessies').get()).toEqual({ n: 0 });
		const failures = auditLog().filter((e) => e.actie === 'inloggen_mislukt');
		expect(failures).toHaveLength(11);
		expect(failures[0].details).toEqual({ naam: 'anna', reden: 'geblokkeerd' });
	});

	it('a success resets the account count', async () => {
		for (let i = 0; i < 4; i++) await loginMetWachtwoord(testEvent(), { naam: 'anna', wachtwoord: 'fout fout fout' }, { regels });
		expect(await loginMetWachtwoord(testEvent(), { naam: 'anna', wachtwoord: 'een lang wachtwoord' }, { regels })).not.toBeNull();
		for (let i = 0; i < 4; i++) await loginMetWachtwoord(testEvent(), { naam: 'anna', wachtwoord: 'fout fout fout' }, { regels });
		expect(await loginMetWachtwoord(testEvent(), { naam: 'anna', wachtwoord: 'een lang wachtwoord' }, { regels })).not.toBeNull();
	});

	it('waits server-side before answering a throttled attempt', async () => {
		for (let i = 0; i < 2; i++) await loginMetWachtwoord(testEvent(), { naam: 'anna', wachtwoord: 'fout fout fout' }, { regels });
		const start = Date.now();
		await loginMetWachtwoord(testEvent(), { naam: 'anna', wachtwoord: 'fout fout fout' }, { regels: { ...regels, basisVertragingMs: 300 } });
		expect(Date.now() - start).toBeGreaterThanOrEqual(290);
	});
});
