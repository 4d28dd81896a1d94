/**
 * Growth: how cost grows with the data. Export sets of 1×, 10× and 100× the example data
 * (`npm run generate -- --schaal F`: 9 × F gemeenten, yearly counts 2019-2026) are each
 * ingested (next to bare read_csv of the same files) and served; a few representative views
 * get their first, uncached render and a short load (5 s). The reference of every figure is
 * the same figure at 1×, measured in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appPaths, generated, viewPaths, withApp } from './app';
import { dec, int, kb, mb, ms, ratio, seconds, table } from './format';
import { compareIngest, type IngestComparison } from './ingest';
import { measurePages, type PageLoad } from './pages';
import { maxBy } from './stats';
import type { Suite } from './suite';

export const SCALES = [1, 10, 100] as const;
/** Seconds of load per view (at most --duration): every view at three scales must fit the 10-minute run. */
export const GROWTH_DURATION = 3;

/** Every view (issue 12: page p95 ≤ 3× and HTML ≤ 2× from 1× to 100×, for every view). */
function growthViews(exportsDir: string): string[] {
	return viewPaths(exportsDir);
}

export interface GrowthStep {
	schaal: number;
	ingest: IngestComparison;
	pages: PageLoad[];
}

export interface GrowthBenchResult {
	connections: number;
	duration: number;
	stappen: GrowthStep[];
}

export const growthSuite: Suite<GrowthBenchResult> = {
	name: 'growth',
	title: ({ duration }) =>
		`Groei: ${SCALES.map((s) => `${s}×`).join(', ')} de voorbeelddata (gegenereerd): inlezen naast kale read_csv, eerste weergave en p95 (${Math.min(duration, GROWTH_DURATION)} s) van elke weergave`,
	async run({ connections, duration }) {
		const load = { connections, duration: Math.min(duration, GROWTH_DURATION) };
		const stappen: GrowthStep[] = [];
		for (const schaal of SCALES) {
			const exportsDir = generated({ schaal });
			const root = mkdtempSync(join(tmpdir(), `bench-growth-${schaal}-`));
			try {
				console.log(`Schaal ${schaal}×`);
				const ingest = await compareIngest(exportsDir, { runs: 1, storeRoot: root });
				const pages = await withApp(appPaths(exportsDir, root), (app) => measurePages(app.baseURL, growthViews(exportsDir), load));
				stappen.push({ schaal, ingest, pages });
			} finally {
				rmSync(root, { recursive: true, force: true });
			}
		}
		return { ...load, stappen };
	},
	print(r) {
		const [base] = r.stappen;
		console.log(
			table(
				['schaal', 'rijen', 'CSV', 'inlezen', 'kale read_csv', 'verhouding', 'rijen ÷ 1×', 'inlezen ÷ 1×'],
				r.stappen.map((s) => [
					`${s.schaal}×`,
					int(s.ingest.rijen),
					mb(s.ingest.bytes),
					seconds(Math.min(...s.ingest.ingest.seconden)),
					seconds(Math.min(...s.ingest.kaal.seconden)),
					ratio(s.ingest.verhouding),
					dec(s.ingest.rijen / base.ingest.rijen, 0),
					ratio(Math.min(...s.ingest.ingest.seconden) / Math.min(...base.ingest.ingest.seconden))
				])
			)
		);
		const scales = r.stappen.map((s) => `${s.schaal}×`);
		console.log('');
		console.log(
			table(
				['pagina', ...scales.map((s) => `HTML ${s}`), ...scales.map((s) => `eerste ${s}`), ...scales.map((s) => `p95 ${s}`)],
				[
					...base.pages.map((_, i) => [
						// The gemeente page's code differs per scale; its path without the code names the row.
						base.pages[i].path.replace(/GM\d+$/, '…'),
						...r.stappen.map((s) => kb(s.pages[i].bytes)),
						...r.stappen.map((s) => ms(s.pages[i].eersteMs)),
						...r.stappen.map((s) => ms(s.pages[i].latencyMs.p95))
					])
				]
			)
		);
		console.log(`\neerste: de eerste aanvraag (ongecachet); p95: ${r.connections} verbindingen, ${r.duration} s, uit de paginacache.`);
	},
	summary(r) {
		const first = r.stappen[0];
		const last = r.stappen.at(-1)!;
		const label = `${last.schaal}× tegen ${first.schaal}×`;
		const ingestLast = Math.min(...last.ingest.ingest.seconden);
		const ingestFirst = Math.min(...first.ingest.ingest.seconden);
		const slowIndex = last.pages.indexOf(maxBy(last.pages, (p) => p.eersteMs));
		const p95Index = last.pages.indexOf(maxBy(last.pages, (p) => p.latencyMs.p95));
		const name = (i: number) => last.pages[i].path.replace(/GM\d+$/, '…');
		return [
			{
				meting: `Groei inlezen, ${label} (${int(last.ingest.rijen)} rijen)`,
				waarde: seconds(ingestLast),
				referentie: `${seconds(ingestFirst)} bij ${first.schaal}×`,
				verhouding: ingestLast / ingestFirst
			},
			{
				meting: `Groei eerste weergave, ${label} (${name(slowIndex)})`,
				waarde: ms(last.pages[slowIndex].eersteMs),
				referentie: `${ms(first.pages[slowIndex].eersteMs)} bij ${first.schaal}×`,
				verhouding: last.pages[slowIndex].eersteMs / first.pages[slowIndex].eersteMs
			},
			{
				meting: `Groei pagina p95, ${label} (${name(p95Index)})`,
				waarde: ms(last.pages[p95Index].latencyMs.p95),
				referentie: `${ms(first.pages[p95Index].latencyMs.p95)} bij ${first.schaal}×`,
				verhouding: last.pages[p95Index].latencyMs.p95 / first.pages[p95Index].latencyMs.p95
			}
		];
	}
};
