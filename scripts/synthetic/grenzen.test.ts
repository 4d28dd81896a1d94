import { describe, expect, it } from 'vitest';
import { parseBoundaries } from '../../src/lib/server/geo/boundaries';
import { dissolveRegios } from '../../src/lib/server/geo/dissolve';
import { GRENZEN_BRON, gemeenteGrenzen } from './grenzen';
import type { GeneratorOptions } from './options';
import { buildWorld, NL_BBOX } from './world';

const options: GeneratorOptions = { gemeenten: 40, regios: 5, jaarVan: 2025, jaarTot: 2026, maandelijks: false, seed: 7, omschrijving: 'test' };

describe('made-up gemeente boundaries (npm run generate -- --grenzen)', () => {
	const world = buildWorld(options);
	const json = gemeenteGrenzen(world);

	it('one closed polygon inside the Netherlands’ box per gemeente, credited as made up', () => {
		expect(json.features.map((f) => f.properties.statcode)).toEqual(world.gemeenten.map((g) => g.gemeentecode));
		for (const f of json.features) {
			const [ring] = f.geometry.coordinates;
			expect(ring.length).toBeGreaterThanOrEqual(4);
			expect(ring[0]).toEqual(ring.at(-1));
			for (const [lon, lat] of ring) {
				expect(lon).toBeGreaterThanOrEqual(NL_BBOX.lonMin);
				expect(lon).toBeLessThanOrEqual(NL_BBOX.lonMax);
				expect(lat).toBeGreaterThanOrEqual(NL_BBOX.latMin);
				expect(lat).toBeLessThanOrEqual(NL_BBOX.latMax);
			}
		}
		expect(json.bron).toBe(GRENZEN_BRON);
	});

	it('is what the ingest accepts, and dissolves into one outline per region', () => {
		const codes = world.gemeenten.map((g) => g.gemeentecode);
		const parsed = parseBoundaries(JSON.parse(JSON.stringify(json)), 'geo/gemeenten.geojson', codes);
		expect(parsed).toMatchObject({ status: 'ok', bron: GRENZEN_BRON, ontbrekend: [] });
		if (parsed.status !== 'ok') return;
		const regioVan = new Map(world.gemeenten.map((g) => [g.gemeentecode, world.regios[g.regio].code]));
		const outlines = dissolveRegios(parsed.grenzen, regioVan);
		expect(outlines.map((o) => o.regiocode).sort()).toEqual(world.regios.map((r) => r.code).sort());
		// Shared borders are gone: a region has fewer polygons than gemeenten.
		for (const r of world.regios) {
			const count = world.gemeenten.filter((g) => g.regio === r.index).length;
			expect(outlines.find((o) => o.regiocode === r.code)!.polygonen.length, r.code).toBeLessThan(Math.max(count, 2));
		}
	});
});
