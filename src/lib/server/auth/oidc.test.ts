/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider) running in this process
 * on a free loopback port: the whole authorisation code flow over HTTP, through the provider's
 * own login and consent forms, into the callback as the route calls it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as client from 'openid-client';
// @ts-expect-error oidc-provider ships no type definitions (and @types/oidc-provider is not installed)
import Provider from 'oidc-provider';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../app/audit';
import { appDb, closeAppDb, useAppDb } from '../app/db';
import { parseAuthConfig, type OidcConfig } from './config';
import {
	beginOidcLogin,
	encodeFlow,
	finishOidcLogin,
	loginErrorPath,
	nameFromClaims,
	OIDC_COOKIE,
	OIDC_FOUTEN,
	oidcClientConfig,
	oidcFoutMelding,
	oidcLoginLink,
	OidcLoginError,
	providerLogoutUrl,
	resetOidcDiscovery,
	rolFromClaims,
	safeReturnPath,
	type OidcEvent,
	type OidcFlow,
	type OidcLoginResult
} from './oidc';

/** The Regiomonitor as the provider knows it; never served: the test hands the callback URL to the route code. */
const APP = 'http://regiomonitor.test';
const CLIENT_ID = 'regiomonitor';
const CLIENT_SECRET = 'een-lang-test-geheim-voor-de-regiomonitor';

/** The provider's users: account id (what one types in its login form) → claims. */
const accounts = new Map<string, Record<string, unknown>>();

interface RunningProvider {
	issuer: string;
	/** Paths the provider was asked for, in order. */
	requests: string[];
	close(): Promise<void>;
}

/**
 * oidc-provider on a free loopback port, with the Regiomonitor as a confidential client.
 * `conformIdTokenClaims: false` puts profile claims (and so the role) in the ID token itself.
 */
async function startProvider({ conformIdTokenClaims = true } = {}): Promise<RunningProvider> {
	const server: Server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const provider = new Provider(url, {
		clients: [
			{
				client_id: CLIENT_ID,
				client_secret: CLIENT_SECRET,
				redirect_uris: [`${APP}/login/oidc/terug`],
				token_endpoint_auth_method: 'client_secret_post'
			}
		],
		async findAccount(_ctx: unknown, id: string) {
			const claims = accounts.get(id);
			return claims && { accountId: id, claims: async () => ({ sub: id, ...claims }) };
		},
		// Entra ID puts app roles in `roles`; here it comes with the profile scope. By default
		// oidc-provider keeps the ID token small, so the role comes from userinfo.
		claims: { openid: ['sub'], profile: ['preferred_username', 'name', 'roles'], email: ['email', 'email_verified'] },
		conformIdTokenClaims,
		cookies: { keys: ['test-cookie-sleutel'] },
		pkce: { required: () => true },
		features: { devInteractions: { enabled: true } },
		ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 }
	});
	const requests: string[] = [];
	const handle = provider.callback();
	server.on('request', (req, res) => {
		requests.push(new URL(req.url ?? '/', url).pathname);
		handle(req, res);
	});
	return { issuer: url, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let provider: RunningProvider;
let issuer: string;
let tmp: string;

function oidcConfig(extra: Record<string, string> = {}): OidcConfig {
	const config = parseAuthConfig({
		REGIO_OIDC_ISSUER: issuer,
		REGIO_OIDC_CLIENT_ID: CLIENT_ID,
		REGIO_OIDC_CLIENT_SECRET: CLIENT_SECRET,
		REGIO_OIDC_ROL_LEZER: 'Regiomonitor.Lezer',
		REGIO_OIDC_ROL_AANLEVERDER: 'Regiomonitor.Aanleverder, Data.Steward',
		REGIO_OIDC_ROL_BEHEERDER: 'Regiomonitor.Beheerder',
		REGIO_OIDC_LABEL: 'Testgemeente',
		...extra
	}).oidc;
	if (!config) throw new Error('no OIDC config');
	return config;
}

beforeAll(async () => {
	tmp = mkdtempSync(join(tmpdir(), 'regiomonitor-oidc-'));
	useAppDb(tmp);
	provider = await startProvider();
	issuer = provider.issuer;
});

afterAll(async () => {
	await provider?.close();
	closeAppDb();
	rmSync(tmp, { recursive: true, force: true });
});

beforeEach(() => {
	accounts.clear();
	resetOidcDiscovery();
	provider.requests.length = 0;
});

// --- Cookies on the app side, as SvelteKit's event.cookies keeps them ------------------------

interface SetCookie {
	value: string;
	options: Record<string, unknown>;
}

class AppCookies {
	readonly jar = new Map<string, SetCookie>();
	readonly deleted: { name: string; options: Record<string, unknown> }[] = [];
	get(name: string) {
		return this.jar.get(name)?.value;
	}
	set(name: string, value: string, options: Record<string, unknown>) {
		this.jar.set(name, { value, options });
	}
	delete(name: string, options: Record<string, unknown>) {
		this.jar.delete(name);
		this.deleted.push({ name, options });
	}
}

function appEvent(url: string, cookies: AppCookies): OidcEvent {
	return { url: new URL(url), cookies: cookies as unknown as OidcEvent['cookies'] };
}

// --- A browser at the provider: manual redirects, cookies, the devInteractions forms ---------

class ProviderBrowser {
	private cookies = new Map<string, { value: string; path: string }>();

	private cookieHeader(url: URL): string {
		return [...this.cookies.entries()]
			.filter(([, c]) => url.pathname.startsWith(c.path))
			.map(([name, c]) => `${name}=${c.value}`)
			.join('; ');
	}

	private remember(response: Response): void {
		for (const line of response.headers.getSetCookie()) {
			const [pair, ...attributes] = line.split(';').map((p) => p.trim());
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq);
			const value = pair.slice(eq + 1);
			const attr = Object.fromEntries(attributes.map((a) => a.split('=')).map(([k, v]) => [k.toLowerCase(), v ?? '']));
			const expired = attr['max-age'] === '0' || (attr.expires && Date.parse(attr.expires) < Date.now()) || value === '';
			if (expired) this.cookies.delete(name);
			else this.cookies.set(name, { value, path: attr.path ?? '/' });
		}
	}

	async request(url: URL, init: { method?: string; body?: URLSearchParams } = {}): Promise<Response> {
		const headers: Record<string, string> = { accept: 'text/html' };
		const cookie = this.cookieHeader(url);
		if (cookie) headers.cookie = cookie;
		const response = await fetch(url, { method: init.method ?? 'GET', body: init.body, headers, redirect: 'manual' });
		this.remember(response);
		return response;
	}

	/**
	 * Follows the provider's redirects and fills in its forms (login as `login`, then consent),
	 * until it redirects to the Regiomonitor; answers that URL (the callback with code and state).
	 * `abort` follows the form's "cancel" link instead of signing in.
	 */
	async signIn(start: URL, login: string, { abort = false } = {}): Promise<string> {
		let url = start;
		for (let step = 0; step < 20; step++) {
			const response = await this.request(url);
			if (response.status >= 300 && response.status < 400) {
				const location = new URL(response.headers.get('location') ?? '', url);
				await response.arrayBuffer();
				if (location.origin === APP) return location.href;
				url = location;
				continue;
			}
			const html = await response.text();
			if (response.status !== 200) throw new Error(`provider answered ${response.status} at ${url}: ${html.slice(0, 500)}`);
			if (abort) {
				const cancel = html.match(/href="([^"]*\/abort)"/);
				if (!cancel) throw new Error(`no cancel link at ${url}`);
				url = new URL(cancel[1].replaceAll('&amp;', '&'), url);
				continue;
			}
			const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
			const prompt = html.match(/name="prompt" value="([^"]+)"/)?.[1];
			if (!action || !prompt) throw new Error(`no form at ${url}: ${html.slice(0, 500)}`);
			const body = new URLSearchParams({ prompt });
			if (prompt === 'login') body.set('login', login), body.set('password', 'wat-dan-ook');
			const submitted = await this.request(new URL(action, url), { method: 'POST', body });
			if (submitted.status < 300 || submitted.status >= 400) throw new Error(`form ${prompt} answered ${submitted.status}: ${await submitted.text()}`);
			await submitted.arrayBuffer();
			url = new URL(submitted.headers.get('location') ?? '', url);
		}
		throw new Error('too many steps at the provider');
	}
}

// --- The flow as the two routes run it -------------------------------------------------------

interface Attempt {
	cookies: AppCookies;
	/** The callback URL the provider redirected the browser to. */
	callback: string;
	config: OidcConfig;
}

/** /login/oidc, then the provider's forms; stops at the callback (not yet called). */
async function startAndSignIn(login: string, { config = oidcConfig(), terug = '/capaciteit?peiljaar=2024', abort = false } = {}): Promise<Attempt> {
	const cookies = new AppCookies();
	const start = await beginOidcLogin({ event: appEvent(`${APP}/login/oidc?terug=${encodeURIComponent(terug)}`, cookies), config });
	const callback = await new ProviderBrowser().signIn(start, login, { abort });
	return { cookies, callback, config };
}

function finish({ cookies, callback, config }: Attempt): Promise<OidcLoginResult> {
	return finishOidcLogin({ event: appEvent(callback, cookies), config, adres: '192.0.2.7' });
}

async function login(account: string, options: Parameters<typeof startAndSignIn>[1] = {}): Promise<OidcLoginResult> {
	return finish(await startAndSignIn(account, options));
}

/** The refusal `promise` ends in: its code and audit reason. */
async function refusal(promise: Promise<unknown>): Promise<OidcLoginError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(OidcLoginError);
	return error as OidcLoginError;
}

function flowOf(cookies: AppCookies): OidcFlow {
	return JSON.parse(Buffer.from(cookies.get(OIDC_COOKIE) ?? '', 'base64url').toString('utf8')) as OidcFlow;
}

function withFlow(attempt: Attempt, change: Partial<OidcFlow>): Attempt {
	attempt.cookies.set(OIDC_COOKIE, encodeFlow({ ...flowOf(attempt.cookies), ...change }), {});
	return attempt;
}

const userRow = (naam: string) =>
	appDb().prepare('SELECT id, naam, rol, bron, wachtwoord_hash, oidc_issuer, oidc_subject FROM gebruikers WHERE naam = ?').get(naam) as
		| { id: number; naam: string; rol: string; bron: string; wachtwoord_hash: string | null; oidc_issuer: string | null; oidc_subject: string | null }
		| undefined;

const lastAudit = () => auditLog({ limit: 1 })[0];

describe('OIDC login against a real provider', () => {
	it('maps the role claim value to its role, creates the user by issuer and subject, and returns to the page asked for', async () => {
		accounts.set('anna-sub-1', { preferred_username: 'anna.devries', email: 'anna@zwijndrecht.example', roles: ['Data.Steward'] });
		const attempt = await startAndSignIn('anna-sub-1');

		// The flow cookie: HttpOnly, SameSite=Lax, only for /login/oidc, 10 minutes, not Secure on http.
		const set = attempt.cookies.jar.get(OIDC_COOKIE);
		expect(set?.options).toEqual({ path: '/login/oidc', httpOnly: true, sameSite: 'lax', secure: false, maxAge: 600 });
		const callback = new URL(attempt.callback);
		expect(`${callback.origin}${callback.pathname}`).toBe(`${APP}/login/oidc/terug`);
		expect(callback.searchParams.get('state')).toBe(flowOf(attempt.cookies).s);

		const { gebruiker, terug } = await finish(attempt);
		expect(gebruiker).toMatchObject({ naam: 'anna.devries', rol: 'aanleverder', bron: 'oidc' });
		expect(terug).toBe('/capaciteit?peiljaar=2024');
		expect(attempt.cookies.get(OIDC_COOKIE)).toBeUndefined();
		expect(attempt.cookies.deleted).toEqual([{ name: OIDC_COOKIE, options: { path: '/login/oidc', secure: false } }]);
		expect(userRow('anna.devries')).toMatchObject({ id: gebruiker.id, rol: 'aanleverder', bron: 'oidc', wachtwoord_hash: null, oidc_issuer: issuer, oidc_subject: 'anna-sub-1' });
		expect(lastAudit()).toMatchObject({ actie: 'gebruiker_toegevoegd', gebruiker: 'anna.devries' });
		// This provider keeps the ID token small: the role came from userinfo.
		expect(provider.requests).toContain('/me');
	});

	it('takes the role from the ID token when it is there, without asking userinfo', async () => {
		const other = await startProvider({ conformIdTokenClaims: false });
		try {
			accounts.set('olaf-sub', { preferred_username: 'olaf', roles: ['Regiomonitor.Aanleverder'] });
			const config = { ...oidcConfig(), issuer: other.issuer };
			expect((await login('olaf-sub', { config })).gebruiker).toMatchObject({ naam: 'olaf', rol: 'aanleverder' });
			expect(other.requests).toContain('/token');
			expect(other.requests).not.toContain('/me');
			expect(userRow('olaf')?.oidc_issuer).toBe(other.issuer);
		} finally {
			await other.close();
		}
	});

	it('sends PKCE (S256), state and nonce, and asks for the configured scope', async () => {
		const cookies = new AppCookies();
		const start = await beginOidcLogin({ event: appEvent(`${APP}/login/oidc`, cookies), config: oidcConfig() });
		const flow = flowOf(cookies);
		expect(start.origin).toBe(issuer);
		expect(Object.fromEntries(start.searchParams)).toEqual({
			client_id: CLIENT_ID,
			response_type: 'code',
			redirect_uri: `${APP}/login/oidc/terug`,
			scope: 'openid profile email',
			code_challenge: await client.calculatePKCECodeChallenge(flow.v),
			code_challenge_method: 'S256',
			state: flow.s,
			nonce: flow.n
		});
		expect(flow.t).toBe('/');
		// Each start has its own secrets.
		const again = new AppCookies();
		await beginOidcLogin({ event: appEvent(`${APP}/login/oidc`, again), config: oidcConfig() });
		expect(flowOf(again).s).not.toBe(flow.s);
		expect(flowOf(again).v).not.toBe(flow.v);
	});

	it('gives the highest matching role when the claim has several values', async () => {
		accounts.set('bert-sub', { preferred_username: 'bert', roles: ['Regiomonitor.Lezer', 'Regiomonitor.Beheerder', 'Iets.Anders'] });
		expect((await login('bert-sub')).gebruiker.rol).toBe('beheerder');
	});

	it('refreshes the role at every login, keeping the same account', async () => {
		accounts.set('carla-sub', { preferred_username: 'carla', roles: ['Regiomonitor.Beheerder'] });
		const first = await login('carla-sub');
		expect(first.gebruiker.rol).toBe('beheerder');

		accounts.set('carla-sub', { preferred_username: 'carla', roles: 'Regiomonitor.Lezer' });
		const second = await login('carla-sub');
		expect(second.gebruiker).toEqual({ id: first.gebruiker.id, naam: 'carla', rol: 'lezer', bron: 'oidc' });
		expect(userRow('carla')?.rol).toBe('lezer');
		expect(lastAudit()).toMatchObject({ actie: 'rol_gewijzigd', gebruiker: 'carla', details: { via: 'oidc', van: 'beheerder', naar: 'lezer' } });
		expect(appDb().prepare('SELECT COUNT(*) AS n FROM gebruikers WHERE oidc_subject = ?').get('carla-sub')).toEqual({ n: 1 });
	});

	it('never takes over a local account with the same name', async () => {
		appDb()
			.prepare("INSERT INTO gebruikers (naam, rol, wachtwoord_hash, bron, aangemaakt) VALUES ('Piet', 'beheerder', '$argon2id$lokaal', 'lokaal', ?)")
			.run(new Date().toISOString());
		const local = userRow('piet');

		accounts.set('piet-sub', { preferred_username: 'piet', roles: ['Regiomonitor.Lezer'] });
		const sso = await login('piet-sub');
		expect(sso.gebruiker).toMatchObject({ naam: 'piet (SSO)', rol: 'lezer', bron: 'oidc' });
		expect(sso.gebruiker.id).not.toBe(local?.id);
		expect(userRow('Piet')).toEqual(local);

		// The next login keeps the made-up name; another person called piet gets another one.
		expect((await login('piet-sub')).gebruiker).toEqual(sso.gebruiker);
		accounts.set('andere-piet-sub', { preferred_username: 'PIET', roles: ['Regiomonitor.Lezer'] });
		expect((await login('andere-piet-sub')).gebruiker.naam).toBe('PIET (SSO 2)');
		expect(userRow('Piet')).toEqual(local);
	});

	it('names the user by the name claim, else email, else subject', async () => {
		accounts.set('dirk-sub-123', { email: 'dirk@dordrecht.example', roles: ['Regiomonitor.Lezer'] });
		expect((await login('dirk-sub-123')).gebruiker.naam).toBe('dirk@dordrecht.example');
		accounts.set('eva-sub-456', { roles: ['Regiomonitor.Lezer'] });
		expect((await login('eva-sub-456')).gebruiker.naam).toBe('eva-sub-456');
		accounts.set('fleur-sub', { name: 'Fleur Jansen', roles: ['Regiomonitor.Lezer'] });
		expect((await login('fleur-sub', { config: oidcConfig({ REGIO_OIDC_NAAM_CLAIM: 'name' }) })).gebruiker.naam).toBe('Fleur Jansen');
	});

	it('refuses a user without a matching role value, with a Dutch message, and creates no account', async () => {
		accounts.set('gijs-sub', { preferred_username: 'gijs', roles: ['Iets.Anders'] });
		const error = await refusal(login('gijs-sub'));
		expect(error.code).toBe('oidc_geen_rol');
		expect(OIDC_FOUTEN[error.code]).toContain('geen rol in de Regiomonitor');
		expect(error.terug).toBe('/capaciteit?peiljaar=2024');
		expect(loginErrorPath(error)).toBe('/login?fout=oidc_geen_rol&terug=%2Fcapaciteit%3Fpeiljaar%3D2024');
		expect(userRow('gijs')).toBeUndefined();
		expect(lastAudit()).toMatchObject({ actie: 'inloggen_mislukt', gebruiker: 'gijs', adres: '192.0.2.7', details: { via: 'oidc', reden: 'geen rol' } });

		// Without any role claim at all, too; with REGIO_OIDC_STANDAARD_ROL such a user gets that role.
		accounts.set('hanna-sub', { preferred_username: 'hanna' });
		expect((await refusal(login('hanna-sub'))).code).toBe('oidc_geen_rol');
		expect((await login('hanna-sub', { config: oidcConfig({ REGIO_OIDC_STANDAARD_ROL: 'lezer' }) })).gebruiker.rol).toBe('lezer');
	});

	it('refuses a callback whose state is not the one sent', async () => {
		accounts.set('ivo-sub', { preferred_username: 'ivo', roles: ['Regiomonitor.Beheerder'] });
		const attempt = await startAndSignIn('ivo-sub');
		const forged = new URL(attempt.callback);
		forged.searchParams.set('state', client.randomState());
		const error = await refusal(finish({ ...attempt, callback: forged.href }));
		expect([error.code, error.reden]).toEqual(['oidc_ongeldig', 'state']);
		expect(userRow('ivo')).toBeUndefined();
		expect(lastAudit()).toMatchObject({ actie: 'inloggen_mislukt', gebruiker: null, details: { via: 'oidc', reden: 'state' } });
		// The cookie is gone: the same answer cannot be tried again with it.
		expect(attempt.cookies.get(OIDC_COOKIE)).toBeUndefined();
		expect((await refusal(finish(attempt))).code).toBe('oidc_verlopen');
	});

	it('the provider refuses the code with a wrong PKCE verifier', async () => {
		accounts.set('jan-sub', { preferred_username: 'jan', roles: ['Regiomonitor.Beheerder'] });
		const attempt = withFlow(await startAndSignIn('jan-sub'), { v: client.randomPKCECodeVerifier() });
		const error = await refusal(finish(attempt));
		expect([error.code, error.reden]).toEqual(['oidc_ongeldig', 'token:invalid_grant']);
		expect(userRow('jan')).toBeUndefined();
	});

	it('the provider refuses the code without a PKCE verifier', async () => {
		accounts.set('karin-sub', { preferred_username: 'karin', roles: ['Regiomonitor.Beheerder'] });
		const attempt = await startAndSignIn('karin-sub');
		const flow = flowOf(attempt.cookies);
		const configuration = await oidcClientConfig(attempt.config);
		const exchange = client.authorizationCodeGrant(configuration, new URL(attempt.callback), { expectedState: flow.s, expectedNonce: flow.n });
		await expect(exchange).rejects.toBeInstanceOf(client.ResponseBodyError);
		await expect(exchange).rejects.toMatchObject({ error: 'invalid_grant' });
	});

	it('refuses an ID token whose nonce is not the one sent', async () => {
		accounts.set('lars-sub', { preferred_username: 'lars', roles: ['Regiomonitor.Beheerder'] });
		const attempt = withFlow(await startAndSignIn('lars-sub'), { n: client.randomNonce() });
		const error = await refusal(finish(attempt));
		expect([error.code, error.reden]).toEqual(['oidc_ongeldig', 'nonce']);
		expect(userRow('lars')).toBeUndefined();
	});

	it('refuses a callback without the flow cookie, or after ten minutes', async () => {
		accounts.set('mila-sub', { preferred_username: 'mila', roles: ['Regiomonitor.Lezer'] });
		const attempt = await startAndSignIn('mila-sub');
		const missing = await refusal(finish({ ...attempt, cookies: new AppCookies() }));
		expect([missing.code, missing.reden]).toEqual(['oidc_verlopen', 'cookie ontbreekt']);

		const late = await refusal(finishOidcLogin({ event: appEvent(attempt.callback, attempt.cookies), config: attempt.config, now: Date.now() + 601_000 }));
		expect([late.code, late.reden]).toEqual(['oidc_verlopen', 'verlopen']);

		const garbage = new AppCookies();
		garbage.set(OIDC_COOKIE, 'bm9nIGVlbnM', {});
		expect((await refusal(finish({ ...attempt, cookies: garbage }))).reden).toBe('cookie onleesbaar');
		expect(userRow('mila')).toBeUndefined();
	});

	it('shows a cancelled login at the provider as afgebroken', async () => {
		accounts.set('nina-sub', { preferred_username: 'nina', roles: ['Regiomonitor.Lezer'] });
		const attempt = await startAndSignIn('nina-sub', { abort: true });
		expect(new URL(attempt.callback).searchParams.get('error')).toBe('access_denied');
		const error = await refusal(finish(attempt));
		expect([error.code, error.reden]).toEqual(['oidc_afgebroken', 'provider:access_denied']);
	});

	it('says the provider is unreachable when discovery fails, and retries at the next login', async () => {
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise((resolve) => closed.close(resolve));
		const config = { ...oidcConfig(), issuer: `http://127.0.0.1:${port}` };
		const cookies = new AppCookies();
		const error = await refusal(beginOidcLogin({ event: appEvent(`${APP}/login/oidc?terug=/hkg`, cookies), config }));
		expect(error.code).toBe('oidc_onbereikbaar');
		expect(error.terug).toBe('/hkg');
		expect(OIDC_FOUTEN.oidc_onbereikbaar).toContain('niet bereikbaar');
		expect(cookies.get(OIDC_COOKIE)).toBeUndefined();
		// The failure is not cached; a reachable provider is discovered once and shared.
		await expect(oidcClientConfig(config)).rejects.toThrow();
		const good = oidcConfig();
		const first = oidcClientConfig(good);
		expect(oidcClientConfig(good)).toBe(first);
		expect((await first).serverMetadata().issuer).toBe(issuer);
	});

	it('logging out goes by the end_session_endpoint of the provider with the ID token of the login, unless switched off', async () => {
		accounts.set('uit-sub', { preferred_username: 'uit.logger', roles: ['Regiomonitor.Lezer'] });
		const { idToken } = await finish(await startAndSignIn('uit-sub'));
		expect(idToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
		const url = await providerLogoutUrl(oidcConfig(), idToken, new URL(`${APP}/beheer?x=1`));
		const endpoint = (await oidcClientConfig(oidcConfig())).serverMetadata().end_session_endpoint!;
		expect(`${url!.origin}${url!.pathname}`).toBe(endpoint);
		expect(Object.fromEntries(url!.searchParams)).toEqual({ id_token_hint: idToken, post_logout_redirect_uri: `${APP}/`, client_id: CLIENT_ID });
		// Only here: switched off, a session without ID token (password login), or a provider that cannot be reached.
		expect(await providerLogoutUrl(oidcConfig({ REGIO_OIDC_UITLOGGEN: 'lokaal' }), idToken, new URL(APP))).toBeNull();
		expect(await providerLogoutUrl(oidcConfig(), null, new URL(APP))).toBeNull();
		expect(await providerLogoutUrl({ ...oidcConfig(), issuer: 'http://127.0.0.1:9' }, idToken, new URL(APP))).toBeNull();
	});
});

describe('OIDC helpers', () => {
	it('accepts as return path only a path on this site', () => {
		expect(safeReturnPath('/capaciteit?peiljaar=2024#kaart')).toBe('/capaciteit?peiljaar=2024#kaart');
		expect(safeReturnPath('/beheer/aanleveren')).toBe('/beheer/aanleveren');
		for (const bad of [null, '', 'capaciteit', '//evil.example/', '/\\evil.example', 'https://evil.example/', '/\t/evil.example', 'javascript:alert(1)', '/login', '/login/oidc?terug=/x', '/login?fout=x']) {
			expect(safeReturnPath(bad), String(bad)).toBe('/');
		}
	});

	it('maps a role claim that is a string, an array or a nested path', () => {
		const config = oidcConfig({ REGIO_OIDC_ROL_CLAIM: 'realm_access.roles' });
		expect(rolFromClaims({ realm_access: { roles: ['Regiomonitor.Aanleverder'] } }, config)).toBe('aanleverder');
		expect(rolFromClaims({ realm_access: { roles: 'Regiomonitor.Beheerder' } }, config)).toBe('beheerder');
		expect(rolFromClaims({ realm_access: {} }, config)).toBeNull();
		const plain = oidcConfig();
		expect(rolFromClaims({ roles: ' Regiomonitor.Lezer ' }, plain)).toBe('lezer');
		expect(rolFromClaims({ roles: [42, { x: 1 }, 'Data.Steward'] }, plain)).toBe('aanleverder');
		// Exact values: Entra app role values and group ids are case-sensitive.
		expect(rolFromClaims({ roles: ['regiomonitor.beheerder'] }, plain)).toBeNull();
		expect(rolFromClaims({ roles: ['regiomonitor.beheerder'] }, oidcConfig({ REGIO_OIDC_STANDAARD_ROL: 'lezer' }))).toBe('lezer');
	});

	it('makes a usable name of what the provider sends', () => {
		expect(nameFromClaims({ sub: 's', preferred_username: '  Anna\u0000  de\tVries ' }, 'preferred_username')).toBe('Anna de Vries');
		expect(nameFromClaims({ sub: 's', preferred_username: 'x'.repeat(200) }, 'preferred_username')).toHaveLength(55);
		expect(nameFromClaims({ sub: 'abc', preferred_username: 'a' }, 'preferred_username')).toBe('abc');
		expect(nameFromClaims({ sub: 'q' }, 'preferred_username')).toBe('sso-q');
	});

	it('gives the login page the Dutch text of a code, and nothing for other values', () => {
		expect(oidcFoutMelding('oidc_verlopen')).toBe(OIDC_FOUTEN.oidc_verlopen);
		for (const other of [null, undefined, '', 'toString', '__proto__', 'onbekend']) expect(oidcFoutMelding(other), String(other)).toBeNull();
	});

	it('gives the login page its button, keeping the return path', () => {
		expect(oidcLoginLink(null)).toBeNull();
		expect(oidcLoginLink(oidcConfig(), '/hkg?ronde=2')).toEqual({ label: 'Inloggen via Testgemeente', href: '/login/oidc?terug=%2Fhkg%3Fronde%3D2' });
		expect(oidcLoginLink(oidcConfig(), '//evil.example')).toEqual({ label: 'Inloggen via Testgemeente', href: '/login/oidc' });
	});
});
