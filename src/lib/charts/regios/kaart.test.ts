import { readFileSync } from 'node:fs';
import { geoArea } from 'd3';
import { describe, expect, it } from 'vitest';
import { chartById } from '$lib/server/views';
import { renderChart } from '$lib/server/charts/render';
import { parseBoundaries } from '$lib/server/geo/boundaries';
import { dissolveRegios } from '$lib/server/geo/dissolve';
import { normalise } from '../snapshot.test-helpers';
import type { Ring } from '../capaciteit/geo';
import { withOptions } from '../types';
import { regioKlassen, regiosKaartChart, type RegioKaartRij } from './kaart';

/** Square gemeenten of 0,05°: CR0505 three in a row (GM0505, GM0512, GM1978), CR0344 two above them. */
const GEOJSON = JSON.parse(readFileSync(new URL('../../../../tests/fixtures/geo/twee-regios.geojson', import.meta.url), 'utf8'));
const REGIO_VAN = new Map([
	['GM0505', 'CR0505'],
	['GM0512', 'CR0505'],
	['GM1978', 'CR0505'],
	['GM0344', 'CR0344'],
	['GM0356', 'CR0344']
]);

function grenzen() {
	const result = parseBoundaries(GEOJSON, 'geo/twee-regios.geojson', [...REGIO_VAN.keys()]);
	if (result.status !== 'ok') throw new Error(result.status);
	return result.grenzen;
}

const area = (polygonen: Ring[][]) => geoArea({ type: 'MultiPolygon', coordinates: polygonen });

function rows(): RegioKaartRij[] {
	const outlines = new Map(dissolveRegios(grenzen(), REGIO_VAN).map((r) => [r.regiocode, r.polygonen]));
	return [
		{ regiocode: 'CR0505', regionaam: 'Dordrecht', gekozen: true, waarde: 1.25, polygonen: outlines.get('CR0505')! },
		{ regiocode: 'CR0344', regionaam: 'Utrecht', gekozen: false, waarde: 0.5, polygonen: outlines.get('CR0344')! }
	];
}

describe('dissolveRegios', () => {
	it('gives one outline per region, with the area of its gemeenten together', () => {
		const perGemeente = new Map(grenzen().map((g) => [g.gemeentecode, area(g.polygonen)]));
		const regios = dissolveRegios(grenzen(), REGIO_VAN);
		expect(regios.map((r) => r.regiocode)).toEqual(['CR0505', 'CR0344']);
		for (const r of regios) {
			// One polygon with one ring: the inner borders between the gemeenten are gone.
			expect(r.polygonen, r.regiocode).toHaveLength(1);
			expect(r.polygonen[0], r.regiocode).toHaveLength(1);
			const som = [...REGIO_VAN].filter(([, regio]) => regio === r.regiocode).reduce((s, [code]) => s + perGemeente.get(code)!, 0);
			expect(area(r.polygonen) / som, r.regiocode).toBeCloseTo(1, 5);
		}
		// Wound for d3-geo: a small area, not the globe minus the region.
		expect(area(regios[0].polygonen)).toBeLessThan(1e-5);
		// The outline of three squares in a row spans 0,15° by 0,05°.
		const ring = regios[0].polygonen[0][0];
		const lons = ring.map((p) => p[0]);
		const lats = ring.map((p) => p[1]);
		expect(Math.max(...lons) - Math.min(...lons)).toBeCloseTo(0.15, 5);
		expect(Math.max(...lats) - Math.min(...lats)).toBeCloseTo(0.05, 5);
	});

	it('leaves out gemeenten without a region', () => {
		expect(dissolveRegios(grenzen(), new Map([['GM0505', 'CR0505']])).map((r) => r.regiocode)).toEqual(['CR0505']);
		expect(dissolveRegios([], REGIO_VAN)).toEqual([]);
	});
});

describe('regios-kaart chart', () => {
	it('is registered under its id', () => {
		expect(chartById('regios-kaart')).toBe(regiosKaartChart);
	});

	it('draws one linked area per region with its title and nl-NL value, inside the frame', () => {
		const chart = renderChart(regiosKaartChart, rows(), { title: 'Tekort per 10.000 inwoners per regio', width: 600 });
		const [, width, height] = /viewBox="0 0 (\d+) (\d+)"/.exec(chart.svg)!.map(Number);
		const paths = [...chart.svg.matchAll(/<path[^>]* d="([^"]+)"/g)].map((m) => m[1]);
		expect(paths).toHaveLength(2);
		for (const d of paths) {
			const numbers = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
			expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
			expect(Math.max(...numbers)).toBeLessThanOrEqual(Math.max(width, height));
		}
		expect(chart.svg).toContain('data-href="/capaciteit?regio=CR0505"');
		expect(chart.svg).toContain('data-href="/capaciteit?regio=CR0344"');
		expect(chart.svg).toContain('<title>Dordrecht (gekozen): 1,25 (tekort per 10.000 inwoners)</title>');
		expect(chart.svg).toContain('<title>Utrecht: 0,5 (tekort per 10.000 inwoners)</title>');
		expect(chart.svg).not.toContain('<a ');
		expect(chart.table.rows).toEqual([
			['Dordrecht (gekozen)', 'CR0505', '1,25'],
			['Utrecht', 'CR0344', '0,5']
		]);
		expect(chart.description).toContain('Dordrecht (1,25)');
	});

	it('has a legend of class limits, and draws unknown or hidden figures as geen gegevens', () => {
		const [dordrecht, utrecht] = rows();
		const legend = regiosKaartChart.legendOf!([dordrecht, utrecht]);
		expect(legend.map((l) => l.label)).toEqual(['t/m 0,5', '0,5 – 1', '1 – 1,25']);
		expect(new Set(legend.map((l) => l.colour)).size).toBe(3);

		const verborgen = { ...utrecht, waarde: null, afgeschermd: { waarde: 'afgeschermd' } };
		const chart = renderChart(withOptions(regiosKaartChart, { maat: 'wlz_per_10k' }), [dordrecht, verborgen], { title: 'Wlz', width: 600 });
		expect(chart.legend.map((l) => l.label)).toContain('Geen gegevens');
		expect(chart.svg).toContain('<title>Utrecht: afgeschermd (wlz-instroom per 10.000 inwoners)</title>');
		expect(chart.svg).toMatch(/fill="#ffffff"[^>]*>\s*<title>Utrecht/);
		const onbekend = renderChart(withOptions(regiosKaartChart, { maat: 'bod_opgave' }), [dordrecht, { ...utrecht, waarde: null }], { title: 'HKG', width: 600 });
		expect(onbekend.svg).toContain('<title>Utrecht: geen gegevens (bod als deel van de opgave)</title>');
	});

	it('makes round classes, at most five', () => {
		expect(regioKlassen(0)).toEqual([]);
		expect(regioKlassen(1.25)).toEqual([0.5, 1, 1.25]);
		for (const max of [0.07, 3, 17, 123.4]) expect(regioKlassen(max).length).toBeLessThanOrEqual(5);
	});

	it('matches the committed SVG snapshot', async () => {
		const chart = renderChart(regiosKaartChart, rows(), { title: 'Tekort per 10.000 inwoners per regio', width: 600 });
		await expect(normalise(chart.svg)).toMatchFileSnapshot('../../../../tests/output/regios-kaart.svg');
	});
});
