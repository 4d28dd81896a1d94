/**
 * Every legend swatch looks like a mark of its chart (issue 15, point 5): the swatch that
 * legend-swatch.ts draws for an entry (on the page, in the SVG/PNG export and on a slide) is
 * read back as shape, fill, outline and dash, and the chart's SVG must draw a mark that looks
 * the same. The charts are the committed snapshots (tests/output, kept current by each chart's
 * own test); charts whose legend depends on the rows are built here from rows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { describeMark, drawnMarks, sameMark } from '../../../tests/helpers/marks';
import { compileChart, type CompileContext } from '$lib/notebooks/chart-spec';
import type { ChartSpec, ResultRow } from '$lib/notebooks/types';
import { capaciteitPerGemeenteChart } from './capaciteit/per-gemeente';
import { capaciteitPerTypeChart } from './capaciteit/per-type';
import { perGemeente } from './capaciteit/fixtures.test-helpers';
import { capaciteitTegelkaartChart } from './capaciteit/tegelkaart';
import { dagbestedingPerAanbieder } from './dagbesteding/per-aanbieder';
import { dagbestedingRegioChart } from './dagbesteding/regio';
import { gemeenteCapaciteit } from './gemeente/capaciteit';
import { gemeenteDagbesteding } from './gemeente/dagbesteding';
import { gemeenteHkg } from './gemeente/hkg';
import { gemeenteWlz } from './gemeente/wlz';
import { hkgBodPerGemeente } from './hkg/bod-per-gemeente';
import { HKG_ROWS } from './hkg/fixtures.test-data';
import { hkgModel } from './hkg/model';
import { hkgTotaalPerRonde } from './hkg/totaal-per-ronde';
import { swatchMarkup } from './legend-swatch';
import { overzichtDagbestedingTrend } from './overzicht/dagbesteding-trend';
import { overzichtHkgRondes } from './overzicht/hkg-rondes';
import { overzichtTekortTrend } from './overzicht/tekort-trend';
import { overzichtWlzTrend } from './overzicht/wlz-trend';
import { planningPlanVsTekort } from './planning/plan-vs-tekort';
import { planningTijdlijn } from './planning/tijdlijn';
import { tekortPerType } from './tekort-per-type';
import type { ChartDefinition, LegendItem } from './types';
import { wlzInstroomPerGemeente } from './wlz/instroom-per-gemeente';
import { wlzInstroomPerJaar } from './wlz/instroom-per-jaar';
import { wlzReductieScenario } from './wlz/reductie-scenario';

const OUTPUT = join(import.meta.dirname, '../../../tests/output');

/** The charts with a fixed legend, by the class their snapshot's root carries. */
const FIXED: readonly ChartDefinition<never>[] = [
	capaciteitPerGemeenteChart,
	capaciteitPerTypeChart,
	dagbestedingPerAanbieder,
	dagbestedingRegioChart,
	gemeenteCapaciteit,
	gemeenteDagbesteding,
	gemeenteHkg,
	gemeenteWlz,
	overzichtDagbestedingTrend,
	overzichtHkgRondes,
	overzichtTekortTrend,
	overzichtWlzTrend,
	planningPlanVsTekort,
	planningTijdlijn,
	tekortPerType,
	wlzInstroomPerGemeente,
	wlzInstroomPerJaar,
	wlzReductieScenario
] as unknown as ChartDefinition<never>[];

const TREND: ResultRow[] = [2022, 2023, 2024].flatMap((jaar, i) => [
	{ jaar, reeks: 'Mediaan', waarde: [2.1, 2.3, 2.2][i] },
	{ jaar, reeks: 'Regio als geheel', waarde: [2.4, 2.2, 2.3][i] }
]);
const TREND_COLUMNS = [
	{ name: 'jaar', type: 'INTEGER', numeric: true },
	{ name: 'reeks', type: 'VARCHAR', numeric: false },
	{ name: 'waarde', type: 'DOUBLE', numeric: true }
];
const notebook = (mark: ChartSpec['mark']) =>
	compileChart(`notebook/legenda/${mark}`, { query: 'trend', title: 'Trend', mark, x: mark === 'bar' ? 'reeks' : 'jaar', y: 'waarde', fill: 'reeks' } as ChartSpec, { columns: TREND_COLUMNS, rows: TREND } as unknown as CompileContext);

/** The swatch as drawn in the page's 18 × 14 box. */
const swatch = (item: LegendItem) => drawnMarks(swatchMarkup(item, { x: 0, y: 0, width: 18, height: 14 }));

/** The legend entries whose swatch looks like no mark of the chart. */
function unmatched(items: readonly LegendItem[], svg: string): string[] {
	const marks = drawnMarks(svg);
	return items
		.filter((item) => item.shape !== 'afgeschermd')
		.flatMap((item) => {
			const [drawn] = swatch(item);
			return marks.some((m) => sameMark(m, drawn)) ? [] : [`“${item.label}”: swatch ${describeMark(drawn)}; marks: ${[...new Set(marks.map(describeMark))].join(', ')}`];
		});
}

function build<Row>(chart: ChartDefinition<Row>, rows: readonly Row[]): string {
	const { document } = parseHTML('<!doctype html><html><body></body></html>');
	return chart.build(rows, { width: 720, document }).outerHTML;
}

describe('legend swatches', () => {
	it('draw the shape, colours and dash the entry names', () => {
		expect(swatch({ label: 'a', colour: '#154273', shape: 'bar' })).toEqual([{ kind: 'vlak', fill: '#154273', stroke: null, dash: null }]);
		expect(swatch({ label: 'b', colour: '#fbe1c8', stroke: '#c55a00', dash: '4,2', shape: 'bar' })).toEqual([{ kind: 'vlak', fill: '#fbe1c8', stroke: '#c55a00', dash: '4 2' }]);
		expect(swatch({ label: 'c', colour: '#1a1a1a', shape: 'line', dash: '6 4' })).toEqual([{ kind: 'lijn', fill: null, stroke: '#1a1a1a', dash: '6 4' }]);
		expect(swatch({ label: 'd', colour: '#1a1a1a', shape: 'tick' })).toEqual([{ kind: 'tick', fill: null, stroke: '#1a1a1a', dash: null }]);
		for (const symbol of ['circle', 'square', 'diamond', 'diamond2'] as const) {
			expect(swatch({ label: symbol, colour: '#767676', shape: 'dot', symbol })).toEqual([{ kind: symbol, fill: '#767676', stroke: null, dash: null }]);
		}
	});

	const snapshots = readdirSync(OUTPUT)
		.filter((f) => f.endsWith('.svg'))
		.map((file) => ({ file, svg: readFileSync(join(OUTPUT, file), 'utf8') }))
		.flatMap(({ file, svg }) => {
			const chart = FIXED.find((c) => svg.includes(`class="chart-${c.id}"`));
			return chart ? [{ file, chart, svg }] : [];
		});

	it('cover every chart with a fixed legend', () => {
		expect(new Set(snapshots.map((s) => s.chart.id))).toEqual(new Set(FIXED.map((c) => c.id)));
	});

	it.each(snapshots)('$file: every entry of the legend looks like a mark of the chart', ({ chart, svg }) => {
		expect(unmatched(chart.legend, svg)).toEqual([]);
	});

	const uitstroom = HKG_ROWS.filter((r) => r.categorie === 'uitstroomwoningen');
	const keuze = { ronde: 'definitief', sleutel: 'afgesproken' } as const;
	const cases = [
		{ name: 'hkg-bod-per-gemeente', chart: hkgBodPerGemeente, rows: hkgModel(uitstroom, keuze).gemeenten },
		{ name: 'hkg-bod-per-gemeente, wat-als', chart: hkgBodPerGemeente, rows: hkgModel(uitstroom, { ...keuze, watAls: { GM0505: 72 } }).gemeenten },
		{ name: 'hkg-totaal-per-ronde', chart: hkgTotaalPerRonde, rows: hkgModel(uitstroom, keuze).totalen },
		{ name: 'hkg-totaal-per-ronde, wat-als', chart: hkgTotaalPerRonde, rows: hkgModel(uitstroom, { ...keuze, watAls: { GM0505: 72 } }).totalen },
		...(['line', 'dot', 'bar', 'area'] as const).map((mark) => ({ name: `notebook ${mark} in series`, chart: notebook(mark), rows: TREND }))
	] as { name: string; chart: ChartDefinition<unknown>; rows: unknown[] }[];

	it('capaciteit-tegelkaart: a classed map’s legend is its scale: every tile’s colour is a class of the legend, drawn as a box', () => {
		const rows = perGemeente();
		const legend = capaciteitTegelkaartChart.legendOf!(rows);
		const tiles = drawnMarks(build(capaciteitTegelkaartChart, rows)).filter((m) => m.kind === 'vlak');
		expect(tiles.length).toBeGreaterThan(0);
		expect(legend.every((item) => swatch(item)[0].kind === 'vlak')).toBe(true);
		const classes = new Set(legend.map((item) => item.colour.toLowerCase()));
		expect(tiles.filter((t) => !classes.has(t.fill ?? '')).map(describeMark)).toEqual([]);
	});

	it.each(cases)('$name: the legend of the rows lists what is drawn, each entry like its mark', ({ chart, rows }) => {
		const svg = build(chart, rows);
		expect(unmatched(chart.legendOf?.(rows) ?? chart.legend, svg)).toEqual([]);
	});
});
