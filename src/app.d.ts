// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Gebruiker } from '$lib/auth/roles';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** The signed-in user (session cookie or API token), or null. Set by hooks.server.ts. */
			gebruiker: Gebruiker | null;
			/** How the user was recognised: a session cookie, an API token, or not at all. */
			via: 'sessie' | 'token' | null;
		}
	}
}

export {};
