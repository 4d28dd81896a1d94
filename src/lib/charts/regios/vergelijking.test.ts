import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderChart } from '$lib/server/charts/render';
import { normalise } from '../snapshot.test-helpers';
import { mediaanAndere, namedBars, regiosDagbestedingChart, regiosTekortChart, type RegioWaarde } from './vergelijking';

const snapshot = (name: string) => `../../../../tests/output/${name}.svg`;

const ROWS: RegioWaarde[] = [
	{ regiocode: 'CR0505', regionaam: 'Dordrecht', gekozen: true, waarde: 1.25 },
	{ regiocode: 'CR0344', regionaam: 'Utrecht', gekozen: false, waarde: 2.5 },
	{ regiocode: 'CR0599', regionaam: 'Rotterdam', gekozen: false, waarde: 0.75 },
	{ regiocode: 'CR0518', regionaam: 'Den Haag', gekozen: false, waarde: 1.5 }
];

describe('regios-vergelijking', () => {
	it('ranks the regions, the chosen one orange, the median of the others dashed', async () => {
		const chart = renderChart(regiosTekortChart, ROWS, { title: 'Tekort per 10.000 inwoners per regio' });
		expect(chart.description).toBe(
			'Tekort per 10.000 inwoners: Dordrecht 1,25, plaats 3 van 4 regio’s (hoogste eerst); de mediaan van de andere regio’s is 1,5.'
		);
		expect(chart.table.rows.map((r) => r[0])).toEqual(['Utrecht', 'Den Haag', 'Dordrecht (deze regio)', 'Rotterdam']);
		await expect(normalise(chart.svg)).toMatchFileSnapshot(snapshot('regios-tekort-per-10k'));
	});

	it('puts a hidden figure last with its label, never its value', () => {
		const rows: RegioWaarde[] = [...ROWS.slice(1).map((r) => ({ ...r, waarde: r.waarde! / 10 })), { ...ROWS[0], waarde: null, afgeschermd: { waarde: '< 5' } }];
		const chart = renderChart(regiosDagbestedingChart, rows, { title: 'Dagbesteding per regio' });
		expect(chart.table.rows.at(-1)).toEqual(['Dordrecht (deze regio)', '< 5']);
		expect(chart.description).toContain('voor Dordrecht < 5');
		expect(chart.svg).toContain('&lt; 5');
	});

	it('takes the median over the other regions with a visible figure', () => {
		expect(mediaanAndere(ROWS)).toBe(1.5);
		expect(mediaanAndere([ROWS[0]])).toBeNull();
		expect(mediaanAndere([...ROWS, { regiocode: 'X', regionaam: 'X', gekozen: false, waarde: null }])).toBe(1.5);
	});

	it('on a phone puts name and value above each bar, so a long name is not cut off at the left edge', () => {
		const rows: RegioWaarde[] = [...ROWS, { regiocode: 'CR0999', regionaam: 'Nieuw-Schoonhaven-Oost', gekozen: false, waarde: 0.5 }];
		const chart = renderChart(regiosTekortChart, rows, { title: 'Tekort per 10.000 inwoners per regio', width: 320 });
		const texts = [...chart.svg.matchAll(/<text[^>]*transform="translate\(([-\d.]+),[-\d.]+\)"[^>]*>([^<]+)</g)].map((m) => ({ x: Number(m[1]), text: m[2] }));
		for (const naam of ['Utrecht · 2,5', 'Dordrecht (deze regio) · 1,25', 'Nieuw-Schoonhaven-Oost · 0,5']) {
			const t = texts.find((x) => x.text === naam);
			expect(t, naam).toBeDefined();
			// Left-aligned inside the frame, not right-aligned against a margin too narrow for it.
			expect(t!.x).toBeGreaterThanOrEqual(0);
		}
		// No y axis of bare names in a margin.
		expect(texts.map((t) => t.text)).not.toContain('Utrecht');
		// At the view's width the names stay the y axis.
		expect(renderChart(regiosTekortChart, rows, { title: 'x', width: 720 }).svg).toContain('y="0.32em">Utrecht<');
	});

	it('in a fixed height too small for every name (a slide with 43 regions) names the chosen region and every n-th other, never two over each other', () => {
		const rows: RegioWaarde[] = Array.from({ length: 43 }, (_, i) => ({ regiocode: `CR${i}`, regionaam: `Regio ${i}`, gekozen: i === 20, waarde: 5 - i / 10 }));
		const svg = regiosTekortChart.build(rows, { width: 662, height: 340, document: parseHTML('<!doctype html><html><body></body></html>').document }).outerHTML;
		const names = [...svg.matchAll(/<text transform="translate\([-\d.]+,([-\d.]+)\)" y="0.32em">(Regio \d+[^<]*)</g)].map((m) => ({ y: Number(m[1]), text: m[2] }));
		expect(names.map((n) => n.text)).toContain('Regio 20 (deze regio)');
		expect(names.length).toBeGreaterThan(5);
		expect(names.length).toBeLessThan(43);
		const ys = names.map((n) => n.y).sort((a, b) => a - b);
		for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(14.9);
		// Every bar is still drawn, and the table has every region.
		expect(svg.match(/<rect /g)?.length).toBeGreaterThanOrEqual(43);
		expect(regiosTekortChart.table(rows).rows).toHaveLength(43);
		// With room for every name (the page), all are named.
		expect(namedBars(rows, rows.map((r) => r.regionaam), 20)).toHaveLength(43);
		expect(namedBars(rows, rows.map((r) => r.regionaam), 5)).toEqual(['Regio 0', 'Regio 3', 'Regio 6', 'Regio 9', 'Regio 12', 'Regio 15', 'Regio 20', 'Regio 24', 'Regio 27', 'Regio 30', 'Regio 33', 'Regio 36', 'Regio 39', 'Regio 42']);
	});
});
