/**
 * The audit log: who did what, when, on which snapshot. Written for every state change
 * (logins, users, tokens, deliveries, publish, roll back); beheerders read it on /data.
 */
import { z } from 'zod';
import { appDb } from './db';

export const AUDIT_ACTIES = {
	ingelogd: 'ingelogd',
	inloggen_mislukt: 'inloggen mislukt',
	uitgelogd: 'uitgelogd',
	gebruiker_toegevoegd: 'gebruiker toegevoegd',
	gebruiker_verwijderd: 'gebruiker verwijderd',
	rol_gewijzigd: 'rol gewijzigd',
	wachtwoord_gewijzigd: 'wachtwoord gewijzigd',
	token_gemaakt: 'token gemaakt',
	token_ingetrokken: 'token ingetrokken',
	aanlevering_gemaakt: 'aanlevering gemaakt',
	aanlevering_gecontroleerd: 'aanlevering gecontroleerd',
	gepubliceerd: 'gepubliceerd',
	teruggezet: 'teruggezet',
	aanlevering_opgeruimd: 'aanlevering opgeruimd'
} as const;
export type AuditActie = keyof typeof AUDIT_ACTIES;

export interface AuditInput {
	/** The acting user's name, or null (anonymous, the CLI without a user, the system). */
	gebruiker: string | null;
	actie: AuditActie;
	snapshot?: string | null;
	adres?: string | null;
	details?: Record<string, unknown>;
}

const auditRowSchema = z.object({
	id: z.number().int(),
	tijd: z.string(),
	gebruiker: z.string().nullable(),
	actie: z.string(),
	snapshot: z.string().nullable(),
	adres: z.string().nullable(),
	details: z.string()
});

export interface AuditEntry {
	id: number;
	tijd: string;
	gebruiker: string | null;
	actie: AuditActie;
	/** The action in Dutch, for the page. */
	label: string;
	snapshot: string | null;
	adres: string | null;
	details: Record<string, unknown>;
}

/** Append one entry; `tijd` is now (ISO 8601, UTC). */
export function audit({ gebruiker, actie, snapshot = null, adres = null, details = {} }: AuditInput, now = new Date()): void {
	appDb()
		.prepare('INSERT INTO audit (tijd, gebruiker, actie, snapshot, adres, details) VALUES (?, ?, ?, ?, ?, ?)')
		.run(now.toISOString(), gebruiker, actie, snapshot, adres, JSON.stringify(details));
}

/** The newest entries first. */
export function auditLog({ limit = 200 }: { limit?: number } = {}): AuditEntry[] {
	const rows = appDb().prepare('SELECT id, tijd, gebruiker, actie, snapshot, adres, details FROM audit ORDER BY id DESC LIMIT ?').all(limit);
	return rows.map((raw) => {
		const row = auditRowSchema.parse(raw);
		const actie = row.actie as AuditActie;
		return { ...row, actie, label: AUDIT_ACTIES[actie] ?? row.actie, details: JSON.parse(row.details) as Record<string, unknown> };
	});
}
