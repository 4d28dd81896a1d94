/**
 * Exports benchmark (issue 4), in-process on a store built by the real ingest from the example
 * exports (no app server, no HTTP: the figures are the server's work):
 * - every chart id as a 1920×1080 PNG (`png(chart, { formaat: '16x9' })`, what
 *   /charts/<id>.png?formaat=16x9 sends): median of 3 renders after loading the chart once (the
 *   load is reported apart), next to the same chart as standalone SVG (what
 *   /charts/<id>.svg sends), the vector figure the PNG is rasterised from. Target: < 300 ms.
 * - a 12-chart deck through the real endpoint function (GET /deck.pptx), from the request to
 *   the last byte of the response: loading and validating the charts, the 12 slide images (2 at
 *   a time), pptxgenjs and the zip. Median of 3 (and the first, cold, run), next to the sum of
 *   the 12 charts' PNG medians. Target: < 3 s.
 */
import { isHttpError } from '@sveltejs/kit';
import { CHART_VIEWS } from '../src/lib/server/views';
import { chartLoader } from '../src/lib/server/charts';
import type { LoadedChart } from '../src/lib/server/charts/types';
import { closeStore, useStore } from '../src/lib/server/db/store';
import { png } from '../src/lib/server/export/png';
import { standaloneSvg } from '../src/lib/server/export/svg';
import { GET } from '../src/routes/deck.pptx/+server';
import { withExampleStore } from './app';
import { dec, int, mb, ms, ratio, table, yesNo } from './format';
import { maxBy, median, timed } from './stats';
import type { Suite } from './suite';

export const PNG_TARGET_MS = 300;
export const DECK_TARGET_MS = 3000;
export const DECK_CHARTS = 12;
const RUNS = 3;

export interface PngResult {
	id: string;
	/** Query the chart was loaded with (a value for every parameter without a default). */
	query: string;
	/** False when the snapshot has no data for this chart (its loader 404s, as the view shows a notice). */
	beschikbaar: boolean;
	laadMs?: number;
	pngMs?: number[];
	medianMs?: number;
	/** Median of the same chart as standalone SVG. */
	svgMedianMs?: number;
	bytes?: number;
	gehaald?: boolean;
}

export interface ExportsBenchResult {
	runs: number;
	doelPngMs: number;
	doelDeckMs: number;
	png: PngResult[];
	deck: {
		charts: string[];
		slides: number;
		bytes: number;
		ms: number[];
		eersteMs: number;
		medianMs: number;
		/** Sum of the PNG medians of the deck's charts. */
		pngSomMs: number;
		gehaald: boolean;
	};
}

/** A query string with the first allowed value of every single-valued parameter without a default (gemeente=…). */
async function requiredQuery(id: string): Promise<string> {
	const query = new URLSearchParams();
	for (const p of await chartLoader(id)!.parameters()) if (p.default === undefined && !p.multiple && p.values?.length) query.set(p.name, p.values[0]);
	return query.toString();
}

/** The chart loaded as its download URL loads it, or null when the store has no data for it (404). */
async function loadChart(id: string, query: string): Promise<LoadedChart | null> {
	try {
		return await chartLoader(id)!.load(new URL(`/charts/${id}.png?${query ? `${query}&` : ''}formaat=16x9`, 'http://localhost'));
	} catch (e) {
		if (isHttpError(e) && e.status === 404) return null;
		throw e;
	}
}

async function pngPerChart(): Promise<PngResult[]> {
	const results: PngResult[] = [];
	for (const id of Object.values(CHART_VIEWS).flat()) {
		const query = await requiredQuery(id);
		const { ms: laadMs, value: chart } = await timed(() => loadChart(id, query));
		if (!chart) {
			results.push({ id, query, beschikbaar: false });
			continue;
		}
		const pngMs: number[] = [];
		const svgMs: number[] = [];
		let bytes = 0;
		for (let i = 0; i < RUNS; i++) {
			const rendered = await timed(() => png(chart, { formaat: '16x9' }));
			pngMs.push(rendered.ms);
			bytes = rendered.value.byteLength;
			svgMs.push((await timed(async () => standaloneSvg(chart))).ms);
		}
		const medianMs = median(pngMs);
		results.push({ id, query, beschikbaar: true, laadMs, pngMs, medianMs, svgMedianMs: median(svgMs), bytes, gehaald: medianMs < PNG_TARGET_MS });
	}
	return results;
}

async function deck(png: readonly PngResult[]): Promise<ExportsBenchResult['deck']> {
	// 12 charts from across the views (repeated from the start if fewer are available).
	const available = png.filter((r) => r.beschikbaar);
	const charts = Array.from({ length: DECK_CHARTS }, (_, i) => available[i % available.length]);
	const search = new URLSearchParams({ titel: 'Benchmark: 12 grafieken' });
	for (const r of charts) search.append('chart', r.query ? `${r.id}?${r.query}` : r.id);
	const url = new URL(`/deck.pptx?${search}`, 'http://localhost');
	const times: number[] = [];
	let bytes = 0;
	for (let i = 0; i < RUNS; i++) {
		const { ms: elapsed, value: response } = await timed(async () => {
			const response = await GET({ url } as never);
			return { status: response.status, body: new Uint8Array(await response.arrayBuffer()) };
		});
		if (response.status !== 200) throw new Error(`GET /deck.pptx gaf ${response.status}`);
		times.push(elapsed);
		bytes = response.body.byteLength;
	}
	const medianMs = median(times);
	return {
		charts: charts.map((r) => r.id),
		slides: DECK_CHARTS + 1,
		bytes,
		ms: times,
		eersteMs: times[0],
		medianMs,
		pngSomMs: charts.reduce((n, r) => n + r.medianMs!, 0),
		gehaald: medianMs < DECK_TARGET_MS
	};
}

export const exportsSuite: Suite<ExportsBenchResult> = {
	name: 'exports',
	title: () => `Exports: PNG 1920×1080 per grafiek (mediaan van ${RUNS}) naast dezelfde grafiek als SVG, en een presentatie van ${DECK_CHARTS} grafieken, voorbeeldgegevens`,
	run: () =>
		withExampleStore(async (paths) => {
			await useStore(paths.store, { checkIntervalMs: 0 });
			try {
				const results = await pngPerChart();
				return { runs: RUNS, doelPngMs: PNG_TARGET_MS, doelDeckMs: DECK_TARGET_MS, png: results, deck: await deck(results) };
			} finally {
				await closeStore();
			}
		}),
	print(r) {
		console.log(
			table(
				['grafiek', 'laden', 'PNG mediaan', 'SVG mediaan', 'PNG ÷ SVG', 'PNG KB', `<${r.doelPngMs} ms`],
				r.png.map((p) =>
					p.beschikbaar
						? [p.id, ms(p.laadMs!), ms(p.medianMs!), ms(p.svgMedianMs!), ratio(p.medianMs! / p.svgMedianMs!), dec(p.bytes! / 1024), yesNo(p.gehaald!)]
						: [p.id, 'geen gegevens in deze set', '', '', '', '', '']
				)
			)
		);
		const d = r.deck;
		console.log(
			`\nPresentatie (GET /deck.pptx, ${d.charts.length} grafieken, ${int(d.slides)} dia's, ${mb(d.bytes)}): eerste ${ms(d.eersteMs)}, mediaan ${ms(d.medianMs)}; ` +
				`som van de ${d.charts.length} PNG's ${ms(d.pngSomMs)} — doel < ${ms(r.doelDeckMs)}: ${d.gehaald ? 'gehaald' : 'NIET gehaald'}`
		);
	},
	summary(r) {
		const rendered = r.png.filter((p) => p.beschikbaar);
		const slow = maxBy(rendered, (p) => p.medianMs!);
		return [
			{
				meting: `PNG 1920×1080, traagste grafiek (${slow.id})`,
				waarde: ms(slow.medianMs!),
				referentie: `${ms(slow.svgMedianMs!)} als SVG`,
				verhouding: slow.medianMs! / slow.svgMedianMs!,
				doel: `< ${ms(r.doelPngMs)}`,
				gehaald: rendered.every((p) => p.gehaald)
			},
			{
				meting: `Presentatie van ${r.deck.charts.length} grafieken, mediaan`,
				waarde: ms(r.deck.medianMs),
				referentie: `${ms(r.deck.pngSomMs)} som van de PNG's`,
				verhouding: r.deck.medianMs / r.deck.pngSomMs,
				doel: `< ${ms(r.doelDeckMs)}`,
				gehaald: r.deck.gehaald
			}
		];
	}
};
