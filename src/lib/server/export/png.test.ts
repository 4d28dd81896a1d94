import { describe, expect, it } from 'vitest';
import { decodePng, inkShare, pngSize, tekortChart } from './fixtures.test-helpers';
import { hkgBodPerGemeente } from '$lib/charts/hkg/bod-per-gemeente';
import { HKG_ROWS } from '$lib/charts/hkg/fixtures.test-data';
import { hkgModel } from '$lib/charts/hkg/model';
import { png, slideSvg } from './png';
import { standaloneSvg } from './svg';

describe('png', () => {
	it('renders at 2× the standalone SVG size by default, with ink on it', async () => {
		const chart = tekortChart();
		const [, w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(standaloneSvg(chart)) ?? [];
		const bytes = await png(chart);
		expect(pngSize(bytes)).toEqual({ width: Math.round(Number(w) * 2), height: Math.round(Number(h) * 2) });
		const decoded = decodePng(bytes);
		expect(decoded.width).toBe(Number(w) * 2);
		expect(inkShare(decoded.pixels)).toBeGreaterThan(0.01);
	});

	it('gives a 1920×1080 slide image for formaat 16x9', async () => {
		const bytes = await png(tekortChart(), { formaat: '16x9' });
		expect(pngSize(bytes)).toEqual({ width: 1920, height: 1080 });
		const { pixels } = decodePng(bytes);
		expect(inkShare(pixels)).toBeGreaterThan(0.01);
		// white background, not transparent
		expect([...pixels.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
	});

	it('draws text with the shipped font (no system fonts): the title row has ink', async () => {
		const chart = tekortChart({ definition: { ...tekortChart().definition, legend: [] } });
		const { width, pixels } = decodePng(await png(chart));
		// rows 40..60 (2×) hold the title's glyphs; without a font they would stay white
		const band = pixels.subarray(40 * width * 4, 60 * width * 4);
		expect(inkShare(band)).toBeGreaterThan(0.02);
	});
});

describe('16:9 image legend', () => {
	const model = (watAls?: Record<string, number>) => hkgModel(HKG_ROWS.filter((r) => r.categorie === 'uitstroomwoningen'), { ronde: 'definitief', sleutel: 'afgesproken', watAls }).gemeenten;
	const chart = (rows: unknown[]) => tekortChart({ definition: hkgBodPerGemeente as never, rows: rows as never, meta: { ...tekortChart().meta, title: 'HKG-bod per gemeente' } });

	it('shows "Wat-als-bod" only when there are what-if bids', () => {
		const zonder = slideSvg(chart(model()));
		expect(zonder).not.toContain('Wat-als-bod');
		expect(zonder).toContain('>Definitief bod<');
		expect(slideSvg(chart(model({ GM0505: 72 })))).toContain('>Wat-als-bod<');
	});
});
