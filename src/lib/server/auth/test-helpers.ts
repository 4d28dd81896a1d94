/** Test support: a temporary app database and request events with a working cookie jar. */
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeAppDb, useAppDb } from '../app/db';

/** Opens a fresh app database in a temporary directory; call the result to close and remove it. */
export function tempAppDb(): { dir: string; cleanup: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'regiomonitor-auth-'));
	useAppDb(dir);
	return {
		dir,
		cleanup: () => {
			closeAppDb();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

export interface CookieJar {
	/** Cookies the browser holds (name → value). */
	values: Map<string, string>;
	/** Options of the last set or delete per name. */
	options: Map<string, Record<string, unknown>>;
}

/**
 * A RequestEvent as far as the auth modules use it: URL, request headers, locals, the client
 * address and cookies that behave like a browser's (set and delete change what later events
 * with the same jar see).
 */
export function testEvent({
	path = '/',
	method = 'GET',
	headers = {},
	jar = { values: new Map(), options: new Map() },
	origin = 'http://127.0.0.1:3000',
	adres = '10.0.0.1',
	isDataRequest = false
}: {
	path?: string;
	method?: string;
	headers?: Record<string, string>;
	jar?: CookieJar;
	origin?: string;
	adres?: string;
	isDataRequest?: boolean;
} = {}): RequestEvent & { jar: CookieJar } {
	const url = new URL(path, origin);
	const cookies: Cookies = {
		get: (name) => jar.values.get(name),
		getAll: () => [...jar.values].map(([name, value]) => ({ name, value })),
		set: (name, value, options) => {
			jar.values.set(name, value);
			jar.options.set(name, { ...options });
		},
		delete: (name, options) => {
			jar.values.delete(name);
			jar.options.set(name, { ...options, deleted: true });
		},
		serialize: (name, value) => `${name}=${value}`
	};
	const event = {
		url,
		request: new Request(url, { method, headers }),
		locals: { gebruiker: null, via: null },
		cookies,
		getClientAddress: () => adres,
		isDataRequest,
		jar
	};
	return event as unknown as RequestEvent & { jar: CookieJar };
}
