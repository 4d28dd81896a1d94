/**
 * Disclosure control benchmark (issue 11), in-process on two stores built by the real ingest
 * from the example exports: as shipped (drempel 5) and the same exports with `"drempel": 0`
 * (protection off), measured alternately in one run.
 * - the first render of every view: a fresh snapshot each time (its query cache empty and its
 *   pattern of hidden cells not yet computed, so the one-off pattern cost is in the figure), the
 *   snapshot opened beforehand so DuckDB's open is not; the view's server load function (its
 *   queries, chart renders, tables and text: the page data the HTML and hydration are made of).
 * - a deck of 12 charts (buildDeck, what GET /deck.pptx sends), also on a fresh snapshot.
 * Median of RUNS per item; the ratio protected ÷ unprotected. Goal ≤ 1,1×.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHART_VIEWS } from '../src/lib/server/views';
import { chartLoader } from '../src/lib/server/charts';
import { closeStore, useStore, withSnapshot } from '../src/lib/server/db/store';
import { buildDeck } from '../src/lib/server/export/deck';
import { load as overzicht } from '../src/routes/+page.server';
import { load as capaciteit } from '../src/routes/capaciteit/+page.server';
import { load as planning } from '../src/routes/planning/+page.server';
import { load as wlz } from '../src/routes/wlz/+page.server';
import { load as hkg } from '../src/routes/hkg/+page.server';
import { load as dagbesteding } from '../src/routes/dagbesteding/+page.server';
import { load as gemeente } from '../src/routes/gemeente/[code]/+page.server';
import { EXAMPLE_EXPORTS, ingestInto } from './app';
import { ms, ratio, table, yesNo } from './format';
import { median, timed } from './stats';
import type { Suite } from './suite';

export const DOEL_VERHOUDING = 1.1;
const RUNS = 9;
const DECK_CHARTS = 12;

type Load = (event: never) => Promise<unknown> | unknown;
const VIEWS: [string, Load, Record<string, string>][] = [
	['/', overzicht, {}],
	['/capaciteit', capaciteit, {}],
	['/planning', planning, {}],
	['/wlz', wlz, {}],
	['/hkg', hkg, {}],
	['/dagbesteding', dagbesteding, {}],
	['/gemeente/GM0505', gemeente, { code: 'GM0505' }]
];

export interface DisclosureItem {
	naam: string;
	/** Medians in ms: protected (drempel 5) and unprotected (drempel 0). */
	afgeschermdMs: number;
	onbeschermdMs: number;
	verhouding: number;
	/** The same for CPU time: steadier than wall time on a shared machine. */
	afgeschermdCpuMs: number;
	onbeschermdCpuMs: number;
	cpuVerhouding: number;
}

export interface DisclosureBenchResult {
	runs: number;
	views: DisclosureItem[];
	deck: DisclosureItem;
	/** Sum over the views. */
	totaal: DisclosureItem;
}

/** The example exports with another threshold, in a temp dir. */
function exportsWithDrempel(root: string, drempel: number): string {
	const dir = join(root, `exports-${drempel}`);
	cpSync(EXAMPLE_EXPORTS, dir, { recursive: true });
	const file = join(dir, 'manifest.json');
	writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), kleine_aantallen: { drempel } }, null, '\t'));
	return dir;
}

/** Wall and CPU time (this process, DuckDB's threads included) of `fn` on a fresh snapshot of the store (opened first, caches and patterns empty). */
async function fresh(store: string, fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
	await useStore(store, { checkIntervalMs: 60_000 });
	await withSnapshot(async () => undefined);
	const before = process.cpuUsage();
	const { ms: elapsed } = await timed(() => withSnapshot(fn));
	const cpu = process.cpuUsage(before);
	await closeStore();
	return { wall: elapsed, cpu: (cpu.user + cpu.system) / 1000 };
}

async function deckRequest() {
	const ids = Object.values(CHART_VIEWS).flat();
	const wanted = ['wlz-instroom-per-gemeente', 'wlz-instroom-per-jaar', 'wlz-reductie-scenario', 'dagbesteding-regio', 'dagbesteding-per-aanbieder', 'gemeente-wlz'];
	const chosen = [...wanted, ...ids.filter((id) => !wanted.includes(id))].slice(0, DECK_CHARTS);
	const slides = [];
	for (const id of chosen) {
		const query = new URLSearchParams();
		for (const p of await chartLoader(id)!.parameters()) if (p.default === undefined && !p.multiple && p.values?.length) query.set(p.name, p.values[0]);
		slides.push({ id, query: query.toString(), slidetitel: '', notitie: '' });
	}
	return { titel: 'Benchmark: afscherming', slides, skipMissing: true };
}

type Time = { wall: number; cpu: number };
const item = (naam: string, a: Time[], o: Time[]): DisclosureItem => {
	const afgeschermdMs = median(a.map((t) => t.wall));
	const onbeschermdMs = median(o.map((t) => t.wall));
	const afgeschermdCpuMs = median(a.map((t) => t.cpu));
	const onbeschermdCpuMs = median(o.map((t) => t.cpu));
	return { naam, afgeschermdMs, onbeschermdMs, verhouding: afgeschermdMs / onbeschermdMs, afgeschermdCpuMs, onbeschermdCpuMs, cpuVerhouding: afgeschermdCpuMs / onbeschermdCpuMs };
};

export const disclosureSuite: Suite<DisclosureBenchResult> = {
	name: 'disclosure',
	title: () => `Afscherming kleine aantallen: eerste weergave van elke pagina en een presentatie van ${DECK_CHARTS} grafieken, drempel 5 tegen drempel 0 (mediaan van ${RUNS}), voorbeeldgegevens`,
	async run() {
		const root = mkdtempSync(join(tmpdir(), 'bench-disclosure-'));
		try {
			const beschermd = (await ingestInto(exportsWithDrempel(root, 5), join(root, 'store-5'))).paths.store;
			const onbeschermd = (await ingestInto(exportsWithDrempel(root, 0), join(root, 'store-0'))).paths.store;
			const views: DisclosureItem[] = [];
			for (const [path, load, params] of VIEWS) {
				const a: Time[] = [];
				const o: Time[] = [];
				const render = () => (load as (e: unknown) => Promise<unknown>)({ url: new URL(path, 'http://localhost'), params, locals: {} });
				for (let i = 0; i < RUNS; i++) {
					// Alternate, so a warming machine favours neither.
					a.push(await fresh(beschermd, render));
					o.push(await fresh(onbeschermd, render));
				}
				views.push(item(path, a, o));
			}
			await useStore(beschermd);
			const request = await withSnapshot(deckRequest);
			await closeStore();
			const a: Time[] = [];
			const o: Time[] = [];
			for (let i = 0; i < RUNS; i++) {
				a.push(await fresh(beschermd, () => buildDeck(request)));
				o.push(await fresh(onbeschermd, () => buildDeck(request)));
			}
			const som = (k: 'afgeschermdMs' | 'onbeschermdMs' | 'afgeschermdCpuMs' | 'onbeschermdCpuMs') => views.reduce((s, v) => s + v[k], 0);
			const totaal: DisclosureItem = {
				naam: 'alle pagina’s samen',
				afgeschermdMs: som('afgeschermdMs'),
				onbeschermdMs: som('onbeschermdMs'),
				verhouding: som('afgeschermdMs') / som('onbeschermdMs'),
				afgeschermdCpuMs: som('afgeschermdCpuMs'),
				onbeschermdCpuMs: som('onbeschermdCpuMs'),
				cpuVerhouding: som('afgeschermdCpuMs') / som('onbeschermdCpuMs')
			};
			return { runs: RUNS, views, deck: item(`presentatie van ${DECK_CHARTS} grafieken`, a, o), totaal };
		} finally {
			await closeStore();
			rmSync(root, { recursive: true, force: true });
		}
	},
	print(r) {
		console.log(
			table(
				['weergave', 'drempel 5', 'drempel 0', 'verhouding', `≤ ${ratio(DOEL_VERHOUDING)}`, 'CPU drempel 5', 'CPU drempel 0', 'CPU-verhouding'],
				[...r.views, r.totaal, r.deck].map((v) => [
					v.naam,
					ms(v.afgeschermdMs),
					ms(v.onbeschermdMs),
					ratio(v.verhouding),
					yesNo(v.verhouding <= DOEL_VERHOUDING),
					ms(v.afgeschermdCpuMs),
					ms(v.onbeschermdCpuMs),
					ratio(v.cpuVerhouding)
				])
			)
		);
	},
	summary(r) {
		return [
			{
				meting: 'Afscherming: eerste weergave van alle pagina’s',
				waarde: ms(r.totaal.afgeschermdMs),
				referentie: `${ms(r.totaal.onbeschermdMs)} met drempel 0`,
				verhouding: r.totaal.verhouding,
				doel: `≤ ${ratio(DOEL_VERHOUDING)}`,
				gehaald: r.totaal.verhouding <= DOEL_VERHOUDING
			},
			{
				meting: 'Afscherming: eerste weergave van alle pagina’s, CPU-tijd',
				waarde: ms(r.totaal.afgeschermdCpuMs),
				referentie: `${ms(r.totaal.onbeschermdCpuMs)} met drempel 0`,
				verhouding: r.totaal.cpuVerhouding,
				doel: `≤ ${ratio(DOEL_VERHOUDING)}`,
				gehaald: r.totaal.cpuVerhouding <= DOEL_VERHOUDING
			},
			{
				meting: `Afscherming: presentatie van ${DECK_CHARTS} grafieken`,
				waarde: ms(r.deck.afgeschermdMs),
				referentie: `${ms(r.deck.onbeschermdMs)} met drempel 0`,
				verhouding: r.deck.verhouding,
				doel: `≤ ${ratio(DOEL_VERHOUDING)}`,
				gehaald: r.deck.verhouding <= DOEL_VERHOUDING
			}
		];
	}
};
