/**
 * Accounts and sessions in a real browser against the built app (issue 10): login and logout,
 * session fixation, lockout after repeated failures (the same message whether or not the
 * account exists), a lezer kept out of /beheer, REGIO_TOEGANG=login (the login page and back to
 * exactly the page asked for; 401 for downloads and API calls), and the origin check.
 * Accounts are made in this process with users.ts on the app's REGIO_APP_DIR (SQLite WAL is
 * shared across processes).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appDb, closeAppDb, useAppDb } from '../../src/lib/server/app/db';
import { createToken, revokeTokens } from '../../src/lib/server/auth/tokens';
import { addUser } from '../../src/lib/server/auth/users';
import { launchBrowser, newContext } from './browser';
import { expectNoSeriousAxe } from './helpers';
import { startApp, type RunningApp } from './server';
import type { Browser } from 'playwright-core';

const WACHTWOORD = 'een heel geheim wachtwoord';
const MISLUKT = 'Inloggen mislukt. Controleer uw naam en wachtwoord';
const paths = inject('paths');
const base = inject('baseURL');

let browser: Browser;
/** A second app on the same store and app database, with REGIO_TOEGANG=login; it trusts X-Forwarded-For so each test has its own address. */
let loginApp: RunningApp;

beforeAll(async () => {
	useAppDb(paths.app);
	for (const [naam, rol] of [
		['auth-aanleverder', 'aanleverder'],
		['auth-lezer', 'lezer'],
		['auth-beheerder', 'beheerder'],
		['auth-gesloten', 'lezer'],
		['auth-terug', 'lezer']
	] as const) {
		await addUser({ naam, rol, wachtwoord: WACHTWOORD, door: null });
	}
	[browser, loginApp] = await Promise.all([
		launchBrowser(),
		startApp(paths, { env: { REGIO_TOEGANG: 'login', ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' } })
	]);
});

afterAll(async () => {
	await browser?.close();
	await loginApp?.stop();
	closeAppDb();
});

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const sessionRow = (id: string) => appDb().prepare('SELECT gebruiker_id FROM sessies WHERE id_hash = ?').get(sha256(id));
const count = (table: 'gebruikers' | 'audit' | 'tokens' | 'sessies' | 'inlogpogingen') => (appDb().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function withContext<T>(fn: (context: BrowserContext, page: Page) => Promise<T>, options: Parameters<typeof newContext>[1] = {}): Promise<T> {
	const context = await newContext(browser, options);
	try {
		return await fn(context, await context.newPage());
	} finally {
		await context.close();
	}
}

/** Fills and sends the login form on the current page (which must be /login). */
async function submitLogin(page: Page, naam: string, wachtwoord = WACHTWOORD): Promise<void> {
	await page.getByLabel('Naam').fill(naam);
	await page.getByLabel('Wachtwoord').fill(wachtwoord);
	// A plain form post: the answer (the page, or the redirect after login) is a new document.
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: 'Inloggen' }).click()]);
}

async function sessionCookie(context: BrowserContext) {
	return (await context.cookies()).find((c) => c.name === 'regio_sessie');
}

/** Logs in through the login form without a browser; the cookie header of the new session. */
async function loginByFetch(baseURL: string, naam: string, headers: Record<string, string> = {}): Promise<string> {
	const response = await fetch(new URL('/login', baseURL), {
		method: 'POST',
		// Accept text/html: SvelteKit answers other form posts with JSON instead of the redirect.
		headers: { origin: new URL(baseURL).origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
		body: new URLSearchParams({ naam, wachtwoord: WACHTWOORD }),
		redirect: 'manual'
	});
	expect(response.status).toBe(303);
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('regio_sessie='));
	expect(cookie).toBeDefined();
	return cookie!.split(';')[0];
}

describe('login and logout', () => {
	it('logs in with a session cookie (HttpOnly, SameSite=Lax, not Secure on http), shows the user; logout ends the session server-side', async () => {
		// The home page as anonymous visitors get it, now in the page cache: the logged-in user must not get this copy.
		const anonymous = await (await fetch(new URL('/', base), { headers: { accept: 'text/html' } })).text();
		expect(anonymous).toContain('Inloggen');
		await withContext(async (context, page) => {
			await page.goto(new URL('/login', base).href);
			await submitLogin(page, 'auth-aanleverder');
			expect(new URL(page.url()).pathname).toBe('/');
			const header = page.locator('header.site-header');
			await expect.poll(() => header.innerText()).toContain('Ingelogd als auth-aanleverder (aanleverder)');
			expect(await header.getByRole('link', { name: 'Beheer' }).count()).toBe(1);

			const cookie = (await sessionCookie(context))!;
			expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
			expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
			expect(sessionRow(cookie.value)).toBeDefined();

			await Promise.all([page.waitForURL(new URL('/', base).href), header.getByRole('button', { name: 'Uitloggen' }).click()]);
			await expect.poll(() => header.innerText()).toContain('Inloggen');
			expect(await header.innerText()).not.toContain('Ingelogd als');
			expect(await sessionCookie(context)).toBeUndefined();
			expect(sessionRow(cookie.value)).toBeUndefined();

			// The old cookie, presented again, is nobody's session.
			const again = await fetch(new URL('/beheer', base), { headers: { cookie: `regio_sessie=${cookie.value}`, accept: 'text/html' }, redirect: 'manual' });
			expect(again.status).toBe(303);
			expect(again.headers.get('location')).toBe('/login?terug=%2Fbeheer');
		});
	});

	it('gives a new session id at login and deletes the browser’s previous session (no fixation)', async () => {
		await withContext(async (context, page) => {
			const planted = 'P'.repeat(43);
			await context.addCookies([{ name: 'regio_sessie', value: planted, url: base }]);
			await page.goto(new URL('/login', base).href);
			await submitLogin(page, 'auth-lezer');
			const first = (await sessionCookie(context))!.value;
			expect(first).not.toBe(planted);
			expect(sessionRow(planted)).toBeUndefined();
			expect(sessionRow(first)).toBeDefined();

			// Logging in again (as someone else) in the same browser: a new id, the old session gone.
			await page.goto(new URL('/login', base).href);
			await submitLogin(page, 'auth-aanleverder');
			const second = (await sessionCookie(context))!.value;
			expect(second).not.toBe(first);
			expect(sessionRow(first)).toBeUndefined();
			expect(await page.locator('header.site-header').innerText()).toContain('Ingelogd als auth-aanleverder');
		});
	});

	it('a lezer gets a Dutch 403 on /beheer and sees no Beheer link', async () => {
		await withContext(async (_context, page) => {
			await page.goto(new URL('/login?terug=/beheer', base).href);
			await submitLogin(page, 'auth-lezer');
			// terug=/beheer: the login itself succeeded, the page refuses.
			expect(new URL(page.url()).pathname).toBe('/beheer');
			const response = await page.goto(new URL('/beheer', base).href);
			expect(response?.status()).toBe(403);
			const main = await page.locator('main').innerText();
			expect(main).toContain('Geen toegang: hiervoor is de rol aanleverder nodig');
			expect(main).not.toMatch(/\bat .+:\d+:\d+/);
			expect(await page.locator('header.site-header').getByRole('link', { name: 'Beheer' }).count()).toBe(0);
			expect((await page.goto(new URL('/beheer/gebruikers', base).href))?.status()).toBe(403);
		});
	});

	it('an aanleverder reaches /beheer but not /beheer/gebruikers', async () => {
		await withContext(async (_context, page) => {
			await page.goto(new URL('/login?terug=%2Fbeheer', base).href);
			await submitLogin(page, 'auth-aanleverder');
			expect(await page.locator('main').getByRole('link', { name: 'Aanleveren' }).count()).toBe(1);
			expect(await page.locator('main').getByRole('link', { name: 'Gebruikers' }).count()).toBe(0);
			expect((await page.goto(new URL('/beheer/gebruikers', base).href))?.status()).toBe(403);
		});
	});
});

describe('lockout', () => {
	it('locks an account after 5 failures with the same message for an existing and an unknown name; even the right password is refused', async () => {
		const messages: Record<string, string[]> = {};
		// Both side by side: another account from another address, so neither slows the other (the
		// server waits longer after each failure of an account or address; those waits are sleeps).
		await Promise.all(
			[
				['auth-gesloten', '10.77.0.1'],
				['auth-bestaat-niet', '10.77.0.2']
			].map(([naam, adres]) =>
				withContext(
					async (context, page) => {
						messages[naam] = [];
						for (let i = 0; i < 6; i++) {
							await page.goto(new URL('/login', loginApp.baseURL).href);
							await submitLogin(page, naam, i < 5 ? `fout wachtwoord ${i}` : WACHTWOORD);
							messages[naam].push(await page.getByRole('alert').innerText());
							expect(new URL(page.url()).pathname).toBe('/login');
						}
						expect(await sessionCookie(context)).toBeUndefined();
					},
					{ extraHTTPHeaders: { 'x-forwarded-for': adres } }
				)
			)
		);
		const all = [...messages['auth-gesloten'], ...messages['auth-bestaat-niet']];
		expect(new Set(all).size).toBe(1);
		expect(all[0]).toContain(MISLUKT);
		// The lock is the account's, from any address: the right password from elsewhere is refused too.
		await withContext(
			async (context, page) => {
				await page.goto(new URL('/login', loginApp.baseURL).href);
				await submitLogin(page, 'auth-gesloten');
				expect(await page.getByRole('alert').innerText()).toContain(MISLUKT);
				expect(await sessionCookie(context)).toBeUndefined();
			},
			{ extraHTTPHeaders: { 'x-forwarded-for': '10.77.0.3' } }
		);
		const row = appDb().prepare("SELECT mislukt, geblokkeerd_tot FROM inlogpogingen WHERE sleutel = 'account:auth-gesloten'").get() as { mislukt: number; geblokkeerd_tot: number };
		expect(row.mislukt).toBe(5);
		expect(row.geblokkeerd_tot).toBeGreaterThan(Date.now() + 14 * 60_000);
	});
});

describe('REGIO_TOEGANG=login', () => {
	it('sends an anonymous visitor to the login page and, after login, to exactly the page asked for', async () => {
		const asked = '/capaciteit?type=skaeve_huse&maat=per_10k';
		await withContext(
			async (_context, page) => {
				const response = await page.goto(new URL(asked, loginApp.baseURL).href);
				expect(response?.status()).toBe(200);
				expect(new URL(page.url()).pathname).toBe('/login');
				expect(new URL(page.url()).searchParams.get('terug')).toBe(asked);
				expect(await page.locator('h1').innerText()).toBe('Inloggen');
				await submitLogin(page, 'auth-terug');
				expect(page.url()).toBe(new URL(asked, loginApp.baseURL).href);
				expect(await page.locator('h1').innerText()).not.toBe('Inloggen');
				expect(await page.locator('header.site-header').innerText()).toContain('Ingelogd als auth-terug (lezer)');
			},
			{ extraHTTPHeaders: { 'x-forwarded-for': '10.78.0.1' } }
		);
	});

	it('answers anonymous downloads, decks, data and API calls with a Dutch 401; login, health and assets stay open', async () => {
		const chart = (await (await fetch(new URL('/charts', base))).json()) as unknown;
		expect(chart).toBeTruthy();
		for (const path of ['/charts/tekort-per-type.png', '/charts', '/deck.pptx', '/capaciteit/__data.json', '/api/aanleveringen']) {
			const response = await fetch(new URL(path, loginApp.baseURL), { headers: { accept: path.startsWith('/charts/') ? 'text/html,*/*' : '*/*' }, redirect: 'manual' });
			expect(response.status, path).toBe(401);
			expect(await response.text(), path).toContain('U bent niet ingelogd');
		}
		expect((await fetch(new URL('/api/aanleveringen', loginApp.baseURL), { method: 'POST', redirect: 'manual' })).status).toBe(401);
		expect((await fetch(new URL('/api/health', loginApp.baseURL))).status).toBe(200);
		expect((await fetch(new URL('/login', loginApp.baseURL), { headers: { accept: 'text/html' } })).status).toBe(200);
		expect((await fetch(new URL('/favicon.svg', loginApp.baseURL))).status).toBe(200);
		// A revoked or unknown token is refused, not ignored.
		const bad = await fetch(new URL('/capaciteit', loginApp.baseURL), { headers: { authorization: `Bearer rm_${'x'.repeat(43)}`, accept: 'text/html' } });
		expect(bad.status).toBe(401);
		expect(await bad.text()).toContain('API-token is ongeldig of ingetrokken');

		// With a session the same download works, and shared caches may not keep it.
		const cookie = await loginByFetch(loginApp.baseURL, 'auth-terug', { 'x-forwarded-for': '10.78.0.2' });
		const png = await fetch(new URL('/charts/tekort-per-type.png', loginApp.baseURL), { headers: { cookie, 'x-forwarded-for': '10.78.0.2' } });
		expect(png.status).toBe(200);
		expect(png.headers.get('cache-control')).toContain('private');
	});
});

describe('origin check', () => {
	it('refuses a cross-origin POST made with a valid session cookie and writes nothing', async () => {
		const cookie = await loginByFetch(base, 'auth-beheerder');
		const before = { gebruikers: count('gebruikers'), audit: count('audit'), tokens: count('tokens'), sessies: count('sessies') };
		const attempts: [string, Record<string, string>, BodyInit][] = [
			['/beheer/gebruikers?/toevoegen', { 'content-type': 'application/x-www-form-urlencoded' }, new URLSearchParams({ naam: 'indringer', rol: 'beheerder', wachtwoord: WACHTWOORD })],
			['/beheer/gebruikers?/token', { 'content-type': 'text/plain' }, 'naam=auth-beheerder'],
			['/uitloggen', { 'content-type': 'application/json' }, '{}']
		];
		for (const [path, headers, body] of attempts) {
			for (const origin of ['https://evil.example', undefined]) {
				const response = await fetch(new URL(path, base), {
					method: 'POST',
					headers: { cookie, ...(origin && { origin }), ...headers },
					body,
					redirect: 'manual'
				});
				expect(response.status, `${path} from ${origin}`).toBe(403);
			}
		}
		const json = await fetch(new URL('/uitloggen', base), { method: 'POST', headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json', accept: 'application/json' }, body: '{}' });
		expect(await json.json()).toEqual({ message: expect.stringContaining('Verzoek geweigerd') });
		expect({ gebruikers: count('gebruikers'), audit: count('audit'), tokens: count('tokens'), sessies: count('sessies') }).toEqual(before);
		// The session survived the forged logout.
		const still = await fetch(new URL('/beheer/gebruikers', base), { headers: { cookie, accept: 'text/html' } });
		expect(still.status).toBe(200);
		expect(await still.text()).toContain('auth-beheerder');
	});
});

describe('user management', () => {
	it('a beheerder adds a user, changes the role, makes a token shown once, revokes it and removes the user, all audited', async () => {
		await withContext(async (_context, page) => {
			await page.goto(new URL('/login?terug=%2Fbeheer', base).href);
			await expectNoSeriousAxe(page, 'login page');
			await submitLogin(page, 'auth-beheerder');
			// A client-side navigation (the page is hydrated): the data request carries the session too.
			await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
			await Promise.all([page.waitForURL('**/beheer/gebruikers'), page.locator('main').getByRole('link', { name: 'Gebruikers' }).click()]);
			await page.getByRole('heading', { name: 'Gebruikers', level: 1 }).waitFor();
			expect(new URL(page.url()).pathname).toBe('/beheer/gebruikers');
			await expectNoSeriousAxe(page, 'user management');
			// No removing or demoting oneself: there is always a beheerder left.
			expect(await page.getByRole('button', { name: 'Verwijder auth-beheerder' }).count()).toBe(0);

			const submit = async (button: string) => {
				await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button, exact: true }).click()]);
			};
			// Too short a password: a Dutch refusal, nothing written.
			const gebruikersBefore = count('gebruikers');
			await page.getByLabel('Naam', { exact: true }).fill('auth-nieuw');
			await page.getByLabel('Wachtwoord (minstens 12 tekens)').evaluate((input: HTMLInputElement) => input.removeAttribute('minlength'));
			await page.getByLabel('Wachtwoord (minstens 12 tekens)').fill('kort');
			await submit('Toevoegen');
			expect(await page.getByRole('alert').innerText()).toContain('minstens 12 tekens');
			expect(count('gebruikers')).toBe(gebruikersBefore);
			expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe('auth-nieuw');

			await page.getByLabel('Rol', { exact: true }).selectOption('aanleverder');
			await page.getByLabel('Wachtwoord (minstens 12 tekens)').fill(WACHTWOORD);
			await submit('Toevoegen');
			expect(await page.getByRole('status').innerText()).toContain('Gebruiker auth-nieuw toegevoegd met rol aanleverder');
			const row = page.locator('tr', { has: page.locator('th', { hasText: /^auth-nieuw$/ }) });
			expect(await row.innerText()).toContain('nog nooit');

			await page.getByLabel('Rol van auth-nieuw').selectOption('lezer');
			await submit('Wijzig rol van auth-nieuw');
			expect(await page.getByRole('status').innerText()).toContain('auth-nieuw heeft nu de rol lezer');
			expect(appDb().prepare("SELECT rol FROM gebruikers WHERE naam = 'auth-nieuw'").get()).toEqual({ rol: 'lezer' });

			await submit('Nieuw token voor auth-nieuw');
			const token = await page.locator('#nieuw-token').inputValue();
			expect(token).toMatch(/^rm_[A-Za-z0-9_-]{43}$/);
			const withToken = () => fetch(new URL('/capaciteit', base), { headers: { authorization: `Bearer ${token}`, accept: 'text/html' } });
			expect((await withToken()).status).toBe(200);
			// Shown once: the next page has only the prefix.
			await page.goto(new URL('/beheer/gebruikers', base).href);
			expect(await page.content()).not.toContain(token);
			expect(await page.content()).toContain(token.slice(0, 11));

			await submit(`Intrekken token ${token.slice(0, 11)} van auth-nieuw`);
			expect(await page.getByRole('status').innerText()).toContain('ingetrokken');
			expect((await withToken()).status).toBe(401);

			await submit('Verwijder auth-nieuw');
			expect(await page.getByRole('status').innerText()).toContain('Gebruiker auth-nieuw verwijderd');
			expect(appDb().prepare("SELECT 1 FROM gebruikers WHERE naam = 'auth-nieuw'").get()).toBeUndefined();

			const acties = (appDb().prepare("SELECT actie FROM audit WHERE gebruiker = 'auth-beheerder' AND actie != 'ingelogd' ORDER BY id").all() as { actie: string }[]).map((r) => r.actie);
			expect(acties.slice(-5)).toEqual(['gebruiker_toegevoegd', 'rol_gewijzigd', 'token_gemaakt', 'token_ingetrokken', 'gebruiker_verwijderd']);
		});
	});

	it('refuses every user-management action from anyone but a beheerder on this site, and writes nothing (property-based)', async () => {
		const beheerder = await loginByFetch(base, 'auth-beheerder');
		const expired = await loginByFetch(base, 'auth-lezer');
		appDb().prepare('UPDATE sessies SET laatst_gezien = 0 WHERE id_hash = ?').run(sha256(expired.split('=')[1]));
		const revoked = createToken({ naam: 'auth-beheerder', door: null });
		revokeTokens({ naam: 'auth-beheerder', prefix: revoked.prefix, door: null });
		const ownOrigin = new URL(base).origin;
		const callers: Record<string, Record<string, string>> = {
			'geen sessie': { origin: ownOrigin },
			'lezer-sessie': { origin: ownOrigin, cookie: await loginByFetch(base, 'auth-lezer') },
			'aanleverder-sessie': { origin: ownOrigin, cookie: await loginByFetch(base, 'auth-aanleverder') },
			'verlopen sessie': { origin: ownOrigin, cookie: expired },
			'ingetrokken token': { origin: ownOrigin, authorization: `Bearer ${revoked.token}` },
			'beheerder van een andere site': { origin: 'https://evil.example', cookie: beheerder },
			'beheerder zonder Origin': { cookie: beheerder }
		};
		const forms: Record<string, Record<string, string>> = {
			toevoegen: { naam: 'indringer', rol: 'beheerder', wachtwoord: WACHTWOORD },
			rol: { naam: 'auth-lezer', rol: 'beheerder' },
			verwijderen: { naam: 'auth-aanleverder' },
			token: { naam: 'auth-beheerder' },
			intrekken: { naam: 'auth-beheerder' }
		};
		const state = () => ({
			gebruikers: appDb().prepare('SELECT naam, rol FROM gebruikers ORDER BY id').all(),
			tokens: appDb().prepare('SELECT id, ingetrokken FROM tokens ORDER BY id').all(),
			audit: count('audit')
		});
		const before = state();
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...Object.keys(callers)),
				fc.constantFrom(...Object.keys(forms)),
				fc.constantFrom('text/html', 'application/json', '*/*'),
				fc.constantFrom('urlencoded', 'multipart', 'text'),
				async (caller, actie, accept, encoding) => {
					const fields = forms[actie];
					const body =
						encoding === 'urlencoded'
							? new URLSearchParams(fields)
							: encoding === 'multipart'
								? Object.entries(fields).reduce((form, [k, v]) => (form.append(k, v), form), new FormData())
								: new URLSearchParams(fields).toString();
					const response = await fetch(new URL(`/beheer/gebruikers?/${actie}`, base), {
						method: 'POST',
						headers: { accept, ...callers[caller], ...(encoding === 'text' && { 'content-type': 'text/plain' }) },
						body,
						redirect: 'manual'
					});
					const label = `${caller} ${actie} ${accept} ${encoding}: ${response.status}`;
					if (response.status === 303) expect(response.headers.get('location'), label).toMatch(/^\/login\?terug=/);
					else expect([401, 403], label).toContain(response.status);
					await response.arrayBuffer();
					// Anonymous page requests go to the login page; only a browser asks for text/html.
					if (response.status === 303) expect(accept, label).toBe('text/html');
				}
			),
			{ numRuns: 60 }
		);
		expect(state()).toEqual(before);
		// The control: the same form from a beheerder on this site does change something.
		const allowed = await fetch(new URL('/beheer/gebruikers?/rol', base), {
			method: 'POST',
			headers: { origin: ownOrigin, cookie: beheerder, accept: 'text/html' },
			body: new URLSearchParams({ naam: 'auth-gesloten', rol: 'aanleverder' })
		});
		expect(allowed.status).toBe(200);
		expect(appDb().prepare("SELECT rol FROM gebruikers WHERE naam = 'auth-gesloten'").get()).toEqual({ rol: 'aanleverder' });
	});
});
