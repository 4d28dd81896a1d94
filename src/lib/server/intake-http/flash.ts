/**
 * A one-time message for the next page (the Post/Redirect/Get of forms without JavaScript):
 * set before a 303, read and removed by the page's load. Only our own texts go in, never text
 * from the URL, so a link cannot make the site say something.
 */
import type { Cookies } from '@sveltejs/kit';

const COOKIE = 'regio_melding';

export interface Flash {
	soort: 'ok' | 'fout';
	tekst: string;
}

export function setFlash(cookies: Cookies, flash: Flash, secure: boolean): void {
	cookies.set(COOKIE, JSON.stringify(flash), { path: '/beheer', httpOnly: true, sameSite: 'lax', secure, maxAge: 60 });
}

export function takeFlash(cookies: Cookies): Flash | null {
	const raw = cookies.get(COOKIE);
	if (!raw) return null;
	cookies.delete(COOKIE, { path: '/beheer' });
	try {
		const value = JSON.parse(raw) as Flash;
		return (value.soort === 'ok' || value.soort === 'fout') && typeof value.tekst === 'string' ? { soort: value.soort, tekst: value.tekst.slice(0, 500) } : null;
	} catch {
		return null;
	}
}
