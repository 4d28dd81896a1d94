import { isHttpError } from '@sveltejs/kit';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_VIEWS } from '$lib/server/views';
import { footerText } from '$lib/charts/meta';
import { viewDeckHref } from '$lib/export-links';
import { deckHref } from '$lib/presentatiemap/map';
import { loadChart } from '$lib/server/charts';
import { useFixtureStore } from '../../../../tests/helpers/fixture-store';
import { GET } from '../../../routes/deck.pptx/+server';
import { deckImage, slideChartSvg } from './deck-image';
import { decodePng, inkShare, pngSize, tekortChart } from './fixtures.test-helpers';
import { deckFileName, mapLimit, regionLine } from './deck';

useFixtureStore({ beforeAll, afterAll });

async function get(path: string): Promise<{ status: number; headers: Headers; body: Uint8Array; message?: string }> {
	const url = new URL(path, 'http://localhost');
	try {
		const response = await GET({ url } as never);
		return { status: response.status, headers: response.headers, body: new Uint8Array(await response.arrayBuffer()) };
	} catch (e) {
		if (isHttpError(e)) return { status: e.status, headers: new Headers(), body: new Uint8Array(), message: e.body.message };
		throw e;
	}
}

/** Slide and notes XML by number, and the media files. */
async function unzipDeck(bytes: Uint8Array) {
	const zip = await JSZip.loadAsync(bytes);
	const names = Object.keys(zip.files);
	const numbered = (re: RegExp) =>
		names
			.map((n) => [n, re.exec(n)?.[1]] as const)
			.filter(([, i]) => i !== undefined)
			.sort((a, b) => Number(a[1]) - Number(b[1]))
			.map(([n]) => n);
	const read = (list: string[]) => Promise.all(list.map((n) => zip.file(n)!.async('string')));
	const media = names.filter((n) => /^ppt\/media\/.+\.png$/.test(n));
	return {
		names,
		slides: await read(numbered(/^ppt\/slides\/slide(\d+)\.xml$/)),
		notes: await read(numbered(/^ppt\/notesSlides\/notesSlide(\d+)\.xml$/)),
		media: await Promise.all(media.map((n) => zip.file(n)!.async('uint8array')))
	};
}

/** The text of DrawingML runs, joined (XML entities decoded). */
function runText(xml: string): string {
	return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
		.map((m) => m[1])
		.join('\n')
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
		.replaceAll('&quot;', '"')
		.replaceAll('&apos;', "'")
		.replaceAll('&amp;', '&');
}

const url = (path: string) => new URL(path, 'http://localhost');

interface DeckChart {
	id: string;
	query?: string;
	slidetitel?: string;
	notitie?: string;
}

/** The deck link the presentatiemap makes of these charts. */
function chartsDeckHref(charts: readonly DeckChart[], titel = ''): string {
	return deckHref({ titel, items: charts.map((c, i) => ({ id: String(i), chartId: c.id, query: c.query ?? '', title: '', slideTitle: c.slidetitel, note: c.notitie })) });
}

describe('GET /deck.pptx', () => {
	it('builds a deck of three charts: title slide, a slide per chart with image and editable text, notes with the table', async () => {
		const charts = [
			{ id: 'capaciteit-per-type', query: 'peiljaar=2024' },
			{ id: 'wlz-instroom-per-jaar', query: '', slidetitel: 'Eigen titel voor de Wlz', notitie: 'Vraag aan de regio: klopt dit?' },
			{ id: 'tekort-per-type', query: '' }
		];
		const response = await get(chartsDeckHref(charts, 'Overleg BW&O'));
		expect(response.status, response.message).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="regiomonitor-\d{4}-\d{2}-\d{2}\.pptx"$/);

		const deck = await unzipDeck(response.body);
		expect(deck.slides).toHaveLength(4);
		expect(deck.names).toEqual(expect.arrayContaining(['ppt/slides/slide1.xml', 'ppt/slides/slide2.xml', 'ppt/slides/slide3.xml', 'ppt/slides/slide4.xml']));
		expect(deck.media).toHaveLength(3);
		// the slide's chart area (9,2 inch wide, the room between the text boxes high) at 200 dpi
		for (const image of deck.media) {
			const { width, height } = pngSize(image);
			expect(width).toBe(1840);
			expect(height).toBeGreaterThan(700);
			expect(height).toBeLessThan(900);
		}

		const title = runText(deck.slides[0]);
		expect(title).toContain('Overleg BW&O');
		expect(title).toContain('Centrumregio Dordrecht');
		expect(title).toMatch(/\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/);

		for (const [i, c] of charts.entries()) {
			const chart = await loadChart(c.id, url(`/charts/${c.id}.png?${c.query}`));
			const slide = runText(deck.slides[i + 1]);
			expect(slide).toContain(c.slidetitel ?? chart.meta.title);
			if (chart.meta.subtitle) expect(slide).toContain(chart.meta.subtitle);
			expect(slide).toContain(footerText(chart.meta));
			if (chart.meta.illustratief) expect(slide).toContain('Illustratief');

			const xml = deck.notes.find((n) => runText(n).includes(`Grafiek: ${c.id}`)) ?? '';
			const notes = runText(xml);
			const table = chart.definition.table(chart.rows);
			// one paragraph a line, no raw line feeds inside a run
			expect(xml).not.toMatch(/<a:t>[^<]*\n/);
			expect(notes).toContain(table.columns.map((col) => col.label).join(' | '));
			for (const row of table.rows) expect(notes).toContain(row.join(' | '));
			if (chart.meta.subtitle) expect(notes).toContain(`Filters: ${chart.meta.subtitle}`);
			if (c.query) expect(notes).toContain(`?${c.query}`);
			// the presenter's note first, then filters and source, the data table last
			const order = [c.notitie, 'Filters: ', footerText(chart.meta), 'Gegevens:', table.columns[0].label].filter((t): t is string => !!t).map((t) => notes.indexOf(t));
			expect(order.every((at) => at >= 0), JSON.stringify(order)).toBe(true);
			expect(order).toEqual([...order].sort((a, b) => a - b));
			if (c.notitie) expect(notes.startsWith(c.notitie)).toBe(true);
			// after the table only the notes page's slide number
			expect(notes.slice(notes.indexOf(table.rows.at(-1)!.join(' | ')) + table.rows.at(-1)!.join(' | ').length).trim()).toMatch(/^\d+$/);
		}
	});

	it('404s for an unknown chart id, in Dutch, naming it', async () => {
		const response = await get(chartsDeckHref([{ id: 'capaciteit-per-type' }, { id: 'bestaat-niet' }]));
		expect(response.status).toBe(404);
		expect(response.message).toContain("'bestaat-niet'");
		expect(response.message).toContain('Grafiek 2');
	});

	it('400s for an invalid filter, naming the chart', async () => {
		const response = await get(chartsDeckHref([{ id: 'wlz-instroom-per-jaar' }, { id: 'capaciteit-per-type', query: 'peiljaar=1850' }]));
		expect(response.status).toBe(400);
		expect(response.message).toMatch(/^Grafiek 2 \('capaciteit-per-type'\): .*peiljaar/i);
	});

	it('400s without charts, with more than 40, or with more slide titles than charts', async () => {
		expect((await get('/deck.pptx')).status).toBe(400);
		const many = Array.from({ length: 41 }, () => ({ id: 'tekort-per-type' }));
		const tooMany = await get(chartsDeckHref(many));
		expect(tooMany.status).toBe(400);
		expect(tooMany.message).toContain('40');
		expect((await get('/deck.pptx?chart=tekort-per-type&slidetitel=a&slidetitel=b')).status).toBe(400);
		expect((await get('/deck.pptx?chart=tekort-per-type&weergave=/wlz')).status).toBe(400);
	});

	it('builds the deck of a whole view: one slide per chart plus the title slide', async () => {
		const response = await get(viewDeckHref('/wlz', '?maat=absolute'));
		expect(response.status, response.message).toBe(200);
		const deck = await unzipDeck(response.body);
		expect(deck.slides).toHaveLength(CHART_VIEWS.wlz.length + 1);
		expect(deck.media).toHaveLength(CHART_VIEWS.wlz.length);
	});

	it('404s for an unknown view, 400s for an invalid filter of a view', async () => {
		expect((await get(viewDeckHref('/bestaat-niet'))).status).toBe(404);
		const invalid = await get(viewDeckHref('/capaciteit', 'peiljaar=1850'));
		expect(invalid.status).toBe(400);
		expect(invalid.message).toMatch(/^Grafiek 1 \('capaciteit-/);
	});
});

describe('deck helpers', () => {
	it('draws the slide image without title, subtitle and source line (the slide has them as text), the chart area in size, with ink', async () => {
		const chart = tekortChart();
		const { svg } = slideChartSvg(chart, { width: 662.4, height: 280 });
		expect(svg).not.toContain(chart.meta.title);
		expect(svg).not.toContain('Peiljaar 2024 · alle gemeenten');
		expect(svg).not.toContain('Bron:');
		expect(svg).toContain('Crisisplekken');
		const { width, height, pixels } = decodePng(await deckImage(chart, { w: 9.2, h: 3.9 }));
		expect({ width, height }).toEqual({ width: 1840, height: 780 });
		expect(inkShare(pixels)).toBeGreaterThan(0.01);
	});

	it('names the file after the date in the Netherlands', () => {
		expect(deckFileName(new Date('2026-03-01T23:30:00Z'))).toBe('regiomonitor-2026-03-02.pptx');
	});

	it('writes the region once as centrumregio', () => {
		expect(regionLine('Dordrecht')).toBe('Centrumregio Dordrecht');
		expect(regionLine('Centrumregio Dordrecht')).toBe('Centrumregio Dordrecht');
	});

	it('runs at most the limit at a time, results in order', async () => {
		let running = 0;
		let most = 0;
		const out = await mapLimit([5, 1, 3, 2, 4], 2, async (n) => {
			running++;
			most = Math.max(most, running);
			await new Promise((r) => setTimeout(r, n));
			running--;
			return n * 10;
		});
		expect(out).toEqual([50, 10, 30, 20, 40]);
		expect(most).toBe(2);
	});

	it('builds the links the pages use', () => {
		expect(viewDeckHref('/capaciteit', '?peiljaar=2024')).toBe('/deck.pptx?weergave=%2Fcapaciteit%3Fpeiljaar%3D2024');
	});
});
