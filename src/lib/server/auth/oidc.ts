/**
 * Single sign-on with the municipality's own identity provider (OpenID Connect, e.g. Microsoft
 * Entra ID), with openid-client: the authorisation code flow with PKCE (S256), state and nonce.
 *
 * - /login/oidc calls `beginOidcLogin`: it discovers the provider (once per process), keeps the
 *   flow's secrets in a short-lived HttpOnly cookie and answers the provider's authorisation URL.
 * - /login/oidc/terug calls `finishOidcLogin`: it checks the cookie and state, lets openid-client
 *   check PKCE (at the provider), issuer, audience, signature and nonce of the ID token, reads the
 *   claims (the ID token, plus userinfo when the role or name claim is not in it), maps the role
 *   claim to a role and upserts the user by (issuer, subject). The route then starts the session.
 *
 * Failures never show a stack trace: they are an `OidcLoginError` with a code of OIDC_FOUTEN
 * (the Dutch text the login page shows) and a more precise `reden` for the audit log.
 */
import type { Cookies } from '@sveltejs/kit';
import { timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import { z } from 'zod';
import { ROLLEN, type Gebruiker, type Rol } from '../../auth/roles';
import { appDb } from '../app/db';
import { audit } from '../app/audit';
import type { OidcConfig } from './config';
import { veiligTerug } from './guard';
import { MAX_NAAM_LENGTE, MIN_NAAM_LENGTE } from './users';

/** The cookie that carries code_verifier, state, nonce and terug between start and callback. */
export const OIDC_COOKIE = 'regio_oidc';
/** The cookie is sent only to the start and callback routes. */
export const OIDC_COOKIE_PATH = '/login/oidc';
/** How long a started login may take at the provider (seconds). */
export const OIDC_FLOW_SECONDS = 600;
/** The callback's path; the redirect URI to register at the provider is this on the site's origin. */
export const OIDC_CALLBACK_PATH = '/login/oidc/terug';

/**
 * What the login page shows for `/login?fout=<code>` after a failed single sign-on, in Dutch.
 * Never says more than the user can act on; the precise reason goes to the audit log.
 */
export const OIDC_FOUTEN = {
	oidc_afgebroken:
		'Inloggen bij de inlogdienst van uw organisatie is afgebroken of geweigerd. Probeer het opnieuw; lukt het niet, vraag dan uw eigen ICT-afdeling om toegang tot de Regiomonitor.',
	oidc_verlopen:
		'De inlogpoging is verlopen of in een ander venster begonnen. Probeer het opnieuw.',
	oidc_ongeldig:
		'Het antwoord van de inlogdienst kon niet worden gecontroleerd, dus u bent niet ingelogd. Probeer het opnieuw; blijft het misgaan, meld het dan bij de beheerder van de Regiomonitor.',
	oidc_geen_rol:
		'Uw account bij de inlogdienst van uw organisatie heeft geen rol in de Regiomonitor. Vraag uw beheerder om u de rol lezer, aanleverder of beheerder te geven.',
	oidc_onbereikbaar:
		'De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het over een paar minuten opnieuw, of log in met een account van de Regiomonitor zelf.'
} as const satisfies Record<string, string>;
export type OidcFoutCode = keyof typeof OIDC_FOUTEN;

/** The Dutch text for `?fout=<code>` when it is one of single sign-on's codes, else null. */
export function oidcFoutMelding(code: string | null | undefined): string | null {
	return code != null && Object.hasOwn(OIDC_FOUTEN, code) ? OIDC_FOUTEN[code as OidcFoutCode] : null;
}

/** A refused single sign-on: `code` for the user (OIDC_FOUTEN), `reden` for the audit log. */
export class OidcLoginError extends Error {
	constructor(
		readonly code: OidcFoutCode,
		readonly reden: string,
		/** Where the user wanted to go, when known (so the login page can send them there after all). */
		readonly terug: string | null = null,
		options?: { cause?: unknown }
	) {
		super(`${OIDC_FOUTEN[code]} (${reden})`, options);
		this.name = 'OidcLoginError';
	}
}

/** What a route needs of its RequestEvent. */
export interface OidcEvent {
	url: URL;
	cookies: Pick<Cookies, 'get' | 'set' | 'delete'>;
}

// --- Discovery -------------------------------------------------------------------------------

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
/** Seconds for each request to the provider: a hanging provider must not hang the login. */
const PROVIDER_TIMEOUT_S = 10;

const discovered = new Map<string, Promise<client.Configuration>>();

/**
 * The provider's configuration, discovered once per process and settings (the promise is cached,
 * so concurrent logins share one discovery; a failed discovery is forgotten and retried by the
 * next login). Plain http is allowed only for a provider on loopback (tests, a local provider).
 */
export function oidcClientConfig(config: OidcConfig): Promise<client.Configuration> {
	const key = JSON.stringify([config.issuer, config.clientId, config.clientSecret]);
	let pending = discovered.get(key);
	if (!pending) {
		const issuer = new URL(config.issuer);
		const insecureLoopback = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
		pending = client.discovery(
			issuer,
			config.clientId,
			config.clientSecret ?? undefined,
			config.clientSecret ? undefined : client.None(),
			{ timeout: PROVIDER_TIMEOUT_S, ...(insecureLoopback && { execute: [client.allowInsecureRequests] }) }
		);
		discovered.set(key, pending);
		pending.catch(() => {
			if (discovered.get(key) === pending) discovered.delete(key);
		});
	}
	return pending;
}

/** Forget discovered providers (tests that restart their provider). */
export function resetOidcDiscovery(): void {
	discovered.clear();
}

async function discover(config: OidcConfig, terug: string | null): Promise<client.Configuration> {
	try {
		return await oidcClientConfig(config);
	} catch (error) {
		console.error(`[${new Date().toISOString()}] OIDC: discovery van ${config.issuer} mislukt:`, error instanceof Error ? error.message : error);
		throw new OidcLoginError('oidc_onbereikbaar', `discovery: ${describe(error)}`, terug, { cause: error });
	}
}

// --- Return path -----------------------------------------------------------------------------

/**
 * The page to return to after login: a path on this site as the password login accepts it
 * (veiligTerug), but never the login routes themselves; anything else is '/'.
 */
export function safeReturnPath(value: string | null | undefined): string {
	const pad = veiligTerug(value);
	const pathname = pad.split(/[?#]/, 1)[0];
	return pathname === '/login' || pathname.startsWith('/login/') ? '/' : pad;
}

// --- The flow cookie -------------------------------------------------------------------------

const flowSchema = z.object({
	/** PKCE code_verifier */
	v: z.string().min(43).max(128),
	/** state */
	s: z.string().min(16).max(200),
	/** nonce */
	n: z.string().min(16).max(200),
	/** the return path */
	t: z.string().max(2000),
	/** expiry, ms since the epoch (the browser's Max-Age is not trusted alone) */
	e: z.number()
});
export type OidcFlow = z.infer<typeof flowSchema>;

export function encodeFlow(flow: OidcFlow): string {
	return Buffer.from(JSON.stringify(flow)).toString('base64url');
}

function decodeFlow(value: string): OidcFlow | null {
	try {
		const parsed = flowSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

function cookieOptions(url: URL) {
	return { path: OIDC_COOKIE_PATH, httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:', maxAge: OIDC_FLOW_SECONDS };
}

/** The redirect URI of this site (register it at the provider). */
export function redirectUri(url: URL): string {
	return `${url.origin}${OIDC_CALLBACK_PATH}`;
}

// --- Start -----------------------------------------------------------------------------------

/**
 * Starts a login at the provider: sets the flow cookie and answers the authorisation URL to
 * redirect to. `?terug=` on the request is where to return afterwards (see safeReturnPath).
 * Throws OidcLoginError('oidc_onbereikbaar') when the provider cannot be discovered.
 */
export async function beginOidcLogin({ event, config, now = Date.now() }: { event: OidcEvent; config: OidcConfig; now?: number }): Promise<URL> {
	const terug = safeReturnPath(event.url.searchParams.get('terug'));
	const configuration = await discover(config, terug);
	const flow: OidcFlow = { v: client.randomPKCECodeVerifier(), s: client.randomState(), n: client.randomNonce(), t: terug, e: now + OIDC_FLOW_SECONDS * 1000 };
	event.cookies.set(OIDC_COOKIE, encodeFlow(flow), cookieOptions(event.url));
	return client.buildAuthorizationUrl(configuration, {
		redirect_uri: redirectUri(event.url),
		scope: config.scope,
		code_challenge: await client.calculatePKCECodeChallenge(flow.v),
		code_challenge_method: 'S256',
		state: flow.s,
		nonce: flow.n
	});
}

// --- Claims → role and name ------------------------------------------------------------------

type Claims = Record<string, unknown>;

/** A claim by name, or by a dotted path into nested objects (Keycloak's `realm_access.roles`). */
function claimValue(claims: Claims, name: string): unknown {
	if (name in claims) return claims[name];
	let value: unknown = claims;
	for (const part of name.split('.')) {
		if (value === null || typeof value !== 'object' || !(part in value)) return undefined;
		value = (value as Claims)[part];
	}
	return value;
}

/** The claim's values as strings: a string is one value, an array its string members. */
function claimStrings(value: unknown): string[] {
	if (typeof value === 'string') return [value.trim()].filter(Boolean);
	if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean);
	return [];
}

/**
 * The highest role whose configured values occur in the role claim (exact, case-sensitive:
 * Entra app role values and group ids are), else `standaardRol` (null: refuse the user).
 */
export function rolFromClaims(claims: Claims, config: Pick<OidcConfig, 'rolClaim' | 'rollen' | 'standaardRol'>): Rol | null {
	const values = new Set(claimStrings(claimValue(claims, config.rolClaim)));
	for (const rol of [...ROLLEN].reverse()) {
		if (config.rollen[rol].some((v) => values.has(v))) return rol;
	}
	return config.standaardRol;
}

/** Room left in a name for the suffix that makes it unique (" (SSO 99)"). */
const SUFFIX_RUIMTE = 9;

/** A provider's value as a name under the rules of local names (users.ts), or null. */
function cleanName(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const naam = [...value.replace(/[\p{Cc}\p{Cf}]/gu, ' ').replace(/\s+/g, ' ').trim()].slice(0, MAX_NAAM_LENGTE - SUFFIX_RUIMTE).join('').trim();
	return [...naam].length >= MIN_NAAM_LENGTE ? naam : null;
}

/** The user's name in the Regiomonitor: the naamClaim, else email, else the subject. */
export function nameFromClaims(claims: Claims, naamClaim: string): string {
	return cleanName(claimValue(claims, naamClaim)) ?? cleanName(claims.email) ?? cleanName(claims.sub) ?? cleanName(`sso-${String(claims.sub)}`) ?? 'sso-gebruiker';
}

// --- Users -----------------------------------------------------------------------------------

const SSO_SUFFIX = /^ \(SSO(?: \d+)?\)$/i;

/** Whether `naam` is `gewenst` itself or one of the names made unique from it. */
function isNameFor(naam: string, gewenst: string): boolean {
	if (naam.toLowerCase() === gewenst.toLowerCase()) return true;
	return naam.toLowerCase().startsWith(gewenst.toLowerCase()) && SSO_SUFFIX.test(naam.slice(gewenst.length));
}

/**
 * `gewenst`, or when another account (a local one, or another provider's user) has that name,
 * "gewenst (SSO)", "gewenst (SSO 2)", …: a single sign-on never takes over an existing account.
 */
function freeName(gewenst: string, ownId: number | null): string {
	const taken = appDb().prepare<[string], { id: number }>('SELECT id FROM gebruikers WHERE naam = ?');
	for (let i = 1; ; i++) {
		const naam = i === 1 ? gewenst : i === 2 ? `${gewenst} (SSO)` : `${gewenst} (SSO ${i - 1})`;
		const row = taken.get(naam);
		if (!row || row.id === ownId) return naam;
	}
}

interface OidcGebruikerRow {
	id: number;
	naam: string;
	rol: Rol;
}

/**
 * Creates or updates the account of a provider's user, found by (issuer, subject), never by
 * name: the role is refreshed at every login, the name follows the provider's when that changes.
 * One immediate transaction, so two logins at once of the same person make one account.
 */
export function upsertOidcUser({ issuer, subject, naam, rol, now = new Date() }: { issuer: string; subject: string; naam: string; rol: Rol; now?: Date }): Gebruiker {
	const db = appDb();
	const tijd = now.toISOString();
	const result = db
		.transaction(() => {
			const existing = db
				.prepare<[string, string], OidcGebruikerRow>('SELECT id, naam, rol FROM gebruikers WHERE oidc_issuer = ? AND oidc_subject = ?')
				.get(issuer, subject);
			if (existing) {
				const nieuweNaam = isNameFor(existing.naam, naam) ? existing.naam : freeName(naam, existing.id);
				db.prepare('UPDATE gebruikers SET naam = ?, rol = ?, laatst_ingelogd = ? WHERE id = ?').run(nieuweNaam, rol, tijd, existing.id);
				return { gebruiker: { id: existing.id, naam: nieuweNaam, rol, bron: 'oidc' as const }, vorigeRol: existing.rol, nieuw: false };
			}
			const vrij = freeName(naam, null);
			const { lastInsertRowid } = db
				.prepare(
					"INSERT INTO gebruikers (naam, rol, wachtwoord_hash, bron, oidc_issuer, oidc_subject, aangemaakt, laatst_ingelogd) VALUES (?, ?, NULL, 'oidc', ?, ?, ?, ?)"
				)
				.run(vrij, rol, issuer, subject, tijd, tijd);
			return { gebruiker: { id: Number(lastInsertRowid), naam: vrij, rol, bron: 'oidc' as const }, vorigeRol: null, nieuw: true };
		})
		.immediate();
	const { gebruiker, vorigeRol, nieuw } = result;
	if (nieuw) {
		audit({ gebruiker: gebruiker.naam, actie: 'gebruiker_toegevoegd', details: { via: 'oidc', naam: gebruiker.naam, rol, issuer } }, now);
	} else if (vorigeRol !== rol) {
		audit({ gebruiker: gebruiker.naam, actie: 'rol_gewijzigd', details: { via: 'oidc', naam: gebruiker.naam, van: vorigeRol, naar: rol } }, now);
	}
	return gebruiker;
}

// --- Callback --------------------------------------------------------------------------------

function describe(error: unknown): string {
	if (error instanceof client.ResponseBodyError) return `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`;
	if (error instanceof Error) {
		const code = (error as { code?: unknown }).code;
		return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
	}
	return String(error);
}

/** No answer from the provider at all (refused, DNS, timeout), as opposed to an answer we refuse. */
function isUnreachable(error: unknown): boolean {
	if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return true;
	return error instanceof TypeError && /fetch failed/i.test(error.message);
}

/** Why openid-client refused the response, for the audit log ('nonce', 'token:invalid_grant', …). */
function refusalReason(error: unknown): string {
	if (error instanceof client.ResponseBodyError) return `token:${error.error}`;
	if (error instanceof client.AuthorizationResponseError) return `provider:${error.error}`;
	const cause = (error as { cause?: { cause?: { claim?: unknown } } })?.cause?.cause;
	if (typeof cause?.claim === 'string') return cause.claim;
	return describe(error);
}

function sameSecret(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

export interface OidcLoginResult {
	gebruiker: Gebruiker;
	/** The checked return path. */
	terug: string;
	/** The provider's ID token, kept with the session as the hint for logging out there. */
	idToken: string | null;
}

/**
 * Completes a login at the callback: always deletes the flow cookie, then checks it, the
 * provider's answer, the tokens and the role; upserts the user. Every refusal is audited
 * ('inloggen_mislukt', via 'oidc', with the reason) and thrown as OidcLoginError.
 */
export async function finishOidcLogin({
	event,
	config,
	adres = null,
	now = Date.now()
}: {
	event: OidcEvent;
	config: OidcConfig;
	/** The client's address for the audit log. */
	adres?: string | null;
	now?: number;
}): Promise<OidcLoginResult> {
	let naam: string | null = null;
	let terug: string | null = null;
	const refuse = (code: OidcFoutCode, reden: string, cause?: unknown): never => {
		audit({ gebruiker: naam, actie: 'inloggen_mislukt', adres, details: { via: 'oidc', reden } }, new Date(now));
		throw new OidcLoginError(code, reden, terug, { cause });
	};

	const raw = event.cookies.get(OIDC_COOKIE);
	event.cookies.delete(OIDC_COOKIE, { path: OIDC_COOKIE_PATH, secure: event.url.protocol === 'https:' });
	if (!raw) return refuse('oidc_verlopen', 'cookie ontbreekt');
	const flow = decodeFlow(raw);
	if (!flow) return refuse('oidc_verlopen', 'cookie onleesbaar');
	terug = safeReturnPath(flow.t);
	if (flow.e < now) return refuse('oidc_verlopen', 'verlopen');

	const params = event.url.searchParams;
	const providerError = params.get('error');
	if (providerError) return refuse('oidc_afgebroken', `provider:${providerError.slice(0, 100)}`);
	const state = params.get('state');
	if (!state || !sameSecret(state, flow.s)) return refuse('oidc_ongeldig', 'state');
	if (!params.get('code')) return refuse('oidc_ongeldig', 'code ontbreekt');

	let configuration: client.Configuration;
	try {
		configuration = await discover(config, terug);
	} catch (error) {
		return refuse('oidc_onbereikbaar', error instanceof OidcLoginError ? error.reden : describe(error), error);
	}

	// The redirect URI sent to the token endpoint is this URL without its query: the same as at the start.
	const callbackUrl = new URL(redirectUri(event.url));
	callbackUrl.search = event.url.search;
	let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
	try {
		tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
			pkceCodeVerifier: flow.v,
			expectedState: flow.s,
			expectedNonce: flow.n,
			idTokenExpected: true
		});
	} catch (error) {
		if (isUnreachable(error)) return refuse('oidc_onbereikbaar', `token: ${describe(error)}`, error);
		return refuse('oidc_ongeldig', refusalReason(error), error);
	}

	const idClaims = tokens.claims();
	if (!idClaims) return refuse('oidc_ongeldig', 'geen ID-token');
	let claims: Claims = { ...idClaims };
	// Providers that keep the ID token small (and oidc-provider by default) give profile claims only at userinfo.
	const needsUserinfo = claimValue(claims, config.rolClaim) === undefined || claimValue(claims, config.naamClaim) === undefined;
	if (needsUserinfo && tokens.access_token && configuration.serverMetadata().userinfo_endpoint) {
		try {
			const userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
			// The ID token's (signed) claims win; userinfo only adds what it lacks (its sub is checked equal).
			claims = { ...userinfo, ...claims };
		} catch (error) {
			if (isUnreachable(error)) return refuse('oidc_onbereikbaar', `userinfo: ${describe(error)}`, error);
			return refuse('oidc_ongeldig', `userinfo: ${refusalReason(error)}`, error);
		}
	}

	naam = nameFromClaims(claims, config.naamClaim);
	const rol = rolFromClaims(claims, config);
	if (!rol) return refuse('oidc_geen_rol', 'geen rol');
	const gebruiker = upsertOidcUser({ issuer: idClaims.iss, subject: idClaims.sub, naam, rol, now: new Date(now) });
	return { gebruiker, terug, idToken: tokens.id_token ?? null };
}

/**
 * Where to send the browser after a local logout of a single sign-on session: the provider's
 * end_session_endpoint with the session's ID token as hint and the site's home page to come back
 * to (OpenID Connect RP-Initiated Logout), so the next "Inloggen via …" asks for the password
 * again. Null (log out here only) when switched off, without an ID token, when the provider
 * offers no such endpoint, or when it cannot be reached: the local session has ended anyway.
 */
export async function providerLogoutUrl(config: OidcConfig, idToken: string | null, siteUrl: URL): Promise<URL | null> {
	if (config.uitloggen !== 'provider' || !idToken) return null;
	try {
		const configuration = await oidcClientConfig(config);
		if (!configuration.serverMetadata().end_session_endpoint) return null;
		return client.buildEndSessionUrl(configuration, { id_token_hint: idToken, post_logout_redirect_uri: new URL('/', siteUrl).href, client_id: config.clientId });
	} catch {
		return null;
	}
}

/** For the login page: the button's text and address, or null when single sign-on is off. */
export function oidcLoginLink(config: OidcConfig | null, terug?: string | null): { label: string; href: string } | null {
	if (!config) return null;
	const pad = safeReturnPath(terug);
	return { label: `Inloggen via ${config.label}`, href: pad === '/' ? OIDC_COOKIE_PATH : `${OIDC_COOKIE_PATH}?terug=${encodeURIComponent(pad)}` };
}

/** Where a refused login goes: the login page with the Dutch message's code, keeping the return path. */
export function loginErrorPath(error: OidcLoginError): string {
	const query = new URLSearchParams({ fout: error.code });
	if (error.terug && error.terug !== '/') query.set('terug', error.terug);
	return `/login?${query}`;
}

/** A 303 to `location` that no cache keeps (each start has its own state). */
export function seeOther(location: string): Response {
	return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}
