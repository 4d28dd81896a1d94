/**
 * A 16:9 PowerPoint deck of charts (GET /deck.pptx), built on the server with pptxgenjs: a
 * title slide (deck title, today's date, the region of the snapshot), then one slide per chart
 * with its image rendered for the slide (chart and legend only, filling the chart area, every
 * text at least 14 pt: see deck-image.ts) and its title, subtitle and source line as editable
 * text boxes in the charts' font, sized with the font's own metrics so they fit their boxes
 * (font-metrics.ts), every run tagged nl-NL (pptx-finish.ts), and in the speaker notes the
 * presenter's own note, then filters and source, the data table last with Dutch column titles.
 *
 * Two ways to name the charts:
 * - `chart=<id>?<query>` repeated (1–40), with `slidetitel` and `notitie` repeated in the same
 *   order (empty allowed, missing at the end allowed), and an optional `titel` for the deck;
 * - `weergave=<view path>?<query>` (`/capaciteit?peiljaar=2024`, `/gemeente/GM0505`): every
 *   chart of that view with the same filters; charts the snapshot has no data for are left out,
 *   as the view shows a notice instead of them, and a chart the view shows instead of another
 *   (the map, when there are boundaries, instead of the tile map) takes that one's place.
 *
 * Every chart is loaded (and so validated) before any image is rendered: an unknown id is a
 * 404, an invalid filter a 400 naming the chart, both in Dutch, never a 500.
 */
import { error, isHttpError } from '@sveltejs/kit';
import PptxGenJS from 'pptxgenjs';
import { z } from 'zod';
import { CHART_VIEWS, MEER_REGIOS_CHARTS } from '$lib/server/views';
import { footerText } from '$lib/charts/meta';
import { formatDate } from '$lib/domain/format';
import { FilterError } from '$lib/filters';
import { regios, snapshotInfo } from '$lib/server/db/queries';
import { chartLoader, CHART_LOADERS, notebookChartIds, type LoadedChart } from '../charts';
import { deckImage } from './deck-image';
import { FONT_FAMILY } from './fonts';
import { lineHeight } from './font-metrics';
import { DECK_LANG, finishPptx } from './pptx-finish';
import { chartSlideLayout, fitBox, SLIDE, TEXT_STYLES, type ChartSlideLayout, type TextBox } from './slide-layout';
import { kolomTitel } from './table-cells';

export const MAX_CHARTS = 40;
export const DEFAULT_DECK_TITLE = 'Regiomonitor BW&O';
/** Images rendered at the same time: resvg is CPU-bound and the machine has 2 cores. */
export const PNG_CONCURRENCY = 2;

export interface DeckSlideRequest {
	id: string;
	/** The chart's filters, without '?' (`peiljaar=2024&type=skaeve_huse`). */
	query: string;
	slidetitel: string;
	notitie: string;
}

export interface DeckRequest {
	titel: string;
	slides: DeckSlideRequest[];
	/** For a whole-view deck: leave out charts the snapshot has no data for instead of failing. */
	skipMissing: boolean;
}

const text = (name: string, max: number) =>
	z.string().max(max, { message: `Parameter '${name}' mag hoogstens ${max} tekens hebben.` });

const chartRef = z
	.string()
	.trim()
	.min(1, { message: "Parameter 'chart' mag niet leeg zijn: gebruik chart=<id>?<filters>." })
	.max(2000, { message: "Parameter 'chart' is te lang." })
	.transform((value) => {
		// Also accept the path of a chart download (/charts/<id>.png?…), as the export menu links it.
		const [path, ...rest] = value.split('?');
		const id = path.replace(/^\/?charts\//, '').replace(/\.(svg|png|csv|xlsx)$/, '');
		return { id, query: rest.join('?') };
	});

const deckQuerySchema = z
	.object({
		chart: z.array(chartRef).max(MAX_CHARTS, { message: `Een presentatie heeft hoogstens ${MAX_CHARTS} grafieken.` }),
		weergave: z.array(text('weergave', 2000)).max(1, { message: "Parameter 'weergave' mag maar één keer voorkomen." }),
		titel: z.array(text('titel', 200)).max(1, { message: "Parameter 'titel' mag maar één keer voorkomen." }),
		slidetitel: z.array(text('slidetitel', 200)),
		notitie: z.array(text('notitie', 5000))
	})
	.superRefine((q, ctx) => {
		if (q.weergave.length && q.chart.length) ctx.addIssue({ code: 'custom', message: "Gebruik 'chart' of 'weergave', niet allebei." });
		else if (!q.weergave.length && !q.chart.length)
			ctx.addIssue({ code: 'custom', message: `Geef 1 tot ${MAX_CHARTS} grafieken op met chart=<id>?<filters>, of een weergave met weergave=/capaciteit?<filters>.` });
		if (q.slidetitel.length > Math.max(q.chart.length, 0) || q.notitie.length > Math.max(q.chart.length, 0))
			ctx.addIssue({ code: 'custom', message: "Er zijn meer 'slidetitel'- of 'notitie'-parameters dan grafieken." });
	});

/** Parse and check the deck's parameters; a 400 or 404 (Dutch) via SvelteKit's error(). */
export function parseDeckQuery(url: URL): DeckRequest {
	const p = url.searchParams;
	const parsed = deckQuerySchema.safeParse({
		chart: p.getAll('chart'),
		weergave: p.getAll('weergave'),
		titel: p.getAll('titel'),
		slidetitel: p.getAll('slidetitel'),
		notitie: p.getAll('notitie')
	});
	if (!parsed.success) error(400, { message: parsed.error.issues[0]?.message ?? 'Ongeldige parameters.' });
	const q = parsed.data;
	const titel = q.titel[0]?.trim() || DEFAULT_DECK_TITLE;
	if (q.weergave.length) return { titel, slides: viewSlides(q.weergave[0]), skipMissing: true };
	const slides = q.chart.map(({ id, query }, i) => {
		if (!chartLoader(id)) error(404, { message: `Grafiek ${i + 1}: er is geen grafiek met id '${id.slice(0, 60)}'. GET /charts geeft alle grafieken.` });
		return { id, query, slidetitel: q.slidetitel[i]?.trim() ?? '', notitie: q.notitie[i]?.trim() ?? '' };
	});
	return { titel, slides, skipMissing: false };
}

/**
 * The charts of a view, in the view's order, each with the view's filters. `/gemeente/GM0505`
 * becomes the gemeente charts with `gemeente=GM0505`.
 */
function viewSlides(weergave: string): DeckSlideRequest[] {
	const [rawPath, ...rest] = weergave.trim().split('?');
	const search = new URLSearchParams(rest.join('?'));
	const path = '/' + rawPath.replace(/^\/+|\/+$/g, '');
	let view = path;
	const gemeente = /^\/gemeente\/([^/]+)$/.exec(path);
	if (gemeente) {
		view = '/gemeente/[code]';
		let code: string;
		try {
			code = decodeURIComponent(gemeente[1]);
		} catch {
			// a malformed escape (`%E0%A4%A`) is no gemeente: the same 404 as an unknown view
			error(404, { message: `Er is geen weergave '${path.slice(0, 60)}' met grafieken.` });
		}
		search.set('gemeente', code);
	}
	const notebook = /^\/notebooks\/([^/]+)$/.exec(path);
	const ids = notebook
		? notebookChartIds(notebook[1])
		: Object.values(CHART_VIEWS)
				.flat()
				.filter((id) => CHART_LOADERS[id]?.view === view);
	if (ids.length === 0) error(404, { message: `Er is geen weergave '${path.slice(0, 60)}' met grafieken.` });
	const query = search.toString();
	return ids.map((id) => ({ id, query, slidetitel: '', notitie: '' }));
}

export interface DeckSlide {
	request: DeckSlideRequest;
	chart: LoadedChart;
}

/** Load every chart of the deck: 404 for an unknown id, 400 naming the chart for an invalid filter. */
export async function loadDeckCharts(request: DeckRequest): Promise<DeckSlide[]> {
	const slides: DeckSlide[] = [];
	for (const [i, slide] of request.slides.entries()) {
		const label = `Grafiek ${i + 1} ('${slide.id}')`;
		const loader = chartLoader(slide.id);
		if (!loader) error(404, { message: `${label}: deze grafiek bestaat niet. GET /charts geeft alle grafieken.` });
		try {
			const url = new URL(`/charts/${encodeURIComponent(slide.id)}.png${slide.query ? `?${slide.query}` : ''}`, 'http://localhost');
			slides.push({ request: slide, chart: await loader.load(url) });
		} catch (e) {
			if (e instanceof FilterError) error(400, { message: `${label}: ${e.message}` });
			if (isHttpError(e)) {
				if (request.skipMissing && e.status === 404) continue;
				error(e.status, { message: `${label}: ${e.body.message}` });
			}
			throw e;
		}
	}
	if (slides.length === 0) error(404, { message: 'Geen van de grafieken heeft gegevens in deze gegevensset.' });
	if (!request.skipMissing) return slides;
	// A whole view shows the map instead of the tile map when it can draw it: so does its deck.
	const loadedIds = new Set(slides.map((s) => s.request.id));
	// Nor does it show a comparison with other regions when the store has none (issue 12).
	const eenRegio = (await regios()).length <= 1;
	return slides.filter(
		(s) => !Object.entries(SHOWN_INSTEAD).some(([instead, of]) => of === s.request.id && loadedIds.has(instead)) && !(eenRegio && MEER_REGIOS_CHARTS.has(s.request.id))
	);
}

/** Charts a view shows instead of another when they load: chart id → the id it replaces. */
export const SHOWN_INSTEAD: Readonly<Record<string, string>> = { 'capaciteit-kaart': 'capaciteit-tegelkaart' };

/** Run `fn` over `items` with at most `limit` at a time, results in order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			results[i] = await fn(items[i], i);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}

/** Today in the Netherlands as yyyy-mm-dd. */
export function todayIso(now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function deckFileName(now = new Date()): string {
	return `regiomonitor-${todayIso(now)}.pptx`;
}

/** 'Centrumregio Dordrecht' from the snapshot's regio_naam, whether or not it already says 'centrumregio'. */
export function regionLine(regioNaam: string): string {
	const naam = regioNaam.replace(/^centrumregio\s+/i, '').trim();
	return naam ? `Centrumregio ${naam}` : 'Centrumregio';
}

/**
 * The slide notes: the presenter's own note first, then the filters and the source line, the
 * chart's address, and last the data table, its column titles in words.
 */
export function slideNotes({ request, chart }: DeckSlide): string {
	const table = chart.definition.table(chart.rows);
	const lines = [
		...(request.notitie ? [request.notitie, ''] : []),
		`Filters: ${chart.meta.subtitle?.trim() || 'geen (standaardweergave)'}`,
		footerText(chart.meta),
		`Grafiek: ${request.id}${request.query ? `?${request.query}` : ''}`,
		'',
		'Gegevens:',
		table.columns.map((c) => kolomTitel(c.label)).join(' | '),
		...table.rows.map((row) => row.join(' | '))
	];
	return lines.join('\n');
}

const INK = '1F2933';
const MUTED = '52606D';
const FONT = FONT_FAMILY;

const W = SLIDE.w;
const MARGIN = SLIDE.margin;

/**
 * pptxgenjs options of a fitted text box: its size, the charts' font, Dutch, no inner margins
 * (the measured box is the text's box) and the measured line height as exact line spacing, so
 * PowerPoint and LibreOffice put the lines where they were measured. No autofit: PowerPoint
 * applies it only once the text is edited, so the text as written must fit, and does.
 */
function textOptions(box: TextBox, color: string) {
	const r = (n: number) => Math.round(n * 1000) / 1000;
	return {
		x: r(box.x),
		y: r(box.y),
		w: r(box.w),
		h: r(box.h),
		fontFace: FONT,
		fontSize: box.size,
		bold: box.weight === 700,
		color,
		lang: DECK_LANG,
		lineSpacing: r(lineHeight(box.size, box.weight)),
		margin: [0, 0, 0, 0] as [number, number, number, number],
		valign: 'top' as const,
		fit: 'none' as const
	};
}

export interface BuiltDeck {
	body: Buffer;
	fileName: string;
	slides: number;
}

/** Where title, subtitle, chart and source line go on the slide of a chart. */
export function slideLayout({ chart, request }: DeckSlide): ChartSlideLayout {
	return chartSlideLayout({ title: request.slidetitel || chart.meta.title, subtitle: chart.meta.subtitle, source: footerText(chart.meta) });
}

/**
 * The region the deck is about: the one every slide names with `regio` (none: the manifest's),
 * or the manifest's when slides name different regions.
 */
async function deckRegioNaam(slides: readonly DeckSlide[], standaardNaam: string): Promise<string> {
	const codes = new Set(slides.map((s) => new URLSearchParams(s.request.query).get('regio') ?? ''));
	const [code] = codes;
	if (codes.size !== 1 || code === '') return standaardNaam;
	return (await regios()).find((r) => r.code === code)?.naam ?? standaardNaam;
}

/** The deck as PPTX bytes. */
export async function buildDeck(request: DeckRequest, { now = new Date() }: { now?: Date } = {}): Promise<BuiltDeck> {
	const slides = await loadDeckCharts(request);
	const info = await snapshotInfo();
	const regioNaam = await deckRegioNaam(slides, info.regio_naam);
	const layouts = slides.map((slide) => slideLayout(slide));
	const images = await mapLimit(slides, PNG_CONCURRENCY, ({ chart }, i) => deckImage(chart, layouts[i].chart));

	const pptx = new PptxGenJS();
	pptx.layout = 'LAYOUT_16x9';
	pptx.title = request.titel;
	pptx.author = DEFAULT_DECK_TITLE;
	pptx.company = regionLine(regioNaam);
	pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };

	const title = pptx.addSlide();
	const deckTitle = fitBox(request.titel, TEXT_STYLES.deckTitle, { x: MARGIN, y: 0, w: W - 2 * MARGIN });
	title.addText(deckTitle.text, textOptions({ ...deckTitle, y: 2.8 - deckTitle.h }, INK));
	// Date and region at 18 pt on one line each (fitBox wraps or shrinks a long region name), aligned with the title.
	const date = fitBox(formatDate(todayIso(now)), TEXT_STYLES.titleLine, { x: MARGIN, y: 2.95, w: W - 2 * MARGIN });
	title.addText(date.text, textOptions(date, MUTED));
	const region = fitBox(regionLine(regioNaam), TEXT_STYLES.titleLine, { x: MARGIN, y: 3.4, w: W - 2 * MARGIN });
	title.addText(region.text, textOptions(region, MUTED));
	title.addNotes(`${request.titel}\n${regionLine(regioNaam)}\nGegevensset ${info.snapshot_id} van ${formatDate(info.created_at.slice(0, 10))}.`);

	// Title and subtitle above the chart area, source line under it; the image is the chart area.
	for (const [i, slide] of slides.entries()) {
		const { chart, request: r } = slide;
		const s = pptx.addSlide();
		const layout = layouts[i];
		s.addText(layout.title.text, textOptions(layout.title, INK));
		if (layout.subtitle) s.addText(layout.subtitle.text, textOptions(layout.subtitle, MUTED));
		s.addImage({
			data: `image/png;base64,${Buffer.from(images[i]).toString('base64')}`,
			...layout.chart,
			altText: chart.definition.describe(chart.rows)
		});
		s.addText(layout.source.text, textOptions(layout.source, MUTED));
		s.addNotes(slideNotes(slide));
	}

	const body = await finishPptx((await pptx.write({ outputType: 'nodebuffer' })) as Buffer);
	return { body, fileName: deckFileName(now), slides: slides.length + 1 };
}
