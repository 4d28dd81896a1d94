import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderChart } from '$lib/server/charts/render';
import { barRows, narrowTilePositions, textWidth, thinned, tickCount, wrapText } from './narrow';
import { capaciteitPerGemeenteChart } from './capaciteit/per-gemeente';
import { capaciteitTegelkaartChart } from './capaciteit/tegelkaart';
import { perGemeente } from './capaciteit/fixtures.test-helpers';
import { dagbestedingPerAanbieder } from './dagbesteding/per-aanbieder';
import { aanbiederRows, regioRows } from './dagbesteding/fixtures.test-data';
import { dagbestedingRegioChart as dagbestedingRegio } from './dagbesteding/regio';
import { planningTijdlijn } from './planning/tijdlijn';
import { PROJECTEN } from './planning/fixtures.test-data';
import { tekortPerType, type TekortPerTypeRow } from './tekort-per-type';
import { minDisplayWidth } from './text-size';

const TEKORT: TekortPerTypeRow[] = [
	{ voorzieningstype: 'crisisopvang', bestaand: 28, gepland: 4, behoefte: 40, tekort: 12, tekort_na_plan: 8 },
	{ voorzieningstype: 'skaeve_huse', bestaand: 5, gepland: 6, behoefte: 14, tekort: 9, tekort_na_plan: 3 },
	{ voorzieningstype: 'bw_intramuraal', bestaand: 1240, gepland: 0, behoefte: 1180, tekort: 0, tekort_na_plan: 0 }
];

/** The rendered SVG as a DOM, for its texts and positions. */
function svgOf(markup: string): SVGSVGElement {
	return parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document.querySelector('svg') as unknown as SVGSVGElement;
}
/** The texts of every <text> (its tspans joined by a line break). */
const texts = (svg: Element) =>
	[...svg.querySelectorAll('text')].map((t) => {
		const spans = [...t.querySelectorAll('tspan')];
		return spans.length ? spans.map((s) => s.textContent).join('\n') : (t.textContent ?? '');
	});
/** The labels of the value axis' ticks (Plot sets tabular figures on a quantitative axis). */
const xTicks = (svg: Element) => [...svg.querySelectorAll('g[font-variant="tabular-nums"] text')].map((t) => t.textContent);
const render = <Row>(chart: Parameters<typeof renderChart<Row>>[0], rows: readonly Row[], width: number) => renderChart(chart, rows, { title: 'T', width }).svg;

describe('narrow layout helpers', () => {
	it('estimate text width on the wide side and count ticks that fit', () => {
		expect(textWidth('Dordrecht')).toBe(71);
		expect(tickCount(200)).toBe(3);
		expect(tickCount(20)).toBe(2);
		expect(thinned([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026], 3)).toEqual([2019, 2022, 2025]);
	});

	it('wrap text into lines that fit', () => {
		expect(wrapText('Beschermd wonen extramuraal Dordrecht-West', 160)).toEqual(['Beschermd wonen', 'extramuraal', 'Dordrecht-West']);
		expect(wrapText('Kort', 160)).toEqual(['Kort']);
	});

	it('keep the view layout at its width, and put name and value above the bar when narrow', () => {
		const wide = barRows({ width: 760, rowHeight: 30, marginLeft: 150, marginRight: 100, padding: 0.3, labels: ['Dordrecht'], values: ['tekort 4'] });
		expect(wide).toMatchObject({ narrow: false, rowHeight: 30, marginLeft: 150, marginRight: 100, y: { padding: 0.3 } });
		const narrow = barRows({ width: 240, rowHeight: 30, marginLeft: 150, marginRight: 100, padding: 0.3, labels: ['Dordrecht', 'Hardinxveld-Giessendam'], values: ['tekort 4', 'tekort 16 · na plan 12'] });
		expect(narrow.narrow).toBe(true);
		expect(narrow.marginLeft).toBeLessThan(20);
		// Name and value do not fit one line for every bar: two lines each, the bar keeps its thickness.
		expect(narrow.text.get('Hardinxveld-Giessendam')).toBe('Hardinxveld-Giessendam\ntekort 16 · na plan 12');
		expect(narrow.rowHeight).toBe(30 + 2 * 17);
		const short = barRows({ width: 240, rowHeight: 30, marginLeft: 150, marginRight: 100, padding: 0.3, labels: ['Dordrecht'], values: ['tekort 4'] });
		expect(short.text.get('Dordrecht')).toBe('Dordrecht · tekort 4');
	});

	it('flow tiles in rows of what fits, in reading order', () => {
		const tiles = [
			{ x: 2, y: 0 },
			{ x: 0, y: 0 },
			{ x: 1, y: 1 },
			{ x: 4, y: 1 }
		];
		expect(narrowTilePositions(tiles, (t) => t, 760, 10)).toBeNull();
		const flowed = narrowTilePositions(tiles, (t) => t, 240, 10)!;
		expect(tiles.map((t) => flowed.get(t))).toEqual([
			{ x: 1, y: 0 },
			{ x: 0, y: 0 },
			{ x: 0, y: 1 },
			{ x: 1, y: 1 }
		]);
	});
});

describe('charts drawn for a phone', () => {
	it('tekort per type: names and values above the bars, no name column, fewer ticks', () => {
		const svg = svgOf(render(tekortPerType, TEKORT, 240));
		expect(svg.getAttribute('width')).toBe('240');
		const all = texts(svg);
		// 'BW intramuraal · geen tekort' does not fit one line at 240 px: every bar gets two.
		expect(all).toContain('Crisisplekken\ntekort 12');
		expect(all).toContain('BW intramuraal\ngeen tekort');
		// No y axis: the names are not also written in a left margin.
		expect(all.filter((t) => t === 'Crisisplekken')).toHaveLength(0);
		const wide = texts(svgOf(render(tekortPerType, TEKORT, 760)));
		expect(wide).toContain('Crisisplekken');
		expect(wide).toContain('tekort 12');
		expect(xTicks(svg).length).toBeLessThanOrEqual(4);
		expect(xTicks(svg).length).toBeLessThan(xTicks(svgOf(render(tekortPerType, TEKORT, 760))).length);
		// Shown at its own width its 13 px text stays 13 px: the frame need not scale it.
		expect(minDisplayWidth(render(tekortPerType, TEKORT, 240))).toBeLessThanOrEqual(240);
	});

	it('capaciteit per gemeente: the tekort beside its gemeente above the bar', () => {
		const all = texts(svgOf(render(capaciteitPerGemeenteChart, perGemeente(), 240)));
		expect(all).toContain('Gorinchem\ntekort 5 · na plan 1');
		expect(all).toContain('Hardinxveld-Giessendam\ngeen tekort');
	});

	it('tile map: two tiles a row, every name whole', () => {
		const svg = svgOf(render(capaciteitTegelkaartChart, perGemeente(), 240));
		expect(Number(svg.getAttribute('width'))).toBeLessThanOrEqual(240);
		const xs = new Set([...svg.querySelectorAll('rect')].map((r) => r.getAttribute('x')));
		expect(xs.size).toBe(2);
		// Each name is a text of its own (its tile's title follows it inside the element).
		expect(texts(svg).some((t) => t.startsWith('Dordrecht'))).toBe(true);
	});

	it('dagbesteding per aanbieder: one column of panels, years thinned', () => {
		const narrow = svgOf(render(dagbestedingPerAanbieder, aanbiederRows(), 240));
		const wide = svgOf(render(dagbestedingPerAanbieder, aanbiederRows(), 760));
		// The facet groups' x offsets: one column narrow, more at the view's width.
		const columns = (svg: Element) => new Set([...svg.querySelectorAll('g[aria-label="facet"]'), ...svg.querySelectorAll('g[transform^="translate("]')].map((g) => (g.getAttribute('transform') ?? '').split(',')[0])).size;
		expect(columns(narrow)).toBeLessThan(columns(wide));
		expect(Number(narrow.getAttribute('height'))).toBeGreaterThan(Number(wide.getAttribute('height')));
	});

	it('dagbesteding regio: the P×Q label on two lines, no more than four years named', () => {
		const svg = svgOf(render(dagbestedingRegio, regioRows(), 240));
		expect(texts(svg).some((t) => t.startsWith('Overgang op P×Q,\n'))).toBe(true);
		const years = texts(svg).filter((t) => /^\d{4}$/.test(t));
		expect(years.length).toBeGreaterThanOrEqual(1);
		expect(years.length).toBeLessThanOrEqual(4);
	});

	it('planning timeline: each project named above its row, wrapped to the width', () => {
		const svg = svgOf(render(planningTijdlijn, PROJECTEN, 240));
		const labels = texts(svg).filter((t) => t.includes(' · '));
		expect(labels.length).toBe(PROJECTEN.length);
		for (const label of labels) for (const line of label.split('\n')) expect(textWidth(line), line).toBeLessThanOrEqual(240 - 20);
	});
});
