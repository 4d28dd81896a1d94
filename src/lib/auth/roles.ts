/**
 * The three roles of the Regiomonitor, shared by server and browser (the header shows them).
 * Each role includes the rights of the ones before it: a beheerder can do all an aanleverder
 * can, an aanleverder all a lezer can.
 */
export const ROLLEN = ['lezer', 'aanleverder', 'beheerder'] as const;
export type Rol = (typeof ROLLEN)[number];

export const ROL_LABELS: Record<Rol, string> = {
	lezer: 'Lezer',
	aanleverder: 'Aanleverder',
	beheerder: 'Beheerder'
};

/** What each role may do, in the users' words (login page, user management). */
export const ROL_RECHTEN: Record<Rol, string> = {
	lezer: 'bekijkt pagina’s en downloadt grafieken en presentaties',
	aanleverder: 'levert exports aan, bekijkt de voorvertoning en publiceert',
	beheerder: 'alles van een aanleverder, plus gebruikers, terugzetten en het auditlog'
};

export function isRol(value: unknown): value is Rol {
	return typeof value === 'string' && (ROLLEN as readonly string[]).includes(value);
}

/** Whether a user with role `rol` has at least the rights of `nodig`. */
export function heeftRol(rol: Rol | null | undefined, nodig: Rol): boolean {
	return rol != null && ROLLEN.indexOf(rol) >= ROLLEN.indexOf(nodig);
}

/** A signed-in user as the server and the pages see them (never with secrets). */
export interface Gebruiker {
	id: number;
	naam: string;
	rol: Rol;
	/** 'lokaal' (password in our database) or 'oidc' (the municipality's identity provider). */
	bron: 'lokaal' | 'oidc';
}
