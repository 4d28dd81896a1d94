/**
 * The regions' map on /regios (issue 12): with a gemeente boundaries file in the exports the
 * view dissolves the gemeenten per region and draws `regios-kaart`; without one (or with a bad
 * one) the chart is unavailable, GET /charts says why, and the page still has its tiles.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isHttpError } from '@sveltejs/kit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { useRegiosStore } from '../../../../tests/helpers/regios-store';
import { thrown } from '../../../../tests/helpers/thrown';
import { chartListing, loadChart } from '$lib/server/charts';
import { renderLoaded } from '$lib/server/charts/common';
import type { RegioKaartRij } from '$lib/charts/regios/kaart';
import { regiosPage } from './regios';

useRegiosStore({ beforeAll, afterAll });

const FIXTURE = new URL('../../../../tests/fixtures/geo/twee-regios.geojson', import.meta.url);
const url = (query = '') => new URL(`http://test/regios${query}`);
let exportsDir: string;

beforeEach(() => {
	exportsDir = mkdtempSync(join(tmpdir(), 'regios-kaart-'));
	vi.stubEnv('REGIO_EXPORTS_DIR', exportsDir);
});
afterEach(() => {
	vi.unstubAllEnvs();
	rmSync(exportsDir, { recursive: true, force: true });
});

function placeBoundaries(content?: string) {
	mkdirSync(join(exportsDir, 'geo'), { recursive: true });
	if (content === undefined) copyFileSync(FIXTURE, join(exportsDir, 'geo', 'gemeenten.geojson'));
	else writeFileSync(join(exportsDir, 'geo', 'gemeenten.geojson'), content);
}

describe('without a boundaries file', () => {
	test('the map is listed unavailable with a Dutch reason, and /regios has its tiles', async () => {
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
	test('one dissolved outline per region, coloured by tekort per 10.000, in the listing and on the page', async () => {
		placeBoundaries();
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
		placeBoundaries();
		const chart = await loadChart('regios-kaart', url('?maat=wlz_per_10k'));
		expect((chart.rows as RegioKaartRij[]).map((r) => r.waarde)).toEqual([1.2, 1.6]);
		expect(chart.meta.title).toMatch(/^Wlz-instroom per 10\.000 inwoners per regio op de kaart/);
		expect(chart.meta.subtitle).not.toContain('Gestreept');
		expect(chart.fileWords).toContain('wlz-per-10k');
	});

	test('a bad file costs the map only: a Dutch warning, and the tiles', async () => {
		placeBoundaries('{"type": "FeatureCollection", "features": [');
		const page = await regiosPage(url());
		expect(page.kaart).toBeNull();
		expect(page.kaartWaarschuwing).toMatch(/^Het grenzenbestand geo\/gemeenten\.geojson is geen geldige JSON.*alleen als tegels\.$/);
		expect(page.rijen).toHaveLength(2);
		expect((await chartListing()).find((c) => c.id === 'regios-kaart')?.available).toBe(false);
	});
});
