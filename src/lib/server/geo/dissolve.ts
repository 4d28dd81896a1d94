/**
 * Region outlines from gemeente boundaries (issue 12, /regios): the polygons of a region's
 * gemeenten dissolved into one outline. topojson-server finds the arcs the gemeenten share and
 * topojson-client's merge drops them, so the outline follows the file's own borders exactly;
 * hand-written polygon union would need its own robustness work for slivers and holes.
 */
import { topology } from 'topojson-server';
import { merge } from 'topojson-client';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Topology } from 'topojson-specification';
import type { GemeenteGrens, Ring } from '../../charts/capaciteit/geo';
import { rewindPolygon } from './boundaries';

/** One region's outline: its polygons (exterior then holes, exteriors clockwise for d3-geo). */
export interface RegioGrens {
	regiocode: string;
	polygonen: Ring[][];
}

/**
 * Quantization of the topology: 1e6 steps over the file's extent (about 0,3 m over the
 * Netherlands), fine enough to keep every border and coarse enough that two gemeenten whose
 * shared border differs in the last decimals still share it.
 */
const QUANTIZATION = 1e6;

/** Dissolve the gemeenten per region: one outline per region that has gemeenten in `grenzen`, in the order of first appearance. */
export function dissolveRegios(grenzen: readonly GemeenteGrens[], regioVan: ReadonlyMap<string, string>): RegioGrens[] {
	const features = grenzen.flatMap((g) => {
		const regiocode = regioVan.get(g.gemeentecode);
		if (!regiocode || g.polygonen.length === 0) return [];
		return [{ type: 'Feature' as const, properties: { regiocode }, geometry: { type: 'MultiPolygon' as const, coordinates: g.polygonen } }];
	});
	if (features.length === 0) return [];
	const collection = { type: 'FeatureCollection', features } as GeoJSON.FeatureCollection;
	const topo = topology({ gemeenten: collection }, QUANTIZATION) as unknown as Topology<{ gemeenten: GeometryCollection<{ regiocode: string }> }>;
	const perRegio = new Map<string, TopoMultiPolygon[]>();
	for (const geometry of topo.objects.gemeenten.geometries) {
		const code = (geometry.properties as { regiocode: string }).regiocode;
		const list = perRegio.get(code) ?? [];
		list.push(geometry as unknown as TopoMultiPolygon);
		perRegio.set(code, list);
	}
	return [...perRegio].map(([regiocode, geometries]) => ({
		regiocode,
		// merge keeps the arcs' direction; wind them as d3-geo reads them, whatever came out.
		polygonen: merge(topo, geometries).coordinates.map((p) => rewindPolygon(p as Ring[]))
	}));
}
