/**
 * Made-up gemeente boundaries for tests of the maps: one square per gemeente in a grid, wound
 * counter-clockwise as GeoJSON (and CBS/PDOK) write them. A map, not real boundaries.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function squares(codes: readonly string[], columns = 3) {
	return {
		type: 'FeatureCollection',
		features: codes.map((statcode, i) => {
			const [x, y] = [4.6 + (i % columns) * 0.05, 51.8 + Math.floor(i / columns) * 0.05];
			return { type: 'Feature', properties: { statcode }, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.05, y], [x + 0.05, y + 0.05], [x, y + 0.05], [x, y]]] } };
		})
	};
}

/** Write `content` (JSON of it, or the text as is) as the boundaries file beside the exports in `exportsDir`. */
export function writeBoundaries(exportsDir: string, content: object | string): void {
	mkdirSync(join(exportsDir, 'geo'), { recursive: true });
	writeFileSync(join(exportsDir, 'geo', 'gemeenten.geojson'), typeof content === 'string' ? content : JSON.stringify(content));
}
