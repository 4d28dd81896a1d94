/**
 * An app of its own for the intake tests: a copy of the example exports, a store ingested from
 * them, an empty app directory (accounts, audit log, deliveries) and users made with the real
 * CLI (`npm run users`), so publishing in these tests never changes the shared app's data.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runIngest } from '../../src/lib/server/ingest';
import { tempPaths, treeHash } from '../helpers/exports-dir';
import { childEnv, ROOT, startApp, type RunningApp } from './server';

export const EXAMPLE_EXPORTS = join(ROOT, 'data', 'exports');
export const WACHTWOORD = 'correct paard batterij nietje';

export interface AppState {
	/** Rows per table of the app database. */
	rows: Record<string, number>;
	/** Staging directories of deliveries. */
	staging: number;
	/** Tree hashes of the store and the exports, and the pointer file's text. */
	store: string;
	exports: string;
	pointer: string;
}

export interface IntakeApp {
	app: RunningApp;
	paths: ReturnType<typeof tempPaths> & { app: string };
	/** Runs `npm run users -- <args>` on this app's directory; stdout. */
	users(args: string[], input?: string): string;
	/** A session cookie ("regio_sessie=…") of a user logged in through the login form. */
	login(naam: string, wachtwoord?: string): Promise<string>;
	/** What a refused request must leave alone: store, exports, staging, and the app database's rows. */
	state(): AppState;
	stop(): Promise<void>;
}

export async function startIntakeApp({ env = {} }: { env?: Record<string, string> } = {}): Promise<IntakeApp> {
	const base = tempPaths(EXAMPLE_EXPORTS);
	const paths = { ...base, app: join(base.root, 'app') };
	mkdirSync(paths.app, { recursive: true });
	const report = await runIngest({ paths, force: true });
	if (!report.ok) throw new Error(`ingest of the example exports failed: ${report.errors.slice(0, 3).map((e) => e.melding).join('; ')}`);
	const app = await startApp(paths, { env });

	const users = (args: string[], input?: string) => {
		const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'users.ts'), ...args], {
			cwd: ROOT,
			input,
			encoding: 'utf8',
			env: childEnv({ REGIO_APP_DIR: paths.app })
		});
		if (result.status !== 0) throw new Error(`users ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}`);
		return result.stdout;
	};

	const login = async (naam: string, wachtwoord = WACHTWOORD) => {
		const response = await fetch(new URL('/login', app.baseURL), {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: app.baseURL, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ naam, wachtwoord })
		});
		const cookie = response.headers.getSetCookie().find((c) => c.startsWith('regio_sessie='));
		if (!cookie) throw new Error(`login of ${naam} gave no session cookie (status ${response.status})`);
		return cookie.split(';')[0];
	};

	const state = () => {
		const db = new Database(join(paths.app, 'regiomonitor.sqlite'), { readonly: true, fileMustExist: true });
		try {
			const rows = Object.fromEntries(
				['gebruikers', 'sessies', 'tokens', 'audit', 'aanleveringen'].map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n])
			);
			const staging = join(paths.app, 'aanleveringen');
			return {
				rows,
				staging: existsSync(staging) ? readdirSync(staging).length : 0,
				store: treeHash(paths.store),
				exports: treeHash(paths.exports),
				pointer: readFileSync(join(paths.store, 'current.json'), 'utf8')
			};
		} finally {
			db.close();
		}
	};

	return {
		app,
		paths,
		users,
		login,
		state,
		async stop() {
			await app.stop();
			paths.cleanup();
		}
	};
}
