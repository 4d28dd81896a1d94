/**
 * A password login as the login form does it: throttled per account name and address, the
 * password checked only when neither is locked (and against a dummy hash for unknown names),
 * audited either way, and on success a new session.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { audit } from '../app/audit';
import type { Gebruiker } from '../../auth/roles';
import { clientAdres } from './adres';
import { verifyWachtwoord } from './passwords';
import { startSession } from './sessions';
import { beginPoging, loginGelukt, wacht, THROTTLE_REGELS, type ThrottleRegels } from './throttle';
import { findByNaam } from './users';

/** The one answer to every failed login: it never says whether the account exists or is locked. */
export const INLOGGEN_MISLUKT_MELDING =
	'Inloggen mislukt. Controleer uw naam en wachtwoord; na herhaalde mislukte pogingen is inloggen enkele minuten geblokkeerd.';

/** Log in with name and password; the user (session started) or null (audited, counted). */
export async function loginMetWachtwoord(
	event: Pick<RequestEvent, 'cookies' | 'url' | 'getClientAddress'>,
	{ naam, wachtwoord }: { naam: string; wachtwoord: string },
	{ regels = THROTTLE_REGELS }: { regels?: ThrottleRegels } = {}
): Promise<Gebruiker | null> {
	const adres = clientAdres(event);
	const schoon = naam.trim().slice(0, 128);
	const poging = beginPoging({ naam: schoon, adres, regels });
	await wacht(poging.vertragingMs);
	if (poging.geblokkeerd) {
		audit({ gebruiker: null, actie: 'inloggen_mislukt', adres, details: { naam: schoon.slice(0, 64), reden: 'geblokkeerd' } });
		return null;
	}
	const account = schoon ? findByNaam(schoon) : null;
	const ok = await verifyWachtwoord(account?.wachtwoordHash, wachtwoord);
	if (!account || !ok) {
		audit({ gebruiker: null, actie: 'inloggen_mislukt', adres, details: { naam: schoon.slice(0, 64), reden: 'onjuist' } });
		return null;
	}
	loginGelukt({ sleutels: poging.sleutels, regels });
	const gebruiker: Gebruiker = { id: account.id, naam: account.naam, rol: account.rol, bron: account.bron };
	startSession(event, gebruiker, { via: 'wachtwoord' });
	return gebruiker;
}
