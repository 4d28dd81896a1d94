/**
 * The browser tests run against the real built app on a real store:
 *  1. build the app (always in CI; locally only when build/ is older than the sources),
 *  2. copy example exports to a temporary directory and build a store from them with the real ingest,
 *  3. start `node build/index.js` on a free port with REGIO_* pointing at the temporary dirs
 *     (REGIO_APP_DIR too, so tests can create accounts with users.ts in the app's database),
 *  4. wait for /api/health and hand the base URL and the expected exports to the tests.
 * Teardown stops the server and removes the temporary directory.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { runIngest } from '../../src/lib/server/ingest';
import { isBuildFresh } from '../../scripts/build-freshness';
import { childEnv, ROOT, startApp, type AppPaths, type RunningApp } from './server';
/** The shipped example set; E2E_EXPORTS_DIR can point at another set (e.g. tests/fixtures/store-small). */
const EXPORTS_SOURCE = resolve(ROOT, process.env.E2E_EXPORTS_DIR ?? 'data/exports');

export interface ExpectedExport {
	bestand: string;
	rijen: number;
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		snapshotId: string;
		exports: ExpectedExport[];
		/** The temporary store, exports, reports and app (REGIO_APP_DIR: accounts, sessions) directories the app serves from. */
		paths: Required<AppPaths>;
	}
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output.slice(-4000)}`))
		);
	});
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	// Both browser-test projects run this setup, in one process: the app is built once.
	if (!process.env.REGIO_E2E_GEBOUWD && (process.env.CI || !isBuildFresh(ROOT))) {
		await run(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], childEnv({}));
		process.env.REGIO_E2E_GEBOUWD = '1';
	}

	const tmp = mkdtempSync(join(tmpdir(), 'regiomonitor-e2e-'));
	const paths = { store: join(tmp, 'store'), exports: join(tmp, 'exports'), reports: join(tmp, 'reports'), app: join(tmp, 'app') };
	cpSync(EXPORTS_SOURCE, paths.exports, { recursive: true });
	const report = await runIngest({ paths, force: true });
	if (!report.ok || !report.snapshotId) {
		rmSync(tmp, { recursive: true, force: true });
		const errors = report.errors.slice(0, 10).map((e) => `  ${e.melding}`).join('\n');
		throw new Error(`Ingest of ${EXPORTS_SOURCE} failed (${report.errorCount} errors):\n${errors}`);
	}

	let app: RunningApp | undefined;
	try {
		app = await startApp(paths);
		const health = await fetch(`${app.baseURL}/api/health`);
		if (!health.ok) throw new Error(`/api/health answered ${health.status}:\n${app.log()}`);
	} catch (error) {
		await app?.stop();
		rmSync(tmp, { recursive: true, force: true });
		throw error;
	}
	const running = app;
	const { baseURL } = running;
	const teardown = async () => {
		await running.stop();
		if (process.env.E2E_SERVER_LOG) console.log(running.log());
		rmSync(tmp, { recursive: true, force: true });
	};

	project.provide('baseURL', baseURL);
	project.provide('snapshotId', report.snapshotId);
	project.provide(
		'exports',
		report.files.map((f) => ({ bestand: f.bestand, rijen: f.rijen }))
	);
	project.provide('paths', paths);
	return teardown;
}
