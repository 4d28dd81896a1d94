/** Start and stop the built app (`node build/index.js`) for browser tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface AppPaths {
	store: string;
	exports: string;
	reports: string;
	/** REGIO_APP_DIR (accounts, sessions, audit log, deliveries); without it the app gets a temporary one of its own. */
	app?: string;
}

export interface StartOptions {
	timeoutMs?: number;
	/** Extra environment variables for the app (REGIO_TOEGANG=login, ADDRESS_HEADER, …). */
	env?: Record<string, string>;
}

export interface RunningApp {
	baseURL: string;
	/** The app directory the server uses (paths.app, or the temporary one made for it). */
	appDir: string;
	/** Everything the server printed so far. */
	log(): string;
	stop(): Promise<void>;
}

/** Environment for child processes without vitest's own variables (NODE_ENV=test, VITEST=…) that would change the build or the app. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (key === 'NODE_ENV' || key.startsWith('VITEST') || key === 'TEST') continue;
		env[key] = value;
	}
	return { ...env, ...extra };
}

export function freePort(): Promise<number> {
	return new Promise((resolvePromise, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolvePromise(port));
		});
	});
}

async function waitUntilListening(baseURL: string, server: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`The app exited with code ${server.exitCode} before it answered:\n${log()}`);
		try {
			// Any answer counts (a store-less app answers 503); only a refused connection means "not yet".
			const response = await fetch(`${baseURL}/api/health`);
			await response.arrayBuffer();
			return;
		} catch {
			await new Promise((r) => setTimeout(r, 200));
		}
	}
	throw new Error(`The app did not answer /api/health within ${timeoutMs / 1000} s:\n${log()}`);
}

/** Start the built app on a free port serving the given store; resolves once it answers HTTP. */
export async function startApp(paths: AppPaths, { timeoutMs = 30_000, env = {} }: StartOptions = {}): Promise<RunningApp> {
	const port = await freePort();
	const baseURL = `http://127.0.0.1:${port}`;
	// Never the developer's data/app: every app under test has its own accounts and sessions.
	const ownAppDir = paths.app ? undefined : mkdtempSync(join(tmpdir(), 'regiomonitor-e2e-app-'));
	const appDir = paths.app ?? ownAppDir!;
	const server = spawn(process.execPath, [join(ROOT, 'build', 'index.js')], {
		cwd: ROOT,
		env: childEnv({
			NODE_ENV: 'production',
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: baseURL,
			REGIO_STORE_DIR: paths.store,
			REGIO_EXPORTS_DIR: paths.exports,
			REGIO_REPORTS_DIR: paths.reports,
			REGIO_APP_DIR: appDir,
			// As npm start: uploads stream with the intake's own limits (src/lib/server/body-limit.ts).
			BODY_SIZE_LIMIT: 'Infinity',
			...env
		}),
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	server.stdout?.on('data', (chunk) => (output += chunk));
	server.stderr?.on('data', (chunk) => (output += chunk));
	const log = () => output;

	const stop = async () => {
		if (server.exitCode === null && server.signalCode === null) {
			const exited = new Promise((r) => server.once('exit', r));
			server.kill('SIGTERM');
			const timer = setTimeout(() => server.kill('SIGKILL'), 5_000);
			await exited;
			clearTimeout(timer);
		}
		if (ownAppDir) rmSync(ownAppDir, { recursive: true, force: true });
	};

	try {
		await waitUntilListening(baseURL, server, log, timeoutMs);
	} catch (error) {
		await stop();
		throw error;
	}
	return { baseURL, appDir, log, stop };
}
