/**
 * Issue 15, points 7 and 8, against the built app on the shipped example data: /data in plain
 * Dutch, old figures flagged (computed from the manifest's peildata and today), chart footers
 * and downloads pointing at the site's page /bronnen instead of a file in the repository, the
 * HKG sentence naming the gemeenten under their fair share, one number of decimals per column,
 * error pages that lead on, and the small keyboard and screen-reader fixes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bronAnker, bronNaam, kolommenAnker, verouderdeBronnen } from '../../src/lib/domain/bronnen';
import { EXPORT_KINDS } from '../../src/lib/domain/exports';
import { VOORZIENINGSTYPEN } from '../../src/lib/domain/vocabulary';
import { formatDate } from '../../src/lib/domain/format';
import { chartTable, expectNoSeriousAxe, url, useBrowser } from './helpers';
import { ROOT } from './server';

const { withPage } = useBrowser();

const manifest = JSON.parse(readFileSync(join(ROOT, 'data/exports/manifest.json'), 'utf8')) as {
	bestanden: { bestand: string; soort: string; peildatum: string }[];
};
/** The exports more than a year old today, as the pages must flag them. */
const oud = verouderdeBronnen(manifest.bestanden);

/** Words a policy officer should not meet: technical terms, file paths, English. */
const JARGON = [/snapshot/i, /npm run/i, /README/, /\b[a-z]+_[a-z_]+\b/, /\b1 seconden\b/, /\bunits?\b/i, /\bingest\b/i];

const visibleText = (page: Page) => page.locator('main').innerText();
const jargonIn = (text: string) => JARGON.filter((re) => re.test(text)).map((re) => `${re} in “${text.match(re)?.[0]}”`);

describe('/data and /bronnen in plain words', () => {
	it('/data says what is loaded, from where, as of when, flags old figures, and keeps the technical details folded away', async () => {
		await withPage(async (page) => {
			await page.goto(url('/data'));
			const text = await visibleText(page);
			expect(jargonIn(text)).toEqual([]);
			expect(text).toContain('voor het laatst bijgewerkt op');
			expect(text).toMatch(/klaar na \d+(,\d)? seconden?\./);
			const rows = await page.locator('#bronnen-overzicht tbody tr').allInnerTexts();
			expect(rows).toHaveLength(manifest.bestanden.length);
			for (const b of manifest.bestanden) {
				const row = rows.find((r) => r.startsWith(bronNaam(b.soort)));
				expect(row, b.soort).toContain(formatDate(b.peildatum));
				expect(row, b.soort).toContain(oud.some((o) => o.soort === b.soort) ? 'Verouderd' : 'ja');
			}
			if (oud.length > 0) {
				const melding = await page.locator('#verouderd').innerText();
				for (const b of oud) expect(melding).toContain(`${bronNaam(b.soort)}`);
				expect(melding).toContain('meer dan een jaar oud');
			} else {
				expect(await page.locator('#verouderd').count()).toBe(0);
			}
			// The beheerder's details are there, behind one click.
			await page.locator('#technisch summary').click();
			const technisch = await page.locator('#technisch').innerText();
			expect(technisch).toContain('Gegevensversie');
			expect(technisch).toContain('npm run ingest');
			await expectNoSeriousAxe(page, '/data with the technical details open');
		});
	});

	it('/bronnen explains every source: what it holds, who delivers it, peildatum, example data or not, licence', async () => {
		await withPage(async (page) => {
			const response = await page.goto(url('/bronnen'));
			expect(response?.status()).toBe(200);
			expect(jargonIn(await visibleText(page))).toEqual([]);
			for (const b of manifest.bestanden) {
				const section = await page.locator(`#${bronAnker(b.soort)}`).innerText();
				expect(section, b.soort).toContain(bronNaam(b.soort));
				for (const term of ['Wat staat erin', 'Wie levert de cijfers', 'Peildatum', 'Voorbeeldgegevens', 'Gebruik en licentie', formatDate(b.peildatum)]) {
					expect(section, `${b.soort}: ${term}`).toContain(term);
				}
				expect(section.includes('Verouderd'), b.soort).toBe(oud.some((o) => o.soort === b.soort));
			}
			await expectNoSeriousAxe(page, '/bronnen');
		});
	});
});

describe('/bronnen for whoever delivers files', () => {
	it('an error message\'s link opens the kind\'s column table: every column of the declaration, required or not, and its word lists', async () => {
		await withPage(async (page) => {
			await page.goto(url('/bronnen'));
			// Folded away by default: the column names are not for every reader.
			expect(await page.locator('details#kolommen').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
			await page.goto(url(`/bronnen#${kolommenAnker('capaciteit')}`));
			expect(await page.locator('details#kolommen').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
			const section = page.locator(`#${kolommenAnker('capaciteit')}`);
			expect(await section.isVisible()).toBe(true);
			const rows = await section.locator('tbody tr').allInnerTexts();
			expect(rows.map((r) => r.split('\t')[0])).toEqual(EXPORT_KINDS.capaciteit.columns.map((c) => c.name));
			for (const c of EXPORT_KINDS.capaciteit.columns) expect(rows.find((r) => r.startsWith(c.name)), c.name).toContain(c.required ? '\tja\t' : '\tnee\t');
			const text = await section.innerText();
			for (const t of VOORZIENINGSTYPEN) expect(text).toContain(t.id);
			await expectNoSeriousAxe(page, '/bronnen with the column tables open');
		});
	});
});

describe('no English words', () => {
	it.each(['/', '/capaciteit', '/planning', '/wlz', '/hkg', '/dagbesteding', '/gemeente/GM0505', '/data', '/bronnen'])('%s speaks no “units” or “snapshot”', async (path) => {
		const html = await (await fetch(url(path))).text();
		const text = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ');
		expect(text.match(/.{0,30}\b(units?|snapshots?)\b.{0,30}/gi) ?? [], path).toEqual([]);
	});
});

describe('chart footers and downloads', () => {
	const VIEWS = ['/capaciteit', '/planning', '/wlz', '/hkg', '/dagbesteding', '/gemeente/GM0505', '/notebooks/hkg-fair-share'];

	it.each(VIEWS)('%s: every chart footer links to its source on /bronnen, no page names a file of the repository', async (path) => {
		const html = await (await fetch(url(path))).text();
		expect(html).not.toContain('README');
		const charts = html.match(/<figure [^>]*data-chart-id=/g)?.length ?? 0;
		const links = [...html.matchAll(/<a class="chart-footer__bronnen[^"]*" href="([^"]+)"/g)].map((m) => m[1]);
		expect(charts, path).toBeGreaterThan(0);
		expect(links, path).toHaveLength(charts);
		for (const href of links) expect(href).toMatch(/^\/bronnen(#bron-[a-z_]+)?$/);
	});

	it('the HKG footer flags its old figures and its link lands on the source; the downloads say the same, without a file path', async () => {
		await withPage(async (page) => {
			await page.goto(url('/hkg'));
			const footer = page.locator('figure[data-chart-id="hkg-bod-per-gemeente"] footer');
			const hkgOud = oud.filter((b) => ['hkg_opgave', 'hkg_biedingen', 'inwoners'].includes(b.soort));
			const text = await footer.innerText();
			for (const b of hkgOud) expect(text).toContain(bronNaam(b.soort));
			expect(text.includes('Verouderd')).toBe(hkgOud.length > 0);
			await Promise.all([page.waitForURL(/\/bronnen#bron-/), footer.getByRole('link', { name: /Over de bronnen/ }).click()]);
			const anchor = new URL(page.url()).hash.slice(1);
			await expect(page.locator(`[id="${anchor}"] h2`).innerText()).resolves.toMatch(/^HKG-/);
		});
		for (const ext of ['svg', 'csv']) {
			const body = await (await fetch(url(`/charts/hkg-bod-per-gemeente.${ext}`))).text();
			expect(body, ext).not.toContain('README');
			expect(body, ext).toContain('Illustratieve voorbeelddata Regiomonitor BW');
			if (oud.some((b) => b.soort === 'hkg_biedingen')) expect(body, ext).toContain('meer dan een jaar oud');
		}
	});
});

describe('/hkg in plain numbers', () => {
	it('names the gemeenten under their fair share, computed from the chart’s own table, with one decimal in every row', async () => {
		await withPage(async (page) => {
			await page.goto(url('/hkg'));
			const rows = await chartTable(page, 'hkg-bod-per-gemeente');
			const header = await page.locator('figure[data-chart-id="hkg-bod-per-gemeente"] .chart-table thead th').allTextContents();
			const col = (label: string) => header.findIndex((h) => h.trim() === label);
			const aandeel = rows.map((r) => r[col('Redelijk aandeel')]);
			const tekort = rows.map((r) => r[col('Tekort')]);
			for (const v of [...aandeel, ...tekort]) expect(v).toMatch(/^\d{1,3}(\.\d{3})*,\d$/);
			const number = (v: string) => Number(v.replace(/\./g, '').replace(',', '.'));
			const onder = rows.filter((r) => number(r[col('Tekort')]) > 0).sort((a, b) => number(b[col('Tekort')]) - number(a[col('Tekort')]));
			expect(onder.length).toBeGreaterThan(1);
			const namen = onder.map((r) => `${r[0]} (tekort ${r[col('Tekort')]})`);
			const lijst = `${namen.slice(0, -1).join(', ')} en ${namen.at(-1)}`;
			const description = await page.locator('#hkg-bod-per-gemeente-beschrijving').innerText();
			expect(description).toMatch(new RegExp(`^In het definitief bod bieden ${onder.length} van de ${rows.length} gemeenten minder dan hun redelijk aandeel [^:]+: `));
			expect(description).toContain(`: ${lijst};`);
			for (const r of rows.filter((r) => !onder.includes(r))) expect(description).not.toContain(`${r[0]} (tekort`);
			// The what-if table under the charts writes the same numbers the same way.
			const watAls = await page.locator('#hkg-biedingen [data-kolom="tekort"]').allTextContents();
			for (const v of watAls) expect(v.trim()).toMatch(/^\d{1,3}(\.\d{3})*,\d$/);
		});
	});
});

describe('a tile and its view', () => {
	it('the Wlz tile writes the rate and the median as /wlz does, with two decimals', async () => {
		await withPage(async (page) => {
			await page.goto(url('/'));
			const tegel = page.locator('article[data-tegel="wlz"]');
			// Its footer, like every chart's, links to the sources page.
			await expect(tegel.locator('footer a').getAttribute('href')).resolves.toBe('/bronnen#bron-wlz_instroom');
			const cijfer = (await tegel.locator('.tegel__getal').innerText()).trim();
			const jaar = (await tegel.innerText()).match(/per 10\.000 inwoners in (\d{4})/)?.[1];
			expect(cijfer).toMatch(/^\d+,\d\d$/);
			await page.goto(url(`/wlz?jaar=${jaar}`));
			const row = (await chartTable(page, 'wlz-instroom-per-jaar')).find((r) => r[0] === jaar);
			expect(row?.[1]).toBe(cijfer);
		});
	});
});

describe('keyboard and screen reader', () => {
	it('Escape closes the export menu and returns focus to its button; each table toggle names its chart', async () => {
		await withPage(async (page) => {
			await page.goto(url('/hkg'));
			const menu = page.locator('figure[data-chart-id="hkg-bod-per-gemeente"] details.export__menu');
			await menu.locator('summary').focus();
			await page.keyboard.press('Enter');
			await expect(menu.evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(true);
			await page.keyboard.press('Tab');
			await page.keyboard.press('Escape');
			await expect(menu.evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(false);
			await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('SUMMARY');

			const titles = await page.locator('figure.chart .chart__title').allInnerTexts();
			const names = await page.locator('figure.chart .chart-table > summary').evaluateAll((els) => els.map((e) => e.textContent?.trim() ?? ''));
			expect(names).toHaveLength(titles.length);
			expect(new Set(names).size).toBe(names.length);
			names.forEach((name, i) => expect(name).toBe(`Toon de cijfers als tabel van ‘${titles[i]}’`));
		});
	});
});

describe('error pages lead on', () => {
	it('a wrong filter links to the same view with its default filters, an unknown gemeente lists the gemeenten', async () => {
		await withPage(async (page) => {
			const response = await page.goto(url('/capaciteit?peiljaar=1800'));
			expect(response?.status()).toBe(400);
			const link = page.locator('main a[data-standaard]');
			await expect(link.innerText()).resolves.toBe('open Capaciteit met de standaardfilters');
			await Promise.all([page.waitForURL(url('/capaciteit')), link.click()]);
			await expect(page.locator('h1').innerText()).resolves.toBe('Capaciteit');

			const missing = await page.goto(url('/gemeente/GM9999'));
			expect(missing?.status()).toBe(404);
			expect(await visibleText(page)).toContain('Er is geen gemeente met code GM9999');
			const gemeenten = await page.locator('main .card-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
			expect(gemeenten).toHaveLength(9);
			for (const href of gemeenten) expect(href).toMatch(/^\/gemeente\/GM\d{4}$/);
			await expectNoSeriousAxe(page, '/gemeente/GM9999');
		});
	});
});
