/**
 * The regions' map on /regios (issue 12): with a gemeente boundaries file beside the exports the
 * ingest dissolves the gemeenten per region into the snapshot and the view draws `regios-kaart`
 * from it; without one (or with a bad one) the chart is unavailable, GET /charts says why, and
 * the page still has its tiles.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isHttpError } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useRegiosStore } from '../../../../tests/helpers/regios-store';
import { thrown } from '../../../../tests/helpers/thrown';
import { chartListing, loadChart } from '$lib/server/charts';
import { renderLoaded } from '$lib/server/charts/common';
import type { RegioKaartRij } from '$lib/charts/regios/kaart';
import { regiosPage } from './regios';
import { capaciteitPage } from './capaciteit';
import { boundariesSummary } from '$lib/server/geo/stored';

const store = useRegiosStore({ beforeAll, afterAll });

const FIXTURE = new URL('../../../../tests/fixtures/geo/twee-regios.geojson', import.meta.url);
const url = (query = '') => new URL(`http://test/regios${query}`);

/** Place a boundaries file beside the exports (the fixture's, or `content`) and ingest again. */
async function placeBoundaries(content?: string) {
	await store().rebuild((exportsDir) => {
		mkdirSync(join(exportsDir, 'geo'), { recursive: true });
		if (content === undefined) copyFileSync(FIXTURE, join(exportsDir, 'geo', 'gemeenten.geojson'));
		else writeFileSync(join(exportsDir, 'geo', 'gemeenten.geojson'), content);
	});
}

describe('without a boundaries file', () => {
	test('the map is listed unavailable with a Dutch reason, and /regios has its tiles', async () => {
		expect(await boundariesSummary()).toEqual({ zin: 'Zonder bestand met gemeentegrenzen ingelezen: de kaarten staan als tegels.', sha256: null });
		const kaart = (await chartListing()).find((c) => c.id === 'regios-kaart');
		expect(kaart).toMatchObject({ available: false, view: '/regios' });
		expect(kaart?.reason).toContain('gemeentegrenzen');
		expect(isHttpError(await thrown(() => loadChart('regios-kaart', url())), 404)).toBe(true);
		const page = await regiosPage(url());
		expect(page.kaart).toBeNull();
		expect(page.kaartWaarschuwing).toBeNull();
		expect(page.rijen.map((r) => r.code)).toEqual(['CR0505', 'CR0344']);
	});
});

describe('with a boundaries file', () => {
	beforeAll(() => placeBoundaries(), 60_000);

	test('one dissolved outline per region, coloured by tekort per 10.000, in the listing and on the page', async () => {
		expect((await chartListing()).find((c) => c.id === 'regios-kaart')).toMatchObject({ available: true });
		const chart = await loadChart('regios-kaart', url('?regio=CR0344'));
		const rows = chart.rows as RegioKaartRij[];
		expect(rows.map((r) => [r.regiocode, r.gekozen, r.polygonen.length, r.polygonen[0].length])).toEqual([
			['CR0505', false, 1, 1],
			['CR0344', true, 1, 1]
		]);
		// Utrecht 2024: tekort 17 over 410.000 inwoners (as the table on /regios).
		expect(rows[1].waarde).toBe(0.415);
		expect(chart.meta.bron).toContain('gemeentegrenzen © CBS/Kadaster');
		expect(chart.fileWords.slice(0, 2)).toEqual(['regios', 'kaart']);
		const { chart: rendered } = renderLoaded(chart);
		expect([...rendered.svg.matchAll(/<path[^>]* d="/g)]).toHaveLength(2);
		expect(rendered.svg).toContain('data-href="/capaciteit?regio=CR0344"');
		expect(rendered.svg).toMatch(/<title>Utrecht \(gekozen\): 0,42 \(tekort per 10\.000 inwoners\)<\/title>/);
		expect(rendered.legend.length).toBeGreaterThan(1);

		const page = await regiosPage(url());
		expect(page.kaart?.chart.id).toBe('regios-kaart');
		expect(page.rijen).toHaveLength(2);
	});

	test('maat colours another figure; the file name says which', async () => {
		const chart = await loadChart('regios-kaart', url('?maat=wlz_per_10k'));
		expect((chart.rows as RegioKaartRij[]).map((r) => r.waarde)).toEqual([1.2, 1.6]);
		expect(chart.meta.title).toMatch(/^Wlz-instroom per 10\.000 inwoners per regio op de kaart/);
		expect(chart.meta.subtitle).not.toContain('Gestreept');
		expect(chart.fileWords).toContain('wlz-per-10k');
	});

	test('the outlines come from the snapshot: removing the file changes nothing until the next ingest', async () => {
		rmSync(join(store().paths.exports, 'geo'), { recursive: true, force: true });
		const chart = await loadChart('regios-kaart', url());
		expect((chart.rows as RegioKaartRij[]).map((r) => r.regiocode)).toEqual(['CR0505', 'CR0344']);
		await store().rebuild(() => {});
		expect((await chartListing()).find((c) => c.id === 'regios-kaart')?.available).toBe(false);
		expect((await regiosPage(url())).kaartWaarschuwing).toBeNull();
	});
});

describe('a file that names its maker', () => {
	test('the maps credit it instead of CBS/Kadaster', async () => {
		const json = JSON.parse(readFileSync(FIXTURE, 'utf8')) as object;
		await placeBoundaries(JSON.stringify({ ...json, bron: 'verzonnen grenzen voor deze test' }));
		const kaart = await loadChart('regios-kaart', url());
		expect(kaart.meta.bron).toMatch(/; verzonnen grenzen voor deze test$/);
		expect(kaart.meta.bron).not.toContain('CBS/Kadaster');
		const capaciteit = await loadChart('capaciteit-kaart', new URL('http://test/charts/capaciteit-kaart'));
		expect(capaciteit.meta.bron).toMatch(/; verzonnen grenzen voor deze test$/);
	});
});

describe('a file that lacks a gemeente', () => {
	test('the regions map falls back to the tiles naming it; the complete region keeps its gemeente map', async () => {
		const json = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { features: { properties: { statcode: string } }[] };
		await placeBoundaries(JSON.stringify({ ...json, features: json.features.filter((f) => f.properties.statcode !== 'GM0356') }));
		const page = await regiosPage(url());
		expect(page.kaart).toBeNull();
		expect(page.kaartWaarschuwing).toBe('Het grenzenbestand geo/gemeenten.geojson mist de grenzen van GM0356 (eigenschap statcode). Daarom staan de regio’s hieronder alleen als tegels.');
		const dordrecht = await capaciteitPage(new URL('http://test/capaciteit?peiljaar=2024'));
		expect(dordrecht.kaart?.chart.id).toBe('capaciteit-kaart');
		const utrecht = await capaciteitPage(new URL('http://test/capaciteit?peiljaar=2024&regio=CR0344'));
		expect(utrecht.kaart?.chart.id).toBe('capaciteit-tegelkaart');
		expect(utrecht.kaartWaarschuwing).toContain('mist de grenzen van GM0356');
	});
});

describe('a bad file', () => {
	test('costs the map only: the ingest succeeds, the page has a Dutch warning and the tiles', async () => {
		await placeBoundaries('{"type": "FeatureCollection", "features": [');
		const page = await regiosPage(url());
		expect(page.kaart).toBeNull();
		expect(page.kaartWaarschuwing).toMatch(/^Het grenzenbestand geo\/gemeenten\.geojson is geen geldige JSON.*alleen als tegels\.$/);
		expect((await boundariesSummary()).zin).toMatch(/^Gemeentegrenzen geo\/gemeenten\.geojson niet gebruikt: Het grenzenbestand geo\/gemeenten\.geojson is geen geldige JSON/);
		expect(page.rijen).toHaveLength(2);
		expect((await chartListing()).find((c) => c.id === 'regios-kaart')?.available).toBe(false);
	});
});
