/**
 * More than one process on one store (issue 12): `npm start -- --workers 2` serves from two
 * worker processes, and an ingest during load switches both with zero failed requests; two
 * separate servers on one store directory (the set-up for several machines: shared storage,
 * one ingest writer) both follow the pointer switch. Each runs its own apps on its own store.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/lib/server/ingest';
import { tempPaths } from '../helpers/exports-dir';
import { failures, underLoad, type Sample } from './load';
import { childEnv, freePort, ROOT, startApp, type RunningApp } from './server';

const PATHS = ['/api/health', '/', '/capaciteit', '/api/health', '/wlz'];

/** A changed export and an ingest of it, as the one writer does; the new snapshot id. */
async function ingestChange(paths: ReturnType<typeof tempPaths>, n: number): Promise<string> {
	appendFileSync(join(paths.exports, 'projecten.csv'), `SH-XXX-0${n};Nieuw project ${n};skaeve_huse;GM0505;1;idee;2024-01-15;;\n`);
	const report = await runIngest({ paths });
	expect(report.errors).toEqual([]);
	return report.snapshotId!;
}

/** Every health sample started more than 1 s after the swap shows the new snapshot. */
function expectSwitched(samples: Sample[], swappedAt: number, before: string, after: string): Sample[] {
	const health = samples.filter((s) => s.snapshotId);
	for (const s of health) expect([before, after]).toContain(s.snapshotId);
	const late = health.filter((s) => s.started > swappedAt + 1_000);
	expect(late.length).toBeGreaterThan(0);
	expect(late.filter((s) => s.snapshotId !== after)).toEqual([]);
	return late;
}

describe('npm start -- --workers 2', () => {
	const paths = tempPaths();
	let server: ChildProcess;
	let baseURL = '';
	let output = '';

	beforeAll(async () => {
		const port = await freePort();
		baseURL = `http://127.0.0.1:${port}`;
		// The real command; npm start ingests the exports itself (there is no store yet). It serves
		// the build the suite made (REGIO_BUILD=0): rebuilding build/ under the shared test app,
		// which serves from it, would break that app for every test after this one.
		server = spawn('npm', ['start', '--', '--workers', '2'], {
			cwd: ROOT,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: childEnv({ PORT: String(port), HOST: '127.0.0.1', ORIGIN: baseURL, REGIO_STORE_DIR: paths.store, REGIO_EXPORTS_DIR: paths.exports, REGIO_REPORTS_DIR: paths.reports, REGIO_APP_DIR: join(paths.root, 'app'), REGIO_WATCH: '0', REGIO_BUILD: '0' })
		});
		server.stdout!.on('data', (c) => (output += c));
		server.stderr!.on('data', (c) => (output += c));
		const deadline = Date.now() + 90_000;
		while (!output.includes('(2 werkprocessen)')) {
			if (server.exitCode !== null) throw new Error(`npm start stopped (exit ${server.exitCode}):\n${output}`);
			if (Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
			await new Promise((r) => setTimeout(r, 100));
		}
	}, 120_000);
	afterAll(async () => {
		if (server?.pid && server.exitCode === null && server.signalCode === null) {
			const exited = new Promise((r) => server.once('exit', r));
			process.kill(-server.pid, 'SIGTERM');
			await exited;
		}
		paths.cleanup();
	});

	it('two workers answer; an ingest during load switches both, with zero failed requests', async () => {
		const before = JSON.parse(await (await fetch(new URL('/api/health', baseURL))).text()).snapshotId as string;
		let after = '';
		// Both workers must have answered before the switch, and both more than 1 s after it.
		const workersSeen = (s: Sample[]) => new Set(s.filter((x) => x.werkproces).map((x) => x.werkproces)).size === 2;
		const { samples, swappedAt } = await underLoad(
			[baseURL],
			PATHS,
			async () => {
				after = await ingestChange(paths, 1);
			},
			{ readyBefore: workersSeen, readyAfter: (s, at) => workersSeen(s.filter((x) => x.started > at + 1_000)) }
		);
		expect(after).not.toBe(before);
		expect(failures(samples), output.slice(-2000)).toEqual([]);
		const late = expectSwitched(samples, swappedAt, before, after);
		// Both workers served before the switch, and both serve the new snapshot after it.
		expect(new Set(samples.filter((s) => s.started < swappedAt && s.werkproces).map((s) => s.werkproces))).toEqual(new Set([1, 2]));
		expect(new Set(late.map((s) => s.werkproces))).toEqual(new Set([1, 2]));
	}, 60_000);

	it('stops on SIGTERM: every process of it ends and the port is free', async () => {
		const exited = new Promise((r) => server.once('exit', r));
		process.kill(-server.pid!, 'SIGTERM');
		await exited;
		// npm, the supervising process and both workers: the whole process group is gone.
		const alive = () => {
			try {
				process.kill(-server.pid!, 0);
				return true;
			} catch {
				return false;
			}
		};
		const started = Date.now();
		while (alive() && Date.now() - started < 15_000) await new Promise((r) => setTimeout(r, 100));
		expect(alive(), output.slice(-1000)).toBe(false);
		// Without requests in flight the workers end at once, not after a timeout.
		expect(Date.now() - started).toBeLessThan(5_000);
		await expect(fetch(new URL('/api/health', baseURL))).rejects.toThrow();
	}, 30_000);
});

/** Every file under `dir` with its size and modification time: what a reader must leave as it is. */
function tree(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => {
			const file = join(e.parentPath, e.name);
			const { size, mtimeMs } = statSync(file);
			return `${relative(dir, file)} ${size} ${mtimeMs}`;
		})
		.sort();
}

/** What a reader serves: every view, the downloads of a chart, a deck, a notebook, the data page. */
const READER_PATHS = [
	'/',
	'/capaciteit',
	'/planning',
	'/wlz',
	'/hkg',
	'/dagbesteding',
	'/gemeente/GM0505',
	'/regios',
	'/data',
	'/bronnen',
	'/notebooks/crisis-domus-per-10k',
	'/charts/capaciteit-per-gemeente.svg',
	'/charts/capaciteit-per-gemeente.png',
	'/charts/capaciteit-per-gemeente.csv',
	'/charts/capaciteit-per-gemeente.xlsx',
	'/deck.pptx?chart=capaciteit-per-gemeente&chart=wlz-instroom-per-gemeente'
];

describe('two servers on one store (several machines: shared storage, one ingest writer)', () => {
	const paths = tempPaths();
	const apps: RunningApp[] = [];

	beforeAll(async () => {
		expect((await runIngest({ paths })).ok).toBe(true);
		// Each "machine" has its own accounts directory and no exports (it needs only the store, the
		// gemeente boundaries of the maps included); only the writer (runIngest here) reads the exports.
		for (let i = 0; i < 2; i++) apps.push(await startApp({ store: paths.store, exports: join(paths.root, `geen-exports-${i}`), reports: join(paths.root, `rapporten-${i}`) }));
	}, 120_000);

	it('the readers serve every view, download and deck from the store alone, writing nothing to it (a read-only mount)', async () => {
		const before = tree(paths.store);
		expect(before.length).toBeGreaterThan(1);
		for (const app of apps) {
			for (const path of READER_PATHS) {
				const response = await fetch(new URL(path, app.baseURL));
				expect(response.status, `${path}: ${app.log().slice(-500)}`).toBe(200);
				expect((await response.arrayBuffer()).byteLength, path).toBeGreaterThan(500);
			}
		}
		expect(tree(paths.store)).toEqual(before);
	}, 60_000);
	afterAll(async () => {
		await Promise.all(apps.map((a) => a.stop()));
		paths.cleanup();
	});

	it('both follow the pointer switch of an ingest, with zero failed requests', async () => {
		const before = JSON.parse(await (await fetch(new URL('/api/health', apps[0].baseURL))).text()).snapshotId as string;
		let after = '';
		const bothAnswered = (s: Sample[]) => new Set(s.filter((x) => x.snapshotId).map((x) => x.base)).size === 2;
		const { samples, swappedAt } = await underLoad(
			apps.map((a) => a.baseURL),
			PATHS,
			async () => {
				after = await ingestChange(paths, 2);
			},
			{ readyBefore: bothAnswered, readyAfter: (s, at) => bothAnswered(s.filter((x) => x.started > at + 1_000)) }
		);
		expect(failures(samples), apps.map((a) => a.log().slice(-1000)).join('\n')).toEqual([]);
		const late = expectSwitched(samples, swappedAt, before, after);
		expect(new Set(late.map((s) => s.base))).toEqual(new Set(apps.map((a) => a.baseURL)));
	}, 60_000);
});
