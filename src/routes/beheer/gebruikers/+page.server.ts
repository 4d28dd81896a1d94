/**
 * /beheer/gebruikers (beheerders only): the accounts with role, source and last login; add,
 * change role, remove, create an API token (shown once) and revoke tokens. Every action is a
 * form POST that checks the role itself, is audited by users.ts/tokens.ts, and writes nothing
 * when refused. A beheerder cannot remove or demote themselves, so one always remains.
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { ROLLEN, ROL_LABELS, ROL_RECHTEN } from '$lib/auth/roles';
import { clientAdres, requireRol } from '$lib/server/auth/guard';
import { WachtwoordError } from '$lib/server/auth/passwords';
import { createToken, revokeTokens } from '$lib/server/auth/tokens';
import { addUser, GebruikerError, listUsers, removeUser, setRol } from '$lib/server/auth/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const ik = requireRol(event, 'beheerder');
	return {
		ik: ik.naam,
		gebruikers: listUsers(),
		rollen: ROLLEN.map((rol) => ({ rol, label: ROL_LABELS[rol], rechten: ROL_RECHTEN[rol] }))
	};
};

/** The form's fields as text, the acting beheerder and their address. */
async function formOf(event: RequestEvent) {
	const ik = requireRol(event, 'beheerder');
	const form = await event.request.formData();
	const field = (name: string) => String(form.get(name) ?? '');
	return { ik, field, door: { door: ik.naam, adres: clientAdres(event) } };
}

/** Runs a change; a Dutch refusal becomes the form's message (status 400), nothing written. */
async function change<T extends Record<string, unknown>>(actie: string, fn: () => Promise<T> | T, terug: Record<string, string> = {}) {
	try {
		return { actie, ...(await fn()) };
	} catch (e) {
		if (e instanceof GebruikerError || e instanceof WachtwoordError) return fail(400, { actie, fout: e.message, ...terug });
		throw e;
	}
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export const actions: Actions = {
	toevoegen: async (event) => {
		const { field, door } = await formOf(event);
		const naam = field('naam');
		// On a refusal the form keeps the name and role (never the password).
		return change(
			'toevoegen',
			async () => {
				const gebruiker = await addUser({ naam, rol: field('rol'), wachtwoord: field('wachtwoord'), ...door });
				return { melding: `Gebruiker ${gebruiker.naam} toegevoegd met rol ${ROL_LABELS[gebruiker.rol].toLowerCase()}.` };
			},
			{ naam: naam.slice(0, 64), rol: field('rol') }
		);
	},
	rol: async (event) => {
		const { ik, field, door } = await formOf(event);
		return change('rol', () => {
			if (sameName(field('naam'), ik.naam)) throw new GebruikerError('U kunt uw eigen rol niet wijzigen; laat een andere beheerder dat doen.');
			const gebruiker = setRol({ naam: field('naam'), rol: field('rol'), ...door });
			return { melding: `${gebruiker.naam} heeft nu de rol ${ROL_LABELS[gebruiker.rol].toLowerCase()}.` };
		});
	},
	verwijderen: async (event) => {
		const { ik, field, door } = await formOf(event);
		return change('verwijderen', () => {
			if (sameName(field('naam'), ik.naam)) throw new GebruikerError('U kunt uw eigen account niet verwijderen; laat een andere beheerder dat doen.');
			const gebruiker = removeUser({ naam: field('naam'), ...door });
			return { melding: `Gebruiker ${gebruiker.naam} verwijderd; zijn sessies en tokens werken niet meer.` };
		});
	},
	token: async (event) => {
		const { field, door } = await formOf(event);
		return change('token', () => {
			const { token, prefix } = createToken({ naam: field('naam'), ...door });
			return { melding: `Nieuw API-token voor ${field('naam').trim()} (${prefix}…).`, token, tokenVoor: field('naam').trim() };
		});
	},
	intrekken: async (event) => {
		const { field, door } = await formOf(event);
		return change('intrekken', () => {
			const prefix = field('prefix');
			const aantal = revokeTokens({ naam: field('naam'), prefix: prefix === '' ? undefined : prefix, ...door });
			if (aantal === 0) throw new GebruikerError('Er was geen actief token om in te trekken.');
			return { melding: aantal === 1 ? `Token ${prefix}… van ${field('naam').trim()} ingetrokken.` : `${aantal} tokens van ${field('naam').trim()} ingetrokken.` };
		});
	}
};
