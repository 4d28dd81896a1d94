import { describe, expect, it } from 'vitest';
import { rewindPolygon } from '../../server/geo/boundaries';
import { chartById } from '$lib/server/views';
import { renderChart } from '$lib/server/charts/render';
import { perGemeente } from './fixtures.test-helpers';
import { normalise } from '../snapshot.test-helpers';
import { capaciteitKaartChart, type KaartRow } from './kaart';

/** Small made-up squares side by side (lon/lat), counter-clockwise as GeoJSON writes them. */
const square = (x: number, y: number) => rewindPolygon([[[4.6 + x * 0.05, 51.8 + y * 0.05], [4.65 + x * 0.05, 51.8 + y * 0.05], [4.65 + x * 0.05, 51.85 + y * 0.05], [4.6 + x * 0.05, 51.85 + y * 0.05], [4.6 + x * 0.05, 51.8 + y * 0.05]]]);
const rows: KaartRow[] = perGemeente().map((r) => ({ ...r, polygonen: [square(r.tegel_x, -r.tegel_y)] }));
const TITLE = 'Tekort per gemeente, peiljaar 2024';

describe('capaciteit-kaart chart', () => {
	it('is registered under its id', () => {
		expect(chartById('capaciteit-kaart')).toBe(capaciteitKaartChart);
	});

	it('draws one linked area per gemeente inside the frame (projection fitted to the features)', () => {
		const chart = renderChart(capaciteitKaartChart, rows, { title: TITLE, width: 600 });
		const [, width, height] = /viewBox="0 0 (\d+) (\d+)"/.exec(chart.svg)!.map(Number);
		expect(width).toBe(600);
		const paths = [...chart.svg.matchAll(/<path[^>]* d="([^"]+)"/g)].map((m) => m[1]);
		expect(paths).toHaveLength(5);
		// Wound for d3-geo: a square, not the whole globe minus a square (which would span the frame).
		for (const d of paths) {
			const numbers = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
			expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
			expect(Math.max(...numbers)).toBeLessThanOrEqual(Math.max(width, height));
			expect(d).not.toMatch(/^M0,0/);
		}
		expect(chart.svg).toContain('data-href="/gemeente/GM0512"');
		expect(chart.svg).toContain('<title>Dordrecht: tekort 4 · na plan 2 (plekken); behoefte 21, bestaand 17</title>');
		expect(chart.table.rows[0][0]).toBe('Gorinchem');
	});

	it('matches the committed SVG snapshot', async () => {
		const chart = renderChart(capaciteitKaartChart, rows, { title: TITLE, width: 600 });
		await expect(normalise(chart.svg)).toMatchFileSnapshot('../../../../tests/output/capaciteit-kaart.svg');
	});
});
