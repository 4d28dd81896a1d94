import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appDb } from '../app/db';
import { beginPoging, loginGelukt, THROTTLE_REGELS } from './throttle';
import { tempAppDb } from './test-helpers';

let db: ReturnType<typeof tempAppDb>;
beforeEach(() => {
	db = tempAppDb();
});
afterEach(() => db.cleanup());

const MIN = 60_000;

describe('login throttling', () => {
	it('delays from the third attempt, doubling, and locks the account after 5 failures for 15 minutes', () => {
		const t0 = 1_000_000_000_000;
		const pogingen = [0, 1, 2, 3, 4].map((i) => beginPoging({ naam: 'Anna', adres: `10.0.0.${i}`, now: t0 + i * 1000 }));
		expect(pogingen.map((p) => p.geblokkeerd)).toEqual([false, false, false, false, false]);
		expect(pogingen.map((p) => p.vertragingMs)).toEqual([0, 0, 250, 500, 1000]);
		// Locked: refused for any address and any spelling of the name, for 15 minutes.
		expect(beginPoging({ naam: ' ANNA ', adres: '10.9.9.9', now: t0 + 5000 }).geblokkeerd).toBe(true);
		expect(beginPoging({ naam: 'anna', adres: '10.9.9.9', now: t0 + 4000 + 15 * MIN - 1 }).geblokkeerd).toBe(true);
		const after = beginPoging({ naam: 'anna', adres: '10.9.9.9', now: t0 + 4000 + 15 * MIN });
		expect(after).toMatchObject({ geblokkeerd: false, vertragingMs: 0 });
	});

	it('treats a name without account exactly like one with (the table knows nothing of accounts)', () => {
		const t0 = 2_000_000_000_000;
		for (let i = 0; i < 5; i++) beginPoging({ naam: 'bestaat-niet', adres: `10.1.0.${i}`, now: t0 + i });
		expect(beginPoging({ naam: 'bestaat-niet', adres: '10.1.1.1', now: t0 + 10 }).geblokkeerd).toBe(true);
		expect(appDb().prepare("SELECT mislukt FROM inlogpogingen WHERE sleutel = 'account:bestaat-niet'").get()).toEqual({ mislukt: 5 });
	});

	it('forgets failures older than the 15-minute window', () => {
		const t0 = 3_000_000_000_000;
		for (let i = 0; i < 4; i++) beginPoging({ naam: 'bert', adres: '10.2.0.1', now: t0 + i });
		expect(beginPoging({ naam: 'bert', adres: '10.2.0.1', now: t0 + 15 * MIN + 1 })).toMatchObject({ geblokkeerd: false, vertragingMs: 0 });
	});

	it('a success resets the account and gives the address its attempt back', () => {
		const t0 = 4_000_000_000_000;
		for (let i = 0; i < 3; i++) beginPoging({ naam: 'carla', adres: '10.3.0.1', now: t0 + i });
		const ok = beginPoging({ naam: 'carla', adres: '10.3.0.1', now: t0 + 10 });
		expect(ok.vertragingMs).toBe(500);
		loginGelukt({ sleutels: ok.sleutels });
		expect(beginPoging({ naam: 'carla', adres: '10.3.0.2', now: t0 + 20 }).vertragingMs).toBe(0);
		expect(appDb().prepare("SELECT mislukt FROM inlogpogingen WHERE sleutel = 'adres:10.3.0.1'").get()).toEqual({ mislukt: 3 });
	});

	it('a correct password on the fifth attempt still logs in and lifts the lock it set', () => {
		const t0 = 5_000_000_000_000;
		for (let i = 0; i < 4; i++) beginPoging({ naam: 'dirk', adres: '10.4.0.1', now: t0 + i });
		const fifth = beginPoging({ naam: 'dirk', adres: '10.4.0.1', now: t0 + 5 });
		expect(fifth.geblokkeerd).toBe(false);
		loginGelukt({ sleutels: fifth.sleutels });
		expect(beginPoging({ naam: 'dirk', adres: '10.4.0.1', now: t0 + 6 }).geblokkeerd).toBe(false);
	});

	it('locks an address after 20 failures over any names, and slows it down from the 11th', () => {
		const t0 = 6_000_000_000_000;
		const delays = Array.from({ length: 20 }, (_, i) => beginPoging({ naam: `naam${i}`, adres: '10.5.0.1', now: t0 + i }));
		expect(delays.every((p) => !p.geblokkeerd)).toBe(true);
		expect(delays[9].vertragingMs).toBe(0);
		expect(delays[10].vertragingMs).toBe(250);
		expect(delays[19].vertragingMs).toBe(THROTTLE_REGELS.maxVertragingMs);
		expect(beginPoging({ naam: 'nieuwe-naam', adres: '10.5.0.1', now: t0 + 100 }).geblokkeerd).toBe(true);
		expect(beginPoging({ naam: 'nieuwe-naam', adres: '10.5.0.2', now: t0 + 100 }).geblokkeerd).toBe(false);
	});

	it('does not count attempts refused because of a lock (the lock is not extended)', () => {
		const t0 = 7_000_000_000_000;
		for (let i = 0; i < 5; i++) beginPoging({ naam: 'eva', adres: '10.6.0.1', now: t0 });
		for (let i = 0; i < 10; i++) beginPoging({ naam: 'eva', adres: '10.6.0.1', now: t0 + 10 * MIN });
		expect(beginPoging({ naam: 'eva', adres: '10.6.0.1', now: t0 + 15 * MIN }).geblokkeerd).toBe(false);
	});
});
