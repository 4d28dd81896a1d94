/**
 * API tokens for scripts (`Authorization: Bearer rm_…`): 32 random bytes, shown once; the
 * database keeps their sha256 and a short prefix to tell them apart. Revocable; the last use
 * is recorded (at most once a minute, so a busy script does not write on every call).
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { appDb } from '../app/db';
import { audit } from '../app/audit';
import { ROLLEN, type Gebruiker } from '../../auth/roles';
import { GebruikerError, type Door } from './users';

export const TOKEN_VOORVOEGSEL = 'rm_';
/** 'rm_' plus the first 8 characters of the secret. */
const PREFIX_LENGTE = TOKEN_VOORVOEGSEL.length + 8;
const GEBRUIKT_INTERVAL_MS = 60_000;
/** 'rm_' + base64url of 32 bytes (43 characters). */
const TOKEN_PATROON = /^rm_[A-Za-z0-9_-]{43}$/;

export interface TokenInfo {
	id: number;
	prefix: string;
	aangemaakt: string;
	laatstGebruikt: string | null;
	ingetrokken: string | null;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

function gebruikerId(naam: string): { id: number; naam: string } {
	const row = appDb().prepare('SELECT id, naam FROM gebruikers WHERE naam = ?').get(naam.trim()) as { id: number; naam: string } | undefined;
	if (!row) throw new GebruikerError(`Er is geen gebruiker '${naam.trim().slice(0, 64)}'.`);
	return row;
}

/** A new token for the user; the secret is in the result only, never stored. */
export function createToken({ naam, door, adres = null }: { naam: string } & Door): { token: string; prefix: string } {
	const token = TOKEN_VOORVOEGSEL + randomBytes(32).toString('base64url');
	const prefix = token.slice(0, PREFIX_LENGTE);
	const db = appDb();
	db.transaction(() => {
		const gebruiker = gebruikerId(naam);
		db.prepare('INSERT INTO tokens (gebruiker_id, hash, prefix, aangemaakt) VALUES (?, ?, ?, ?)').run(gebruiker.id, sha256(token), prefix, new Date().toISOString());
		audit({ gebruiker: door, actie: 'token_gemaakt', adres, details: { naam: gebruiker.naam, prefix } });
	}).immediate();
	return { token, prefix };
}

/** The user's tokens, newest first, revoked ones included. */
export function listTokens(naam: string): TokenInfo[] {
	const { id } = gebruikerId(naam);
	const rows = appDb()
		.prepare('SELECT id, prefix, aangemaakt, laatst_gebruikt, ingetrokken FROM tokens WHERE gebruiker_id = ? ORDER BY id DESC')
		.all(id) as { id: number; prefix: string; aangemaakt: string; laatst_gebruikt: string | null; ingetrokken: string | null }[];
	return rows.map((r) => ({ id: r.id, prefix: r.prefix, aangemaakt: r.aangemaakt, laatstGebruikt: r.laatst_gebruikt, ingetrokken: r.ingetrokken }));
}

/** Revoke the user's active tokens, or only the one with `prefix`; returns how many. */
export function revokeTokens({ naam, prefix, door, adres = null }: { naam: string; prefix?: string } & Door): number {
	const db = appDb();
	return db
		.transaction(() => {
			const gebruiker = gebruikerId(naam);
			const nu = new Date().toISOString();
			const revoked =
				prefix === undefined
					? db.prepare('UPDATE tokens SET ingetrokken = ? WHERE gebruiker_id = ? AND ingetrokken IS NULL RETURNING prefix').all(nu, gebruiker.id)
					: db.prepare('UPDATE tokens SET ingetrokken = ? WHERE gebruiker_id = ? AND ingetrokken IS NULL AND prefix = ? RETURNING prefix').all(nu, gebruiker.id, prefix.trim());
			const prefixes = (revoked as { prefix: string }[]).map((r) => r.prefix);
			if (prefixes.length > 0) audit({ gebruiker: door, actie: 'token_ingetrokken', adres, details: { naam: gebruiker.naam, prefixes } });
			return prefixes.length;
		})
		.immediate();
}

const userSchema = z.object({ id: z.number().int(), naam: z.string(), rol: z.enum(ROLLEN), bron: z.enum(['lokaal', 'oidc']) });

/** The user of a valid, unrevoked token (and its use recorded), or null. */
export function resolveToken(token: string, now = new Date()): Gebruiker | null {
	if (!TOKEN_PATROON.test(token)) return null;
	const db = appDb();
	const row = db
		.prepare(
			`SELECT t.id AS token_id, t.laatst_gebruikt, g.id, g.naam, g.rol, g.bron
			 FROM tokens t JOIN gebruikers g ON g.id = t.gebruiker_id
			 WHERE t.hash = ? AND t.ingetrokken IS NULL`
		)
		.get(sha256(token)) as { token_id: number; laatst_gebruikt: string | null } | undefined;
	if (!row) return null;
	if (!row.laatst_gebruikt || now.getTime() - Date.parse(row.laatst_gebruikt) >= GEBRUIKT_INTERVAL_MS) {
		db.prepare('UPDATE tokens SET laatst_gebruikt = ? WHERE id = ?').run(now.toISOString(), row.token_id);
	}
	return userSchema.parse(row);
}
