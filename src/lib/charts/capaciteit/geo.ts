/** Gemeente boundaries as the choropleth needs them: plain polygons, exteriors wound for d3-geo (clockwise). */

/** [lon, lat] (WGS84); a third value (height) is allowed and ignored. */
export type Position = number[];
/** A closed ring: first and last position equal. */
export type Ring = Position[];

export interface GemeenteGrens {
	gemeentecode: string;
	/** Polygons: each an exterior ring followed by its holes. */
	polygonen: Ring[][];
}

/** One GeoJSON feature per gemeente, for Plot.geo. */
export function toFeature<P extends object>(grens: GemeenteGrens, properties: P) {
	return {
		type: 'Feature' as const,
		properties,
		geometry: { type: 'MultiPolygon' as const, coordinates: grens.polygonen }
	};
}
