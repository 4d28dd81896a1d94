import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { describeMark, drawnMarks, sameMark } from '../../../../tests/helpers/marks';
import { renderChart } from '$lib/server/charts/render';
import { swatchMarkup } from '../legend-swatch';
import { normalise } from '../snapshot.test-helpers';
import { withOptions, type ChartDefinition, type LegendItem } from '../types';
import { capaciteitPerTypeRegios, spreiding, type TypeSpreiding } from './spreiding';
import { regiosTekortChart, type RegioWaarde } from './vergelijking';

const snapshot = (name: string) => `../../../../tests/output/${name}.svg`;

const ROWS: TypeSpreiding[] = [
	{ voorzieningstype: 'crisisopvang', waarde: 0.61, ...spreiding([0.4, 0.8, 0.9, 1.2, 0.5]) },
	{ voorzieningstype: 'skaeve_huse', waarde: 0.05, ...spreiding([0.1, 0.2, 0.15, 0.3]) },
	{ voorzieningstype: 'domus_plus', waarde: null, ...spreiding([0.2, 0.25]) }
];
const chart = withOptions(capaciteitPerTypeRegios, { regionaam: 'Utrecht', wat: 'bestaande plekken' });

/** The legend entries whose swatch looks like no mark of the chart (as legend.test.ts checks for the other charts). */
function unmatched(items: readonly LegendItem[], svg: string): string[] {
	const marks = drawnMarks(svg);
	return items.flatMap((item) => {
		const [drawn] = drawnMarks(swatchMarkup(item, { x: 0, y: 0, width: 18, height: 14 }));
		return marks.some((m) => sameMark(m, drawn)) ? [] : [`${item.label}: ${describeMark(drawn)}`];
	});
}
const build = <Row>(c: ChartDefinition<Row>, rows: readonly Row[]) => c.build(rows, { width: 720, document: parseHTML('<!doctype html><html><body></body></html>').document }).outerHTML;

describe('capaciteit-per-type-regios', () => {
	it('sets the region per type against the others’ spread, in words and as a table', async () => {
		const rendered = renderChart(chart, ROWS, { title: 'Bestaande plekken per 10.000 inwoners' });
		expect(rendered.description).toBe(
			'Bestaande plekken per 10.000 inwoners in Utrecht tegenover 5 andere regio’s: nergens boven de middelste helft, eronder bij skaeve huse.'
		);
		expect(rendered.table.rows[0]).toEqual(['Crisisplekken', '0,61', '5', '0,4', '0,5', '0,8', '0,9', '1,2']);
		expect(rendered.table.rows[2][1]).toBe('–');
		await expect(normalise(rendered.svg)).toMatchFileSnapshot(snapshot('capaciteit-per-type-regios'));
	});

	it('on a phone puts each type with this region’s figure above its row, inside the frame', () => {
		const rows: TypeSpreiding[] = [...ROWS, { voorzieningstype: 'tussenvoorziening', waarde: 0.84, ...spreiding([0.7, 1.1]) }];
		const svg = renderChart(chart, rows, { title: 't', width: 320 }).svg;
		const texts = [...svg.matchAll(/<text[^>]*transform="translate\(([-\d.]+),[-\d.]+\)"[^>]*>([^<]+)</g)].map((m) => ({ x: Number(m[1]), text: m[2] }));
		for (const naam of ['Crisisplekken · 0,61', 'Tussenvoorzieningen · 0,84', 'Domus plus']) {
			expect(texts.find((t) => t.text === naam)?.x, naam).toBeGreaterThanOrEqual(0);
		}
		// The axis title fits: centred in a frame that starts near the left edge.
		const titel = texts.find((t) => t.text === 'Bestaande plekken per 10.000 inwoners');
		expect(titel!.x).toBeLessThan(170);
		// At the view's width the types stay the y axis.
		expect(renderChart(chart, rows, { title: 't', width: 720 }).svg).toContain('y="0.32em">Tussenvoorzieningen<');
	});

	it('with one region only: its dots, and says there is nothing to compare with', () => {
		const alleen = ROWS.map((r) => ({ ...r, ...spreiding([]) }));
		expect(renderChart(chart, alleen, { title: 't' }).description).toContain('geen andere regio’s om mee te vergelijken');
	});

	it('every legend entry looks like a mark of the chart', () => {
		expect(unmatched(chart.legend, build(chart, ROWS))).toEqual([]);
		const regios: RegioWaarde[] = [
			{ regiocode: 'A', regionaam: 'A', gekozen: true, waarde: 1 },
			{ regiocode: 'B', regionaam: 'B', gekozen: false, waarde: 2 },
			{ regiocode: 'C', regionaam: 'C', gekozen: false, waarde: 3 }
		];
		expect(unmatched(regiosTekortChart.legend, build(regiosTekortChart, regios))).toEqual([]);
	});

	it('quartiles as DuckDB’s quantile_cont', () => {
		expect(spreiding([1, 2, 3, 4])).toEqual({ regios: 4, min: 1, p25: 1.75, mediaan: 2.5, p75: 3.25, max: 4 });
	});
});
