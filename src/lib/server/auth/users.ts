/**
 * Local accounts in the app database: add, list, remove, change role or password. Names are
 * trimmed, 2–64 characters, and unique regardless of case (the column is COLLATE NOCASE).
 * Every change is audited with the acting user (`door`: null for the command line).
 */
import { z } from 'zod';
import { appDb } from '../app/db';
import { audit } from '../app/audit';
import { isRol, ROLLEN, type Gebruiker, type Rol } from '../../auth/roles';
import { hashWachtwoord } from './passwords';

export class GebruikerError extends Error {}

export const MIN_NAAM_LENGTE = 2;
export const MAX_NAAM_LENGTE = 64;

/** A user as user management shows them (never with secrets). */
export interface GebruikerInfo extends Gebruiker {
	aangemaakt: string;
	laatstIngelogd: string | null;
	/** Prefixes of the user's tokens that are not revoked. */
	tokens: string[];
}

/** Who made a change and from where, for the audit log. */
export interface Door {
	/** The acting user's name; null for the command line. */
	door: string | null;
	adres?: string | null;
}

const rowSchema = z.object({
	id: z.number().int(),
	naam: z.string(),
	rol: z.enum(ROLLEN),
	bron: z.enum(['lokaal', 'oidc']),
	wachtwoord_hash: z.string().nullable(),
	aangemaakt: z.string(),
	laatst_ingelogd: z.string().nullable()
});
type Row = z.infer<typeof rowSchema>;

const COLUMNS = 'id, naam, rol, bron, wachtwoord_hash, aangemaakt, laatst_ingelogd';

const toGebruiker = (row: Row): Gebruiker => ({ id: row.id, naam: row.naam, rol: row.rol, bron: row.bron });

/** The trimmed name, or a GebruikerError saying what is wrong with it. */
export function normaliseerNaam(naam: string): string {
	const trimmed = naam.trim();
	const lengte = [...trimmed].length;
	if (lengte < MIN_NAAM_LENGTE || lengte > MAX_NAAM_LENGTE) {
		throw new GebruikerError(`Een naam moet ${MIN_NAAM_LENGTE} tot ${MAX_NAAM_LENGTE} tekens lang zijn.`);
	}
	// Control characters would make the audit log and the command line output unreadable.
	if (/[\p{Cc}\p{Cf}]/u.test(trimmed)) throw new GebruikerError('Een naam mag geen stuurtekens bevatten.');
	return trimmed;
}

function checkRol(rol: string): Rol {
	if (!isRol(rol)) throw new GebruikerError(`Onbekende rol '${rol.slice(0, 40)}'. Kies uit: ${ROLLEN.join(', ')}.`);
	return rol;
}

/** The user with this name (case-insensitive, trimmed), with their password hash for the login check. */
export function findByNaam(naam: string): (Gebruiker & { wachtwoordHash: string | null }) | null {
	const raw = appDb().prepare(`SELECT ${COLUMNS} FROM gebruikers WHERE naam = ?`).get(naam.trim());
	if (!raw) return null;
	const row = rowSchema.parse(raw);
	return { ...toGebruiker(row), wachtwoordHash: row.wachtwoord_hash };
}

/** The user with this id, or null. */
export function findById(id: number): Gebruiker | null {
	const raw = appDb().prepare(`SELECT ${COLUMNS} FROM gebruikers WHERE id = ?`).get(id);
	return raw ? toGebruiker(rowSchema.parse(raw)) : null;
}

function requireUser(naam: string): Row {
	const raw = appDb().prepare(`SELECT ${COLUMNS} FROM gebruikers WHERE naam = ?`).get(naam.trim());
	if (!raw) throw new GebruikerError(`Er is geen gebruiker '${naam.trim().slice(0, MAX_NAAM_LENGTE)}'.`);
	return rowSchema.parse(raw);
}

/** Add a local account with a password; throws GebruikerError or WachtwoordError (Dutch). */
export async function addUser({ naam, rol, wachtwoord, door, adres = null }: { naam: string; rol: string; wachtwoord: string } & Door): Promise<Gebruiker> {
	const schoon = normaliseerNaam(naam);
	const geldigeRol = checkRol(rol);
	if (findByNaam(schoon)) throw new GebruikerError(`Er is al een gebruiker '${schoon}'.`);
	const wachtwoordHash = await hashWachtwoord(wachtwoord);
	const db = appDb();
	const gebruiker = db
		.transaction(() => {
			// Checked again inside the transaction: another process may have added the name meanwhile.
			if (db.prepare('SELECT 1 FROM gebruikers WHERE naam = ?').get(schoon)) throw new GebruikerError(`Er is al een gebruiker '${schoon}'.`);
			const result = db
				.prepare("INSERT INTO gebruikers (naam, rol, wachtwoord_hash, bron, aangemaakt) VALUES (?, ?, ?, 'lokaal', ?)")
				.run(schoon, geldigeRol, wachtwoordHash, new Date().toISOString());
			audit({ gebruiker: door, actie: 'gebruiker_toegevoegd', adres, details: { naam: schoon, rol: geldigeRol } });
			return { id: Number(result.lastInsertRowid), naam: schoon, rol: geldigeRol, bron: 'lokaal' as const };
		})
		.immediate();
	return gebruiker;
}

/** All users by name, with their active token prefixes. */
export function listUsers(): GebruikerInfo[] {
	const db = appDb();
	const rows = db.prepare(`SELECT ${COLUMNS} FROM gebruikers ORDER BY naam COLLATE NOCASE`).all().map((r) => rowSchema.parse(r));
	const tokens = db.prepare('SELECT gebruiker_id, prefix FROM tokens WHERE ingetrokken IS NULL ORDER BY id').all() as { gebruiker_id: number; prefix: string }[];
	return rows.map((row) => ({
		...toGebruiker(row),
		aangemaakt: row.aangemaakt,
		laatstIngelogd: row.laatst_ingelogd,
		tokens: tokens.filter((t) => t.gebruiker_id === row.id).map((t) => t.prefix)
	}));
}

/** Remove a user; their sessions and tokens go with them (ON DELETE CASCADE). */
export function removeUser({ naam, door, adres = null }: { naam: string } & Door): Gebruiker {
	const db = appDb();
	return db
		.transaction(() => {
			const row = requireUser(naam);
			db.prepare('DELETE FROM gebruikers WHERE id = ?').run(row.id);
			audit({ gebruiker: door, actie: 'gebruiker_verwijderd', adres, details: { naam: row.naam, rol: row.rol } });
			return toGebruiker(row);
		})
		.immediate();
}

/** Change a user's role; it applies to their open sessions and tokens at once. */
export function setRol({ naam, rol, door, adres = null }: { naam: string; rol: string } & Door): Gebruiker {
	const geldigeRol = checkRol(rol);
	const db = appDb();
	return db
		.transaction(() => {
			const row = requireUser(naam);
			db.prepare('UPDATE gebruikers SET rol = ? WHERE id = ?').run(geldigeRol, row.id);
			audit({ gebruiker: door, actie: 'rol_gewijzigd', adres, details: { naam: row.naam, van: row.rol, naar: geldigeRol } });
			return { ...toGebruiker(row), rol: geldigeRol };
		})
		.immediate();
}

/**
 * Set a new password (an OIDC account becomes usable with a password too) and end all of the
 * user's sessions: whoever knew the old password is logged out.
 */
export async function setWachtwoord({ naam, wachtwoord, door, adres = null }: { naam: string; wachtwoord: string } & Door): Promise<void> {
	requireUser(naam);
	const wachtwoordHash = await hashWachtwoord(wachtwoord);
	const db = appDb();
	db.transaction(() => {
		const row = requireUser(naam);
		db.prepare('UPDATE gebruikers SET wachtwoord_hash = ? WHERE id = ?').run(wachtwoordHash, row.id);
		const { changes } = db.prepare('DELETE FROM sessies WHERE gebruiker_id = ?').run(row.id);
		audit({ gebruiker: door, actie: 'wachtwoord_gewijzigd', adres, details: { naam: row.naam, sessiesBeeindigd: changes } });
	}).immediate();
}
