/**
 * Everything under /beheer is for aanleverders and beheerders: anonymous visitors go to the
 * login page, lezers get a Dutch 403. Pages and actions below check their own minimum role
 * too (a layout load does not guard form actions or endpoints).
 */
import { heeftRol } from '$lib/auth/roles';
import { requireRol } from '$lib/server/auth/guard';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	const gebruiker = requireRol(event, 'aanleverder');
	return { isBeheerder: heeftRol(gebruiker.rol, 'beheerder') };
};
