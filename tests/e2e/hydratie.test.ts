/**
 * Issue 12, "Pages that do not grow": the hydration data of a page does not repeat what its
 * HTML holds. The charts' SVGs and table rows travel once, in the HTML; the app in the browser
 * keeps them when it hydrates, and a client-side navigation brings new ones in its data.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chartTable, url, useBrowser } from './helpers';

const { withPage } = useBrowser();

const VIEWS = ['/', '/capaciteit', '/planning', '/wlz', '/hkg', '/dagbesteding', '/gemeente/GM0505', '/notebooks/hkg-fair-share'];

/** devalue writes '<' as \u003C inside scripts and data. */
const unescaped = (text: string) => text.replaceAll('\\u003C', '<');

/** The inline script that starts the app, with the page data in it. */
function hydrationScript(html: string): string {
	const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).filter((s) => s.includes('kit.start('));
	expect(scripts).toHaveLength(1);
	return unescaped(scripts[0]);
}

/** Per chart on the page (a figure with a drawing; the ranglijst is a table only): its id, its SVG's markup and its table's rows. */
const charts = (page: Page) =>
	page.locator('figure[data-chart-id]:has(.chart__svg)').evaluateAll((figures) =>
		figures.map((f) => ({
			id: f.getAttribute('data-chart-id'),
			svg: f.querySelector('.chart__svg svg')?.outerHTML ?? null,
			rows: [...f.querySelectorAll('.chart-table tbody tr')].map((r) => [...r.children].map((c) => c.textContent?.trim() ?? ''))
		}))
	);

describe('hydration data without the HTML twice', () => {
	it.each(VIEWS)('%s: no chart SVG or table row in the hydration data, and after hydration every chart and table is still there', async (path) => {
		const html = await (await fetch(url(path))).text();
		const script = hydrationScript(html);
		expect(script).not.toContain('<svg');
		// Without JavaScript: exactly the server's page.
		const server = await withPage(
			async (page) => {
				await page.goto(url(path));
				const found = await charts(page);
				expect(found.length, path).toBeGreaterThan(0);
				for (const c of found) {
					expect(c.svg, `${path} ${c.id}`).not.toBeNull();
					expect(c.rows.length, `${path} ${c.id}`).toBeGreaterThan(0);
					// A row is in the HTML, not in the data again (where it would be an array of its cells).
					expect(c.rows.filter((row) => script.includes(JSON.stringify(row))), `${path} ${c.id}`).toEqual([]);
				}
				return found;
			},
			{ javaScript: false }
		);
		// Hydrated: the same charts and rows, kept from the HTML.
		await withPage(async (page) => {
			await page.goto(url(path));
			const hydrated = await charts(page);
			expect(hydrated.map((c) => c.id)).toEqual(server.map((c) => c.id));
			for (const [i, c] of hydrated.entries()) {
				expect(c.rows, `${path} ${c.id}`).toEqual(server[i].rows);
				expect(c.svg?.length, `${path} ${c.id}`).toBeGreaterThan(100);
			}
		});
	});

	it('a client-side navigation brings the new charts and tables in its data', async () => {
		await withPage(async (page) => {
			await page.goto(url('/capaciteit'));
			const before = await chartTable(page, 'capaciteit-per-gemeente');
			const jaren = await page.locator('#filter-peiljaar option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
			const ander = jaren[0];
			await page.locator('#filter-peiljaar').selectOption(ander);
			await Promise.all([page.waitForURL(new RegExp(`peiljaar=${ander}`)), page.getByRole('button', { name: 'Toon', exact: true }).click()]);
			// The data request of that navigation carries the SVGs.
			const data = unescaped(await (await fetch(url(`/capaciteit/__data.json?peiljaar=${ander}&x-sveltekit-invalidated=01`))).text());
			expect(data).toContain('<svg');
			const after = await charts(page);
			expect(after.find((c) => c.id === 'capaciteit-per-gemeente')?.rows).not.toEqual(before);
			// The same charts and tables as the server's page of those filters.
			const served = await withPage(
				async (fresh) => {
					await fresh.goto(url(`/capaciteit?peiljaar=${ander}`));
					return charts(fresh);
				},
				{ javaScript: false }
			);
			expect(after).toEqual(served);
		});
	});
});

describe('long tables: the first rows, "Toon alle" in the URL', () => {
	const CHART = 'dagbesteding-per-aanbieder';
	const rowsOf = (page: Page) => page.locator(`#${CHART}-tabel tbody tr`).count();

	it.each([false, true])('/dagbesteding, JavaScript %s: 50 rows, the link shows all at the table, the download has every row, and back', async (javaScript) => {
		const csv = await (await fetch(url(`/charts/${CHART}.csv`))).text();
		await withPage(
			async (page) => {
				await page.goto(url('/dagbesteding'));
				expect(await rowsOf(page)).toBe(50);
				const note = await page.locator(`#${CHART}-tabel .chart-table__deel`).first().textContent();
				const total = Number(/van ([\d.]+) rijen/.exec(note ?? '')?.[1].replace('.', ''));
				expect(total).toBeGreaterThan(50);
				// The CSV has every row (after its header and source lines).
				expect(csv.split('\n').filter((line) => /^\d{4} K\d;/.test(line))).toHaveLength(total);
				await page.locator(`#${CHART}-tabel summary`).click();
				await page.getByRole('link', { name: `Toon alle ${total} rijen` }).click();
				await page.waitForURL(new RegExp(`alle=${CHART}#${CHART}-tabel$`));
				await expect.poll(() => rowsOf(page)).toBe(total);
				expect(await page.locator(`#${CHART}-tabel`).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
				// The other tables stay cut; the filters stay.
				await page.getByRole('link', { name: 'Toon alleen de eerste rijen' }).click();
				await page.waitForURL((u) => !u.search.includes('alle='));
				await expect.poll(() => rowsOf(page)).toBe(50);
			},
			{ javaScript }
		);
	});
});
