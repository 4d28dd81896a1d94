/**
 * Legible decks (issue 13): for every chart id, every text of its slide image is at least
 * 14 pt on the slide (font size × placed width ÷ rendered width), and the slide's text boxes
 * fit, measured with the shipped font's glyph advances. Charts are loaded from a store built
 * from the example exports (the shipped notebooks are written for them); the choropleth needs a
 * boundaries file the examples do not have, and the examples have no dagbesteding per gemeente
 * above the disclosure threshold, so those two get hand-made rows.
 */
import { isHttpError } from '@sveltejs/kit';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { footerText } from '$lib/charts/meta';
import { capaciteitKaartChart, type KaartRow } from '$lib/charts/capaciteit/kaart';
import { regiosKaartChart, type RegioKaartRij } from '$lib/charts/regios/kaart';
import { gemeenteDagbesteding, gemeenteDagbestedingRows } from '$lib/charts/gemeente/dagbesteding';
import { perGemeente } from '$lib/charts/capaciteit/fixtures.test-helpers';
import { CHART_VIEWS } from '$lib/server/views';
import { FilterError } from '$lib/filters';
import { chartLoader, notebookChartIds, type LoadedChart } from '$lib/server/charts';
import { rewindPolygon } from '$lib/server/geo/boundaries';
import { listNotebooks } from '$lib/server/notebooks/catalog';
import { useExampleStore } from './example-store.test-helpers';
import { buildDeck, parseDeckQuery, slideLayout } from './deck';
import { MIN_PT, slideChartSvg } from './deck-image';
import { lineHeight, textWidth } from './font-metrics';
import { chartSlideLayout, SLIDE, type TextBox } from './slide-layout';
import { svgTexts, svgWidth } from './svg-text';
import { tekortChart } from './fixtures.test-helpers';

useExampleStore();

/** A chart by id with its default filters, or with the first allowed value of a choice it needs (the gemeente charts). */
async function load(id: string, query = ''): Promise<LoadedChart | 'unavailable'> {
	const loader = chartLoader(id);
	if (!loader) throw new Error(`no loader for ${id}`);
	const attempt = (q: string) => loader.load(new URL(`http://localhost/charts/${id}${q ? `?${q}` : ''}`));
	try {
		return await attempt(query);
	} catch (e) {
		if (isHttpError(e) && e.status === 404) return 'unavailable';
		if (!(e instanceof FilterError) && !(isHttpError(e) && e.status === 400)) throw e;
		const choice = (await loader.parameters()).find((p) => p.default === undefined && p.values?.length);
		if (!choice) throw e;
		// the first gemeente with data for this chart
		for (const value of choice.values!) {
			try {
				return await attempt(new URLSearchParams([...new URLSearchParams(query), [choice.name, value]]).toString());
			} catch (inner) {
				if (!(isHttpError(inner) && inner.status === 404)) throw inner;
			}
		}
		return 'unavailable';
	}
}

const square = (x: number, y: number) =>
	rewindPolygon([[[4.6 + x * 0.05, 51.8 + y * 0.05], [4.65 + x * 0.05, 51.8 + y * 0.05], [4.65 + x * 0.05, 51.85 + y * 0.05], [4.6 + x * 0.05, 51.85 + y * 0.05], [4.6 + x * 0.05, 51.8 + y * 0.05]]]);
const kaartChart = (): LoadedChart =>
	tekortChart({
		definition: capaciteitKaartChart as never,
		rows: perGemeente().map((r): KaartRow => ({ ...r, polygonen: [square(r.tegel_x, -r.tegel_y)] })) as never,
		meta: { ...tekortChart().meta, title: 'Tekort per gemeente, peiljaar 2024', subtitle: 'Peiljaar 2024 · alle voorzieningstypen' }
	});

const regiosKaart = (): LoadedChart =>
	tekortChart({
		definition: regiosKaartChart as never,
		rows: [
			{ regiocode: 'CR0505', regionaam: 'Dordrecht', gekozen: true, waarde: 1.25, polygonen: [square(0, 0)] },
			{ regiocode: 'CR0344', regionaam: 'Utrecht', gekozen: false, waarde: null, polygonen: [square(0, 1)] }
		] satisfies RegioKaartRij[] as never,
		meta: { ...tekortChart().meta, title: 'Tekort per 10.000 inwoners per regio op de kaart', subtitle: '2 centrumregio’s' }
	});

const dagbestedingChart = (): LoadedChart =>
	tekortChart({
		definition: gemeenteDagbesteding as never,
		rows: gemeenteDagbestedingRows(
			[
				{ periode: '2020', aandeel: 0.55 },
				{ periode: '2022', aandeel: 0.44 }
			],
			[
				{ periode: '2020', periode_start: '2020-01-01', aandeel: 0.52 },
				{ periode: '2021', periode_start: '2021-01-01', aandeel: 0.47 },
				{ periode: '2022', periode_start: '2022-01-01', aandeel: 0.46 }
			]
		) as never,
		meta: { ...tekortChart().meta, title: 'Dagbesteding in Dordrecht tegen de regio', subtitle: '2020 t/m 2022' }
	});

/** Every text of the chart's slide image with its point size on the slide. */
function slideTextSizes(chart: LoadedChart): { text: string; pt: number }[] {
	const { chart: area } = slideLayout({ chart, request: { id: chart.definition.id, query: '', slidetitel: '', notitie: '' } });
	const { svg } = slideChartSvg(chart, { width: area.w * 72, height: area.h * 72 });
	const placedWidthPt = area.w * 72;
	const renderedWidth = svgWidth(svg);
	return svgTexts(svg).map((t) => ({ text: t.text, pt: (t.size * placedWidthPt) / renderedWidth }));
}

function allIds(): string[] {
	return [...Object.values(CHART_VIEWS).flat(), ...listNotebooks().flatMap((e) => notebookChartIds(e.slug))];
}

/** Variants whose text differs from the defaults: what-if bids, rates instead of counts, counts instead of shares. */
const VARIANTS: [string, string][] = [
	['hkg-bod-per-gemeente', 'bod_GM0505=200'],
	['hkg-totaal-per-ronde', 'bod_GM0505=200'],
	['capaciteit-per-gemeente', 'maat=per_10k'],
	['wlz-instroom-per-jaar', 'measure=absolute'],
	['dagbesteding-regio', 'maat=aantallen']
];

describe('slide images: every text at least 14 pt on the slide', () => {
	it('covers every chart id: the registry, the notebooks, and the map with hand-made areas', async () => {
		const ids = allIds();
		expect(ids.length).toBeGreaterThanOrEqual(25);
		expect(ids.filter((id) => id.startsWith('notebook/')).length).toBeGreaterThan(0);
		const unavailable: string[] = [];
		for (const id of ids) if ((await load(id)) === 'unavailable') unavailable.push(id);
		// measured below with hand-made rows
		expect(unavailable).toEqual(['capaciteit-kaart', 'gemeente-dagbesteding', 'regios-kaart']);
	});

	it('has no text under 14 pt on any chart slide', async () => {
		const smallest: Record<string, number> = {};
		const under: string[] = [];
		const charts: [string, LoadedChart][] = [];
		for (const id of allIds()) {
			const chart = await load(id);
			if (chart !== 'unavailable') charts.push([id, chart]);
		}
		for (const [id, query] of VARIANTS) {
			const chart = await load(id, query);
			if (chart === 'unavailable') throw new Error(`${id}?${query} is unavailable`);
			charts.push([`${id}?${query}`, chart]);
		}
		charts.push(
			['capaciteit-kaart (hand-made areas)', kaartChart()],
			['gemeente-dagbesteding (hand-made rows)', dagbestedingChart()],
			['regios-kaart (hand-made areas)', regiosKaart()]
		);
		for (const [name, chart] of charts) {
			const sizes = slideTextSizes(chart);
			smallest[name] = Math.min(...sizes.map((s) => s.pt));
			for (const s of sizes) if (s.pt < MIN_PT) under.push(`${name}: '${s.text}' ${s.pt.toFixed(2)} pt`);
		}
		expect(under).toEqual([]);
		// every chart draws text (an empty list would pass the check above vacuously)
		for (const [name, value] of Object.entries(smallest)) expect(value, name).toBeLessThan(40);
	});

	it('measures what the slide shows: a 13 px label laid out 600 px wide and placed 9,2 inch wide is 13 × 662,4 ÷ 600 pt', () => {
		const svg =
			'<svg xmlns="http://www.w3.org/2000/svg" width="662.4" height="300" viewBox="0 0 662.4 300">' +
			'<svg x="0" y="0" width="662.4" height="276" viewBox="0 0 600 250" font-size="13px"><g transform="translate(10,20)"><text>Dordrecht</text></g>' +
			'<g font-size="0.5em"><text>klein</text></g></svg><text font-size="14.5">Legenda</text></svg>';
		const texts = svgTexts(svg);
		expect(texts.map((t) => t.text)).toEqual(['Dordrecht', 'klein', 'Legenda']);
		expect(texts[0].size).toBeCloseTo((13 * 662.4) / 600, 6);
		expect(texts[1].size).toBeCloseTo((6.5 * 662.4) / 600, 6);
		expect(texts[2].size).toBe(14.5);
	});
});

/**
 * A font drawn in place of ours (the deck does not embed Source Sans 3): Arial's lines are up to
 * 10 % wider (Liberation Sans, its metrics, measured on our titles and source lines: 1,08-1,10).
 */
const SUBSTITUTE = 1.1;

/**
 * Whether the box's text fits: every line no wider than the box, even in a substitute font 10 %
 * wider (so that it wraps no more there), all lines no higher than it, and the lines are the text.
 */
function fits(box: TextBox): string[] {
	const problems: string[] = [];
	for (const line of box.lines) {
		const width = textWidth(line, box.size, box.weight) * SUBSTITUTE;
		if (width > box.w * 72 + 1e-6) problems.push(`'${line}' is ${width.toFixed(1)} pt wide in a substitute font, in ${(box.w * 72).toFixed(1)} pt`);
	}
	const height = box.lines.length * lineHeight(box.size, box.weight);
	if (height > box.h * 72 + 1e-6) problems.push(`${box.lines.length} lines of ${box.size} pt are ${height.toFixed(1)} pt high in ${(box.h * 72).toFixed(1)} pt`);
	if (box.lines.join(' ') !== box.text) problems.push('the lines are not the text');
	return problems;
}

describe('slide text boxes fit, measured with the shipped font and with room for a wider substitute', () => {
	const LONG_TITLE = 'Bestaande en geplande plekken voor beschermd wonen, maatschappelijke opvang en crisisopvang tegenover de behoefte per gemeente, peiljaar 2026';

	it('wraps a long Dutch title to two lines at a smaller size, and keeps every box inside the slide, in order', () => {
		const layout = chartSlideLayout({ title: LONG_TITLE, subtitle: 'Peiljaar 2026 · alle voorzieningstypen · alle doelgroepen · aantal plekken', source: 'Bron: Capaciteitsonderzoek regio; CBS. Peildatum 1 januari 2026.' });
		expect(layout.title.lines).toHaveLength(2);
		expect(layout.title.size).toBeLessThan(24);
		expect(layout.title.size).toBeGreaterThanOrEqual(16);
		expect(layout.title.text).toBe(LONG_TITLE);
		for (const box of [layout.title, layout.subtitle!, layout.source]) expect(fits(box)).toEqual([]);
		expect(layout.title.y + layout.title.h).toBeLessThanOrEqual(layout.subtitle!.y);
		expect(layout.subtitle!.y + layout.subtitle!.h).toBeLessThanOrEqual(layout.chart.y);
		expect(layout.chart.y + layout.chart.h).toBeLessThanOrEqual(layout.source.y);
		expect(layout.source.y + layout.source.h).toBeLessThanOrEqual(SLIDE.h);
		expect(layout.chart.w * 72).toBeCloseTo(662.4, 6);
	});

	it('keeps a short title at 24 pt on one line, and cuts a title too long even at 16 pt with an ellipsis rather than overflow', () => {
		const short = chartSlideLayout({ title: 'Tekort per gemeente, peiljaar 2026', source: 'Bron: CBS.' });
		expect(short.title).toMatchObject({ size: 24, lines: ['Tekort per gemeente, peiljaar 2026'] });
		const endless = chartSlideLayout({ title: `${LONG_TITLE} ${LONG_TITLE} ${LONG_TITLE}`, source: 'Bron: CBS.' });
		expect(endless.title.size).toBe(16);
		expect(endless.title.lines.at(-1)).toMatch(/…$/);
		for (const line of endless.title.lines) expect(textWidth(line, 16, 700)).toBeLessThanOrEqual(endless.title.w * 72);
		expect(endless.title.lines.length * lineHeight(16, 700)).toBeLessThanOrEqual(endless.title.h * 72);
	});

	it('fits the title, subtitle and source line of every chart slide', async () => {
		const problems: string[] = [];
		for (const id of allIds()) {
			const chart = await load(id);
			if (chart === 'unavailable') continue;
			const layout = slideLayout({ chart, request: { id, query: '', slidetitel: '', notitie: '' } });
			for (const [name, box] of Object.entries({ title: layout.title, subtitle: layout.subtitle, source: layout.source })) {
				if (box) problems.push(...fits(box).map((p) => `${id} ${name}: ${p}`));
			}
			// nothing cut: the example titles, filters and sources fit whole
			expect(layout.title.text, id).toBe(chart.meta.title);
			expect(layout.source.text, id).toBe(footerText(chart.meta));
			expect(layout.chart.h, id).toBeGreaterThan(3.3);
		}
		expect(problems).toEqual([]);
	});

	it('writes those sizes and boxes into the deck: the runs carry the fitted size, the picture fills the chart area', async () => {
		const deck = await buildDeck(parseDeckQuery(new URL(`http://localhost/deck.pptx?chart=capaciteit-per-gemeente&slidetitel=${encodeURIComponent(LONG_TITLE)}`)));
		const zip = await JSZip.loadAsync(deck.body);
		const slide = await zip.file('ppt/slides/slide2.xml')!.async('string');
		const chart = await load('capaciteit-per-gemeente');
		if (chart === 'unavailable') throw new Error('capaciteit-per-gemeente is unavailable');
		const layout = slideLayout({ chart, request: { id: 'capaciteit-per-gemeente', query: '', slidetitel: LONG_TITLE, notitie: '' } });
		// EMU (914400 an inch), to the thousandth of an inch the deck rounds boxes to
		const near = (emu: number, inches: number) => Math.abs(emu - inches * 914400) < 915;
		// title: its fitted size (hundredths of a point), the charts' font, no inner margins
		expect(slide).toContain(`sz="${layout.title.size * 100}"`);
		expect(slide).toContain('typeface="Source Sans 3"');
		expect(slide).toMatch(/lIns="0" tIns="0" rIns="0" bIns="0"|lIns="0" rIns="0" bIns="0" tIns="0"/);
		const pic = /<p:pic>[\s\S]*?<a:off x="(\d+)" y="(\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(slide);
		expect(pic).not.toBeNull();
		const [, x, y, cx, cy] = pic!.map(Number);
		expect([near(x, layout.chart.x), near(y, layout.chart.y), near(cx, layout.chart.w), near(cy, layout.chart.h)], JSON.stringify({ x, y, cx, cy, layout: layout.chart })).toEqual([true, true, true, true]);
	});
});
