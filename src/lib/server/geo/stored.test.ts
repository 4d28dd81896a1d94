/**
 * Boundaries at ingest (issue 12): the ingest reads the boundaries file beside the exports,
 * stores the polygons of the store's gemeenten and the dissolved outline per region in the
 * snapshot with the file's sha256, and treats the file as part of what a snapshot is built
 * from: placed, changed or removed, the next ingest builds a new snapshot. A bad file never
 * stops an ingest.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { readPointer } from '../db/layout';
import { runIngest } from '../ingest';
import { squares, writeBoundaries } from '../../../../tests/helpers/boundaries';
import { buildFixtureStore, type FixtureStore } from '../../../../tests/helpers/fixture-store';

const CODES = ['GM0505', 'GM0512', 'GM1978'];

let store: FixtureStore | undefined;
afterEach(() => {
	store?.cleanup();
	store = undefined;
});

/** The boundary tables of the store's current snapshot. */
async function stored(s: FixtureStore) {
	const pointer = readPointer(s.paths.store)!;
	const db = await DuckDBInstance.create(join(s.paths.store, pointer.file), { access_mode: 'READ_ONLY' });
	const con = await db.connect();
	try {
		const read = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson();
		return {
			pointer,
			bestand: await read(`SELECT bestand, sha256, CAST(bytes AS INTEGER) AS bytes, bron, melding FROM grenzen_bestand`),
			grenzen: (await read(`SELECT soort, code, polygonen FROM grenzen ORDER BY soort, code`)).map((r) => ({ soort: r.soort, code: r.code, polygonen: JSON.parse(String(r.polygonen)) as number[][][][] }))
		};
	} finally {
		con.closeSync();
		db.closeSync();
	}
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('an ingest with a boundaries file', () => {
	it('stores each gemeente’s polygons and one outline per region, with the file’s name and sha256', async () => {
		const log: string[] = [];
		store = await buildFixtureStore({ prepare: (dir) => writeBoundaries(dir, squares(CODES)) });
		const report = await runIngest({ paths: store.paths, force: true, log: (l) => log.push(l) });
		expect(report.ok).toBe(true);
		const file = join(store.paths.exports, 'geo', 'gemeenten.geojson');
		const { pointer, bestand, grenzen } = await stored(store);
		expect(bestand).toEqual([{ bestand: 'geo/gemeenten.geojson', sha256: sha256(file), bytes: readFileSync(file).byteLength, bron: 'gemeentegrenzen © CBS/Kadaster, CC-BY 4.0', melding: null }]);
		expect(pointer.grenzen).toBe(sha256(file));
		expect(grenzen.map((g) => [g.soort, g.code, g.polygonen.length])).toEqual([
			['gemeente', 'GM0505', 1],
			['gemeente', 'GM0512', 1],
			['gemeente', 'GM1978', 1],
			// Three squares side by side dissolve into one polygon without holes: the rectangle around them.
			['regio', 'CR0505', 1]
		]);
		const outline = grenzen.find((g) => g.soort === 'regio')!.polygonen[0][0];
		const xs = outline.map((p) => p[0]);
		expect(Math.min(...xs)).toBeCloseTo(4.6, 6);
		expect(Math.max(...xs)).toBeCloseTo(4.75, 6);
		expect(log.some((l) => l.startsWith('Gemeentegrenzen geo/gemeenten.geojson: 3 gemeenten, 1 regio’s samengevoegd'))).toBe(true);
	});

	it('builds a new snapshot when the file is placed, changed or removed, and none when nothing changed', async () => {
		store = await buildFixtureStore();
		const paths = store.paths;
		expect((await stored(store)).bestand).toEqual([]);
		writeBoundaries(paths.exports, squares(CODES));
		expect((await runIngest({ paths })).uitkomst).toBe('nieuwe_snapshot');
		expect((await runIngest({ paths })).uitkomst).toBe('ongewijzigd');
		writeBoundaries(paths.exports, squares(CODES, 1));
		expect((await runIngest({ paths })).uitkomst).toBe('nieuwe_snapshot');
		expect((await stored(store)).grenzen.filter((g) => g.soort === 'regio')).toHaveLength(1);
		rmSync(join(paths.exports, 'geo'), { recursive: true });
		expect((await runIngest({ paths })).uitkomst).toBe('nieuwe_snapshot');
		const after = await stored(store);
		expect([after.bestand, after.grenzen, after.pointer.grenzen]).toEqual([[], [], null]);
	});

	it('keeps a file that lacks gemeenten for the gemeenten it has, without outlines of incomplete regions', async () => {
		store = await buildFixtureStore({ prepare: (dir) => writeBoundaries(dir, squares(['GM0505', 'GM0512', 'GM0363'])) });
		const { bestand, grenzen } = await stored(store);
		expect(bestand[0].melding).toBeNull();
		expect(grenzen.map((g) => `${g.soort} ${g.code}`)).toEqual(['gemeente GM0505', 'gemeente GM0512']);
	});

	it('builds the snapshot with a bad file, keeping the Dutch reason for the pages', async () => {
		const log: string[] = [];
		store = await buildFixtureStore();
		writeBoundaries(store.paths.exports, { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { naam: 'x' }, geometry: null }] });
		const report = await runIngest({ paths: store.paths, log: (l) => log.push(l) });
		expect(report).toMatchObject({ ok: true, uitkomst: 'nieuwe_snapshot' });
		const { bestand, grenzen } = await stored(store);
		expect(String(bestand[0].melding)).toMatch(/^Het grenzenbestand geo\/gemeenten\.geojson is geen bruikbare GeoJSON \(bij features\[0\]\.geometry\)/);
		expect(grenzen).toEqual([]);
		expect(log.some((l) => l.startsWith('Gemeentegrenzen geo/gemeenten.geojson niet gebruikt: Het grenzenbestand'))).toBe(true);
	});
});
