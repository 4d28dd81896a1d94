import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findBoundariesFile, parseBoundaries, readBoundariesFile, rewindPolygon } from './boundaries';

const CODES = ['GM0505', 'GM0512'];

/** A counter-clockwise square (RFC 7946 winding), as CBS/PDOK files have it. */
const square = (x: number): number[][][] => [[[x, 51], [x + 1, 51], [x + 1, 52], [x, 52], [x, 51]]];
const feature = (statcode: string, geometry: object) => ({ type: 'Feature', properties: { statcode, statnaam: statcode }, geometry });
const collection = (...features: object[]) => ({ type: 'FeatureCollection', features });
const valid = collection(
	feature('GM0505', { type: 'Polygon', coordinates: square(4) }),
	feature('GM0512    ', { type: 'MultiPolygon', coordinates: [square(5), square(7)] }),
	feature('GM0363', { type: 'Polygon', coordinates: square(9) }) // Amsterdam: not in the region, ignored
);

const area = (ring: number[][]) => ring.slice(0, -1).reduce((s, p, i) => s + p[0] * ring[i + 1][1] - ring[i + 1][0] * p[1], 0) / 2;

describe('parseBoundaries', () => {
	it('keeps the gemeenten of the region, in their order, with padded codes trimmed', () => {
		const result = parseBoundaries(valid, 'geo/grenzen.geojson', CODES);
		expect(result.status).toBe('ok');
		if (result.status !== 'ok') return;
		expect(result.grenzen.map((g) => [g.gemeentecode, g.polygonen.length])).toEqual([
			['GM0505', 1],
			['GM0512', 2]
		]);
		// Exterior rings are wound clockwise for d3-geo.
		expect(area(result.grenzen[0].polygonen[0][0])).toBeLessThan(0);
	});

	it('rewinds exteriors clockwise and holes counter-clockwise', () => {
		const hole = [[4.2, 51.2], [4.2, 51.8], [4.8, 51.8], [4.8, 51.2], [4.2, 51.2]]; // clockwise
		const [outer, inner] = rewindPolygon([square(4)[0], hole]);
		expect(area(outer)).toBeLessThan(0);
		expect(area(inner)).toBeGreaterThan(0);
	});

	it('refuses a file that is no FeatureCollection of polygons with statcode, saying where', () => {
		const noCode = collection({ type: 'Feature', properties: { naam: 'Dordrecht' }, geometry: { type: 'Polygon', coordinates: square(4) } });
		const result = parseBoundaries(noCode, 'geo/x.geojson', CODES);
		expect(result).toMatchObject({ status: 'invalid', bestand: 'geo/x.geojson' });
		if (result.status === 'invalid') {
			expect(result.melding).toContain('Het grenzenbestand geo/x.geojson is geen bruikbare GeoJSON (bij features[0].properties.statcode)');
			expect(result.melding).toContain('statcode zoals GM0505');
		}
		const point = collection(feature('GM0505', { type: 'Point', coordinates: [4, 51] }));
		expect(parseBoundaries(point, 'geo/x.geojson', CODES).status).toBe('invalid');
		expect(parseBoundaries({ type: 'Topology' }, 'geo/x.geojson', CODES).status).toBe('invalid');
	});

	it('lists the gemeenten the file lacks, and keeps those it has', () => {
		const result = parseBoundaries(collection(feature('GM0505', { type: 'Polygon', coordinates: square(4) })), 'geo/x.geojson', CODES);
		expect(result).toMatchObject({ status: 'ok', ontbrekend: ['GM0512'] });
		if (result.status === 'ok') expect(result.grenzen.map((g) => g.gemeentecode)).toEqual(['GM0505']);
	});
});

describe('findBoundariesFile and readBoundariesFile', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'regio-geo-'));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('finds nothing without a geo folder or without .geojson files', () => {
		expect(findBoundariesFile(dir)).toBeNull();
		mkdirSync(join(dir, 'geo'));
		writeFileSync(join(dir, 'geo', 'README.md'), 'geen kaart');
		expect(findBoundariesFile(dir)).toBeNull();
	});

	it('finds the first .geojson file by name and reads it (UTF-8 with BOM allowed)', () => {
		mkdirSync(join(dir, 'geo'));
		writeFileSync(join(dir, 'geo', 'b.geojson'), '{}');
		writeFileSync(join(dir, 'geo', 'a-gemeenten.GeoJSON'), '\ufeff' + JSON.stringify(valid));
		const file = findBoundariesFile(dir);
		expect(file).toEqual({ bestand: 'geo/a-gemeenten.GeoJSON', path: join(dir, 'geo', 'a-gemeenten.GeoJSON') });
		expect(readBoundariesFile(file!, CODES)).toMatchObject({ status: 'ok', bestand: 'geo/a-gemeenten.GeoJSON', ontbrekend: [] });
	});

	it('gives a Dutch message for a file that is not JSON', () => {
		mkdirSync(join(dir, 'geo'));
		writeFileSync(join(dir, 'geo', 'kapot.geojson'), '{"type": "FeatureCollection", "features": [');
		const result = readBoundariesFile(findBoundariesFile(dir)!, CODES);
		expect(result).toMatchObject({ status: 'invalid', bestand: 'geo/kapot.geojson' });
		if (result.status === 'invalid') expect(result.melding).toMatch(/^Het grenzenbestand geo\/kapot.geojson is geen geldige JSON/);
	});
});
