import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { formatInteger } from '../../src/lib/domain/format';
import { runIngest } from '../../src/lib/server/ingest';
import { axeViolations, expectErrorPage, expectNoHorizontalScroll, TABLET, useBrowser } from './helpers';

const { withPage, onPage, url } = useBrowser();

/** What the overview chart must show, checked with and without JavaScript. */
async function expectOverviewChart(page: Page) {
	const figure = page.locator('figure[data-chart-id="tekort-per-type"]');
	await expect(figure.count()).resolves.toBe(1);
	const svg = figure.locator('svg[role="img"]');
	await expect(svg.getAttribute('aria-label')).resolves.toMatch(/^Tekort per voorzieningstype in de regio, peiljaar \d{4}$/);
	await expect(svg.locator('rect').count()).resolves.toBeGreaterThan(0);
	const figcaption = await figure.locator('figcaption').innerText();
	expect(figcaption).toContain('Tekort per voorzieningstype');
	const footer = await figure.locator('footer').innerText();
	expect(footer).toMatch(/^Bron: .+\. Peildatum \d{1,2} \w+ \d{4}\./);
	// The shipped example set is illustrative and every chart must say so.
	expect(footer).toContain('Illustratief');
}

describe('api', () => {
	it('reports the snapshot in use', async () => {
		const response = await fetch(url('/api/health'));
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body).toMatchObject({ status: 'ok', snapshotId: inject('snapshotId') });
		expect(body.exportsHash).toMatch(/^[0-9a-f]{16,}$/);
		expect(Number.isNaN(Date.parse(body.createdAt))).toBe(false);
	});
});

describe('overview', () => {
	it('has the chart SVG in the server-rendered HTML', async () => {
		const html = await (await fetch(url('/'))).text();
		expect(html).toContain('<html lang="nl"');
		expect(html).toMatch(/<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>/);
		expect(html).toMatch(/<figcaption/);
	});

	it('shows the tekort chart with its source line', async () => {
		await withPage(async (page) => {
			const response = await page.goto(url('/'));
			expect(response?.status()).toBe(200);
			await expectOverviewChart(page);
		});
	});

	it('shows the chart with JavaScript disabled', async () => {
		await withPage(
			async (page) => {
				await page.goto(url('/'));
				await expectOverviewChart(page);
				// The table view works without JavaScript too (<details>).
				await page.getByText('Toon de cijfers als tabel').click();
				await expect(page.locator('figure .chart-table table tbody tr').count()).resolves.toBeGreaterThan(0);
			},
			{ javaScript: false }
		);
	});
});

describe('gegevens', () => {
	it('lists every loaded export with its row count', async () => {
		await withPage(async (page) => {
			await page.goto(url('/data'));
			const table = page.locator('table#exports');
			const expected = inject('exports');
			expect(expected.length).toBeGreaterThan(0);
			const shown = await table.locator('tbody tr').evaluateAll((rows) =>
				rows.map((row) => ({
					bestand: row.querySelector('th')?.textContent?.trim(),
					rijen: row.querySelector('td.num')?.textContent?.trim()
				}))
			);
			expect(shown).toEqual(expected.map(({ bestand, rijen }) => ({ bestand, rijen: formatInteger(rijen) })));
			const text = await page.locator('main').innerText();
			expect(text).toContain('Laatste inleesronde');
			expect(text).toContain('blijft de Regiomonitor de vorige gegevens');
		});
	});
});

describe('navigation', () => {
	it('starts with a skip link that moves focus to the content', async () => {
		await withPage(async (page) => {
			await page.goto(url('/'));
			await page.keyboard.press('Tab');
			const focused = page.locator(':focus');
			await expect(focused.innerText()).resolves.toBe('Direct naar de inhoud');
			await expect(focused.getAttribute('href')).resolves.toBe('#inhoud');
			await page.keyboard.press('Enter');
			await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('inhoud');
		});
	});

	it('reaches every view by keyboard and marks the current one', async () => {
		await withPage(async (page) => {
			await page.goto(url('/'));
			const links = page.locator('nav[aria-label="Hoofdnavigatie"] a');
			const count = await links.count();
			expect(count).toBe(10);
			// Tab past the skip link and the site title to the nav item for Gegevens, then follow it.
			let label = '';
			for (let i = 0; i < 15 && label !== 'Gegevens'; i++) {
				await page.keyboard.press('Tab');
				label = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');
			}
			expect(label).toBe('Gegevens');
			await Promise.all([page.waitForURL(url('/data')), page.keyboard.press('Enter')]);
			await expect(page.locator('nav a[aria-current="page"]').innerText()).resolves.toBe('Gegevens');
			await expect(page.locator('h1').innerText()).resolves.toBe('Gegevens');
		});
	});

	it('serves every view in the navigation with a Dutch heading', async () => {
		const html = await (await fetch(url('/'))).text();
		const hrefs = [...html.matchAll(/<nav[^]*?<\/nav>/g)][0][0].match(/href="([^"]+)"/g)!.map((h) => h.slice(6, -1));
		expect(hrefs).toHaveLength(10);
		for (const href of hrefs) {
			const response = await fetch(url(href));
			expect(response.status, href).toBe(200);
			expect(await response.text(), href).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
		}
	});

	it('shows a gemeente by code and a Dutch 404 for an unknown code', async () => {
		await withPage(async (page) => {
			await page.goto(url('/gemeente'));
			await expect(page.locator('main a[href="/gemeente/GM0505"]').count()).resolves.toBe(1);
			await page.goto(url('/gemeente/GM0505'));
			await expect(page.locator('h1').innerText()).resolves.toBe('Dordrecht');
			await expect(page.locator('nav a[href="/gemeente"]').getAttribute('aria-current')).resolves.toBe('true');
			await expectErrorPage(page, '/gemeente/GM9999', 404, 'Er is geen gemeente met code GM9999');
			await expect(page.locator('h1').innerText()).resolves.toBe('Pagina niet gevonden');
		});
	});
});

describe('accessibility', () => {
	for (const path of ['/', '/data', '/gemeente', '/capaciteit']) {
		it(`has no WCAG 2.1 A/AA violations that axe can find on ${path}`, async () => {
			// Every violation here, not only the serious and critical ones.
			await onPage(path, async (page) => expect(await axeViolations(page, { seriousOnly: false })).toEqual([]));
		});
	}

	it('works at 768 px without horizontal scrolling of the page', async () => {
		await withPage(
			async (page) => {
				for (const path of ['/', '/gemeente', '/data']) {
					await page.goto(url(path));
					await expectNoHorizontalScroll(page, path);
				}
			},
			{ viewport: TABLET }
		);
	});
});

// Last: it writes a failed ingest report into the app's reports directory (and then a good one again).
describe('a failed ingest', () => {
	it('keeps serving the previous snapshot and lists the errors on /data', async () => {
		const paths = inject('paths');
		const broken = mkdtempSync(join(tmpdir(), 'regiomonitor-e2e-broken-'));
		try {
			cpSync(paths.exports, broken, { recursive: true });
			const file = join(broken, 'projecten.csv');
			const separator = readFileSync(file).at(-1) === 0x0a ? '' : '\r\n';
			appendFileSync(file, `${separator}XX-9;Kapot project;domus_plus;Dordrecht;veel;Onbekende fase;31-02-2023;;\r\n`);
			const report = await runIngest({ paths: { ...paths, exports: broken }, force: true });
			expect(report.ok).toBe(false);

			const health = await (await fetch(url('/api/health'))).json();
			expect(health.snapshotId).toBe(inject('snapshotId'));

			await withPage(async (page) => {
				await page.goto(url('/data'));
				const main = await page.locator('main').innerText();
				expect(main).toContain('Mislukt');
				expect(main).toMatch(/nu de gegevens van \d{1,2} \w+ \d{4}/);
				const errors = page.locator('table[aria-labelledby="fouten"] tbody tr');
				await expect(errors.count()).resolves.toBeGreaterThan(0);
				const first = await errors.first().innerText();
				expect(first).toContain('projecten.csv');
				expect(await page.locator('table[aria-labelledby="fouten"]').innerText()).toContain('veel');
				// The exports of the snapshot still in use are still listed.
				await expect(page.locator('table#exports tbody tr').count()).resolves.toBe(inject('exports').length);
			});
		} finally {
			rmSync(broken, { recursive: true, force: true });
			await runIngest({ paths });
		}
	});
});
