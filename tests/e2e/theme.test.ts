/**
 * The finish of issue 13 in a real browser: the dark theme (system setting, the remembered
 * switch, no flash, charts that follow on the page, exports and print that stay light), axe in
 * both modes on every main route, the notebooks' heading order, the progress of a deck
 * download, and the presentatiemap leaving out charts GET /charts calls unavailable.
 */
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, injectAxe, url, useBrowser } from './helpers';

const { withPage } = useBrowser();

const ROUTES = ['/', '/capaciteit', '/planning', '/wlz', '/hkg', '/dagbesteding', '/gemeente/GM0505', '/notebooks', '/notebooks/crisis-domus-per-10k', '/notebooks/hkg-fair-share', '/notebooks/dagbesteding-pxq', '/presentatiemap', '/data', '/login'];

const DARK_BACKGROUND = 'rgb(23, 25, 28)';
const LIGHT_BACKGROUND = 'rgb(255, 255, 255)';

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const thema = (page: Page) => page.evaluate(() => document.documentElement.dataset.thema);
/** The colour the browser paints the first bar of the main series of a chart with. */
const paintedFill = (page: Page, chartId: string, attribute = '#154273') =>
	page.locator(`figure[data-chart-id="${chartId}"] .chart__svg svg [fill="${attribute}"]`).first().evaluate((el) => getComputedStyle(el).fill);

/** axe's heading-order rule (a best practice, not in the WCAG tags helpers.ts runs). */
async function headingOrderViolations(page: Page): Promise<string[]> {
	await injectAxe(page);
	return page.evaluate(async () => {
		// @ts-expect-error axe is injected above
		const result = await window.axe.run(document, { runOnly: { type: 'rule', values: ['heading-order'] } });
		return result.violations.flatMap((v: { nodes: { target: string[] }[] }) => v.nodes.map((n) => n.target.join(' ')));
	});
}

describe('dark theme', () => {
	// Side by side (vitest's maxConcurrency): each route has a context of its own, and one page
	// load leaves the processor idle much of the time, waiting on the server, hydration or the
	// browser; these tests only read the server.
	it.concurrent.each(ROUTES)('%s: axe finds no serious or critical violation in light and in dark mode', async (path) => {
		await withPage(async (page) => {
			for (const colorScheme of ['light', 'dark'] as const) {
				await page.emulateMedia({ colorScheme });
				await page.goto(url(path));
				expect(await thema(page), `${path} ${colorScheme}`).toBe(colorScheme === 'dark' ? 'donker' : 'licht');
				expect(await background(page), `${path} ${colorScheme}`).toBe(colorScheme === 'dark' ? DARK_BACKGROUND : LIGHT_BACKGROUND);
				// Open every export menu and table, so what they show is checked too.
				await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
				expect(await axeViolations(page), `${path} ${colorScheme}`).toEqual([]);
				if (path.startsWith('/notebooks/')) expect(await headingOrderViolations(page), `${path} heading-order`).toEqual([]);
			}
		});
	});

	it('follows the system setting without JavaScript too', async () => {
		await withPage(
			async (page) => {
				await page.emulateMedia({ colorScheme: 'dark' });
				await page.goto(url('/capaciteit'));
				expect(await background(page)).toBe(DARK_BACKGROUND);
				expect(await paintedFill(page, 'capaciteit-per-gemeente')).toBe('rgb(140, 196, 255)');
				// No switch without JavaScript: it could not work.
				expect(await page.locator('[data-thema-switch]').count()).toBe(0);
			},
			{ javaScript: false }
		);
	});

	it('has a keyboard-operable switch in the header that is remembered, and a reload shows the chosen theme before the app runs', async () => {
		await withPage(async (page) => {
			await page.emulateMedia({ colorScheme: 'light' });
			await page.goto(url('/hkg'));
			const toggle = page.getByRole('button', { name: 'Donkere weergave' });
			await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
			await toggle.focus();
			await page.keyboard.press('Enter');
			await expect.poll(() => thema(page)).toBe('donker');
			await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
			expect(await background(page)).toBe(DARK_BACKGROUND);
			expect(await page.evaluate(() => localStorage.getItem('regiomonitor.thema'))).toBe('donker');
			await page.screenshot({ path: '/tmp/regio-hkg-donker.png', fullPage: false });

			// No flash: with the app's JavaScript blocked, the static script alone paints the remembered
			// theme (a second page of the same browser profile, not waiting for hydration).
			const bare = await page.context().newPage();
			await bare.route('**/_app/**/*.js', (route) => route.abort());
			await bare.goto(url('/capaciteit'));
			expect(await thema(bare)).toBe('donker');
			expect(await background(bare)).toBe(DARK_BACKGROUND);
			expect(await bare.evaluate(() => document.documentElement.dataset.hydrated)).toBeUndefined();
			await bare.close();

			// Space turns it back; the system is light, so the choice is forgotten (the page follows the system again).
			await page.goto(url('/hkg'));
			await page.getByRole('button', { name: 'Donkere weergave' }).focus();
			await page.keyboard.press('Space');
			await expect.poll(() => thema(page)).toBe('licht');
			expect(await page.evaluate(() => localStorage.getItem('regiomonitor.thema'))).toBeNull();
			await page.emulateMedia({ colorScheme: 'dark' });
			await expect.poll(() => thema(page)).toBe('donker');
		});
	});

	it('a light choice holds on a dark system', async () => {
		await withPage(async (page) => {
			await page.emulateMedia({ colorScheme: 'dark' });
			await page.goto(url('/wlz'));
			await page.getByRole('button', { name: 'Donkere weergave' }).click();
			await expect.poll(() => thema(page)).toBe('licht');
			await page.reload();
			expect(await thema(page)).toBe('licht');
			expect(await background(page)).toBe(LIGHT_BACKGROUND);
		});
	});

	it('charts on the page follow the theme; the tile map stays a light card; print stays light', async () => {
		await withPage(async (page) => {
			await page.emulateMedia({ colorScheme: 'dark' });
			await page.goto(url('/capaciteit'));
			expect(await paintedFill(page, 'capaciteit-per-gemeente')).toBe('rgb(140, 196, 255)');
			const ink = await page.locator('figure[data-chart-id="capaciteit-per-gemeente"] .chart__svg svg').evaluate((el) => getComputedStyle(el).color);
			expect(ink).toBe('rgb(230, 230, 230)');
			const card = await page.locator('figure[data-chart-id="capaciteit-tegelkaart"] .chart__svg svg').evaluate((el) => getComputedStyle(el).backgroundColor);
			expect(card).toBe(LIGHT_BACKGROUND);
			await page.screenshot({ path: '/tmp/regio-capaciteit-donker.png', fullPage: true });

			// The overview's tiles embed server-rendered trends too.
			await page.goto(url('/'));
			const trend = page.locator('.tegel__trend svg [stroke="#154273"], .tegel__trend svg [fill="#154273"]').first();
			expect(await trend.evaluate((el) => (el.getAttribute('fill') === '#154273' ? getComputedStyle(el).fill : getComputedStyle(el).stroke))).toBe('rgb(140, 196, 255)');
			await page.goto(url('/capaciteit'));

			await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
			expect(await background(page)).toBe(LIGHT_BACKGROUND);
			expect(await paintedFill(page, 'capaciteit-per-gemeente')).toBe('rgb(21, 66, 115)');

			// Back to a light system setting: the page follows when its listener for the media change has run.
			await page.emulateMedia({ colorScheme: 'light', media: 'screen' });
			await expect.poll(() => paintedFill(page, 'capaciteit-per-gemeente')).toBe('rgb(21, 66, 115)');
			await page.screenshot({ path: '/tmp/regio-capaciteit-licht.png', fullPage: true });
		});
	});

	it('downloads are the same bytes in light and dark mode (SVG, PNG, CSV, XLSX and the deck’s slides and images)', async () => {
		const files = ['/charts/capaciteit-per-gemeente.svg', '/charts/capaciteit-per-gemeente.png', '/charts/hkg-totaal-per-ronde.png?formaat=16x9', '/charts/wlz-instroom-per-jaar.csv', '/charts/capaciteit-per-type.xlsx'];
		const deck = '/deck.pptx?weergave=%2Fhkg';
		const fetchAll = (colorScheme: 'light' | 'dark') =>
			withPage(async (page) => {
				await page.emulateMedia({ colorScheme });
				await page.goto(url('/hkg'));
				if (colorScheme === 'dark') expect(await thema(page)).toBe('donker');
				const bodies = await Promise.all(files.map(async (f) => Buffer.from(await (await page.request.get(url(f))).body())));
				const zip = await JSZip.loadAsync(await (await page.request.get(url(deck))).body());
				// docProps carry the time the deck was made; the slides and images are the content.
				const parts = Object.keys(zip.files).filter((f) => !zip.files[f].dir && /^ppt\/(slides\/slide\d+\.xml|media\/)/.test(f)).sort();
				const deckParts = await Promise.all(parts.map(async (p) => [p, Buffer.from(await zip.file(p)!.async('uint8array')).toString('base64')]));
				return { bodies, deckParts };
			});
		const light = await fetchAll('light');
		const dark = await fetchAll('dark');
		files.forEach((f, i) => expect(dark.bodies[i].equals(light.bodies[i]), f).toBe(true));
		expect(dark.deckParts.length).toBeGreaterThan(2);
		expect(dark.deckParts).toEqual(light.deckParts);
	});
});

describe('progress of long exports', () => {
	it('"Exporteer weergave" builds the deck with visible, announced progress and then hands over the file', async () => {
		await withPage(async (page) => {
			// The example deck builds fast; hold the answer back so the progress can be seen.
			await page.route('**/deck.pptx?*', async (route) => {
				await new Promise((r) => setTimeout(r, 1500));
				await route.continue();
			});
			await page.goto(url('/capaciteit'));
			const link = page.getByRole('link', { name: /Exporteer weergave als PowerPoint \(3 grafieken\)/ });
			const downloading = page.waitForEvent('download');
			await link.click();
			const status = page.locator('.view-export [data-deck-status]');
			await expect.poll(() => status.innerText()).toContain('De presentatie met 3 grafieken wordt gemaakt');
			await expect(status.getAttribute('aria-live')).resolves.toBe('polite');
			await expect(page.locator('.view-export [data-deck-progress] progress').isVisible()).resolves.toBe(true);
			const download = await downloading;
			expect(download.suggestedFilename()).toMatch(/\.pptx$/);
			await expect.poll(() => status.innerText()).toMatch(/^Klaar: .+\.pptx \(\d+ kB\) staat in uw downloads\.$/);
			await expect(page.locator('.view-export [data-deck-progress]').count()).resolves.toBe(0);
		});
	});

	it('says in Dutch why a deck could not be made', async () => {
		await withPage(async (page) => {
			await page.route('**/deck.pptx?*', (route) => route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ message: 'Geen van de grafieken heeft gegevens in deze gegevensset.' }) }));
			await page.goto(url('/hkg'));
			await page.getByRole('link', { name: /Exporteer weergave als PowerPoint/ }).click();
			await expect.poll(() => page.locator('.view-export [data-deck-status]').innerText()).toBe('De presentatie kon niet worden gemaakt. Geen van de grafieken heeft gegevens in deze gegevensset.');
		});
	});

	it('stays a plain download link without JavaScript', async () => {
		await withPage(
			async (page) => {
				await page.goto(url('/capaciteit'));
				const href = await page.getByRole('link', { name: /Exporteer weergave als PowerPoint/ }).getAttribute('href');
				expect(href).toMatch(/^\/deck\.pptx\?weergave=/);
			},
			{ javaScript: false }
		);
	});
});

describe('availability in the presentatiemap', () => {
	it('shows why a collected chart is unavailable now and leaves it out of the deck, with progress on the download', async () => {
		const listing = (await (await fetch(url('/charts'))).json()) as { charts: { id: string; available: boolean; reason?: string }[] };
		const kaart = listing.charts.find((c) => c.id === 'capaciteit-kaart');
		// The example exports have no boundaries file.
		expect(kaart).toMatchObject({ available: false });
		expect(kaart?.reason).toContain('gemeentegrenzen');

		await withPage(async (page) => {
			await page.goto(url('/presentatiemap'));
			await page.evaluate(() =>
				localStorage.setItem(
					'regiomonitor.presentatiemap',
					JSON.stringify({
						versie: 1,
						titel: '',
						items: [
							{ id: 'a', chartId: 'capaciteit-kaart', query: '', title: 'Tekort per gemeente (kaart)' },
							{ id: 'b', chartId: 'hkg-totaal-per-ronde', query: '', title: 'HKG per ronde' }
						]
					})
				)
			);
			await page.reload();
			await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
			const unavailable = page.locator('[data-chart-id="capaciteit-kaart"] [data-unavailable]');
			await expect.poll(() => unavailable.count()).toBe(1);
			expect(await unavailable.innerText()).toContain('gemeentegrenzen');
			expect(await page.locator('[data-chart-id="capaciteit-kaart"] img').count()).toBe(0);
			const link = page.getByRole('link', { name: 'Download als PowerPoint' });
			const deck = new URL((await link.getAttribute('href'))!, url('/'));
			expect(deck.searchParams.getAll('chart')).toEqual(['hkg-totaal-per-ronde']);

			const downloading = page.waitForEvent('download');
			await link.click();
			await downloading;
			await expect.poll(() => page.locator('.map-acties [data-deck-status]').innerText()).toMatch(/^Klaar: /);
			await page.emulateMedia({ colorScheme: 'dark' });
			expect(await axeViolations(page)).toEqual([]);
		});
	});
});
