/**
 * /login: name and password (throttled; one message for every failure, which never says whether
 * the account exists), and a button for single sign-on when REGIO_OIDC_* is set. After login the
 * visitor returns to `terug` when it is a path on this site, else to the home page.
 */
import { fail, redirect } from '@sveltejs/kit';
import { authConfig } from '$lib/server/auth/config';
import { INLOGGEN_MISLUKT_MELDING, loginMetWachtwoord } from '$lib/server/auth/login';
import { OIDC_FOUTEN, oidcLoginLink, safeReturnPath } from '$lib/server/auth/oidc';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	const terug = safeReturnPath(url.searchParams.get('terug'));
	const fout = url.searchParams.get('fout');
	return {
		terug,
		oidc: oidcLoginLink(authConfig().oidc, terug),
		oidcFout: fout && Object.hasOwn(OIDC_FOUTEN, fout) ? OIDC_FOUTEN[fout as keyof typeof OIDC_FOUTEN] : null,
		alIngelogd: locals.gebruiker?.naam ?? null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const naam = String(form.get('naam') ?? '').slice(0, 256);
		const wachtwoord = String(form.get('wachtwoord') ?? '');
		const terug = safeReturnPath(String(form.get('terug') ?? event.url.searchParams.get('terug') ?? ''));
		if (naam.trim() === '' || wachtwoord === '') {
			return fail(400, { naam: naam.trim().slice(0, 64), melding: 'Vul uw naam en uw wachtwoord in.' });
		}
		const gebruiker = await loginMetWachtwoord(event, { naam, wachtwoord });
		if (!gebruiker) return fail(400, { naam: naam.trim().slice(0, 64), melding: INLOGGEN_MISLUKT_MELDING });
		redirect(303, terug);
	}
};
