/**
 * Gemeente boundaries for the choropleth: an optional GeoJSON file the user places in
 * `<exports>/geo/*.geojson` (CBS/PDOK gemeentegrenzen, property `statcode` = `GM0505`).
 * The file is not part of the store; it is read here, validated with zod, and a bad file
 * never breaks a page: the caller gets a Dutch warning and falls back to the tile map.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { GEMEENTECODE } from '../../domain/schemas';
import type { GemeenteGrens, Ring } from '../../charts/capaciteit/geo';

export const GEO_DIR = 'geo';

const position = z.tuple([z.number(), z.number()]).rest(z.number());
const ring = z.array(position).min(4);
const polygon = z.array(ring).min(1);

const geometrySchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('Polygon'), coordinates: polygon }),
	z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon).min(1) })
]);

const featureSchema = z.object({
	type: z.literal('Feature'),
	geometry: geometrySchema,
	properties: z.looseObject({
		// CBS pads codes in some downloads (`GM0505    `); the code itself is GM + 4 digits.
		statcode: z.string().transform((s) => s.trim().toUpperCase()).pipe(z.string().regex(GEMEENTECODE)),
		statnaam: z.string().optional()
	})
});

export const boundariesSchema = z.object({
	type: z.literal('FeatureCollection'),
	features: z.array(featureSchema).min(1)
});

export type BoundariesResult =
	| { status: 'absent' }
	| { status: 'ok'; bestand: string; grenzen: GemeenteGrens[] }
	| { status: 'invalid'; bestand: string; melding: string };

/** Where a zod issue sits, in words a user can find in the file: `features[3].properties.statcode`. */
function issuePath(path: readonly PropertyKey[]): string {
	return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** Shoelace area in lon/lat: positive for a counter-clockwise ring. */
function signedArea(points: Ring): number {
	let sum = 0;
	for (let i = 0; i < points.length - 1; i++) sum += points[i][0] * points[i + 1][1] - points[i + 1][0] * points[i][1];
	return sum / 2;
}

/**
 * GeoJSON (RFC 7946) winds exterior rings counter-clockwise, d3-geo (and so Plot) reads a
 * counter-clockwise exterior as "the whole globe but this polygon". Wind exteriors clockwise
 * and holes counter-clockwise, whatever the file did.
 */
export function rewindPolygon(rings: Ring[]): Ring[] {
	return rings.map((r, i) => {
		const clockwise = signedArea(r) < 0;
		const wantClockwise = i === 0;
		return clockwise === wantClockwise ? r : [...r].reverse();
	});
}

/** Validate parsed GeoJSON and keep, per gemeente of the region, its (rewound) polygons. */
export function parseBoundaries(json: unknown, bestand: string, gemeentecodes: readonly string[]): BoundariesResult {
	const parsed = boundariesSchema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const where = issue.path.length ? ` (bij ${issuePath(issue.path)})` : '';
		return {
			status: 'invalid',
			bestand,
			melding: `Het grenzenbestand ${bestand} is geen bruikbare GeoJSON${where}: verwacht een FeatureCollection met (Multi)Polygonen en per gebied een eigenschap statcode zoals GM0505.`
		};
	}
	const regio = new Set(gemeentecodes);
	const grenzen = new Map<string, GemeenteGrens>();
	for (const feature of parsed.data.features) {
		const code = feature.properties.statcode;
		if (!regio.has(code)) continue;
		const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
		const existing = grenzen.get(code);
		const rewound = polygons.map((p) => rewindPolygon(p as Ring[]));
		if (existing) existing.polygonen.push(...rewound);
		else grenzen.set(code, { gemeentecode: code, polygonen: rewound });
	}
	const missing = gemeentecodes.filter((c) => !grenzen.has(c));
	if (missing.length > 0) {
		return {
			status: 'invalid',
			bestand,
			melding: `Het grenzenbestand ${bestand} mist de grenzen van ${missing.length === gemeentecodes.length ? 'alle gemeenten van de regio' : `${missing.join(', ')}`} (eigenschap statcode).`
		};
	}
	return { status: 'ok', bestand, grenzen: gemeentecodes.map((c) => grenzen.get(c)!) };
}

const cache = new Map<string, { key: string; result: BoundariesResult }>();
/** A national store has 43 regions: room for each, and the whole store. */
const MAX_CACHED = 64;

/**
 * The first `geo/*.geojson` (by name) in the exports directory, validated against the
 * region's gemeenten. Cached per file size and modification time: a large national file is
 * parsed once, not per request.
 */
export function readBoundaries(exportsDir: string, gemeentecodes: readonly string[]): BoundariesResult {
	const dir = join(exportsDir, GEO_DIR);
	let files: string[];
	try {
		if (!existsSync(dir) || !statSync(dir).isDirectory()) return { status: 'absent' };
		files = readdirSync(dir)
			.filter((f) => f.toLowerCase().endsWith('.geojson') && !f.startsWith('.'))
			.sort();
	} catch {
		return { status: 'absent' };
	}
	if (files.length === 0) return { status: 'absent' };
	const bestand = `${GEO_DIR}/${files[0]}`;
	const path = join(dir, files[0]);
	try {
		const stat = statSync(path);
		const key = `${stat.size}:${stat.mtimeMs}`;
		// Per set of gemeenten: /capaciteit asks for a region's, /regios for the store's.
		const slot = `${path}|${gemeentecodes.join(',')}`;
		const hit = cache.get(slot);
		if (hit?.key === key) return hit.result;
		if (cache.size >= MAX_CACHED) cache.clear();
		let json: unknown;
		try {
			json = JSON.parse(readFileSync(path, 'utf8').replace(/^\ufeff/, ''));
		} catch (e) {
			const result: BoundariesResult = { status: 'invalid', bestand, melding: `Het grenzenbestand ${bestand} is geen geldige JSON: ${(e as Error).message}.` };
			cache.set(slot, { key, result });
			return result;
		}
		const result = parseBoundaries(json, bestand, gemeentecodes);
		cache.set(slot, { key, result });
		return result;
	} catch (e) {
		return { status: 'invalid', bestand, melding: `Het grenzenbestand ${bestand} kon niet worden gelezen: ${(e as Error).message}.` };
	}
}

/**
 * A cheap fingerprint of the boundaries file (name, size, modification time), for caches of
 * pages that draw it: a boundaries file placed, replaced or removed changes it.
 */
export function boundariesVersion(exportsDir: string): string {
	const dir = join(exportsDir, GEO_DIR);
	try {
		if (!existsSync(dir)) return 'geen';
		const first = readdirSync(dir)
			.filter((f) => f.toLowerCase().endsWith('.geojson') && !f.startsWith('.'))
			.sort()[0];
		if (!first) return 'geen';
		const stat = statSync(join(dir, first));
		return `${first}:${stat.size}:${stat.mtimeMs}`;
	} catch {
		return 'onleesbaar';
	}
}
