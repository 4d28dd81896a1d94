/**
 * Server-side sessions. The browser holds a random id in the cookie `regio_sessie` (HttpOnly,
 * SameSite=Lax, Secure over https); the database holds only its sha256, so a copy of the
 * database does not let anyone in. A session ends after the idle timeout, after its absolute
 * lifetime, and at logout (the row is deleted: the old cookie is worthless).
 */
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { appDb } from '../app/db';
import { audit } from '../app/audit';
import { ROLLEN, type Gebruiker } from '../../auth/roles';
import { authConfig } from './config';
import { clientAdres } from './adres';

export const SESSIE_COOKIE = 'regio_sessie';
/** `laatst_gezien` is written at most this often, not on every request. */
export const GEZIEN_INTERVAL_MS = 60_000;
/** base64url of 32 bytes. */
const ID_PATROON = /^[A-Za-z0-9_-]{43}$/;

type SessionEvent = Pick<RequestEvent, 'cookies' | 'url' | 'getClientAddress'>;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

function cookieOptions(url: URL) {
	// Explicit `secure`: SvelteKit's default would mark it Secure on plain http to 127.0.0.1 too,
	// where browsers then drop it.
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:' };
}

function clearCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSIE_COOKIE, cookieOptions(url));
}

/** Remove the session of the request's cookie, if any; returns whose it was (and its provider ID token, if any). */
function deleteCurrent(event: SessionEvent): { naam: string; idToken: string | null } | null {
	const id = event.cookies.get(SESSIE_COOKIE);
	if (!id) return null;
	const db = appDb();
	const idHash = sha256(id);
	const row = db.prepare('SELECT g.naam, s.id_token AS idToken FROM sessies s JOIN gebruikers g ON g.id = s.gebruiker_id WHERE s.id_hash = ?').get(idHash) as { naam: string; idToken: string | null } | undefined;
	if (!row) return null;
	db.prepare('DELETE FROM sessies WHERE id_hash = ?').run(idHash);
	return row;
}

/**
 * Log `gebruiker` in: the request's existing session (if any) is deleted and a new session with
 * a fresh id is created, so an id planted before login is never the session after it (fixation).
 */
export function startSession(event: SessionEvent, gebruiker: Gebruiker, { via, idToken = null }: { via: 'wachtwoord' | 'oidc'; idToken?: string | null }, now = Date.now()): void {
	const { sessieInactiefMs, sessieMaxMs } = authConfig();
	const id = randomBytes(32).toString('base64url');
	const adres = clientAdres(event);
	const db = appDb();
	db.transaction(() => {
		deleteCurrent(event);
		// Expired sessions of anyone are of no use any more.
		db.prepare('DELETE FROM sessies WHERE verloopt <= ? OR laatst_gezien <= ?').run(now, now - sessieInactiefMs);
		db.prepare('INSERT INTO sessies (id_hash, gebruiker_id, aangemaakt, laatst_gezien, verloopt, adres, id_token) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
			sha256(id),
			gebruiker.id,
			now,
			now,
			now + sessieMaxMs,
			adres,
			idToken
		);
		db.prepare('UPDATE gebruikers SET laatst_ingelogd = ? WHERE id = ?').run(new Date(now).toISOString(), gebruiker.id);
		audit({ gebruiker: gebruiker.naam, actie: 'ingelogd', adres, details: { via } }, new Date(now));
	}).immediate();
	event.cookies.set(SESSIE_COOKIE, id, cookieOptions(event.url));
}

/**
 * Log out: the session row is deleted and the cookie cleared; audited when there was a session.
 * Returns the provider's ID token of a single sign-on session (for logging out there too), else null.
 */
export function endSession(event: SessionEvent): { idToken: string | null } {
	const ended = appDb().transaction(() => {
		const ended = deleteCurrent(event);
		if (ended !== null) audit({ gebruiker: ended.naam, actie: 'uitgelogd', adres: clientAdres(event) });
		return ended;
	})();
	if (ended !== null || event.cookies.get(SESSIE_COOKIE) !== undefined) clearCookie(event.cookies, event.url);
	return { idToken: ended?.idToken ?? null };
}

const rowSchema = z.object({
	laatst_gezien: z.number(),
	verloopt: z.number(),
	id: z.number().int(),
	naam: z.string(),
	rol: z.enum(ROLLEN),
	bron: z.enum(['lokaal', 'oidc'])
});

export interface SessieStand {
	gebruiker: Gebruiker | null;
	/** The request carried a session cookie that is no longer valid; the response clears it. */
	gewist: boolean;
}

/** The user of the request's session cookie, if the session is still valid (and marks it seen). */
export function resolveSession(event: SessionEvent, now = Date.now()): SessieStand {
	const id = event.cookies.get(SESSIE_COOKIE);
	if (id === undefined) return { gebruiker: null, gewist: false };
	const ongeldig = (): SessieStand => {
		clearCookie(event.cookies, event.url);
		return { gebruiker: null, gewist: true };
	};
	if (!ID_PATROON.test(id)) return ongeldig();
	const db = appDb();
	const idHash = sha256(id);
	const raw = db
		.prepare(
			`SELECT s.laatst_gezien, s.verloopt, g.id, g.naam, g.rol, g.bron
			 FROM sessies s JOIN gebruikers g ON g.id = s.gebruiker_id WHERE s.id_hash = ?`
		)
		.get(idHash);
	if (!raw) return ongeldig();
	const row = rowSchema.parse(raw);
	const { sessieInactiefMs } = authConfig();
	if (now >= row.verloopt || now - row.laatst_gezien >= sessieInactiefMs) {
		db.prepare('DELETE FROM sessies WHERE id_hash = ?').run(idHash);
		return ongeldig();
	}
	if (now - row.laatst_gezien >= GEZIEN_INTERVAL_MS) db.prepare('UPDATE sessies SET laatst_gezien = ? WHERE id_hash = ?').run(now, idHash);
	return { gebruiker: { id: row.id, naam: row.naam, rol: row.rol, bron: row.bron }, gewist: false };
}
