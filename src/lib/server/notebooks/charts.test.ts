/**
 * Notebooks as the rest of the app knows them: the catalog of notebooks/, their charts as
 * chart ids (loader, GET /charts listing, deck), the page blocks and the standalone HTML, on
 * the fixture store with the fixture notebooks in tests/fixtures/notebooks.
 *
 * Fixture capaciteit_jaar, tekort per gemeente (each gemeente's latest peildatum of the year):
 *   2024: Dordrecht 3 + 1 + 1 + 8 = 13, Gorinchem 2 + 3 = 5, Molenlanden 0 + 2 = 2 → regio 20
 *   2023: Dordrecht 4 + 2 + 1 + 8 = 15, Gorinchem 2 + 3 = 5, Molenlanden 1 + 2 = 3 → regio 23
 */
import { isHttpError } from '@sveltejs/kit';
import JSZip from 'jszip';
import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { useFixtureStore } from '../../../../tests/helpers/fixture-store';
import { thrown } from '../../../../tests/helpers/thrown';
import { normalise } from '../../charts/capaciteit/fixtures.test-helpers';
import { FilterError } from '../../filters';
import { chartListing, chartLoader } from '../charts';
import { withSnapshot } from '../db/store';
import { buildDeck, parseDeckQuery } from '../export/deck';
import { findNotebook, listNotebooks, notebooksVersion } from './catalog';
import { parametersInWords } from './charts';
import { notebookHtml } from './html';
import { notebookPage, withoutTitleHeading } from './page';
import { runNotebook } from './run';

const FIXTURES = resolve(import.meta.dirname, '../../../../tests/fixtures/notebooks');
useFixtureStore({ beforeAll, afterAll });

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'regio-notebooks-'));
	cpSync(FIXTURES, dir, { recursive: true });
	process.env.REGIO_NOTEBOOKS_DIR = dir;
});
afterEach(() => {
	delete process.env.REGIO_NOTEBOOKS_DIR;
	rmSync(dir, { recursive: true, force: true });
});

const load = (id: string, query = '') => chartLoader(id)!.load(new URL(`/charts/${id}.png${query}`, 'http://localhost'));


describe('catalog', () => {
	test('lists every notebook by slug, the broken one with its problems, not the README', () => {
		const entries = listNotebooks();
		expect(entries.map((e) => e.slug)).toEqual(['kapot', 'tekort']);
		const [kapot, tekort] = entries;
		expect(kapot.notebook).toBeUndefined();
		expect(kapot.problems).toEqual([{ file: 'notebooks/kapot.md', line: 6, message: "SQL-blok 'a' leest 'b', maar dat blok staat verderop of bestaat niet" }]);
		expect(tekort.notebook?.frontMatter.title).toBe('Tekort per gemeente');
		expect(tekort.problems).toEqual([]);
	});

	test('finds a notebook only by a valid slug', () => {
		expect(findNotebook('tekort')?.slug).toBe('tekort');
		for (const slug of ['../tekort', 'tekort.md', 'TEKORT', '', 'readme', 'bestaat-niet']) expect(findNotebook(slug), slug).toBeUndefined();
	});

	test('reads an edited notebook again, and its version changes', () => {
		const before = notebooksVersion();
		const file = join(dir, 'tekort.md');
		writeFileSync(file, '---\ntitle: Nieuw\n---\nTekst.\n');
		utimesSync(file, new Date(), new Date(Date.now() + 5000));
		expect(notebooksVersion()).not.toBe(before);
		expect(findNotebook('tekort')?.notebook?.frontMatter.title).toBe('Nieuw');
	});
});

describe('notebook charts', () => {
	test('load by id with the parameters: rows, title, subtitle, source and file name', async () => {
		const chart = await load('notebook/tekort/per-gemeente', '?peiljaar=2023');
		expect(chart.rows).toEqual([
			{ gemeentecode: 'GM0505', naam: 'Dordrecht', tekort: 15 },
			{ gemeentecode: 'GM0512', naam: 'Gorinchem', tekort: 5 },
			{ gemeentecode: 'GM1978', naam: 'Molenlanden', tekort: 3 }
		]);
		// The title names the peiljaar itself, so the subtitle does not repeat it.
		expect(chart.meta).toMatchObject({ title: 'Tekort per gemeente, 2023', subtitle: 'Plekken', peildatum: '2024-07-01', illustratief: true });
		expect(chart.meta.bron).toContain('Capaciteitsonderzoek (testset)');
		expect(chart.fileWords).toEqual(['notebook', 'tekort', 'per-gemeente', '2023']);
		// The rule is the unrounded mean, 23 / 3 = 7,67: the text alternative names it.
		expect(chart.definition.describe(chart.rows)).toContain('7,7');
	});

	test('defaults apply without parameters; an invalid one is the views’ FilterError', async () => {
		expect((await load('notebook/tekort/per-gemeente')).meta.title).toBe('Tekort per gemeente, 2024');
		const error = await thrown(() => load('notebook/tekort/per-gemeente', '?peiljaar=1990'));
		expect(error).toBeInstanceOf(FilterError);
		expect((error as FilterError).message).toContain("parameter 'peiljaar'");
	});

	test('a chart whose query failed is a Dutch 404 naming the block; unknown charts have no loader', async () => {
		const error = await thrown(() => load('notebook/tekort/kapotte-grafiek'));
		expect(isHttpError(error) && error.status).toBe(404);
		expect(isHttpError(error) && error.body.message).toContain("SQL-blok 'kapot'");
		for (const id of ['notebook/tekort/bestaat-niet', 'notebook/kapot/a', 'notebook/../tekort/per-gemeente', 'notebook/tekort', 'notebook/tekort/per-gemeente/x']) {
			expect(chartLoader(id), id).toBeUndefined();
		}
	});

	test('GET /charts lists the notebook charts after the views’, with their parameters', async () => {
		const listing = await chartListing();
		const ids = listing.map((c) => c.id);
		expect(ids.slice(-2)).toEqual(['notebook/tekort/per-gemeente', 'notebook/tekort/kapotte-grafiek']);
		expect(listing.at(-2)).toMatchObject({ view: '/notebooks/tekort', parameters: [{ name: 'peiljaar', label: 'Peiljaar', default: '2024' }] });
	});

	test('the whole notebook as a deck: title slide plus the charts that can be drawn', async () => {
		const request = parseDeckQuery(new URL(`http://localhost/deck.pptx?weergave=${encodeURIComponent('/notebooks/tekort?peiljaar=2023')}`));
		expect(request.slides.map((s) => [s.id, s.query])).toEqual([
			['notebook/tekort/per-gemeente', 'peiljaar=2023'],
			['notebook/tekort/kapotte-grafiek', 'peiljaar=2023']
		]);
		const deck = await withSnapshot(() => buildDeck(request));
		const zip = await JSZip.loadAsync(deck.body);
		const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
		expect(slides).toHaveLength(2);
		expect(await zip.file('ppt/slides/slide2.xml')!.async('string')).toContain('Tekort per gemeente, 2023');
	});
});

describe('notebook page', () => {
	test('prose with values, SQL blocks with rows or their error, charts or the reason they cannot be drawn', async () => {
		const notebook = findNotebook('tekort')!.notebook!;
		const page = await withSnapshot(async () => notebookPage(notebook, await runNotebook(notebook, new URLSearchParams('peiljaar=2023'))));
		expect(page.parametersInWords).toBe('Peiljaar: 2023');
		expect(page.parameters).toEqual([{ name: 'peiljaar', label: 'Peiljaar', type: 'integer', value: '2023', min: 2023, max: 2024, values: [] }]);
		expect(page.blocks.map((b) => b.kind)).toEqual(['markdown', 'sql', 'sql', 'chart', 'sql', 'chart']);
		const [prose, perGemeente, , chart, kapot, kapotteGrafiek] = page.blocks;
		expect(prose.kind === 'markdown' && prose.html).toContain('In 2023 is het tekort in de regio 23 plekken.');
		expect(perGemeente.kind === 'sql' && perGemeente.rows).toEqual([
			['GM0505', 'Dordrecht', '15'],
			['GM0512', 'Gorinchem', '5'],
			['GM1978', 'Molenlanden', '3']
		]);
		expect(chart.kind === 'chart' && chart.chart?.chart.svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
		expect(kapot.kind === 'sql' && kapot.error).toMatch(/^SQL-blok 'kapot' \(regel \d+\): .*bestaat_niet/);
		expect(kapotteGrafiek.kind === 'chart' && kapotteGrafiek.error).toContain("SQL-blok 'kapot'");

		const html = notebookHtml(page, { file: 'notebooks/tekort.md' });
		expect(html).toMatch(/^<!doctype html>\n<html lang="nl">/);
		expect(html).toContain('<h1>Tekort per gemeente</h1>');
		expect(html.match(/<figure>/g)).toHaveLength(1);
		expect(html).not.toMatch(/<script/i);
		expect(html).toContain('Illustratief: voorbeeldgegevens.');
		// The whole standalone page, byte for byte (numbers in the SVG rounded as in the chart snapshots).
		await expect(normalise(html)).toMatchFileSnapshot('../../../../tests/output/notebook-tekort.html');
	});
});

describe('parametersInWords', () => {
	test('each parameter with its label, a choice by its label, without repeating a name or what the text shows', async () => {
		const notebook = findNotebook('tekort')!.notebook!;
		const run = {
			notebook: {
				...notebook,
				frontMatter: {
					...notebook.frontMatter,
					parameters: [
						{ name: 'periode', label: 'Periode', type: 'choice' as const, default: '2024-2027', line: 1 },
						{ name: 'gemeente', label: 'Gemeente', type: 'choice' as const, default: 'GM0505', line: 2 },
						{ name: 'peiljaar', label: 'Peiljaar', type: 'integer' as const, default: '2024', line: 3 }
					]
				}
			},
			parameters: { periode: '2024-2027', gemeente: 'GM0505', peiljaar: '2023' },
			parameterValues: { periode: [{ value: '2024-2027', label: 'Periode 2024-2027' }], gemeente: [{ value: 'GM0505', label: 'Dordrecht' }] },
			results: {},
			sources: {}
		};
		expect(parametersInWords(run)).toBe('Periode 2024-2027 · Gemeente: Dordrecht · Peiljaar: 2023');
		expect(parametersInWords(run, new Set(['peiljaar', 'periode']))).toBe('Gemeente: Dordrecht');
	});
});

describe('withoutTitleHeading', () => {
	test('drops an opening # heading equal to the title, keeps any other', () => {
		expect(withoutTitleHeading('\n# Tekort per gemeente\n\nTekst.', 'Tekort per gemeente')).toBe('\nTekst.');
		expect(withoutTitleHeading('# Tekort per gemeente #\nTekst.', 'Tekort per gemeente')).toBe('Tekst.');
		expect(withoutTitleHeading('# Iets anders\nTekst.', 'Tekort per gemeente')).toBe('# Iets anders\nTekst.');
		expect(withoutTitleHeading('Tekst.\n# Tekort per gemeente', 'Tekort per gemeente')).toBe('Tekst.\n# Tekort per gemeente');
		expect(withoutTitleHeading('## Tekort per gemeente\n', 'Tekort per gemeente')).toBe('## Tekort per gemeente\n');
	});
});
