/**
 * Exports benchmark (issue 4): on a store built by the real ingest from the example exports
 * (data/exports, as the views benchmark does), in-process:
 * - every chart id as a 1920×1080 PNG (`png(chart, { formaat: '16x9' })`, what
 *   /charts/<id>.png?formaat=16x9 sends): median of 3 renders, after loading the chart once
 *   (the load is reported apart). Target: < 300 ms per chart.
 * - a 12-chart deck through the real endpoint function (GET /deck.pptx), from the request to
 *   the last byte of the response: loading and validating the charts, the 12 slide images (2 at a
 *   time), pptxgenjs and the zip. Median of 3 (and the first, cold, run). Target: < 3 s.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isHttpError } from '@sveltejs/kit';
import { CHART_VIEWS } from '../src/lib/charts/registry';
import { chartLoader } from '../src/lib/server/charts';
import { closeStore, useStore } from '../src/lib/server/db/store';
import { png } from '../src/lib/server/export/png';
import { runIngest } from '../src/lib/server/ingest';
import { GET } from '../src/routes/deck.pptx/+server';
import { ROOT } from '../tests/e2e/server';

export const PNG_TARGET_MS = 300;
export const DECK_TARGET_MS = 3000;
export const DECK_CHARTS = 12;

export interface PngResult {
	id: string;
	/** Query the chart was loaded with (a value for every parameter without a default). */
	query: string;
	/** False when the snapshot has no data for this chart (its loader 404s, as the view shows a notice). */
	beschikbaar: boolean;
	laadMs?: number;
	pngMs?: number[];
	medianMs?: number;
	bytes?: number;
	gehaald?: boolean;
}

export interface ExportsBenchResult {
	runs: number;
	doelPngMs: number;
	doelDeckMs: number;
	png: PngResult[];
	deck: { charts: string[]; slides: number; bytes: number; ms: number[]; eersteMs: number; medianMs: number; gehaald: boolean };
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A query string with the first allowed value of every single-valued parameter without a default (gemeente=…). */
async function requiredQuery(id: string): Promise<string> {
	const query = new URLSearchParams();
	for (const p of await chartLoader(id)!.parameters()) if (p.default === undefined && !p.multiple && p.values?.length) query.set(p.name, p.values[0]);
	return query.toString();
}

export async function benchExports({ runs = 3, exports = join(ROOT, 'data', 'exports') }: { runs?: number; exports?: string } = {}): Promise<ExportsBenchResult> {
	const tmp = mkdtempSync(join(tmpdir(), 'bench-exports-'));
	const paths = { store: join(tmp, 'store'), exports: join(tmp, 'exports'), reports: join(tmp, 'reports') };
	try {
		cpSync(exports, paths.exports, { recursive: true });
		const report = await runIngest({ paths, force: true });
		if (!report.ok) throw new Error(`Ingest van ${exports} mislukt: ${report.errors[0]?.melding ?? ''}`);
		await useStore(paths.store, { checkIntervalMs: 0 });

		const results: PngResult[] = [];
		for (const id of Object.values(CHART_VIEWS).flat()) {
			const query = await requiredQuery(id);
			const url = new URL(`/charts/${id}.png?${query ? `${query}&` : ''}formaat=16x9`, 'http://localhost');
			const started = performance.now();
			let chart;
			try {
				chart = await chartLoader(id)!.load(url);
			} catch (e) {
				if (isHttpError(e) && e.status === 404) {
					results.push({ id, query, beschikbaar: false });
					continue;
				}
				throw e;
			}
			const laadMs = performance.now() - started;
			const times: number[] = [];
			let bytes = 0;
			for (let i = 0; i < runs; i++) {
				const t = performance.now();
				bytes = (await png(chart, { formaat: '16x9' })).byteLength;
				times.push(performance.now() - t);
			}
			const medianMs = median(times);
			results.push({ id, query, beschikbaar: true, laadMs, pngMs: times, medianMs, bytes, gehaald: medianMs < PNG_TARGET_MS });
		}

		// 12 charts from across the views (repeated from the start if fewer are available).
		const available = results.filter((r) => r.beschikbaar);
		const deckCharts = Array.from({ length: DECK_CHARTS }, (_, i) => available[i % available.length]);
		const search = new URLSearchParams({ titel: 'Benchmark: 12 grafieken' });
		for (const r of deckCharts) search.append('chart', r.query ? `${r.id}?${r.query}` : r.id);
		const deckUrl = new URL(`/deck.pptx?${search}`, 'http://localhost');
		const ms: number[] = [];
		let bytes = 0;
		let slides = 0;
		for (let i = 0; i < runs; i++) {
			const t = performance.now();
			const response = await GET({ url: deckUrl } as never);
			const body = new Uint8Array(await response.arrayBuffer());
			ms.push(performance.now() - t);
			if (response.status !== 200) throw new Error(`GET /deck.pptx gaf ${response.status}`);
			bytes = body.byteLength;
			slides = DECK_CHARTS + 1;
		}
		const medianMs = median(ms);
		return {
			runs,
			doelPngMs: PNG_TARGET_MS,
			doelDeckMs: DECK_TARGET_MS,
			png: results,
			deck: { charts: deckCharts.map((r) => r.id), slides, bytes, ms, eersteMs: ms[0], medianMs, gehaald: medianMs < DECK_TARGET_MS }
		};
	} finally {
		await closeStore();
		rmSync(tmp, { recursive: true, force: true });
	}
}
