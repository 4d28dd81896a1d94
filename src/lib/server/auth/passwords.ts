/**
 * Password hashing with argon2id (@node-rs/argon2, OWASP's parameters: 19 MiB, 2 passes).
 * Verifying against an unknown account still runs one argon2 verification (against a dummy
 * hash), so the answer time does not tell whether the account exists.
 */
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

export const MIN_WACHTWOORD_LENGTE = 12;
/** Long enough for any passphrase; a cap keeps one request from hashing megabytes. */
export const MAX_WACHTWOORD_LENGTE = 1024;

// Algorithm.Argon2id is a const enum, which isolated modules (tsx, vite) cannot inline.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export class WachtwoordError extends Error {}

/** The Dutch reason a password is not acceptable, or null when it is. */
export function wachtwoordProbleem(wachtwoord: string): string | null {
	const lengte = [...wachtwoord].length;
	if (lengte < MIN_WACHTWOORD_LENGTE) return `Het wachtwoord moet minstens ${MIN_WACHTWOORD_LENGTE} tekens lang zijn (nu ${lengte}).`;
	if (lengte > MAX_WACHTWOORD_LENGTE) return `Het wachtwoord mag hoogstens ${MAX_WACHTWOORD_LENGTE} tekens lang zijn.`;
	if (wachtwoord.trim() === '') return 'Het wachtwoord mag niet alleen uit spaties bestaan.';
	return null;
}

/** The argon2id hash (PHC string) of an acceptable password; throws WachtwoordError otherwise. */
export async function hashWachtwoord(wachtwoord: string): Promise<string> {
	const probleem = wachtwoordProbleem(wachtwoord);
	if (probleem) throw new WachtwoordError(probleem);
	return hash(wachtwoord, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Make the dummy hash now (the server does this at start), so that not even the first login
 * with an unknown name takes longer than one with a known name.
 */
export function warmUpPasswords(): Promise<string> {
	return (dummyHash ??= hash(randomBytes(24).toString('base64url'), OPTIONS));
}

/**
 * Whether `wachtwoord` matches `opgeslagen`. With no stored hash (unknown account, or an
 * account that logs in only through OIDC) the password is checked against a dummy hash with
 * the same parameters and the answer is false.
 */
export async function verifyWachtwoord(opgeslagen: string | null | undefined, wachtwoord: string): Promise<boolean> {
	const kandidaat = wachtwoord.length > MAX_WACHTWOORD_LENGTE * 4 ? wachtwoord.slice(0, MAX_WACHTWOORD_LENGTE * 4) : wachtwoord;
	if (!opgeslagen) {
		await verify(await warmUpPasswords(), kandidaat).catch(() => false);
		return false;
	}
	try {
		return await verify(opgeslagen, kandidaat);
	} catch {
		// A malformed stored hash never lets anyone in.
		return false;
	}
}
