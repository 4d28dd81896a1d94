/**
 * Every output of the Regiomonitor for the current store, as text keyed by what it is: the
 * page data of every view (what the HTML and the hydration data are made of), every chart id
 * with every single filter value in every format, GET /charts, a deck of all charts (slide and
 * notes XML), the notebooks and /data's facts. Used by the disclosure property test and bench.
 */
import JSZip from 'jszip';
import { chartListing, loadChart } from '../../src/lib/server/charts';
import { renderLoaded } from '../../src/lib/server/charts/common';
import { gemeenten, provenance, snapshotInfo } from '../../src/lib/server/db/queries';
import { exportChart, EXPORT_FORMATS } from '../../src/lib/server/export';
import { buildDeck } from '../../src/lib/server/export/deck';
import { slideChartSvg } from '../../src/lib/server/export/deck-image';
import { slideSvg } from '../../src/lib/server/export/png';
import { withSnapshot } from '../../src/lib/server/db/store';
import { load as overzicht } from '../../src/routes/+page.server';
import { load as capaciteit } from '../../src/routes/capaciteit/+page.server';
import { load as planning } from '../../src/routes/planning/+page.server';
import { load as wlz } from '../../src/routes/wlz/+page.server';
import { load as hkg } from '../../src/routes/hkg/+page.server';
import { load as dagbesteding } from '../../src/routes/dagbesteding/+page.server';
import { load as gemeente } from '../../src/routes/gemeente/[code]/+page.server';
import { load as notebooks } from '../../src/routes/notebooks/+page.server';
import { load as notebook } from '../../src/routes/notebooks/[slug]/+page.server';
import { listNotebooks } from '../../src/lib/server/notebooks/catalog';

type Load = (event: never) => unknown;
// As a data request: the page data whole, SVGs and table rows too (a page request leaves those out of the serialised data, since the HTML holds them).
const event = (path: string, params: Record<string, string> = {}) => ({ url: new URL(path, 'http://regiomonitor.test'), params, locals: {}, isDataRequest: true }) as never;
const run = async (load: Load, path: string, params?: Record<string, string>) => JSON.stringify(await (load as (e: unknown) => Promise<unknown>)(event(path, params)));

/** The text parts of an Office file (slides, notes, sheets, shared strings), without its timestamps. */
async function officeText(bytes: Uint8Array): Promise<string> {
	const zip = await JSZip.loadAsync(bytes);
	const names = Object.keys(zip.files)
		.filter((n) => /^(ppt\/(slides|notesSlides)\/[^/]+\.xml|xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml))$/.test(n))
		.sort();
	const parts = await Promise.all(names.map(async (n) => `${n}\n${await zip.files[n].async('string')}`));
	return parts.join('\n');
}

export interface OutputOptions {
	/**
	 * Also the input of every chart's PNGs and deck image: the 16:9 SVG and the slide-geometry SVG
	 * (the standard PNG is rendered from exactly the standalone SVG of the `svg` output). A PNG is resvg's
	 * deterministic picture of that text, so comparing the text compares the pixels, at a
	 * fraction of the cost of rasterising ~30 charts per store.
	 */
	png?: boolean;
}

/** Every output for the current store. */
export async function allOutputs({ png = false }: OutputOptions = {}): Promise<Map<string, string>> {
	return withSnapshot(async () => {
		const out = new Map<string, string>();
		const listing = await chartListing();
		out.set('GET /charts', JSON.stringify(listing));
		const codes = (await gemeenten()).map((g) => g.gemeentecode);
		// Views, with every value of every filter of their charts one at a time.
		const views: [string, Load, string][] = [
			['/', overzicht, '/'],
			['/capaciteit', capaciteit, '/capaciteit'],
			['/planning', planning, '/planning'],
			['/wlz', wlz, '/wlz'],
			['/hkg', hkg, '/hkg'],
			['/dagbesteding', dagbesteding, '/dagbesteding'],
			['/notebooks', notebooks, '/notebooks']
		];
		for (const [name, load, path] of views) {
			out.set(`page ${name}`, await run(load, path));
			for (const p of new Map(listing.filter((c) => c.view === name).flatMap((c) => c.parameters.map((q) => [q.name, q]))).values())
				for (const value of p.values ?? []) out.set(`page ${name}?${p.name}=${value}`, await run(load, `${path}?${new URLSearchParams({ [p.name]: value })}`));
		}
		for (const code of codes) out.set(`page /gemeente/${code}`, await run(gemeente, `/gemeente/${code}`, { code }));
		for (const e of listNotebooks()) out.set(`page /notebooks/${e.slug}`, await run(notebook, `/notebooks/${e.slug}`, { slug: e.slug }));
		// /data: what is loaded and from where.
		out.set('page /data', JSON.stringify({ info: await snapshotInfo(), exports: await provenance() }));

		// Every chart, with every single filter value, in every format.
		for (const chart of listing) {
			const queries = ['', ...chart.parameters.flatMap((p) => (p.values ?? []).map((v) => new URLSearchParams({ [p.name]: v }).toString()))];
			for (const query of queries) {
				let loaded;
				try {
					loaded = await loadChart(chart.id, new URL(`/charts/${chart.id}.svg?${query}`, 'http://regiomonitor.test'));
				} catch (error) {
					out.set(`chart ${chart.id}?${query}`, `geen grafiek: ${String((error as { body?: { message?: string } }).body?.message ?? error)}`);
					continue;
				}
				out.set(`chart ${chart.id}?${query} page`, JSON.stringify(renderLoaded(loaded)));
				for (const format of EXPORT_FORMATS) {
					if (format === 'png') {
						if (png && query === '') {
							out.set(`chart ${chart.id}?${query} png (16:9-svg)`, slideSvg(loaded));
							// The deck's slide image is drawn from its own slide-geometry SVG.
							out.set(`chart ${chart.id}?${query} dia-afbeelding (svg)`, slideChartSvg(loaded, { width: 662, height: 340 }).svg);
						}
						continue;
					}
					const file = await exportChart(loaded, format);
					out.set(`chart ${chart.id}?${query} ${format}`, format === 'xlsx' ? await officeText(file.body) : new TextDecoder().decode(file.body));
				}
			}
		}

		// A deck of every chart (the presentatiemap downloads the same), slides and notes.
		// A chart whose filter has no default (the gemeente of a gemeente chart) gets its first value.
		const deckQuery = (c: (typeof listing)[number]) =>
			new URLSearchParams(c.parameters.flatMap((p) => (p.default === undefined && p.values?.length ? [[p.name, p.values[0]]] : []))).toString();
		const deck = await buildDeck({ titel: 'Alles', skipMissing: true, slides: listing.map((c) => ({ id: c.id, query: deckQuery(c), slidetitel: '', notitie: '' })) });
		out.set('deck.pptx', await officeText(deck.body));
		return out;
	});
}
