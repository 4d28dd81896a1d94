/**
 * Load during ingest (issue 5): while requests keep running against the served app, an ingest
 * swaps the store's snapshot. No request may fail, and the new snapshot is served within a
 * second of the swap. Runs its own app on its own store (the shared one keeps its snapshot id).
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/lib/server/ingest';
import { tempPaths } from '../helpers/exports-dir';
import { failures, underLoad } from './load';
import { startApp, type RunningApp } from './server';

const PATHS = ['/api/health', '/', '/capaciteit', '/data'];

describe('load during ingest', () => {
	const paths = tempPaths();
	let app: RunningApp;
	let oldId = '';

	beforeAll(async () => {
		const report = await runIngest({ paths });
		expect(report.errors).toEqual([]);
		oldId = report.snapshotId!;
		app = await startApp(paths);
	});
	afterAll(async () => {
		await app?.stop();
		paths.cleanup();
	});

	it('zero failed requests while the snapshot is swapped; the new one is served within 1 s', async () => {
		let newId = '';
		const { samples, swappedAt } = await underLoad(
			[app.baseURL],
			PATHS,
			async () => {
				// A changed export, so the ingest builds (and swaps in) a new snapshot.
				appendFileSync(join(paths.exports, 'projecten.csv'), 'SH-XXX-01;Nieuw project;skaeve_huse;GM0505;1;idee;2024-01-15;;\n');
				const report = await runIngest({ paths });
				expect(report.errors).toEqual([]);
				expect(report.ok).toBe(true);
				newId = report.snapshotId!;
			},
			// Enough answers on either side of the swap, also on a busy machine.
			{ readyBefore: (s) => s.length >= 50, readyAfter: (s, at) => s.filter((x) => x.snapshotId && x.started > at + 1_000).length >= 5 }
		);
		expect(newId).not.toBe(oldId);
		expect(failures(samples), app.log().slice(-2000)).toEqual([]);
		expect(samples.length).toBeGreaterThan(50);
		const health = samples.filter((s) => s.snapshotId);
		for (const s of health) expect([oldId, newId]).toContain(s.snapshotId);
		// Every health request started later than 1 s after the swap sees the new snapshot.
		const late = health.filter((s) => s.started > swappedAt + 1_000);
		expect(late.length).toBeGreaterThan(0);
		expect(late.filter((s) => s.snapshotId !== newId)).toEqual([]);
		console.log(`load during ingest: ${samples.length} requests, first new snapshot ${Math.round(Math.min(...health.filter((s) => s.snapshotId === newId).map((s) => s.started)) - swappedAt)} ms after the swap`);
	}, 60_000);
});
