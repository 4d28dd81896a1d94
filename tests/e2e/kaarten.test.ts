/**
 * The maps drawn from gemeente boundaries, in the built app, on a two-region store built with a
 * boundaries file beside its exports (read at ingest, issue 12): /regios draws the regions (the
 * gemeenten dissolved per region) above the tiles, a click on a region opens its capaciteit
 * page; /capaciteit draws its gemeenten instead of the tile map, a click opens a gemeente; axe
 * finds nothing serious. Ingested again with a bad file, both pages fall back to their tiles
 * with a Dutch warning, never a 500.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBoundaries } from '../helpers/boundaries';
import { buildRegiosStore } from '../helpers/regios-store';
import type { FixtureStore } from '../helpers/fixture-store';
import { chartsSettled, expectReadableCharts } from './chart-text';
import { expectNoHorizontalScroll, expectNoSeriousAxe, useBrowser } from './helpers';
import { ROOT, startApp, type RunningApp } from './server';

const { withPage } = useBrowser();

let store: FixtureStore;
let app: RunningApp;

beforeAll(async () => {
	store = await buildRegiosStore({
		prepare(exportsDir) {
			mkdirSync(join(exportsDir, 'geo'), { recursive: true });
			copyFileSync(join(ROOT, 'tests/fixtures/geo/twee-regios.geojson'), join(exportsDir, 'geo', 'gemeenten.geojson'));
		}
	});
	app = await startApp(store.paths);
}, 120_000);

afterAll(async () => {
	await app?.stop();
	store?.cleanup();
});

const at = (path: string) => `${app.baseURL}${path}`;

describe('/regios with gemeente boundaries', () => {
	it('shows the regions on a map above the tiles; a region links to its capaciteit page', async () => {
		await withPage(async (page) => {
			const response = await page.goto(at('/regios?regio=CR0344'));
			expect(response?.status()).toBe(200);
			const figure = page.locator('figure[data-chart-id="regios-kaart"]');
			await expect(figure.count()).resolves.toBe(1);
			await expect(figure.locator('svg g[data-href] path').count()).resolves.toBe(2);
			await expect(figure.locator('svg g[data-href="/capaciteit?regio=CR0344"] path title').textContent()).resolves.toMatch(/^Utrecht \(gekozen\): 0,42/);
			await expect(figure.locator('footer').innerText()).resolves.toContain('gemeentegrenzen © CBS/Kadaster, CC-BY 4.0');
			// The map comes before the tiles, which stay (the keyboard path to every region).
			const [kaartBoven, tegelsBoven] = await Promise.all([figure.boundingBox(), page.locator('.regio-tegels').boundingBox()]);
			expect(kaartBoven!.y).toBeLessThan(tegelsBoven!.y);
			await expect(page.locator('.regio-tegel').count()).resolves.toBe(2);
			await expect(page.getByLabel('Maat op de kaart').inputValue()).resolves.toBe('tekort_per_10k');
			await expectNoSeriousAxe(page, '/regios met kaart');
			await Promise.all([page.waitForURL(/\/capaciteit\?regio=CR0505$/), figure.locator('svg g[data-href="/capaciteit?regio=CR0505"] path').click({ position: { x: 10, y: 10 } })]);
			await expect(page.locator('header.site-header').innerText()).resolves.toContain('centrumregio Dordrecht');
		});
	});

	it('colours another figure with Maat op de kaart, and the map exports as every chart', async () => {
		await withPage(async (page) => {
			await page.goto(at('/regios'));
			await page.getByLabel('Maat op de kaart').selectOption('wlz_per_10k');
			await Promise.all([page.waitForURL(/maat=wlz_per_10k/), page.locator('form.filters').getByRole('button', { name: 'Toon' }).click()]);
			await expect(page.locator('figure[data-chart-id="regios-kaart"] svg g[data-href="/capaciteit?regio=CR0344"] path title').textContent()).resolves.toMatch(/^Utrecht: 1,6 \(wlz-instroom/);
		});
		const catalogus = (await (await fetch(at('/charts'))).json()) as { charts: { id: string; available: boolean }[] };
		expect(catalogus.charts.find((c) => c.id === 'regios-kaart')?.available).toBe(true);
		for (const format of ['svg', 'png', 'csv', 'xlsx']) expect((await fetch(at(`/charts/regios-kaart.${format}?maat=wlz_per_10k`))).status, format).toBe(200);
		const deck = await fetch(at('/deck.pptx?weergave=/regios'));
		expect(deck.status).toBe(200);
	});
});

describe('/capaciteit with gemeente boundaries', () => {
	it('draws a choropleth of the region’s gemeenten instead of the tile map, linking each area to its gemeente', async () => {
		await withPage(async (page) => {
			await page.goto(at('/capaciteit'));
			const figure = page.locator('figure[data-chart-id="capaciteit-kaart"]');
			await expect(figure.count()).resolves.toBe(1);
			await expect(page.locator('figure[data-chart-id="capaciteit-tegelkaart"]').count()).resolves.toBe(0);
			await expect(figure.locator('svg g[data-href] path').count()).resolves.toBe(3);
			await expect(figure.locator('footer').innerText()).resolves.toContain('gemeentegrenzen © CBS/Kadaster, CC-BY 4.0');
			await expectNoSeriousAxe(page, '/capaciteit met kaart');
			await Promise.all([page.waitForURL(at('/gemeente/GM0505')), figure.locator('svg g[data-href="/gemeente/GM0505"] path').click({ position: { x: 8, y: 8 } })]);
		});
	});
});

describe('the maps on a 320 px phone', () => {
	it.each([true, false])('no sideways scroll and no map text below 12 px (JavaScript %s)', async (javaScript) => {
		for (const path of ['/regios', '/regios?regio=CR0344', '/capaciteit', '/capaciteit?regio=CR0344']) {
			await withPage(
				async (page) => {
					await page.goto(at(path));
					await expect(page.locator('figure[data-chart-id$="-kaart"]').count(), path).resolves.toBe(1);
					if (javaScript) await chartsSettled(page);
					await expectNoHorizontalScroll(page, `${path} op 320 px`);
					await expectReadableCharts(page, path);
				},
				{ javaScript, viewport: { width: 320, height: 640 } }
			);
		}
	});
});

describe('/data', () => {
	it('names the boundaries file of the snapshot with its sha256', async () => {
		await withPage(async (page) => {
			await page.goto(at('/data'));
			await expect(page.locator('#gemeentegrenzen').textContent()).resolves.toMatch(/Gemeentegrenzen uit geo\/gemeenten\.geojson: 5 gemeenten, samengevoegd tot 2 regio’s\.\s+Controlegetal: [0-9a-f]{12}…/);
		});
	});
});

describe('ingested again with a bad boundaries file', () => {
	it('both pages show their tiles with a Dutch warning (never a 500)', async () => {
		const before = store.snapshotId();
		await store.rebuild((exportsDir) => writeBoundaries(exportsDir, { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { naam: 'x' }, geometry: null }] }));
		expect(store.snapshotId()).not.toBe(before);
		await withPage(async (page) => {
			// The server sees the new pointer within a quarter of a second; its page cache is per snapshot.
			await expect.poll(async () => (await page.goto(at('/capaciteit')))?.status() === 200 && (await page.locator('.melding--waarschuwing').count()) > 0, { timeout: 10_000 }).toBe(true);
			await expect(page.locator('.melding--waarschuwing').innerText()).resolves.toContain('Het grenzenbestand geo/gemeenten.geojson is geen bruikbare GeoJSON');
			await expect(page.locator('figure[data-chart-id="capaciteit-tegelkaart"]').count()).resolves.toBe(1);
			await expect(page.locator('figure[data-chart-id="capaciteit-kaart"]').count()).resolves.toBe(0);
			const response = await page.goto(at('/regios'));
			expect(response?.status()).toBe(200);
			await expect(page.locator('.melding--waarschuwing').innerText()).resolves.toContain('Daarom staan de regio’s hieronder alleen als tegels.');
			await expect(page.locator('figure[data-chart-id="regios-kaart"]').count()).resolves.toBe(0);
			await expect(page.locator('.regio-tegel').count()).resolves.toBe(2);
		});
	});
});
