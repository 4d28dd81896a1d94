import { describe, expect, it } from 'vitest';
import { chartById } from '$lib/server/views';
import { renderChart } from '$lib/server/charts/render';
import { aanbiederRows, regioRows } from './fixtures.test-data';
import { aanbiedersIn, dagbestedingPerAanbieder } from './per-aanbieder';
import { normalise } from '../snapshot.test-helpers';
import { withOptions } from '../types';

const rows = () => [...aanbiederRows(), ...regioRows()];

describe('dagbesteding-per-aanbieder chart', () => {
	it('is registered under its id', () => {
		expect(chartById('dagbesteding-per-aanbieder')).toBe(dagbestedingPerAanbieder);
	});

	it('draws one titled panel per aanbieder with its first and latest share and the P×Q mark', () => {
		const chart = renderChart(dagbestedingPerAanbieder, rows(), { title: 't', width: 760 });
		expect(aanbiedersIn(rows())).toEqual(['Aanbieder A', 'Aanbieder B']);
		expect(chart.svg.match(/>Aanbieder [AB]</g)).toEqual(['>Aanbieder A<', '>Aanbieder B<']);
		// A: 96/150 = 64% → 76/158 = 48%; B: 60/120 = 50% → 50/121 = 41%.
		for (const label of ['>64%<', '>48%<', '>50%<', '>41%<']) expect(chart.svg).toContain(label);
		expect(chart.svg.match(/>P×Q</g)?.length).toBe(2);
		// Own points (with tooltips) only for the aanbieders; the region is a reference line.
		expect(chart.svg.match(/<circle/g)?.length).toBe(12);
		expect(chart.svg).toContain('Aanbieder B, 2020 K4: 40% met dagbesteding (48 van 120 BW-cliënten)');
	});

	it('describes each aanbieder from first to last periode, and tabulates only aanbieders', () => {
		const chart = renderChart(dagbestedingPerAanbieder, rows(), { title: 't' });
		expect(chart.description).toBe(
			'Aandeel BW-cliënten met dagbesteding per aanbieder: Aanbieder A van 64% (2020 K1) naar 48% (2021 K2); Aanbieder B van 50% (2020 K1) naar 41% (2021 K2). ' +
				'In 2021 K2 had Aanbieder A het hoogste aandeel (48%) en Aanbieder B het laagste (41%).'
		);
		expect(chart.table.rows).toHaveLength(12);
		expect(chart.table.rows.every((r) => r[1].startsWith('Aanbieder'))).toBe(true);
	});

	it('shows numbers with maat aantallen, without the regional reference', () => {
		const chart = renderChart(withOptions(dagbestedingPerAanbieder, { maat: 'aantallen' }), [...aanbiederRows(), ...regioRows()], { title: 't', width: 760 });
		expect(chart.svg).toContain('>96<');
		expect(chart.svg).not.toContain('stroke-dasharray="2,3"');
	});

	it('wraps a long aanbieder name above its own panel instead of running into the next one', () => {
		const lang = 'Stichting Wonen, Werk & Zorg Oud-Veenloo en omstreken';
		const data = rows().map((r) => (r.reeks === 'Aanbieder A' ? { ...r, reeks: lang } : r));
		const svg = renderChart(dagbestedingPerAanbieder, data, { title: 't', width: 760 }).svg;
		const titel = /<text[^>]*transform="translate\(([\d.]+),[\d.]+\)"[^>]*>((?:<tspan[^>]*>[^<]*<\/tspan>)+)<\/text>/.exec(svg);
		expect(titel, 'the name in more than one line').not.toBeNull();
		const lines = [...titel![2].matchAll(/>([^<]*)<\/tspan>/g)].map((m) => m[1]);
		expect(lines.join(' ')).toBe(lang.replace('&', '&amp;'));
		expect(lines.length).toBeGreaterThan(1);
		// Each line stays within its panel's step, two panels of (760 − 60) ÷ 2 = 350 px: at most 0,6 em a character at 13 px.
		for (const line of lines) expect(line.replace('&amp;', '&').length * 13 * 0.6, line).toBeLessThanOrEqual(350);
	});

	it('handles no aanbieders', () => {
		expect(renderChart(dagbestedingPerAanbieder, regioRows(), { title: 'leeg' }).description).toContain('geen gegevens per aanbieder');
	});

	it('matches the committed SVG snapshot', async () => {
		const chart = renderChart(dagbestedingPerAanbieder, rows(), { title: 'Aandeel BW-cliënten met dagbesteding per aanbieder', width: 760 });
		await expect(normalise(chart.svg)).toMatchFileSnapshot('../../../../tests/output/dagbesteding-per-aanbieder.svg');
	});
});
