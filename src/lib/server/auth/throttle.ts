/**
 * Slowing down and locking failed logins, in the app database so that every server process
 * shares the counts. Two keys per attempt: the account name (lower-cased, whether or not the
 * account exists, so a lock says nothing about existence) and the client address.
 *
 * An attempt is counted when it starts, not when it has failed: parallel guesses then cannot
 * all slip in before the first failure is written. A successful login takes its count back
 * (and resets the account key).
 */
import { appDb } from '../app/db';

export interface ThrottleRegels {
	/** Failures are counted within this window (ms). */
	vensterMs: number;
	/** How long a lock lasts (ms). */
	blokkadeMs: number;
	/** Failures per account name that lock it. */
	accountLimiet: number;
	/** Failures per address that lock it. */
	adresLimiet: number;
	/** Earlier failures of an account after which each attempt waits. */
	accountVertraagNa: number;
	/** Earlier failures of an address after which each attempt waits. */
	adresVertraagNa: number;
	/** The first wait (ms); it doubles with each further failure. */
	basisVertragingMs: number;
	maxVertragingMs: number;
}

export const THROTTLE_REGELS: ThrottleRegels = {
	vensterMs: 15 * 60_000,
	blokkadeMs: 15 * 60_000,
	accountLimiet: 5,
	adresLimiet: 20,
	accountVertraagNa: 2,
	adresVertraagNa: 10,
	basisVertragingMs: 250,
	maxVertragingMs: 5_000
};

export interface Poging {
	/** Refused without checking the password: the account or the address is locked. */
	geblokkeerd: boolean;
	/** How long to wait before answering (ms), awaited by the caller. */
	vertragingMs: number;
	/** The keys the attempt counted against. */
	sleutels: { account: string; adres: string };
}

interface Row {
	sleutel: string;
	mislukt: number;
	eerste: number;
	laatste: number;
	geblokkeerd_tot: number | null;
}

/** The key of an account name: trimmed, lower-cased and bounded (longer names cannot exist). */
export function accountSleutel(naam: string): string {
	return `account:${naam.trim().toLowerCase().slice(0, 128)}`;
}

export function adresSleutel(adres: string): string {
	return `adres:${adres.slice(0, 64)}`;
}

function vertraging(eerder: number, na: number, regels: ThrottleRegels): number {
	if (eerder < na) return 0;
	return Math.min(regels.maxVertragingMs, regels.basisVertragingMs * 2 ** (eerder - na));
}

/** The failures that still count at `now` (a lapsed window or lock starts again from zero). */
function actueel(row: Row | undefined, now: number, regels: ThrottleRegels): { mislukt: number; eerste: number; geblokkeerd: boolean } {
	if (!row) return { mislukt: 0, eerste: now, geblokkeerd: false };
	if (row.geblokkeerd_tot !== null) {
		return row.geblokkeerd_tot > now ? { mislukt: row.mislukt, eerste: row.eerste, geblokkeerd: true } : { mislukt: 0, eerste: now, geblokkeerd: false };
	}
	if (row.eerste <= now - regels.vensterMs) return { mislukt: 0, eerste: now, geblokkeerd: false };
	return { mislukt: row.mislukt, eerste: row.eerste, geblokkeerd: false };
}

/**
 * Start a login attempt for `naam` from `adres`: says whether it is refused outright and how
 * long to wait first, and counts it as a failure until `loginGelukt` takes it back.
 */
export function beginPoging({ naam, adres, now = Date.now(), regels = THROTTLE_REGELS }: { naam: string; adres: string; now?: number; regels?: ThrottleRegels }): Poging {
	const db = appDb();
	const sleutels = { account: accountSleutel(naam), adres: adresSleutel(adres) };
	return db
		.transaction((): Poging => {
			const get = db.prepare('SELECT sleutel, mislukt, eerste, laatste, geblokkeerd_tot FROM inlogpogingen WHERE sleutel = ?');
			const account = actueel(get.get(sleutels.account) as Row | undefined, now, regels);
			const adresStand = actueel(get.get(sleutels.adres) as Row | undefined, now, regels);
			const vertragingMs = Math.max(
				vertraging(account.mislukt, regels.accountVertraagNa, regels),
				vertraging(adresStand.mislukt, regels.adresVertraagNa, regels)
			);
			if (account.geblokkeerd || adresStand.geblokkeerd) return { geblokkeerd: true, vertragingMs, sleutels };
			const upsert = db.prepare(
				`INSERT INTO inlogpogingen (sleutel, mislukt, eerste, laatste, geblokkeerd_tot) VALUES ($sleutel, $mislukt, $eerste, $now, $tot)
				 ON CONFLICT (sleutel) DO UPDATE SET mislukt = $mislukt, eerste = $eerste, laatste = $now, geblokkeerd_tot = $tot`
			);
			for (const [sleutel, stand, limiet] of [
				[sleutels.account, account, regels.accountLimiet],
				[sleutels.adres, adresStand, regels.adresLimiet]
			] as const) {
				const mislukt = stand.mislukt + 1;
				upsert.run({ sleutel, mislukt, eerste: stand.eerste, now, tot: mislukt >= limiet ? now + regels.blokkadeMs : null });
			}
			// Keys idle for a day are of no use any more; the table stays small.
			db.prepare('DELETE FROM inlogpogingen WHERE laatste < ? AND (geblokkeerd_tot IS NULL OR geblokkeerd_tot < ?)').run(now - 86_400_000, now);
			return { geblokkeerd: false, vertragingMs, sleutels };
		})
		.immediate();
}

/**
 * The attempt succeeded: the account key is reset and the address gets its count back (and
 * loses the lock this very attempt may have set).
 */
export function loginGelukt({ sleutels, regels = THROTTLE_REGELS }: { sleutels: Poging['sleutels']; regels?: ThrottleRegels }): void {
	const db = appDb();
	db.transaction(() => {
		db.prepare('DELETE FROM inlogpogingen WHERE sleutel = ?').run(sleutels.account);
		db.prepare(
			`UPDATE inlogpogingen SET mislukt = max(mislukt - 1, 0),
			   geblokkeerd_tot = CASE WHEN mislukt - 1 < ? THEN NULL ELSE geblokkeerd_tot END
			 WHERE sleutel = ?`
		).run(regels.adresLimiet, sleutels.adres);
	}).immediate();
}

/** Wait `ms` milliseconds (the server-side delay of a throttled attempt). */
export function wacht(ms: number): Promise<void> {
	return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
