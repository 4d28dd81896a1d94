/**
 * The notebooks (issue 6) against the built app and the shipped notebooks/ on the example data:
 * the list, a notebook page rendered on the server (charts in the HTML, also without
 * JavaScript), a parameter change through the form with the value in the URL, Dutch 400/404,
 * the charts' downloads, the presentatiemap and the whole notebook as a deck. Expected figures
 * are from the example exports (crisisopvang: Dordrecht 19 and Gorinchem 3 places in 2026,
 * 15 and 3 in 2024; see notebooks/crisis-domus-per-10k.md).
 */
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chartTable, expectDutch400, expectErrorPage, expectNoHorizontalScroll, expectNoSeriousAxe, TABLET, useBrowser } from './helpers';

const { withPage, onPage, url } = useBrowser();

const CRISIS = '/notebooks/crisis-domus-per-10k';
const PER_10K = 'notebook/crisis-domus-per-10k/per-10k';
const chartIds = (page: Page) => page.locator('figure[data-chart-id]').evaluateAll((figures) => figures.map((f) => f.getAttribute('data-chart-id')));
const prose = (page: Page) => page.locator('.notebook__tekst').allInnerTexts().then((texts) => texts.join('\n'));

async function slideCount(body: Buffer): Promise<number> {
	const zip = await JSZip.loadAsync(body);
	return Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).length;
}

describe('/notebooks', () => {
	it('lists the three shipped notebooks with their titles and links', async () => {
		await onPage('/notebooks', async (page) => {
			await expect(page.locator('h1').innerText()).resolves.toBe('Notebooks');
			const links = await page.locator('.notebook-lijst h2 a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
			expect(links).toEqual([
				['Crisisplekken en domus plus per 10.000 inwoners', '/notebooks/crisis-domus-per-10k'],
				['Dagbesteding binnen BW rond de overgang op P×Q', '/notebooks/dagbesteding-pxq'],
				['HKG-biedingen tegen het redelijk aandeel', '/notebooks/hkg-fair-share']
			]);
			await expectNoSeriousAxe(page);
		});
	});

	it('renders a notebook on the server: prose with values, SQL blocks and charts with source', async () => {
		await withPage(
			async (page) => {
				const response = await page.goto(url(CRISIS));
				expect(response?.status()).toBe(200);
				await expect(page.locator('h1').innerText()).resolves.toBe('Crisisplekken en domus plus per 10.000 inwoners');
				expect(await chartIds(page)).toEqual([
					PER_10K,
					'notebook/crisis-domus-per-10k/kaart-extra',
					'notebook/crisis-domus-per-10k/verloop-per-gemeente',
					'notebook/crisis-domus-per-10k/spreiding-door-de-jaren'
				]);
				// Without JavaScript the SVG is already in the HTML.
				await expect(page.locator(`figure[data-chart-id="${PER_10K}"] svg[role="img"]`).count()).resolves.toBe(1);
				const text = await prose(page);
				expect(text).toContain('Op 1 januari 2026 zijn er in de regio 22 plekken');
				expect(text).toContain('Het meeste erbij nodig heeft Molenlanden: 8 plekken');
				expect(text).not.toContain('[?]');
				const table = await chartTable(page, PER_10K);
				expect(table).toHaveLength(9);
				const dordrecht = table.find((row) => row[0] === 'GM0505');
				expect([dordrecht?.[1], dordrecht?.[3]]).toEqual(['Dordrecht', '19']);
				const footer = await page.locator(`figure[data-chart-id="${PER_10K}"] footer`).innerText();
				expect(footer).toMatch(/^Bron: .+ Peildatum 1 januari 2026\./);
				expect(footer).toContain('Illustratief');
				await expect(page.locator('[data-sql-block="per_gemeente"] summary').innerText()).resolves.toContain('9 rijen');
			},
			{ javaScript: false }
		);
	});

	it('changes a parameter through the form, with the value in the URL, and back', async () => {
		await withPage(async (page) => {
			await page.goto(url(CRISIS));
			await page.getByLabel('Peiljaar').fill('2024');
			await Promise.all([page.waitForURL(/peiljaar=2024/), page.getByRole('button', { name: 'Toon' }).click()]);
			await expect.poll(() => prose(page)).toContain('Op 1 januari 2024 zijn er in de regio 18 plekken');
			const title = await page.locator(`figure[data-chart-id="${PER_10K}"] .chart__title`).innerText();
			expect(title).toMatch(/2024$/);
			// The export links carry the parameter.
			const png = await page.locator(`figure[data-chart-id="${PER_10K}"] a[href$=".png?peiljaar=2024&voorzieningstype=crisisopvang"]`).count();
			expect(png).toBe(1);
			await page.goBack();
			await expect.poll(() => prose(page)).toContain('Op 1 januari 2026 zijn er in de regio 22 plekken');
		});
	});

	it('answers an invalid parameter with a Dutch 400 and an unknown notebook with a 404', async () => {
		await withPage(async (page) => {
			await expectDutch400(page, `${CRISIS}?peiljaar=1990`, 'peiljaar', '2019', '2026');
			await expectDutch400(page, `${CRISIS}?voorzieningstype=zwembad`, 'voorzieningstype');
			await expectErrorPage(page, '/notebooks/bestaat-niet', 404);
		});
		const chart = await fetch(url('/charts/notebook/crisis-domus-per-10k/bestaat-niet.png'));
		expect(chart.status).toBe(404);
		expect(await chart.text()).toContain("Er is geen grafiek met id 'notebook/crisis-domus-per-10k/bestaat-niet'");
	});

	it('downloads a notebook chart as PNG and CSV with the parameters', async () => {
		const png = await fetch(url(`/charts/${PER_10K}.png?peiljaar=2024`));
		expect(png.status).toBe(200);
		expect(png.headers.get('content-type')).toBe('image/png');
		expect(png.headers.get('content-disposition')).toContain('2024');
		const bytes = new Uint8Array(await png.arrayBuffer());
		expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
		const csv = await (await fetch(url(`/charts/${PER_10K}.csv?peiljaar=2024`))).text();
		expect(csv.split('\r\n').filter((line) => line.startsWith('GM0505;Dordrecht;'))).toEqual(['GM0505;Dordrecht;122.089;15;28;1,2;2,29']);
		const bad = await fetch(url(`/charts/${PER_10K}.svg?peiljaar=abc`));
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('peiljaar');
	});

	it('exports the whole notebook as a deck: a title slide and one slide per chart', async () => {
		await withPage(async (page) => {
			await page.goto(url(`${CRISIS}?peiljaar=2024`));
			const href = await page.getByRole('link', { name: 'Exporteer weergave als PowerPoint' }).getAttribute('href');
			expect(href).toContain(encodeURIComponent('/notebooks/crisis-domus-per-10k?peiljaar=2024'));
			const response = await fetch(url(href!));
			expect(response.status).toBe(200);
			expect(await slideCount(Buffer.from(await response.arrayBuffer()))).toBe(5);
		});
	});

	it('adds a notebook chart to the presentatiemap', async () => {
		await withPage(async (page) => {
			await page.goto(url(CRISIS));
			const figure = page.locator(`figure[data-chart-id="${PER_10K}"]`);
			await figure.locator('[data-export-menu] summary').click();
			await figure.getByRole('button', { name: 'Voeg toe aan presentatiemap' }).click();
			await expect.poll(() => figure.getByRole('status').innerText()).toContain('toegevoegd aan de presentatiemap');
			await page.goto(url('/presentatiemap'));
			await expect(page.locator('.map-item__beeld').count()).resolves.toBe(1);
			const src = await page.locator('.map-item__beeld').getAttribute('src');
			expect(src).toMatch(/^\/charts\/notebook\/crisis-domus-per-10k\/per-10k\.svg/);
			const preview = await fetch(url(src!));
			expect(preview.status).toBe(200);
		});
	});

	it('has no serious accessibility problems and fits a tablet', async () => {
		for (const path of [CRISIS, '/notebooks/hkg-fair-share', '/notebooks/dagbesteding-pxq']) {
			await onPage(path, async (page) => {
				await expect(page.locator('[role="alert"]').count(), `${path}: no block failed`).resolves.toBe(0);
				await expectNoSeriousAxe(page, path);
			});
			await onPage(path, (page) => expectNoHorizontalScroll(page, path), { viewport: TABLET });
		}
	});
});
