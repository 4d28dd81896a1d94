import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { buildFixtureStore, type FixtureStore } from '../../../../tests/helpers/fixture-store';
import { StoreInvalidError, StoreMissingError } from './errors';
import { writePointer } from './layout';
import { capaciteitRegio, snapshotInfo } from './queries';
import { STORE_SCHEMA_VERSION } from './schema';
import { closeStore, currentSnapshot, useStore, withRequestSnapshot, withSnapshot } from './store';

const cleanups: (() => void)[] = [];
afterEach(async () => {
	await closeStore();
	for (const cleanup of cleanups.splice(0)) cleanup();
});

async function fixture(): Promise<FixtureStore> {
	const store = await buildFixtureStore();
	cleanups.push(store.cleanup);
	return store;
}

/** Raise Dordrecht's crisisopvang (algemeen, 2024-07-01) bestaand from 12 to 20: the regional total goes 18 → 26. */
function moreCrisisplekken(exportsDir: string): void {
	const file = join(exportsDir, 'capaciteit.csv');
	const text = readFileSync(file, 'utf8');
	const changed = text.replace('2024;2024-07-01;GM0505;crisisopvang;algemeen;12;12;4;15;2', '2024;2024-07-01;GM0505;crisisopvang;algemeen;20;12;4;15;2');
	expect(changed).not.toBe(text);
	writeFileSync(file, changed);
}

const crisisBestaand = async () => (await capaciteitRegio({ peiljaar: 2024, voorzieningstypen: ['crisisopvang'] }))[0].bestaand;

describe('store runtime', () => {
	test('without a store, queries throw StoreMissingError with a Dutch message', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'regio-empty-'));
		cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
		await useStore(dir);
		const error = await snapshotInfo().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StoreMissingError);
		expect((error as Error).message).toBe('Er is nog geen gegevensopslag: voer `npm run ingest` uit.');
	});

	test('a snapshot without every table is refused with StoreInvalidError', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'regio-bad-'));
		cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
		mkdirSync(join(dir, 'snapshots'));
		const db = await DuckDBInstance.create(join(dir, 'snapshots', 'half.duckdb'));
		const con = await db.connect();
		await con.run('CREATE TABLE gemeenten (gemeentecode VARCHAR)');
		con.disconnectSync();
		db.closeSync();
		writePointer(dir, { snapshotId: 'half', file: 'snapshots/half.duckdb', createdAt: '', exportsHash: '', schemaVersion: STORE_SCHEMA_VERSION });
		await useStore(dir);
		const error = await snapshotInfo().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StoreInvalidError);
		expect((error as Error).message).toMatch(/tabellen ontbreken \(inwoners, capaciteit/);
	});

	test('a new snapshot is picked up without restart; a pinned request finishes on the old one, which closes afterwards', async () => {
		const fx = await fixture();
		await useStore(fx.paths.store, { checkIntervalMs: 0 });
		expect(await crisisBestaand()).toBe(18);

		let pinnedReady!: () => void;
		const ready = new Promise<void>((resolve) => (pinnedReady = resolve));
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		const pinnedRequest = withSnapshot(async (snapshot) => {
			const before = await crisisBestaand();
			pinnedReady();
			await gate;
			return { snapshot, before, after: await crisisBestaand(), id: currentSnapshot()?.id };
		});
		await ready;

		const oldId = fx.snapshotId();
		const newId = await fx.rebuild(moreCrisisplekken);
		expect(newId).not.toBe(oldId);
		// The next request sees the new data while the pinned one is still running.
		expect(await crisisBestaand()).toBe(26);
		expect((await snapshotInfo()).snapshot_id).toBe(newId);

		release();
		const result = await pinnedRequest;
		expect(result).toMatchObject({ before: 18, after: 18, id: oldId });
		expect(result.snapshot.isClosed).toBe(true);
		expect(result.snapshot.pins).toBe(0);
	});

	test('the pointer is checked at most every checkIntervalMs', async () => {
		const fx = await fixture();
		await useStore(fx.paths.store, { checkIntervalMs: 60_000 });
		expect(await crisisBestaand()).toBe(18);
		await fx.rebuild(moreCrisisplekken);
		expect(await crisisBestaand()).toBe(18);
	});

	test('identical queries on one snapshot share one promise', async () => {
		const fx = await fixture();
		await useStore(fx.paths.store);
		await withSnapshot(async (snapshot) => {
			const sql = 'SELECT count(*) AS n FROM gemeenten WHERE gemeentecode <> $code';
			const a = snapshot.rows(sql, { code: 'x' });
			expect(snapshot.rows(sql, { code: 'x' })).toBe(a);
			const b = snapshot.rows(sql, { code: 'y' });
			expect(b).not.toBe(a);
			// Both finish inside the pin: a query left running would meet a closed snapshot.
			await Promise.all([a, b]);
			expect(snapshot.cacheSize.done).toBeGreaterThanOrEqual(1);
		});
	});
});

describe('withRequestSnapshot', () => {
	test('pins one snapshot for the request, or runs unpinned without a store', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'regio-empty-'));
		cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
		await useStore(dir);
		expect(await withRequestSnapshot(async () => currentSnapshot()?.id ?? 'none')).toBe('none');

		const fx = await fixture();
		await useStore(fx.paths.store);
		expect(await withRequestSnapshot(async () => currentSnapshot()?.id)).toBe(fx.snapshotId());
	});
});
