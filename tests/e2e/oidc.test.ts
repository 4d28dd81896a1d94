/**
 * Single sign-on in a real browser: a real OpenID Connect provider (oidc-provider) runs in this
 * process on loopback; a second instance of the built app, with its own app directory and
 * REGIO_OIDC_* pointing at the provider, serves the shared test store. Chromium clicks
 * "Inloggen via …" on /login, signs in at the provider's own forms and must come back logged in
 * with the role the provider's `roles` claim maps to.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error oidc-provider ships no type definitions (and @types/oidc-provider is not installed)
import Provider from 'oidc-provider';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { OIDC_FOUTEN } from '../../src/lib/server/auth/oidc';
import { useBrowser } from './helpers';
import { startApp, type RunningApp } from './server';

const CLIENT_ID = 'regiomonitor-e2e';
const CLIENT_SECRET = 'een-lang-test-geheim-voor-de-browsertest';
const LABEL = 'Testgemeente';

/** The provider's users: the account id typed in its login form → claims. */
const accounts = new Map<string, Record<string, unknown>>([
	['anna-sub', { preferred_username: 'anna.devries', email: 'anna@zwijndrecht.example', roles: ['Regiomonitor.Aanleverder'] }],
	['lotte-sub', { preferred_username: 'lotte', roles: 'Regiomonitor.Lezer' }],
	['zonder-rol-sub', { preferred_username: 'zonder.rol', roles: ['Iets.Anders'] }]
]);

const { withPage } = useBrowser();

let providerServer: Server;
/** While true the provider answers every request with 503, as one that is down. */
let providerDown = false;
let issuer: string;
let app: RunningApp;

beforeAll(async () => {
	// The provider must know the app's redirect URI and the app the provider's issuer: listen
	// first, start the app, then create the provider (the app discovers it only at the first login).
	let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
	providerServer = createServer((req, res) => (handle && !providerDown ? handle(req, res) : res.writeHead(503).end()));
	await new Promise<void>((resolve) => providerServer.listen(0, '127.0.0.1', resolve));
	issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`;

	// The shared store, but an app directory of its own (startApp makes one): its own accounts.
	const { store, exports, reports } = inject('paths');
	app = await startApp({ store, exports, reports }, {
		env: {
			REGIO_TOEGANG: 'login',
			REGIO_OIDC_ISSUER: issuer,
			REGIO_OIDC_CLIENT_ID: CLIENT_ID,
			REGIO_OIDC_CLIENT_SECRET: CLIENT_SECRET,
			REGIO_OIDC_ROL_LEZER: 'Regiomonitor.Lezer',
			REGIO_OIDC_ROL_AANLEVERDER: 'Regiomonitor.Aanleverder',
			REGIO_OIDC_ROL_BEHEERDER: 'Regiomonitor.Beheerder',
			REGIO_OIDC_LABEL: LABEL
		}
	});

	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: CLIENT_ID,
				client_secret: CLIENT_SECRET,
				redirect_uris: [`${app.baseURL}/login/oidc/terug`],
				post_logout_redirect_uris: [`${app.baseURL}/`],
				token_endpoint_auth_method: 'client_secret_post'
			}
		],
		async findAccount(_ctx: unknown, id: string) {
			const claims = accounts.get(id);
			return claims && { accountId: id, claims: async () => ({ sub: id, ...claims }) };
		},
		claims: { openid: ['sub'], profile: ['preferred_username', 'name', 'roles'], email: ['email', 'email_verified'] },
		cookies: { keys: ['e2e-cookie-sleutel'] },
		pkce: { required: () => true },
		features: { devInteractions: { enabled: true } },
		ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 }
	});
	handle = provider.callback();
});

afterAll(async () => {
	await app?.stop();
	await new Promise((resolve) => providerServer?.close(resolve));
	if (process.env.E2E_SERVER_LOG) console.log(app?.log());
});

const at = (path: string) => new URL(path, app.baseURL).href;

/** On the provider's own pages (devInteractions): sign in as `account` and give consent. */
async function signInAtProvider(page: Page, account: string): Promise<void> {
	await page.waitForURL((url) => url.origin === issuer, { waitUntil: 'commit' });
	await page.locator('input[name="login"]').fill(account);
	await page.locator('input[name="password"]').fill('wat-dan-ook');
	await page.getByRole('button', { name: 'Sign-in' }).click();
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.waitForURL((url) => url.origin === app.baseURL, { waitUntil: 'domcontentloaded' });
}

describe('Inloggen via de inlogdienst van de gemeente (OIDC)', () => {
	it('says so on the login page when the provider is down, and works as soon as it is back', async () => {
		await withPage(async (page) => {
			providerDown = true;
			try {
				await page.goto(at('/login?terug=/hkg'));
				await page.getByRole('link', { name: `Inloggen via ${LABEL}` }).click();
				await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('fout') === 'oidc_onbereikbaar');
				expect(new URL(page.url()).searchParams.get('terug')).toBe('/hkg');
				await expect.poll(() => page.locator('main').innerText()).toContain(OIDC_FOUTEN.oidc_onbereikbaar);
			} finally {
				providerDown = false;
			}
			// The failed discovery is not remembered: the next click reaches the provider.
			await page.getByRole('link', { name: `Inloggen via ${LABEL}` }).click();
			await page.waitForURL((url) => url.origin === issuer, { waitUntil: 'commit' });
		});
	});

	it('an anonymous aanleverder asks for a page, signs in at the provider, and gets that page logged in, with /beheer open', async () => {
		await withPage(async (page) => {
			// REGIO_TOEGANG=login: the page asked for sends the visitor to the login page first.
			await page.goto(at('/capaciteit'));
			expect(new URL(page.url()).pathname).toBe('/login');
			await page.getByRole('link', { name: `Inloggen via ${LABEL}` }).click();
			await signInAtProvider(page, 'anna-sub');

			await page.waitForURL(at('/capaciteit'));
			await expect.poll(() => page.locator('header').innerText()).toContain('anna.devries');
			// The flow's cookie is gone; the session cookie is HttpOnly.
			const cookies = await page.context().cookies(app.baseURL);
			expect(cookies.map((c) => c.name)).not.toContain('regio_oidc');
			expect(cookies.find((c) => c.name === 'regio_sessie')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

			const beheer = await page.goto(at('/beheer'));
			expect(beheer?.status()).toBe(200);
			expect(new URL(page.url()).pathname).toBe('/beheer');
		});
	});

	it('logging out also ends the session at the provider: back on the site, the next sign-in asks for the password again', async () => {
		await withPage(async (page) => {
			await page.goto(at('/wlz'));
			await page.getByRole('link', { name: `Inloggen via ${LABEL}` }).click();
			await signInAtProvider(page, 'anna-sub');
			await page.waitForURL(at('/wlz'));
			await page.getByRole('button', { name: 'Uitloggen' }).click();
			// Out here first; then the provider's own "sign out?" page (oidc-provider's), which ends its session.
			await page.waitForURL((url) => url.origin === issuer, { waitUntil: 'domcontentloaded' });
			await page.getByRole('button', { name: /yes, sign me out/i }).click();
			// Back at the site's home page, which (REGIO_TOEGANG=login) sends an anonymous visitor to /login.
			await page.waitForURL((url) => url.origin === app.baseURL && url.pathname === '/login');
			expect((await page.context().cookies(app.baseURL)).map((c) => c.name)).not.toContain('regio_sessie');
			await page.getByRole('link', { name: `Inloggen via ${LABEL}` }).click();
			await page.waitForURL((url) => url.origin === issuer, { waitUntil: 'domcontentloaded' });
			await expect(page.locator('input[name="login"]').count()).resolves.toBe(1);
		});
	});

	it('a lezer signs in the same way, but /beheer refuses them', async () => {
		await withPage(async (page) => {
			await page.goto(at('/login'));
			await page.getByRole('link', { name: `Inloggen via ${LABEL}` }).click();
			await signInAtProvider(page, 'lotte-sub');
			await expect.poll(() => page.locator('header').innerText()).toContain('lotte');

			const beheer = await page.goto(at('/beheer'));
			expect(beheer?.status()).toBe(403);
		});
	});

	it('a user whose role claim has no Regiomonitor role lands on the login page with the Dutch explanation', async () => {
		await withPage(async (page) => {
			await page.goto(at('/login'));
			await page.getByRole('link', { name: `Inloggen via ${LABEL}` }).click();
			await signInAtProvider(page, 'zonder-rol-sub');

			expect(new URL(page.url()).pathname).toBe('/login');
			expect(new URL(page.url()).searchParams.get('fout')).toBe('oidc_geen_rol');
			await expect.poll(() => page.locator('main').innerText()).toContain(OIDC_FOUTEN.oidc_geen_rol);
			expect(await page.locator('header').innerText()).not.toContain('zonder.rol');
		});
	});

	it('sends a callback without its flow cookie back to the login page', async () => {
		const response = await fetch(at('/login/oidc/terug?code=abc&state=def'), { redirect: 'manual', headers: { accept: 'text/html' } });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/login?fout=oidc_verlopen');
	});

	it('answers 404 on an app without single sign-on', async () => {
		for (const path of ['/login/oidc', '/login/oidc/terug?code=x&state=y']) {
			const response = await fetch(new URL(path, inject('baseURL')), { redirect: 'manual', headers: { accept: 'text/html' } });
			expect(response.status, path).toBe(404);
		}
	});
});
