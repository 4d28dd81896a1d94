/**
 * Access settings from the environment, validated once with Dutch messages:
 * - REGIO_TOEGANG: `open` (default: anyone may view, as `npm install && npm start` promises)
 *   or `login` (every page, download, deck, notebook and API call needs a session or a token);
 * - REGIO_SESSIE_INACTIEF_MIN (default 60) and REGIO_SESSIE_MAX_UUR (default 12): idle timeout
 *   and absolute lifetime of a session;
 * - REGIO_OIDC_*: single sign-on with the municipality's identity provider (OpenID Connect),
 *   enabled when REGIO_OIDC_ISSUER is set.
 */
import { z } from 'zod';
import { ROLLEN, type Rol } from '../../auth/roles';

export interface OidcConfig {
	/** The provider's issuer URL (discovery at <issuer>/.well-known/openid-configuration). */
	issuer: string;
	clientId: string;
	/** Null for a public client (PKCE only). */
	clientSecret: string | null;
	/** The ID token / userinfo claim whose value(s) give the role, e.g. `roles` (Entra ID) or `groups`. */
	rolClaim: string;
	/** Claim values that give each role; the highest matching role wins. */
	rollen: Record<Rol, string[]>;
	/** Role for users without a matching claim value; null refuses them. */
	standaardRol: Rol | null;
	/** The claim used as the user's name in the Regiomonitor. */
	naamClaim: string;
	/** How the login button names the provider ("Inloggen via <label>"). */
	label: string;
	/** Scopes asked for. */
	scope: string;
	/** `provider`: logging out also ends the session at the provider when it offers that (RP-initiated logout); `lokaal`: only here. */
	uitloggen: 'provider' | 'lokaal';
}

export interface AuthConfig {
	toegang: 'open' | 'login';
	sessieInactiefMs: number;
	sessieMaxMs: number;
	oidc: OidcConfig | null;
}

export class AuthConfigError extends Error {}

const list = (value: string | undefined): string[] =>
	(value ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);

const positive = (name: string, fallback: number) =>
	z
		.string()
		.optional()
		.transform((v, ctx) => {
			if (v === undefined || v.trim() === '') return fallback;
			const n = Number(v.replace(',', '.'));
			if (!Number.isFinite(n) || n <= 0) {
				ctx.addIssue({ code: 'custom', message: `${name} moet een positief getal zijn, niet '${v}'` });
				return z.NEVER;
			}
			return n;
		});

const envSchema = z.object({
	REGIO_TOEGANG: z
		.string()
		.optional()
		.transform((v) => (v ?? 'open').trim().toLowerCase())
		.pipe(z.enum(['open', 'login'], { message: "REGIO_TOEGANG moet 'open' of 'login' zijn" })),
	REGIO_SESSIE_INACTIEF_MIN: positive('REGIO_SESSIE_INACTIEF_MIN', 60),
	REGIO_SESSIE_MAX_UUR: positive('REGIO_SESSIE_MAX_UUR', 12),
	REGIO_OIDC_ISSUER: z.string().url({ message: 'REGIO_OIDC_ISSUER moet een URL zijn, zoals https://login.microsoftonline.com/<tenant>/v2.0' }).optional(),
	REGIO_OIDC_CLIENT_ID: z.string().optional(),
	REGIO_OIDC_CLIENT_SECRET: z.string().optional(),
	REGIO_OIDC_ROL_CLAIM: z.string().optional(),
	REGIO_OIDC_ROL_LEZER: z.string().optional(),
	REGIO_OIDC_ROL_AANLEVERDER: z.string().optional(),
	REGIO_OIDC_ROL_BEHEERDER: z.string().optional(),
	REGIO_OIDC_STANDAARD_ROL: z.enum(ROLLEN, { message: 'REGIO_OIDC_STANDAARD_ROL moet lezer, aanleverder of beheerder zijn' }).optional(),
	REGIO_OIDC_NAAM_CLAIM: z.string().optional(),
	REGIO_OIDC_LABEL: z.string().optional(),
	REGIO_OIDC_SCOPE: z.string().optional(),
	REGIO_OIDC_UITLOGGEN: z.enum(['provider', 'lokaal'], { message: 'REGIO_OIDC_UITLOGGEN moet provider of lokaal zijn' }).optional()
});

/** Parse the access settings; throws AuthConfigError with every problem in Dutch. */
export function parseAuthConfig(env: Record<string, string | undefined> = process.env): AuthConfig {
	const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
	const cleaned = Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('REGIO_')).map(([k, v]) => [k, blank(v)]));
	const parsed = envSchema.safeParse(cleaned);
	if (!parsed.success) throw new AuthConfigError(`Ongeldige instelling: ${parsed.error.issues.map((i) => i.message).join('; ')}.`);
	const e = parsed.data;
	let oidc: OidcConfig | null = null;
	if (e.REGIO_OIDC_ISSUER) {
		if (!e.REGIO_OIDC_CLIENT_ID) throw new AuthConfigError('Ongeldige instelling: REGIO_OIDC_ISSUER is gezet maar REGIO_OIDC_CLIENT_ID ontbreekt.');
		oidc = {
			issuer: e.REGIO_OIDC_ISSUER,
			clientId: e.REGIO_OIDC_CLIENT_ID,
			clientSecret: e.REGIO_OIDC_CLIENT_SECRET ?? null,
			rolClaim: e.REGIO_OIDC_ROL_CLAIM ?? 'roles',
			rollen: { lezer: list(e.REGIO_OIDC_ROL_LEZER), aanleverder: list(e.REGIO_OIDC_ROL_AANLEVERDER), beheerder: list(e.REGIO_OIDC_ROL_BEHEERDER) },
			standaardRol: e.REGIO_OIDC_STANDAARD_ROL ?? null,
			naamClaim: e.REGIO_OIDC_NAAM_CLAIM ?? 'preferred_username',
			label: e.REGIO_OIDC_LABEL ?? 'uw organisatie',
			scope: e.REGIO_OIDC_SCOPE ?? 'openid profile email',
			uitloggen: e.REGIO_OIDC_UITLOGGEN ?? 'provider'
		};
	}
	return {
		toegang: e.REGIO_TOEGANG,
		sessieInactiefMs: e.REGIO_SESSIE_INACTIEF_MIN * 60_000,
		sessieMaxMs: e.REGIO_SESSIE_MAX_UUR * 3_600_000,
		oidc
	};
}

let cached: AuthConfig | undefined;
/** The server's settings, parsed once per process. */
export function authConfig(): AuthConfig {
	return (cached ??= parseAuthConfig());
}
/** Forget the parsed settings (tests that change the environment). */
export function resetAuthConfig(): void {
	cached = undefined;
}
