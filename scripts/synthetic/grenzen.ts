/**
 * Made-up gemeente boundaries for a generated world (`npm run generate -- --grenzen`): the
 * Voronoi cell of each gemeente's point (lat/lon) inside the Netherlands' bounding box. Cells of
 * neighbours share their edges exactly, as real boundaries do, so the ingest's dissolve per
 * region (src/lib/server/geo) has real shared borders to remove. Not real boundaries: the file
 * says so, like every generated export.
 */
import { Delaunay } from 'd3';
import { NL_BBOX, type World } from './world';

export const GRENZEN_BRON = 'verzonnen gemeentegrenzen (npm run generate), geen echte grenzen';

/** A GeoJSON FeatureCollection with one Polygon per gemeente (statcode, statnaam), rings counter-clockwise (RFC 7946). */
export function gemeenteGrenzen(world: World) {
	const points = world.gemeenten.map((g) => [g.lon, g.lat] as [number, number]);
	const voronoi = Delaunay.from(points).voronoi([NL_BBOX.lonMin, NL_BBOX.latMin, NL_BBOX.lonMax, NL_BBOX.latMax]);
	return {
		type: 'FeatureCollection' as const,
		// The source line of every map drawn from it (src/lib/server/geo/boundaries.ts): not CBS's.
		bron: GRENZEN_BRON,
		features: world.gemeenten.map((g, i) => {
			// d3 gives the cell clockwise on screen, i.e. counter-clockwise in lon/lat; 6 decimals (about 0,1 m).
			const ring = voronoi.cellPolygon(i).map(([x, y]) => [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6]);
			return { type: 'Feature' as const, properties: { statcode: g.gemeentecode, statnaam: g.naam }, geometry: { type: 'Polygon' as const, coordinates: [ring] } };
		})
	};
}
