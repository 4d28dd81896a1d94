/**
 * The export menu on every chart and the presentatiemap: collect charts from two views, reorder,
 * reload, title a slide, and check the deck link and a download link. The deck's bytes are
 * tested with the deck endpoint.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxe, useBrowser } from './helpers';

const { withPage, url } = useBrowser();

/** Opens the chart's export menu and adds the chart to the presentatiemap. */
async function addToMap(page: Page, chartId: string): Promise<void> {
	const figure = page.locator(`figure[data-chart-id="${chartId}"]`);
	await figure.locator('[data-export-menu] summary').click();
	await figure.getByRole('button', { name: 'Voeg toe aan presentatiemap' }).click();
	await expect.poll(() => figure.getByRole('status').innerText()).toContain('toegevoegd aan de presentatiemap');
}

const chartOrder = (page: Page) => page.locator('.map-lijst > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-chart-id')));

describe('export menu', () => {
	it('links every format with the page filters, and a download answers', async () => {
		await withPage(async (page) => {
			await page.goto(url('/capaciteit?type=crisisopvang'));
			const menu = page.locator('figure[data-chart-id="capaciteit-per-gemeente"] [data-export-menu]');
			await menu.locator('summary').click();
			const hrefs = await menu.locator('a[href^="/charts/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
			expect(hrefs).toEqual([
				'/charts/capaciteit-per-gemeente.svg?type=crisisopvang',
				'/charts/capaciteit-per-gemeente.png?type=crisisopvang',
				'/charts/capaciteit-per-gemeente.png?type=crisisopvang&formaat=16x9',
				'/charts/capaciteit-per-gemeente.csv?type=crisisopvang',
				'/charts/capaciteit-per-gemeente.xlsx?type=crisisopvang'
			]);
			const csv = await page.request.get(url(hrefs[3]!));
			expect(csv.status()).toBe(200);
			expect(csv.headers()['content-type']).toContain('text/csv');
			const svg = await page.request.get(url(hrefs[0]!));
			expect(svg.status()).toBe(200);
			await expectNoSeriousAxe(page, 'capaciteit with the export menu open');
		});
	});

	it('copies the chart as a PNG image to the clipboard and says so', async () => {
		await withPage(async (page) => {
			await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url('/')).origin });
			await page.goto(url('/hkg'));
			const figure = page.locator('figure[data-chart-id="hkg-totaal-per-ronde"]');
			await figure.locator('[data-export-menu] summary').click();
			await figure.getByRole('button', { name: 'Kopieer afbeelding' }).click();
			await expect.poll(() => figure.getByRole('status').innerText()).toMatch(/gekopieerd|niet gelukt/);
			const text = await figure.getByRole('status').innerText();
			// Headless Chromium may refuse image clipboard writes; then the failure message must be Dutch.
			if (text.includes('gekopieerd')) {
				const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => item.types));
				expect(types).toContain('image/png');
			} else {
				expect(text).toContain('Download de PNG');
			}
		});
	});

	it('adds the gemeente to the links of the gemeente page', async () => {
		await withPage(async (page) => {
			await page.goto(url('/gemeente/GM0505'));
			const href = await page.locator('figure[data-chart-id="gemeente-capaciteit"] [data-export-menu] a[href*=".csv"]').getAttribute('href');
			expect(href).toBe('/charts/gemeente-capaciteit.csv?gemeente=GM0505');
			const csv = await page.request.get(url(href!));
			expect(csv.status()).toBe(200);
		});
	});

	it('keeps the download links without JavaScript and leaves out the JavaScript-only items', async () => {
		await withPage(
			async (page) => {
				await page.goto(url('/capaciteit'));
				const menu = page.locator('figure[data-chart-id="capaciteit-per-type"] [data-export-menu]');
				await expect(menu.locator('a[href^="/charts/capaciteit-per-type.xlsx"]').count()).resolves.toBe(1);
				await expect(menu.locator('button').count()).resolves.toBe(0);
			},
			{ javaScript: false }
		);
	});
});

describe('/presentatiemap', () => {
	it('explains how to add charts when empty', async () => {
		await withPage(async (page) => {
			await page.goto(url('/presentatiemap'));
			await expect(page.locator('main').innerText()).resolves.toContain('Uw presentatiemap is nog leeg');
			await expectNoSeriousAxe(page);
		});
	});

	it('collects three charts from two views, reorders, survives a reload and builds the deck link', async () => {
		await withPage(async (page) => {
			await page.goto(url('/capaciteit?type=crisisopvang'));
			await addToMap(page, 'capaciteit-per-gemeente');
			await addToMap(page, 'capaciteit-per-type');
			await page.goto(url('/hkg'));
			await addToMap(page, 'hkg-totaal-per-ronde');

			await page.goto(url('/presentatiemap'));
			await expect.poll(() => chartOrder(page)).toEqual(['capaciteit-per-gemeente', 'capaciteit-per-type', 'hkg-totaal-per-ronde']);
			await expect(page.locator('.map-lijst img').first().getAttribute('src')).resolves.toBe('/charts/capaciteit-per-gemeente.svg?type=crisisopvang');

			// Move the last one up, with the keyboard.
			await page.locator('[data-chart-id="hkg-totaal-per-ronde"] [data-move="op"]').focus();
			await page.keyboard.press('Enter');
			const expected = ['capaciteit-per-gemeente', 'hkg-totaal-per-ronde', 'capaciteit-per-type'];
			await expect.poll(() => chartOrder(page)).toEqual(expected);
			await expect.poll(() => page.locator('.map-status').innerText()).toContain('staat nu op plaats 2 van 3');
			await expectNoSeriousAxe(page, 'presentatiemap with three charts');

			await page.reload();
			await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
			await expect.poll(() => chartOrder(page)).toEqual(expected);

			await page.locator('[data-chart-id="hkg-totaal-per-ronde"] input[id^="diatitel-"]').fill('HKG in vogelvlucht');
			await page.locator('[data-chart-id="hkg-totaal-per-ronde"] textarea').fill('Noem de derde ronde.');
			await page.getByLabel('Titel van de presentatie').fill('Regiegroep HKG');

			const href = await page.getByRole('link', { name: 'Download als PowerPoint' }).getAttribute('href');
			const deck = new URL(href!, url('/'));
			expect(deck.pathname).toBe('/deck.pptx');
			expect(deck.searchParams.getAll('chart')).toEqual(['capaciteit-per-gemeente?type=crisisopvang', 'hkg-totaal-per-ronde', 'capaciteit-per-type?type=crisisopvang']);
			expect(deck.searchParams.getAll('slidetitel')).toEqual(['', 'HKG in vogelvlucht', '']);
			expect(deck.searchParams.getAll('notitie')).toEqual(['', 'Noem de derde ronde.', '']);
			expect(deck.searchParams.get('titel')).toBe('Regiegroep HKG');

			// Download the deck as a user does, and look inside: title slide + three slides in the new order.
			const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download als PowerPoint' }).click()]);
			expect(download.suggestedFilename()).toMatch(/^regiomonitor-\d{4}-\d{2}-\d{2}\.pptx$/);
			const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
			const xml = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
			expect(Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).length).toBe(4);
			expect(await xml('ppt/slides/slide1.xml')).toContain('Regiegroep HKG');
			expect(await xml('ppt/slides/slide3.xml')).toContain('HKG in vogelvlucht');
			expect(await xml('ppt/slides/slide4.xml')).toContain('Plekken en tekort per voorzieningstype');
			const notes = (await Promise.all(Object.keys(zip.files).filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f)).map(xml))).join('\n');
			expect(notes).toContain('Noem de derde ronde.');
			expect(Object.keys(zip.files).filter((f) => /^ppt\/media\/.*\.png$/.test(f)).length).toBe(3);

			// The slide title and the note survive a reload too.
			await page.reload();
			await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
			await expect.poll(() => page.locator('[data-chart-id="hkg-totaal-per-ronde"] input[id^="diatitel-"]').inputValue()).toBe('HKG in vogelvlucht');

			// Share link: read it from the page (the clipboard may be unavailable) and open it in a fresh browser.
			await page.getByRole('button', { name: 'Deel als link' }).click();
			const shareUrl = await page.locator('#deellink').inputValue();
			expect(shareUrl).toMatch(/\/presentatiemap\?map=[A-Za-z0-9_-]+$/);
			await withPage(async (other) => {
				await other.goto(shareUrl);
				await expect.poll(() => chartOrder(other)).toEqual(expected);
				await expect.poll(() => other.locator('.map-status').innerText()).toContain('gedeelde presentatiemap met 3 grafieken is geopend');
				await expect.poll(() => new URL(other.url()).search).toBe('');
			});
		});
	});

	it('says so when a share link is invalid', async () => {
		await withPage(async (page) => {
			await page.goto(url('/presentatiemap?map=bm90IGpzb24'));
			await expect.poll(() => page.locator('main').innerText()).toContain('geen geldige presentatiemap');
		});
	});
});
