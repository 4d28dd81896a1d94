/**
 * Gemeente boundaries for the choropleths: an optional GeoJSON file the user places in
 * `<exports>/geo/*.geojson` (CBS/PDOK gemeentegrenzen, property `statcode` = `GM0505`).
 * The ingest reads it here, validates it with zod and stores the polygons in the snapshot
 * (./stored.ts); a bad file never stops an ingest or breaks a page: the snapshot keeps a
 * Dutch message and the pages fall back to the tile maps.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { GEMEENTECODE } from '../../domain/schemas';
import type { GemeenteGrens, Ring } from '../../charts/capaciteit/geo';
import { GRENZEN_BRON } from '../../charts/capaciteit/kaart';

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
	/**
	 * Who made the boundaries, for the charts' source line (a foreign member of our own, RFC 7946
	 * §6.1). Absent in a CBS/PDOK download: then GRENZEN_BRON. Made-up boundaries say so here.
	 */
	bron: z.string().trim().min(1).max(200).optional(),
	features: z.array(featureSchema).min(1)
});

export type BoundariesResult =
	| { status: 'absent' }
	| { status: 'ok'; bestand: string; bron: string; grenzen: GemeenteGrens[] }
	| { status: 'invalid'; bestand: string; melding: string };

/** A boundaries file read for a whole store: the gemeenten it has, and those of the store it lacks. */
export type StoreBoundaries =
	| { status: 'ok'; bestand: string; bron: string; grenzen: GemeenteGrens[]; ontbrekend: string[] }
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

/**
 * Validate parsed GeoJSON and keep, per gemeente of `gemeentecodes` that the file has, its
 * (rewound) polygons, in the order of `gemeentecodes`; `ontbrekend` lists the others.
 */
export function parseBoundaries(json: unknown, bestand: string, gemeentecodes: readonly string[]): StoreBoundaries {
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
	const wanted = new Set(gemeentecodes);
	const grenzen = new Map<string, GemeenteGrens>();
	for (const feature of parsed.data.features) {
		const code = feature.properties.statcode;
		if (!wanted.has(code)) continue;
		const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
		const existing = grenzen.get(code);
		const rewound = polygons.map((p) => rewindPolygon(p as Ring[]));
		if (existing) existing.polygonen.push(...rewound);
		else grenzen.set(code, { gemeentecode: code, polygonen: rewound });
	}
	return {
		status: 'ok',
		bestand,
		bron: parsed.data.bron ?? GRENZEN_BRON,
		grenzen: gemeentecodes.flatMap((c) => grenzen.get(c) ?? []),
		ontbrekend: gemeentecodes.filter((c) => !grenzen.has(c))
	};
}

/** Why a map of `gemeentecodes` cannot be drawn from a file that lacks `missing` of them. */
export function missingMessage(bestand: string, missing: readonly string[], gemeentecodes: readonly string[]): string {
	return `Het grenzenbestand ${bestand} mist de grenzen van ${missing.length === gemeentecodes.length ? 'alle gemeenten van de regio' : missing.join(', ')} (eigenschap statcode).`;
}

/** The boundaries file of an exports directory: the first `geo/*.geojson` by name, or null. */
export function findBoundariesFile(exportsDir: string): { bestand: string; path: string } | null {
	const dir = join(exportsDir, GEO_DIR);
	try {
		if (!existsSync(dir) || !statSync(dir).isDirectory()) return null;
		const first = readdirSync(dir)
			.filter((f) => f.toLowerCase().endsWith('.geojson') && !f.startsWith('.'))
			.sort()[0];
		return first ? { bestand: `${GEO_DIR}/${first}`, path: join(dir, first) } : null;
	} catch {
		return null;
	}
}

/**
 * Read and validate the boundaries file for the gemeenten of a store (the ingest does this once
 * per snapshot). A file that is not JSON, or not GeoJSON of gemeenten, gets a Dutch message.
 */
export function readBoundariesFile(file: { bestand: string; path: string }, gemeentecodes: readonly string[]): StoreBoundaries {
	let text: string;
	try {
		text = readFileSync(file.path, 'utf8');
	} catch (e) {
		return { status: 'invalid', bestand: file.bestand, melding: `Het grenzenbestand ${file.bestand} kon niet worden gelezen: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.` };
	}
	let json: unknown;
	try {
		json = JSON.parse(text.replace(/^\ufeff/, ''));
	} catch (e) {
		return { status: 'invalid', bestand: file.bestand, melding: `Het grenzenbestand ${file.bestand} is geen geldige JSON: ${(e as Error).message}.` };
	}
	return parseBoundaries(json, file.bestand, gemeentecodes);
}
