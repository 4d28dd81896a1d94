/**
 * Ingest is atomic: a CLI ingest killed at any moment leaves the store serving a complete
 * snapshot; requests in flight during a switch all succeed; old snapshots are pruned; a second
 * ingest while one holds the lock is refused in Dutch and changes nothing.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { tempPaths, treeHash } from '../../../../tests/helpers/exports-dir';
import { readPointer, SNAPSHOTS_KEPT, type Pointer, type StorePaths } from '../db/layout';
import { peiljaren, snapshotInfo } from '../db/queries';
import { SNAPSHOT_TABLES } from '../db/schema';
import { closeStore, useStore } from '../db/store';
import { generateExports } from '../../../../scripts/synthetic/generate';
import { resolveOptions } from '../../../../scripts/synthetic/options';
import { runIngest } from './index';

const ROOT = resolve(import.meta.dirname, '../../../..');
/**
 * When the CLI is killed, as a fraction of one full CLI run on this machine (measured first):
 * tsx start-up, reading, staging capaciteit, checks, checkpoint, rename and switch.
 */
const KILL_FRACTIONS = [0.1, 0.4, 0.6, 0.75, 0.85, 0.95];

const cleanups: (() => void)[] = [];
afterEach(async () => {
	await closeStore();
});
afterAll(() => {
	for (const cleanup of cleanups.splice(0)) cleanup();
});

function paths(): ReturnType<typeof tempPaths> {
	const p = tempPaths();
	cleanups.push(p.cleanup);
	return p;
}

/** A valid export set with ~300k capaciteit rows (60 gemeenten, monthly, 2014-2026): an ingest of a few seconds. */
let bigExports: string;
/** Milliseconds from spawn to exit of one complete CLI ingest of the big set. */
let fullRunMs: number;
beforeAll(async () => {
	const p = paths();
	bigExports = join(p.root, 'big-exports');
	const { out: _out, ...options } = resolveOptions({ gemeenten: 60, jaren: { van: 2014, tot: 2026 }, out: bigExports });
	await generateExports(bigExports, options);
	const start = performance.now();
	const child = spawnIngest(p, bigExports);
	expect(await child.exited, child.output()).toBe(0);
	fullRunMs = performance.now() - start;
	console.log(`full CLI ingest of the big set: ${fullRunMs.toFixed(0)} ms`);
});

function spawnIngest(p: StorePaths, exportsDir: string): ChildProcess & { output: () => string; exited: Promise<number | null> } {
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--force'], {
		cwd: ROOT,
		env: { ...process.env, REGIO_STORE_DIR: p.store, REGIO_EXPORTS_DIR: exportsDir, REGIO_REPORTS_DIR: p.reports },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
	return Object.assign(child, { output: () => output, exited });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const buildDirs = (store: string) => readdirSync(store).filter((n) => n.startsWith('building-'));

/** Queries against the shared store in a loop until stopped; records every failure. */
function queryLoop(pauseMs = 5) {
	let stopped = false;
	let ok = 0;
	const failures: unknown[] = [];
	const seen = new Set<string>();
	const done = (async () => {
		while (!stopped) {
			try {
				seen.add((await snapshotInfo()).snapshot_id);
				await peiljaren();
				ok++;
			} catch (error) {
				failures.push(error);
			}
			await sleep(pauseMs);
		}
	})();
	return {
		seen,
		failures,
		get ok() {
			return ok;
		},
		async stop() {
			stopped = true;
			await done;
		}
	};
}

/** Open a snapshot file read-only: every table there, and capaciteit not empty. */
async function expectCompleteSnapshot(storeDir: string, pointer: Pointer): Promise<void> {
	const db = await DuckDBInstance.create(join(storeDir, pointer.file), { access_mode: 'READ_ONLY' });
	try {
		const con = await db.connect();
		const tables = (await con.runAndReadAll(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'`)).getRows().map((r) => String(r[0]));
		expect(tables).toEqual(expect.arrayContaining([...SNAPSHOT_TABLES]));
		const [[rows]] = (await con.runAndReadAll('SELECT count(*) FROM capaciteit')).getRows();
		expect(Number(rows)).toBeGreaterThan(0);
		const [[id]] = (await con.runAndReadAll('SELECT snapshot_id FROM snapshot_info')).getRows();
		expect(id).toBe(pointer.snapshotId);
		con.closeSync();
	} finally {
		db.closeSync();
	}
}

/** Wait until the store serves `id`; returns the milliseconds it took. */
async function servedWithin(id: string, limitMs: number): Promise<number> {
	const start = performance.now();
	while (performance.now() - start < limitMs) {
		if ((await snapshotInfo()).snapshot_id === id) return performance.now() - start;
		await sleep(10);
	}
	throw new Error(`snapshot ${id} not served within ${limitMs} ms`);
}

describe('atomic ingest', () => {
	test('an ingest killed at any moment leaves a complete snapshot serving; the next ingest cleans up', async () => {
		const p = paths();
		expect((await runIngest({ paths: p, force: true })).ok).toBe(true);
		const first = readPointer(p.store)!;
		const firstSha = sha256(join(p.store, first.file));
		await useStore(p.store, { checkIntervalMs: 0 });
		expect((await snapshotInfo()).snapshot_id).toBe(first.snapshotId);
		const loop = queryLoop();

		const outcomes: string[] = [];
		for (const ms of KILL_FRACTIONS.map((f) => Math.round(f * fullRunMs))) {
			const before = readPointer(p.store)!;
			const child = spawnIngest(p, bigExports);
			await sleep(ms);
			child.kill('SIGKILL');
			await child.exited;
			const after = readPointer(p.store);
			expect(after, `pointer after kill at ${ms} ms`).not.toBeNull();
			if (after!.snapshotId === before.snapshotId) {
				if (before.snapshotId === first.snapshotId) expect(sha256(join(p.store, first.file))).toBe(firstSha);
			}
			await expectCompleteSnapshot(p.store, after!);
			const phase = child.output().trim().split('\n').at(-1) ?? '(geen uitvoer)';
			outcomes.push(`${ms} ms: ${after!.snapshotId === before.snapshotId ? 'unchanged' : 'switched'}; build dirs ${buildDirs(p.store).length}; lock ${existsSync(join(p.store, 'ingest.lock'))}; last line: ${phase}`);
			// The store keeps answering, with whatever the pointer names now.
			await servedWithin(after!.snapshotId, 1000);
		}
		console.log(`kill outcomes:\n${outcomes.join('\n')}`);

		const report = await runIngest({ paths: p, force: true });
		expect(report.ok).toBe(true);
		expect(buildDirs(p.store)).toEqual([]);
		expect(existsSync(join(p.store, 'ingest.lock'))).toBe(false);
		const final = readPointer(p.store)!;
		expect(final.snapshotId).toBe(report.snapshotId);
		expect(final.snapshotId).not.toBe(first.snapshotId);
		await expectCompleteSnapshot(p.store, final);
		const ms = await servedWithin(final.snapshotId, 1000);
		console.log(`after the clean-up ingest, new snapshot served within ${ms.toFixed(0)} ms`);

		await loop.stop();
		expect(loop.failures).toEqual([]);
		expect(loop.ok).toBeGreaterThan(50);
	}, 60_000);

	test('queries in flight during a switch all succeed; the new snapshot is served within 1 s', async () => {
		const p = paths();
		expect((await runIngest({ paths: p, force: true })).ok).toBe(true);
		const first = readPointer(p.store)!.snapshotId;
		await useStore(p.store, { checkIntervalMs: 0 });
		await snapshotInfo();

		const loop = queryLoop(10);
		await sleep(300);
		const report = await runIngest({ paths: p, force: true });
		expect(report.ok).toBe(true);
		const switchedAt = performance.now();
		const second = report.snapshotId!;
		expect(second).not.toBe(first);
		while (!loop.seen.has(second) && performance.now() - switchedAt < 1000) await sleep(5);
		const servedAfter = performance.now() - switchedAt;
		while (loop.ok < 200 && performance.now() - switchedAt < 5000) await sleep(10);
		await loop.stop();
		console.log(`switch: ${loop.ok} query rounds, ${loop.failures.length} failed; new snapshot served after ${servedAfter.toFixed(0)} ms`);
		expect(loop.failures).toEqual([]);
		expect(loop.ok).toBeGreaterThanOrEqual(200);
		expect(loop.seen).toEqual(new Set([first, second]));
		expect(servedAfter).toBeLessThan(1000);
	}, 30_000);

	test(`after 5 forced ingests at most ${SNAPSHOTS_KEPT} snapshot files remain, the current one among them`, async () => {
		const p = paths();
		for (let i = 0; i < 5; i++) expect((await runIngest({ paths: p, force: true })).ok).toBe(true);
		const files = readdirSync(join(p.store, 'snapshots'));
		const snapshots = files.filter((f) => f.endsWith('.duckdb'));
		expect(snapshots.length).toBeLessThanOrEqual(SNAPSHOTS_KEPT);
		expect(snapshots).toContain(readPointer(p.store)!.file.slice('snapshots/'.length));
		expect(files.filter((f) => !f.endsWith('.duckdb'))).toEqual([]);
	}, 30_000);

	test('a second ingest while one holds the lock is refused in Dutch and changes nothing', async () => {
		const p = paths();
		expect((await runIngest({ paths: p, force: true })).ok).toBe(true);
		const pointer = readPointer(p.store)!;

		// A live process named in the lock: a CLI ingest and an in-process one are refused; the store stays byte-identical.
		const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
		cleanups.push(() => holder.kill('SIGKILL'));
		const lock = join(p.store, 'ingest.lock');
		writeFileSync(lock, String(holder.pid));
		const message = (pid: number | undefined) => `Er loopt al een inlees-opdracht (proces ${pid}); wacht tot die klaar is.`;
		const before = treeHash(p.store);
		const cli = spawnIngest(p, bigExports);
		expect(await cli.exited).toBe(1);
		expect(cli.output()).toContain(message(holder.pid));
		expect(cli.output()).toContain('De opslag is niet gewijzigd');
		expect(treeHash(p.store)).toBe(before);
		const refused = await runIngest({ paths: p, force: true });
		expect(refused.ok).toBe(false);
		expect(refused.snapshotId).toBeNull();
		expect(refused.errors.map((e) => e.melding)).toEqual([message(holder.pid)]);
		expect(treeHash(p.store)).toBe(before);
		holder.kill('SIGKILL');
		await new Promise((r) => holder.once('exit', r));

		// A real CLI ingest holding the lock: an in-process ingest is refused and leaves its build alone; the CLI completes.
		const firstCli = spawnIngest(p, bigExports);
		const start = performance.now();
		while (buildDirs(p.store).length === 0 && performance.now() - start < 10_000) await sleep(5);
		expect(readFileSync(lock, 'utf8')).toBe(String(firstCli.pid));
		const builds = buildDirs(p.store);
		expect(builds).toHaveLength(1);
		const second = await runIngest({ paths: p, force: true });
		expect(second.ok).toBe(false);
		expect(second.errors.map((e) => e.melding)).toEqual([message(firstCli.pid)]);
		expect(readFileSync(lock, 'utf8')).toBe(String(firstCli.pid));
		expect(readPointer(p.store)!.snapshotId).toBe(pointer.snapshotId);
		expect(existsSync(join(p.store, builds[0]))).toBe(true);
		expect(await firstCli.exited, firstCli.output()).toBe(0);
		const after = readPointer(p.store)!;
		expect(after.snapshotId).not.toBe(pointer.snapshotId);
		await expectCompleteSnapshot(p.store, after);
		expect(existsSync(lock)).toBe(false);
	}, 30_000);
});

describe('two ingests in one process', () => {
	test('refuses the second while the first runs, and the first completes', async () => {
		const paths = tempPaths();
		try {
			const [first, second] = await Promise.all([runIngest({ paths }), runIngest({ paths })]);
			expect(first.ok).toBe(true);
			expect(second.ok).toBe(false);
			expect(second.errors[0].melding).toMatch(/^Er loopt al een inlees-opdracht/);
			expect(readPointer(paths.store)?.snapshotId).toBe(first.snapshotId);
		} finally {
			paths.cleanup();
		}
	});
});
