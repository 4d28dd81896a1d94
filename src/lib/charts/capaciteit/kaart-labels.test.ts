import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { rewindPolygon } from '../../server/geo/boundaries';
import { renderChart } from '$lib/server/charts/render';
import { textWidth } from '../narrow';
import { perGemeente } from './fixtures.test-helpers';
import { capaciteitKaartChart, type KaartRow } from './kaart';
import { placeLabels, type LabelLayout } from './kaart-labels';

const LAYOUT: LabelLayout = { fontSize: 11, gapAbove: 6, gapBelow: 2, lineHeight: 1.05 };
const label = (x: number, y: number, naam: string, waarde: string, voorrang: number) => ({ x, y, naam: [naam], waarde, voorrang });

describe('placeLabels', () => {
	it('labels everything that has room', () => {
		expect(placeLabels([label(100, 100, 'Dordrecht', '12', 12), label(300, 100, 'Gorinchem', '3', 3)], LAYOUT)).toEqual(['naam-en-waarde', 'naam-en-waarde']);
	});

	it('gives the larger tekort the place; the other, at the same spot, shows nothing', () => {
		expect(placeLabels([label(100, 100, 'Sliedrecht', '2', 2), label(101, 101, 'Dordrecht', '12', 12)], LAYOUT)).toEqual(['geen', 'naam-en-waarde']);
	});

	it('keeps the value alone where only the name runs into another label', () => {
		// Right under Dordrecht's value: Papendrecht's name would cover it, its value (a line lower) is free.
		const dordrecht = label(100, 100, 'Dordrecht', '12', 12);
		const papendrecht = label(100, 100 + 2 + 11.55 + 8, 'Papendrecht', '4', 4);
		expect(placeLabels([dordrecht, papendrecht], LAYOUT)).toEqual(['naam-en-waarde', 'waarde']);
	});

	it('keeps the order of the input on ties and leaves a label without position out', () => {
		expect(placeLabels([label(100, 100, 'A', '1', 1), label(100, 100, 'B', '1', 1), label(NaN, NaN, 'C', '1', 9)], LAYOUT)).toEqual(['naam-en-waarde', 'geen', 'geen']);
	});
});

/** A square of `size` degrees with its south-west corner at (lon, lat), wound as GeoJSON writes it. */
const square = (lon: number, lat: number, size: number) =>
	rewindPolygon([
		[
			[lon, lat],
			[lon + size, lat],
			[lon + size, lat + size],
			[lon, lat + size],
			[lon, lat]
		]
	]);

describe('capaciteit-kaart with small gemeenten side by side', () => {
	// Dordrecht large; the other four tiny, in a row at its north-east corner (as small gemeenten around a city).
	const rows: KaartRow[] = perGemeente().map((r, i) => ({
		...r,
		polygonen: [r.gemeentecode === 'GM0505' ? square(4.5, 51.7, 0.3) : square(4.8 + i * 0.004, 52.0, 0.004)]
	}));
	const chart = renderChart(capaciteitKaartChart, rows, { title: 'Tekort per gemeente', width: 600 });
	const { document } = parseHTML(`<!doctype html><html><body>${chart.svg}</body></html>`);
	/** Each label text's box by the same estimate as the placement, in the SVG's pixels. */
	const boxes = [...document.querySelectorAll('text')]
		.filter((t) => t.getAttribute('transform')?.startsWith('translate('))
		.map((t) => {
			const [x, y] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(t.getAttribute('transform')!)!.slice(1).map(Number);
			const dy = Number(/translate\(0,([-\d.]+)\)/.exec(t.parentElement?.parentElement?.getAttribute('transform') ?? '')?.[1] ?? 0);
			const lines = [...t.querySelectorAll('tspan')].map((s) => s.textContent ?? '');
			const texts = lines.length ? lines : [t.childNodes[0]?.textContent ?? ''];
			const width = Math.max(...texts.map((line) => textWidth(line, 11)));
			const height = texts.length * 11 * 1.05;
			const naam = dy < 0;
			return { text: texts.join(' '), x0: x - width / 2, x1: x + width / 2, y0: naam ? y + dy - height : y + dy, y1: naam ? y + dy : y + dy + height };
		});

	it('draws no label over another, the largest tekort named first', () => {
		expect(boxes.length).toBeGreaterThan(1);
		for (const [i, a] of boxes.entries())
			for (const b of boxes.slice(i + 1)) expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1, `${a.text} / ${b.text}`).toBe(false);
		const texts = boxes.map((b) => b.text);
		expect(texts).toContain('Dordrecht');
		// Gorinchem has the largest tekort of the four small ones (5): its name is on the map.
		expect(texts).toContain('Gorinchem');
		// Not every small gemeente can be named there.
		expect(texts.filter((t) => ['Alblasserdam', 'Hardinxveld- Giessendam', 'Molenlanden'].includes(t)).length).toBeLessThan(3);
	});

	it('keeps every gemeente in the areas (tooltip and link) and in the table', () => {
		for (const r of rows) expect(chart.svg).toContain(`data-href="/gemeente/${r.gemeentecode}"`);
		expect(chart.table.rows.map((row) => row[0]).sort()).toEqual(rows.map((r) => r.naam).sort());
		expect(chart.svg).toContain('<title>Molenlanden: tekort 2');
	});
});
