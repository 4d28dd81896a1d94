import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TWEEDE_REGIO, useRegiosStore } from '../../../../tests/helpers/regios-store';
import { FilterError } from '$lib/filters';
import { regios } from '$lib/server/db/queries';
import { capaciteitPage, capaciteitView } from './capaciteit';
import { dagbestedingView } from './dagbesteding';
import { parseRegio } from './define';
import { hkgPage, hkgView } from './hkg';
import { overzichtView } from './overzicht';
import { planningView } from './planning';
import { regiosView } from './regios';
import { wlzView } from './wlz';
import { VIEW_LOADERS } from '.';

useRegiosStore({ beforeAll, afterAll });

const url = (path: string, query = '') => new URL(`http://test${path}${query}`);
const DORDRECHT = ['GM0505', 'GM0512', 'GM1978'];
const UTRECHT = [...TWEEDE_REGIO.gemeenten];
const codesOf = (rows: readonly { gemeentecode: string | null }[]) => [...new Set(rows.map((r) => r.gemeentecode))].sort();

describe('the regions of the store', () => {
	test('every centrumregio of the gemeenten export, by name, the manifest region marked as the default', async () => {
		expect(await regios()).toEqual([
			{ code: 'CR0505', naam: 'Dordrecht', gemeenten: 3, standaard: true },
			{ code: 'CR0344', naam: 'Utrecht', gemeenten: 2, standaard: false }
		]);
	});

	test('regio defaults to the manifest region; an unknown one is a Dutch error that names the allowed codes', async () => {
		expect((await parseRegio(url('/capaciteit'))).regio).toBe('CR0505');
		expect((await parseRegio(url('/capaciteit', '?regio=CR0344'))).regio).toBe('CR0344');
		const error = await parseRegio(url('/capaciteit', '?regio=CR9999')).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(FilterError);
		expect((error as FilterError).parameter).toBe('regio');
		expect((error as FilterError).message).toBe("Ongeldige waarde voor parameter 'regio': 'CR9999'. Toegestaan: een van: CR0505, CR0344.");
		await expect(capaciteitView.fromUrl(url('/capaciteit', '?regio=GM0505'))).rejects.toThrow(FilterError);
	});

	test('GET /charts lists regio with the store’s regions when there is more than one', async () => {
		const parameters = await VIEW_LOADERS['capaciteit-per-gemeente'].parameters();
		expect(parameters.find((p) => p.name === 'regio')).toEqual({ name: 'regio', label: 'Regio', values: ['CR0505', 'CR0344'], default: 'CR0505' });
	});
});

describe('every view shows the gemeenten of its region', () => {
	test('capaciteit', async () => {
		const standaard = await capaciteitView.fromUrl(url('/capaciteit'));
		expect(codesOf(standaard.charts['capaciteit-per-gemeente']!.rows as { gemeentecode: string }[])).toEqual(DORDRECHT);
		const utrecht = await capaciteitView.fromUrl(url('/capaciteit', '?regio=CR0344'));
		expect(codesOf(utrecht.charts['capaciteit-per-gemeente']!.rows as { gemeentecode: string }[])).toEqual(UTRECHT);
		// Crisisopvang 2024 in Utrecht: bestaand 22 + 3, behoefte 31 + 7.
		const crisis = (utrecht.charts['capaciteit-per-type']!.rows as { voorzieningstype: string; bestaand: number; behoefte: number }[]).find(
			(r) => r.voorzieningstype === 'crisisopvang'
		);
		expect(crisis).toMatchObject({ bestaand: 25, behoefte: 38 });
	});

	test('planning: projects of the region; a gemeente of another region is not found', async () => {
		const standaard = await planningView.fromUrl(url('/planning'));
		expect(standaard.projecten.map((p) => p.project_id)).not.toContain('CR-UTR-01');
		const utrecht = await planningView.fromUrl(url('/planning', '?regio=CR0344'));
		expect(utrecht.projecten.map((p) => p.project_id)).toEqual(['CR-UTR-01']);
		expect(utrecht.gemeenten.map((g) => g.gemeentecode).sort()).toEqual(UTRECHT);
		await expect(planningView.fromUrl(url('/planning', '?gemeente=GM0344'))).rejects.toMatchObject({ status: 404 });
		expect((await planningView.fromUrl(url('/planning', '?regio=CR0344&gemeente=GM0344'))).projecten).toHaveLength(1);
	});

	test('wlz: the region per year and per gemeente against the spread of the other regions', async () => {
		const utrecht = await wlzView.fromUrl(url('/wlz', '?regio=CR0344&jaar=2023'));
		if (utrecht.leeg) throw new Error('no Wlz data');
		expect(codesOf(utrecht.perGemeente)).toEqual(UTRECHT);
		expect(utrecht.charts['wlz-instroom-per-jaar']!.meta.title).toContain('regio Utrecht');
		const scenario = utrecht.charts['wlz-reductie-scenario']!.rows as { regiocode: string; eigen_regio: boolean }[];
		expect(scenario.filter((r) => r.eigen_regio).map((r) => r.regiocode)).toEqual(['CR0344']);
		const standaard = await wlzView.fromUrl(url('/wlz', '?jaar=2023'));
		if (standaard.leeg) throw new Error('no Wlz data');
		expect(codesOf(standaard.perGemeente)).toEqual(DORDRECHT);
	});

	test('hkg: the region’s gemeenten, against their share of the opgave', async () => {
		const utrecht = await hkgView.fromUrl(url('/hkg', '?regio=CR0344&categorie=uitstroomwoningen'));
		if (utrecht.leeg) throw new Error('no HKG data');
		expect(utrecht.model.gemeenten.map((g) => g.gemeentecode).sort()).toEqual(UTRECHT);
		// Uitstroomwoningen 215 by inwoners 2024 (Dordrecht 215.000, Utrecht 410.000): Utrecht's part 141, Dordrecht's 74.
		expect(utrecht.model.totalen.at(-1)).toMatchObject({ opgave: 141, bod: 190 });
		const standaard = await hkgView.fromUrl(url('/hkg', '?categorie=uitstroomwoningen'));
		if (standaard.leeg) throw new Error('no HKG data');
		expect(standaard.model.gemeenten.map((g) => g.gemeentecode).sort()).toEqual(DORDRECHT);
		expect(standaard.model.totalen.at(-1)).toMatchObject({ opgave: 74, bod: 195 });
	});

	test('dagbesteding: the aanbieders of the region; rows without gemeente count for the region the export names, else the manifest’s', async () => {
		const utrecht = await dagbestedingView.fromUrl(url('/dagbesteding', '?regio=CR0344'));
		expect(utrecht.aanbieders).toEqual(['Aanbieder R', 'Aanbieder U']);
		const standaard = await dagbestedingView.fromUrl(url('/dagbesteding'));
		expect(standaard.aanbieders).toEqual(['Aanbieder A', 'Aanbieder B']);
	});

	test('overzicht: key figures of the region', async () => {
		const utrecht = await overzichtView.fromUrl(url('/', '?regio=CR0344'));
		const rows = utrecht.charts['tekort-per-type']!.rows as { voorzieningstype: string; behoefte: number }[];
		expect(rows.find((r) => r.voorzieningstype === 'crisisopvang')?.behoefte).toBe(38);
	});
});

describe('downloads and decks carry the region', () => {
	test('with several regions every chart’s subtitle names its region, and the file name a region that is not the default', async () => {
		const utrecht = await capaciteitView.fromUrl(url('/capaciteit', '?regio=CR0344'));
		expect(utrecht.charts['capaciteit-per-gemeente']!.meta.subtitle).toMatch(/^Centrumregio Utrecht\. Peiljaar 2024/);
		expect(utrecht.charts['capaciteit-per-gemeente']!.fileWords.at(-1)).toBe('cr0344');
		const standaard = await capaciteitView.fromUrl(url('/capaciteit'));
		expect(standaard.charts['capaciteit-per-gemeente']!.meta.subtitle).toMatch(/^Centrumregio Dordrecht\. /);
		expect(standaard.charts['capaciteit-per-gemeente']!.fileWords).not.toContain('cr0505');
		const regiosData = await regiosView.fromUrl(url('/regios'));
		expect(regiosData.charts['regios-wlz-per-10k'].meta.subtitle).not.toMatch(/^Centrumregio/);
	});

	test('a chart download of another region shows that region', async () => {
		const { exportChart } = await import('$lib/server/export');
		const chart = await VIEW_LOADERS['capaciteit-per-gemeente'].load(url('/charts/capaciteit-per-gemeente.csv', '?regio=CR0344'));
		const csv = new TextDecoder().decode((await exportChart(chart, 'csv')).body);
		expect(csv).toContain('Nieuwegein');
		expect(csv).not.toContain('Gorinchem');
	});

	test('the deck of a whole view has the comparison with other regions, as its page does', async () => {
		const { loadDeckCharts } = await import('$lib/server/export/deck');
		const slides = await loadDeckCharts({ titel: 'C', slides: ['capaciteit-per-gemeente', 'capaciteit-per-type-regios'].map((id) => ({ id, query: 'regio=CR0344', slidetitel: '', notitie: '' })), skipMissing: true });
		expect(slides.map((s) => s.request.id)).toEqual(['capaciteit-per-gemeente', 'capaciteit-per-type-regios']);
	});

	test('a deck of a view of another region names that region on its title slide', async () => {
		const JSZip = (await import('jszip')).default;
		const { buildDeck } = await import('$lib/server/export/deck');
		const deck = await buildDeck({ titel: 'Wlz', slides: [{ id: 'wlz-instroom-per-gemeente', query: 'regio=CR0344&jaar=2023', slidetitel: '', notitie: '' }], skipMissing: false });
		const zip = await JSZip.loadAsync(deck.body);
		const slide1 = await zip.file('ppt/slides/slide1.xml')!.async('string');
		expect(slide1).toContain('Centrumregio Utrecht');
		const slide2 = await zip.file('ppt/slides/slide2.xml')!.async('string');
		expect(slide2).toContain('regio Utrecht');
	});
});

describe('/regios', () => {
	test('every region with its figures; the chosen one marked; sorted on a column, hidden or unknown last', async () => {
		const data = await regiosView.fromUrl(url('/regios', '?regio=CR0344&sorteer=wlz&richting=af'));
		expect(data.rijen.map((r) => r.code)).toEqual(['CR0344', 'CR0505']);
		const [utrecht, dordrecht] = data.rijen;
		// Peiljaar 2024, Utrecht: tekort crisisopvang 9 + 4, Skaeve huse 4, over 410.000 inwoners.
		expect(utrecht).toMatchObject({ naam: 'Utrecht', gemeenten: 2, gekozen: true, standaard: false, tekort: 0.415, wlz: { waarde: 1.6 } });
		expect(utrecht.tekortPerType.crisisopvang).toBe(0.317);
		// Definitief bod 150 + 40 + 4 against 141 + 7 (its share of the opgave); Dordrecht 204 against 74 + 3.
		expect(utrecht.bodOpgave).toBeCloseTo(194 / 148, 4);
		expect(dordrecht.bodOpgave).toBeCloseTo(204 / 77, 4);
		// Dagbesteding 2022: Dordrecht 75 of 160 (with the regional aanbieder), Utrecht 51 of 120.
		expect(dordrecht.dagbesteding.waarde).toBeCloseTo(0.4688, 4);
		expect(utrecht.dagbesteding.waarde).toBeCloseTo(0.425, 4);
		expect(dordrecht.wlz.waarde).toBe(1.2);
		// The chart says how a regional aanbieder's rows are counted (Aanbieder R names CR0344 in its centrumregio column).
		expect(data.charts['regios-dagbesteding'].meta.subtitle).toContain('tellen bij de regio die de export noemt (kolom centrumregio), anders bij de regio van het manifest');
		const wlz = data.charts['regios-wlz-per-10k'].rows as { regiocode: string; gekozen: boolean }[];
		expect(wlz.filter((r) => r.gekozen).map((r) => r.regiocode)).toEqual(['CR0344']);
		// The Wlz chart has every region of the Wlz export, also those without gemeenten in the store.
		expect(wlz.length).toBe(5);
		const opNaam = await regiosView.fromUrl(url('/regios'));
		expect(opNaam.rijen.map((r) => r.naam)).toEqual(['Dordrecht', 'Utrecht']);
		await expect(regiosView.fromUrl(url('/regios', '?sorteer=DROP'))).rejects.toThrow(FilterError);
	});
});

describe('views set the region against the spread of the other regions', () => {
	test('capaciteit: bestaande plekken per 10.000 inwoners per type against the other regions', async () => {
		const data = await capaciteitView.fromUrl(url('/capaciteit', '?regio=CR0344&type=crisisopvang'));
		const rows = data.charts['capaciteit-per-type-regios']!.rows as { voorzieningstype: string; waarde: number; regios: number; mediaan: number }[];
		// Peiljaar 2024, crisisopvang: Utrecht 25 places for 410.000 inwoners; Dordrecht 18 for 215.000.
		expect(rows).toEqual([expect.objectContaining({ voorzieningstype: 'crisisopvang', waarde: 0.61, regios: 1, mediaan: 0.837 })]);
		expect((await capaciteitPage(url('/capaciteit', '?regio=CR0344'))).regios).not.toBeNull();
	});

	test('hkg: the bid as a share of the opgave against the other regions', async () => {
		const data = await hkgView.fromUrl(url('/hkg', '?regio=CR0344&categorie=uitstroomwoningen'));
		if (data.leeg) throw new Error('no HKG data');
		const rows = data.charts['hkg-bod-opgave-regios']!.rows as { regiocode: string; gekozen: boolean; waarde: number }[];
		expect(rows.map((r) => [r.regiocode, r.gekozen, r.waarde])).toEqual([
			['CR0344', true, expect.closeTo(190 / 141, 4)],
			['CR0505', false, expect.closeTo(195 / 74, 4)]
		]);
		const page = await hkgPage(url('/hkg', '?regio=CR0344'));
		expect(!page.leeg && page.regios).toBeTruthy();
	});
});

describe('notebooks have the built-in parameter regio', () => {
	const run = async (slug: string, query: string) => {
		const { readFileSync } = await import('node:fs');
		const { parseNotebook } = await import('$lib/notebooks/parse');
		const { runNotebook } = await import('$lib/server/notebooks/run');
		const file = `notebooks/${slug}.md`;
		const notebook = parseNotebook(readFileSync(file, 'utf8'), { slug, file });
		return runNotebook(notebook, new URLSearchParams(query));
	};

	test('the shipped notebooks run for the chosen region, with $regio in their SQL', async () => {
		const crisis = await run('crisis-domus-per-10k', 'regio=CR0344&peiljaar=2024');
		expect(crisis.regio).toBe('CR0344');
		expect(Object.values(crisis.results).filter((r) => r.error)).toEqual([]);
		expect(crisis.results.per_gemeente.rows.map((r) => r.gemeentecode).sort()).toEqual(UTRECHT);
		const { notebookCharts } = await import('$lib/server/notebooks/charts');
		const tegels = (await notebookCharts(crisis)).find((c) => c.block.spec.mark === 'tilemap');
		expect(tegels?.loaded?.rows.map((r) => r.gemeentecode).sort()).toEqual(UTRECHT);
		const standaard = await run('crisis-domus-per-10k', 'peiljaar=2024');
		expect(standaard.results.per_gemeente.rows.map((r) => r.gemeentecode).sort()).toEqual(DORDRECHT);
		const hkg = await run('hkg-fair-share', 'regio=CR0344');
		expect(Object.values(hkg.results).filter((r) => r.error)).toEqual([]);
		expect([...new Set(hkg.results.biedingen.rows.map((r) => r.gemeentecode))].sort()).toEqual(UTRECHT);
		const dag = await run('dagbesteding-pxq', 'regio=CR0344');
		expect(Object.values(dag.results).filter((r) => r.error)).toEqual([]);
		expect([...new Set(dag.results.aanbieder_per_periode.rows.map((r) => r.aanbieder))]).toEqual(['Aanbieder R', 'Aanbieder U']);
	});

	test('an unknown region is a Dutch error naming the allowed ones', async () => {
		await expect(run('hkg-fair-share', 'regio=CR9999')).rejects.toThrow(/Toegestaan: een van: CR0505, CR0344/);
	});
});
