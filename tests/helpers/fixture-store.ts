/**
 * A temporary store built from the small hand-made exports in tests/fixtures/store-small,
 * through the real ingest when it is available. Tests copy the exports first, so a test can
 * edit them and build a second snapshot (see `rebuild`).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXPORT_KINDS, EXPORT_SOORTEN, type ExportSoort } from '../../src/lib/domain/exports';
import { manifestSchema } from '../../src/lib/domain/schemas';
import { readPointer, SNAPSHOT_DIR, writePointer, type StorePaths } from '../../src/lib/server/db/layout';
import { CREATE_DERIVED, CREATE_META_TABLES, createKindTable, sqlType, STORE_SCHEMA_VERSION } from '../../src/lib/server/db/schema';

export const FIXTURE_EXPORTS = resolve(import.meta.dirname, '../fixtures/store-small');

export interface FixtureStore {
	paths: StorePaths;
	/** Id of the snapshot the pointer names now. */
	snapshotId(): string;
	/** Edit the copied exports, then build and switch to a new snapshot. Returns its id. */
	rebuild(edit: (exportsDir: string) => void): Promise<string>;
	cleanup(): void;
}

/** Build a temporary store from the fixture exports (or another exports directory). */
export async function buildFixtureStore({ exports = FIXTURE_EXPORTS }: { exports?: string } = {}): Promise<FixtureStore> {
	const root = mkdtempSync(join(tmpdir(), 'regio-store-'));
	const paths: StorePaths = { store: join(root, 'store'), exports: join(root, 'exports'), reports: join(root, 'reports') };
	cpSync(exports, paths.exports, { recursive: true });
	await build(paths);
	return {
		paths,
		snapshotId: () => readPointer(paths.store)?.snapshotId ?? '',
		async rebuild(edit) {
			edit(paths.exports);
			await build(paths);
			return readPointer(paths.store)?.snapshotId ?? '';
		},
		cleanup: () => rmSync(root, { recursive: true, force: true })
	};
}

async function build(paths: StorePaths): Promise<void> {
	const ingestIndex = resolve(import.meta.dirname, '../../src/lib/server/ingest/index.ts');
	if (existsSync(ingestIndex)) {
		const ingest = (await import(/* @vite-ignore */ ingestIndex)) as { runIngest?: RunIngest };
		if (ingest.runIngest) {
			const report = await ingest.runIngest({ paths, force: true });
			if (!report.ok) throw new Error(`fixture ingest failed: ${JSON.stringify(report.errors.slice(0, 5), null, 1)}`);
			return;
		}
	}
	await buildDirectly(paths);
}

type RunIngest = (options: { paths: StorePaths; force?: boolean; log?: (line: string) => void }) => Promise<{ ok: boolean; errors: unknown[] }>;

let counter = 0;

/** Until the ingest lands: build the snapshot with the store schema directly (fixture CSVs have canonical headers). */
async function buildDirectly(paths: StorePaths): Promise<void> {
	const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(paths.exports, 'manifest.json'), 'utf8')));
	const snapshotId = `fx${Date.now()}_${process.pid}_${counter++}`;
	const file = `${SNAPSHOT_DIR}/${snapshotId}.duckdb`;
	mkdirSync(join(paths.store, SNAPSHOT_DIR), { recursive: true });
	const instance = await DuckDBInstance.create(join(paths.store, file));
	const con = await instance.connect();
	const hashes: string[] = [];
	try {
		for (const soort of EXPORT_SOORTEN) await con.run(createKindTable(soort));
		for (const sql of CREATE_META_TABLES) await con.run(sql);
		for (const entry of manifest.bestanden) {
			const path = join(paths.exports, entry.bestand);
			const sha = createHash('sha256').update(readFileSync(path)).digest('hex');
			hashes.push(sha);
			await con.run(`INSERT INTO "${entry.soort}" ${selectCsv(entry.soort)}`, { path });
			const rijen = await con.runAndReadAll(`SELECT CAST(count(*) AS INTEGER) AS n FROM "${entry.soort}"`);
			await con.run(
				`INSERT INTO provenance VALUES ($bestand, $soort, $sha, $bytes, $rijen, 'csv', $bron, CAST($peildatum AS DATE), $illustratief, $toelichting, now()::TIMESTAMP, 0.01)`,
				{
					bestand: entry.bestand,
					soort: entry.soort,
					sha,
					bytes: statSync(path).size,
					rijen: rijen.getRowObjectsJson()[0].n as number,
					bron: entry.bron,
					peildatum: entry.peildatum,
					illustratief: entry.illustratief,
					toelichting: entry.toelichting ?? null
				}
			);
		}
		await con.run(`INSERT INTO snapshot_info VALUES ($id, now()::TIMESTAMP, $hash, $version, $code, $naam)`, {
			id: snapshotId,
			hash: createHash('sha256').update(hashes.join()).digest('hex'),
			version: STORE_SCHEMA_VERSION,
			code: manifest.regio.code,
			naam: manifest.regio.naam
		});
		for (const sql of CREATE_DERIVED) await con.run(sql);
		await con.run('CHECKPOINT');
	} finally {
		con.disconnectSync();
		instance.closeSync();
	}
	writePointer(paths.store, { snapshotId, file, createdAt: new Date().toISOString(), exportsHash: '', schemaVersion: STORE_SCHEMA_VERSION });
}

function selectCsv(soort: ExportSoort): string {
	const columns = EXPORT_KINDS[soort].columns.map((c) => {
		const value = c.default === undefined ? `"${c.name}"` : `coalesce("${c.name}", '${c.default}')`;
		return `CAST(replace(${value}, ',', '.') AS ${sqlType(c)})`;
	});
	return `SELECT ${columns.join(', ')} FROM read_csv($path, delim = ';', header = true, all_varchar = true)`;
}
