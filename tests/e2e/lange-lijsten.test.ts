/**
 * Long lists (issue 12: pages that do not grow) in the built app, with and without JavaScript:
 * the project list of /planning and of a gemeente page, and a notebook's SQL results, show
 * their first 50 rows with "Toon alle" (`alle=projecten`, `alle=sql.<name>` in the URL, the
 * filters kept) and a way back; the rows not shown are not in the page at all. On the fixture
 * store with 70 generated projects in Dordrecht (tests/helpers/projecten-store.ts) and a notebook
 * of its own with results of 3, 120 and (past the sandbox's limit) 20.000 rows.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProjectenStore, EXTRA_PROJECTEN, FIXTURE_PROJECTEN } from '../helpers/projecten-store';
import type { FixtureStore } from '../helpers/fixture-store';
import { expectNoSeriousAxe, useBrowser } from './helpers';
import { startApp, type RunningApp } from './server';

const { withPage } = useBrowser();

const FENCE = '```';
const NOTEBOOK = [
	'---',
	'title: Lange resultaten',
	'---',
	'',
	'Een notebook met een kort, een lang en een afgekapt resultaat.',
	'',
	`${FENCE}sql reeks`,
	'SELECT range AS n, range * 2 AS dubbel FROM range(120) ORDER BY n',
	FENCE,
	'',
	`${FENCE}sql kort`,
	'SELECT range AS n FROM range(3) ORDER BY n',
	FENCE,
	'',
	`${FENCE}sql heel_lang`,
	'SELECT range AS n FROM range(20000) ORDER BY n',
	FENCE,
	'',
	// A chart named like the SQL block: its table has its own `alle`.
	`${FENCE}chart reeks`,
	'query: reeks',
	'mark: bar',
	'x: n',
	'y: dubbel',
	'title: Een lange reeks',
	FENCE,
	''
].join('\n');

let store: FixtureStore;
let notebooks: string;
let app: RunningApp;

beforeAll(async () => {
	store = await buildProjectenStore();
	notebooks = mkdtempSync(join(tmpdir(), 'lange-lijsten-notebooks-'));
	writeFileSync(join(notebooks, 'lange-lijsten.md'), NOTEBOOK);
	app = await startApp(store.paths, { env: { REGIO_NOTEBOOKS_DIR: notebooks } });
}, 120_000);

afterAll(async () => {
	await app?.stop();
	store?.cleanup();
	if (notebooks) rmSync(notebooks, { recursive: true, force: true });
});

const at = (path: string) => `${app.baseURL}${path}`;
const ALL = FIXTURE_PROJECTEN + EXTRA_PROJECTEN;
/** Project ids in the project table, top to bottom. */
const projectIds = (page: Page) => page.locator('#projecten tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-project-id') ?? ''));
const deel = (page: Page) => page.locator('#projecten-deel').innerText();

describe('the project list of /planning', () => {
	it.each([false, true])('JavaScript %s: the first 50 of 76, "Toon alle" in the URL shows all, and back', async (javaScript) => {
		await withPage(
			async (page) => {
				await page.goto(at('/planning'));
				const eerste = await projectIds(page);
				expect(eerste).toHaveLength(50);
				await expect(deel(page)).resolves.toBe(`De lijst toont de eerste 50 van ${ALL} projecten. Toon alle ${ALL} projecten.`);
				// The caption stays, the count is right above the table.
				await expect(page.locator('table#projecten caption').textContent()).resolves.toBe('Projecten met gemeente, type, eenheden, status en verwachte oplevering');
				await page.getByRole('link', { name: `Toon alle ${ALL} projecten` }).click();
				await page.waitForURL(/\/planning\?alle=projecten#projecten-deel$/);
				await expect.poll(() => projectIds(page).then((ids) => ids.length)).toBe(ALL);
				expect((await projectIds(page)).slice(0, 50)).toEqual(eerste);
				await expect(deel(page)).resolves.toBe(`De lijst toont alle ${ALL} projecten. Toon alleen de eerste 50 projecten.`);
				// The way back, below the table too.
				const terug = page.getByRole('link', { name: 'Toon alleen de eerste 50 projecten' });
				await expect(terug.count()).resolves.toBe(2);
				await terug.last().click();
				await page.waitForURL((u) => u.pathname === '/planning' && !u.search.includes('alle='));
				await expect.poll(() => projectIds(page)).toEqual(eerste);
				if (javaScript) await expectNoSeriousAxe(page);
			},
			{ javaScript }
		);
	});

	it.each([false, true])('JavaScript %s: keeps the filters and the other lists’ alle in the link', async (javaScript) => {
		await withPage(
			async (page) => {
				await page.goto(at('/planning?type=skaeve_huse&alle=planning-tijdlijn'));
				expect(await projectIds(page)).toHaveLength(50);
				// 56 generated Skaeve huse and the fixture's three.
				await expect(deel(page)).resolves.toContain('De lijst toont de eerste 50 van 59 projecten.');
				await page.getByRole('link', { name: 'Toon alle 59 projecten' }).click();
				await page.waitForURL(/\/planning\?type=skaeve_huse&alle=planning-tijdlijn&alle=projecten#projecten-deel$/);
				await expect.poll(() => projectIds(page).then((ids) => ids.length)).toBe(59);
				await expect(page.getByLabel('Skaeve huse').isChecked()).resolves.toBe(true);
				const types = await page.locator('#projecten tbody tr td:nth-child(3)').allInnerTexts();
				expect(new Set(types)).toEqual(new Set(['Skaeve huse']));
				await page.getByRole('link', { name: 'Toon alleen de eerste 50 projecten' }).first().click();
				await page.waitForURL(/\/planning\?type=skaeve_huse&alle=planning-tijdlijn#projecten-deel$/);
				await expect.poll(() => projectIds(page).then((ids) => ids.length)).toBe(50);
			},
			{ javaScript }
		);
	});

	it.each([false, true])('JavaScript %s: the filter form’s Toon keeps the lists shown whole; Wis filters starts afresh', async (javaScript) => {
		await withPage(
			async (page) => {
				await page.goto(at('/planning?alle=projecten'));
				expect(await projectIds(page)).toHaveLength(ALL);
				await page.getByLabel('Skaeve huse').check();
				await Promise.all([page.waitForURL(/type=skaeve_huse/), page.locator('form.filters').getByRole('button', { name: 'Toon' }).click()]);
				const params = new URL(page.url()).searchParams;
				expect(params.getAll('type')).toEqual(['skaeve_huse']);
				expect(params.getAll('alle')).toEqual(['projecten']);
				await expect.poll(() => projectIds(page).then((ids) => ids.length)).toBe(59);
				await Promise.all([page.waitForURL((u) => u.pathname === '/planning' && u.search === ''), page.getByRole('link', { name: 'Wis filters' }).click()]);
				await expect.poll(() => projectIds(page).then((ids) => ids.length)).toBe(50);
			},
			{ javaScript }
		);
	});

	it('leaves the projects not shown out of the page, its hydration data included', async () => {
		const whole = await (await fetch(at('/planning?alle=projecten'))).text();
		const ids = [...whole.matchAll(/data-project-id="([^"]+)"/g)].map((m) => m[1]);
		expect(ids).toHaveLength(ALL);
		const cut = await (await fetch(at('/planning'))).text();
		for (const id of ids.slice(0, 50)) expect(cut).toContain(`"${id}"`);
		for (const id of ids.slice(50)) expect(cut, id).not.toContain(id);
		expect(cut.length).toBeLessThan(whole.length);
	});

	it("the timeline's download keeps every project", async () => {
		const csv = await (await fetch(at('/charts/planning-tijdlijn.csv'))).text();
		expect(csv.split('\n').filter((line) => /Lang project \d{3}/.test(line))).toHaveLength(EXTRA_PROJECTEN);
	});
});

describe('the project list of a gemeente page', () => {
	it.each([false, true])('JavaScript %s: Dordrecht’s first 50 of 73, all with "Toon alle", and back', async (javaScript) => {
		await withPage(
			async (page) => {
				await page.goto(at('/gemeente/GM0505'));
				expect(await projectIds(page)).toHaveLength(50);
				await expect(page.locator('table#projecten caption').innerText()).resolves.toBe('Projecten in Dordrecht (73)');
				await expect(deel(page)).resolves.toBe('De lijst toont de eerste 50 van 73 projecten. Toon alle 73 projecten.');
				await page.getByRole('link', { name: 'Toon alle 73 projecten' }).click();
				await page.waitForURL(/\/gemeente\/GM0505\?alle=projecten#projecten-deel$/);
				await expect.poll(() => projectIds(page).then((ids) => ids.length)).toBe(73);
				await page.getByRole('link', { name: 'Toon alleen de eerste 50 projecten' }).first().click();
				await page.waitForURL((u) => u.pathname === '/gemeente/GM0505' && u.search === '');
				await expect.poll(() => projectIds(page).then((ids) => ids.length)).toBe(50);
			},
			{ javaScript }
		);
	});

	it('a lowercase code redirects with the query, alle included', async () => {
		const redirect = await fetch(at('/gemeente/gm0505?alle=projecten'), { redirect: 'manual' });
		expect(redirect.status).toBe(308);
		expect(redirect.headers.get('location')).toBe('/gemeente/GM0505?alle=projecten');
	});

	it('a short list has no count and no link', async () => {
		await withPage(
			async (page) => {
				await page.goto(at('/gemeente/GM0512'));
				expect(await projectIds(page)).toHaveLength(2);
				await expect(page.locator('#projecten-deel').count()).resolves.toBe(0);
			},
			{ javaScript: false }
		);
	});
});

describe('the SQL results of a notebook', () => {
	const NB = '/notebooks/lange-lijsten';
	const block = (page: Page, name: string) => page.locator(`[data-sql-block="${name}"]`);
	const rowsOf = (page: Page, name: string) => block(page, name).locator('tbody tr').count();
	const chartRows = (page: Page) => page.locator('figure[data-chart-id="notebook/lange-lijsten/reeks"] .chart-table tbody tr').count();

	it.each([false, true])('JavaScript %s: the first 50 of 120, "Toon alle 120 rijen" for that block only, and back', async (javaScript) => {
		await withPage(
			async (page) => {
				expect((await page.goto(at(NB)))?.status()).toBe(200);
				expect(await rowsOf(page, 'reeks')).toBe(50);
				expect(await rowsOf(page, 'kort')).toBe(3);
				expect(await chartRows(page)).toBe(50);
				await expect(block(page, 'kort').locator('.notebook-sql__deel').count()).resolves.toBe(0);
				await block(page, 'reeks').locator('summary').click();
				await expect(block(page, 'reeks').locator('.notebook-sql__deel').innerText()).resolves.toBe('De eerste 50 van 120 rijen staan hier. Toon alle 120 rijen.');
				await block(page, 'reeks').getByRole('link', { name: 'Toon alle 120 rijen' }).click();
				await page.waitForURL(/\/notebooks\/lange-lijsten\?alle=sql\.reeks#sql-reeks$/);
				await expect.poll(() => rowsOf(page, 'reeks')).toBe(120);
				expect(await block(page, 'reeks').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
				await expect(block(page, 'reeks').locator('caption').textContent()).resolves.toBe('Resultaat van SQL-blok reeks');
				// The chart of the same name keeps its table cut, the other block too.
				expect(await chartRows(page)).toBe(50);
				expect(await rowsOf(page, 'heel_lang')).toBe(50);
				await block(page, 'reeks').getByRole('link', { name: 'Toon alleen de eerste 50 rijen' }).click();
				await page.waitForURL((u) => u.pathname === NB && u.search === '');
				await expect.poll(() => rowsOf(page, 'reeks')).toBe(50);
			},
			{ javaScript }
		);
	});

	it("keeps the sandbox's own cut apart: the result stopped at 10.000 rows, the page shows at most 500", async () => {
		await withPage(
			async (page) => {
				await page.goto(at(NB));
				const lang = block(page, 'heel_lang');
				await expect(lang.locator('summary').innerText()).resolves.toBe('SQL: heel_lang — 10.000 rijen (afgekapt)');
				await lang.locator('summary').click();
				await expect(lang.locator('.melding--waarschuwing').innerText()).resolves.toBe('Het resultaat is na 10.000 rijen afgekapt: de query geeft er meer.');
				await expect(lang.locator('.notebook-sql__deel').innerText()).resolves.toBe('De eerste 50 van 10.000 rijen (afgekapt) staan hier. Toon de eerste 500 rijen.');
				await lang.getByRole('link', { name: 'Toon de eerste 500 rijen' }).click();
				await page.waitForURL(/alle=sql\.heel_lang#sql-heel_lang$/);
				expect(await rowsOf(page, 'heel_lang')).toBe(500);
				await expect(lang.locator('.notebook-sql__deel').first().innerText()).resolves.toBe(
					'De eerste 500 van 10.000 rijen (afgekapt) staan hier. Meer dan 500 rijen toont de pagina niet.'
				);
			},
			{ javaScript: false }
		);
	});

	it('leaves the rows not shown out of the page', async () => {
		const html = await (await fetch(at(NB))).text();
		// Row 119 of reeks would be "119" and "238"; the chart's SVG draws no value labels.
		expect(html).not.toContain('>238<');
		const whole = await (await fetch(at(`${NB}?alle=sql.reeks`))).text();
		expect(whole).toContain('>238<');
	});
});
