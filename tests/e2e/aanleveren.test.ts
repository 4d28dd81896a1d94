/**
 * Delivering new figures over the web (issue 10), in Chromium against the built app: an
 * aanleverder logs in, uploads a changed capaciteit.xlsx, sees what changes and the changed
 * chart, publishes, and /capaciteit shows the new number without a restart; a bad file shows
 * all its errors and changes nothing; a lezer cannot reach /beheer; the script API with a token.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from './browser';
import { EXAMPLE_EXPORTS, startIntakeApp, WACHTWOORD, type IntakeApp } from './intake-app';
import type { Browser } from 'playwright-core';

let intake: IntakeApp;
/** Set by the publish test for the roll-back test: the snapshot and Dordrecht's number before publishing. */
let published: { before: string; after: string; dordrecht: string } | null = null;
let browser: Browser;
const files = mkdtempSync(join(tmpdir(), 'regio-aanlever-'));
/** Dordrecht's crisis places (doelgroep algemeen) in 2026 get this many more existing places. */
const EXTRA = 7;

/** The example capaciteit.xlsx with Dordrecht's 2026 crisis places (algemeen; the file says 'crisisopvang') raised by EXTRA. */
async function changedCapaciteit(): Promise<string> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.readFile(join(EXAMPLE_EXPORTS, 'capaciteit.xlsx'));
	const sheet = workbook.getWorksheet('Capaciteit')!;
	let changed = 0;
	sheet.eachRow((row) => {
		const [, peiljaar, , gemeente, type, doelgroep] = row.values as unknown[];
		if (peiljaar === 2026 && gemeente === 'GM0505' && type === 'crisisopvang' && doelgroep === 'algemeen') {
			row.getCell(6).value = Number(row.getCell(6).value) + EXTRA;
			changed++;
		}
	});
	if (changed !== 1) throw new Error(`expected one row to change in capaciteit.xlsx, changed ${changed}`);
	const path = join(files, 'capaciteit-herzien.xlsx');
	await workbook.xlsx.writeFile(path);
	return path;
}

async function loginPage(page: Page, naam: string, next = '/'): Promise<void> {
	await page.goto(new URL(`/login?terug=${encodeURIComponent(next)}`, intake.app.baseURL).href);
	await page.locator('input[name="naam"]').fill(naam);
	await page.locator('input[name="wachtwoord"]').fill(WACHTWOORD);
	await Promise.all([page.waitForURL((u) => u.pathname === next), page.locator('form button[type="submit"]').first().click()]);
}

/** Dordrecht's existing places on /capaciteit for crisis places, as the chart table shows them. */
async function dordrechtCrisis(page: Page): Promise<string> {
	await page.goto(new URL('/capaciteit?type=crisisopvang&peiljaar=2026', intake.app.baseURL).href);
	const rows = await page
		.locator('figure[data-chart-id="capaciteit-per-gemeente"] .chart-table tbody tr')
		.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')));
	const row = rows.find((r) => r[0] === 'Dordrecht');
	if (!row) throw new Error(`no Dordrecht row in ${JSON.stringify(rows)}`);
	return row[1];
}

const health = async () => (await (await fetch(new URL('/api/health', intake.app.baseURL))).json()).snapshotId as string;

/** The snapshot the server reports once it has seen a new pointer (it looks every 250 ms). */
async function nextSnapshot(previous: string): Promise<string> {
	const deadline = Date.now() + 3_000;
	let id = await health();
	while (id === previous && Date.now() < deadline) {
		await new Promise((r) => setTimeout(r, 100));
		id = await health();
	}
	return id;
}

beforeAll(async () => {
	intake = await startIntakeApp();
	intake.users(['add', 'annemarie', '--rol', 'aanleverder', '--wachtwoord-stdin'], `${WACHTWOORD}\n`);
	intake.users(['add', 'lex', '--rol', 'lezer', '--wachtwoord-stdin'], `${WACHTWOORD}\n`);
	intake.users(['add', 'bea', '--rol', 'beheerder', '--wachtwoord-stdin'], `${WACHTWOORD}\n`);
	browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
	await browser?.close();
	await intake?.stop();
	rmSync(files, { recursive: true, force: true });
});

describe('aanleveren in the browser', () => {
	it('upload a changed capaciteit.xlsx, see the change and the chart, publish: /capaciteit shows it without a restart', async () => {
		const upload = await changedCapaciteit();
		const context = await newContext(browser);
		try {
			const page = await context.newPage();
			await loginPage(page, 'annemarie', '/beheer/aanleveren');
			const before = await dordrechtCrisis(page);
			const snapshotBefore = await health();

			await page.goto(new URL('/beheer/aanleveren', intake.app.baseURL).href);
			await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
			await page.setInputFiles('#bestanden', upload);
			await page.fill('#bron', 'Capaciteitsonderzoek BW&O 2026 (herzien), illustratief');
			await page.fill('#peildatum', '2026-01-01');
			await page.check('#illustratief');
			await page.click('button:has-text("Uploaden en controleren")');
			await page.waitForURL(/\/beheer\/aanleveren\/[A-Za-z0-9_-]+$/, { timeout: 60_000 });

			// What changes: one capaciteit row, and the headline figure that moves.
			const capaciteit = await page.locator('#wijzigingen tbody tr', { hasText: 'Capaciteit' }).locator('td').allInnerTexts();
			expect(capaciteit.slice(0, 3)).toEqual(['0', '0', '1']);
			await expect(page.locator('#kerncijfers').innerText()).resolves.toMatch(/crisisplekken 2026: .+ → .+/);
			// The affected chart, from the current and from the staged data, side by side.
			const kant = (k: string) => page.locator(`[data-preview-chart="capaciteit-per-gemeente"][data-kant="${k}"]`);
			await expect(kant('huidig').count()).resolves.toBe(1);
			await expect(kant('nieuw').count()).resolves.toBe(1);
			// Nothing is visible to viewers yet.
			expect(await health()).toBe(snapshotBefore);
			expect(await dordrechtCrisis(await context.newPage())).toBe(before);

			await Promise.all([page.waitForURL(/\/beheer\/aanleveren\/[A-Za-z0-9_-]+$/), page.click('button:has-text("Publiceren")')]);
			await expect(page.locator('main').innerText()).resolves.toContain('Gepubliceerd');
			const snapshotAfter = await nextSnapshot(snapshotBefore);
			expect(snapshotAfter).not.toBe(snapshotBefore);
			const after = await dordrechtCrisis(page);
			expect(Number(after)).toBe(Number(before) + EXTRA);
			// The exports are now the uploaded set, and the manifest carries the form's provenance.
			const manifest = JSON.parse(readFileSync(join(intake.paths.exports, 'manifest.json'), 'utf8'));
			const entry = manifest.bestanden.find((b: { soort: string }) => b.soort === 'capaciteit');
			expect(entry).toMatchObject({ bron: 'Capaciteitsonderzoek BW&O 2026 (herzien), illustratief', peildatum: '2026-01-01', illustratief: true });
			published = { before: snapshotBefore, after: snapshotAfter, dordrecht: before };
		} finally {
			await context.close();
		}
	}, 120_000);

	it('a beheerder sees the publish in the audit log on /data and rolls back to the previous version', async () => {
		expect(published, 'runs after the publish test').not.toBeNull();
		const { before, after, dordrecht } = published!;
		const context = await newContext(browser);
		try {
			const page = await context.newPage();
			await loginPage(page, 'bea', '/data');
			const audit = await page.locator('#auditlog tbody tr').allInnerTexts();
			const publish = audit.find((row) => row.includes('gepubliceerd'));
			expect(publish, audit.join('\n')).toContain('annemarie');
			expect(publish).toContain(after);
			const row = page.locator('#bewaarde-versies tbody tr', { hasText: before });
			await Promise.all([page.waitForLoadState('load'), row.locator('button', { hasText: 'Terugzetten' }).click()]);
			await expect(page.locator('main').innerText()).resolves.toContain(`Teruggezet: de site toont nu versie ${before}`);
			expect(await nextSnapshot(after)).toBe(before);
			expect(await dordrechtCrisis(page)).toBe(dordrecht);
			// The exports are the earlier set again, byte for byte.
			const original = readFileSync(join(EXAMPLE_EXPORTS, 'capaciteit.xlsx'));
			expect(readFileSync(join(intake.paths.exports, 'capaciteit.xlsx')).equals(original)).toBe(true);
			await page.goto(new URL('/data', intake.app.baseURL).href);
			const rows = await page.locator('#auditlog tbody tr').allInnerTexts();
			expect(rows[0]).toContain('teruggezet');
			expect(rows[0]).toContain('bea');
			// The last-report block says the older version is back, not the newer one's ingest.
			const melding = await page.locator('.melding', { hasText: 'Teruggezet:' }).innerText();
			expect(melding).toContain(`(versie ${before}) zijn weer in gebruik, teruggezet door bea`);
			expect(await page.locator('main').innerText()).not.toContain('Gelukt: de nieuwe cijfers zijn ingelezen');
		} finally {
			await context.close();
		}
	}, 120_000);

	it('a bad file shows every error by file, row and column; the site is unchanged', async () => {
		const bad = join(files, 'capaciteit-fout.csv');
		writeFileSync(
			bad,
			'peiljaar;peildatum;gemeentecode;voorzieningstype;doelgroep;bestaand;bezet;wachtlijst;behoefte;gepland\n' +
				'2026;2026-01-01;GM0505;crisisplekken;;veel;0;0;3;0\n' +
				'2026;2026-01-01;GM9999;crisisplekken;;1;0;0;3;0\n'
		);
		const before = intake.state();
		const snapshot = await health();
		const data = (s: ReturnType<IntakeApp['state']>) => ({ store: s.store, exports: s.exports, pointer: s.pointer });
		const context = await newContext(browser);
		try {
			const page = await context.newPage();
			await loginPage(page, 'annemarie', '/beheer/aanleveren');
			await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
			await page.setInputFiles('#bestanden', bad);
			await page.fill('#bron', 'Test met fouten');
			await page.fill('#peildatum', '2026-01-01');
			await page.click('button:has-text("Uploaden en controleren")');
			await page.waitForURL(/\/beheer\/aanleveren\/[A-Za-z0-9_-]+$/, { timeout: 60_000 });
			await expect(page.locator('h2', { hasText: 'Niet te publiceren' }).count()).resolves.toBe(1);
			const rows = await page
				.locator('table[aria-labelledby="fouten"] tbody tr')
				.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((c) => c.textContent?.trim() ?? '')));
			expect(rows.some(([, rij, kolom]) => rij === '2' && kolom === 'bestaand')).toBe(true);
			expect(rows.some(([, rij, kolom]) => rij === '3' && kolom === 'gemeentecode')).toBe(true);
			await expect(page.locator('button:has-text("Publiceren")').count()).resolves.toBe(0);
		} finally {
			await context.close();
		}
		expect(await health()).toBe(snapshot);
		// The store, the exports and the pointer are untouched (the app database has the new delivery and its audit lines).
		expect(data(intake.state())).toEqual(data(before));
	}, 120_000);

	it('a lezer cannot reach /beheer', async () => {
		const context = await newContext(browser);
		try {
			const page = await context.newPage();
			await loginPage(page, 'lex', '/');
			for (const path of ['/beheer', '/beheer/aanleveren']) {
				const response = await page.goto(new URL(path, intake.app.baseURL).href);
				expect(response?.status(), path).toBe(403);
			}
			await expect(page.locator('main').innerText()).resolves.not.toContain('Uploaden en controleren');
		} finally {
			await context.close();
		}
	});
});

describe('the API for scripts', () => {
	const api = (path: string, init: RequestInit = {}) => fetch(new URL(path, intake.app.baseURL), init);
	const form = async (name: string, content: Buffer | string) => {
		const body = new FormData();
		body.append('bestand', new Blob([typeof content === "string" ? content : new Uint8Array(content)]), name);
		body.append('bron', 'Projectenlijst via script');
		body.append('peildatum', '2026-02-01');
		body.append('illustratief', 'ja');
		return body;
	};

	it('without a token 401, with a lezer token 403, and nothing staged', async () => {
		const lezer = intake.users(['token', 'lex']).trim().split('\n').at(-1)!;
		const before = intake.state();
		const projecten = readFileSync(join(EXAMPLE_EXPORTS, 'projecten.csv'));
		expect((await api('/api/aanleveringen', { method: 'POST', body: await form('projecten.csv', projecten) })).status).toBe(401);
		const refused = await api('/api/aanleveringen', { method: 'POST', headers: { authorization: `Bearer ${lezer}` }, body: await form('projecten.csv', projecten) });
		expect(refused.status).toBe(403);
		expect((await api('/api/aanleveringen', { headers: { authorization: 'Bearer rm_onzin' } })).status).toBe(401);
		expect(intake.state()).toEqual(before);
	});

	it('POST, GET and publiceer with an aanleverder token; /api/health reports the new snapshot', async () => {
		const token = intake.users(['token', 'annemarie']).trim().split('\n').at(-1)!;
		expect(token).toMatch(/^rm_[A-Za-z0-9_-]{20,}$/);
		const auth = { authorization: `Bearer ${token}` };
		const snapshotBefore = await health();
		// projecten.csv is Windows-1252 with CRLF (as Dutch Excel saves it): append bytes, an ASCII line.
		const projecten = readFileSync(join(EXAMPLE_EXPORTS, 'projecten.csv'));
		const changed = Buffer.concat([projecten, Buffer.from('SH-API-01;Project via de API;skaeve_huse;Dordrecht;3;Idee;15-01-2026;;via script\r\n', 'latin1')]);
		const posted = await api('/api/aanleveringen', { method: 'POST', headers: auth, body: await form('projecten-nieuw.csv', changed) });
		const body = await posted.json();
		expect(posted.status, JSON.stringify(body)).toBe(201);
		expect(body.status).toBe('klaar');
		expect(body.fouten).toEqual([]);
		expect(body.bestanden.map((b: { soort: string }) => b.soort)).toEqual(['projecten']);
		const projectenWijziging = body.wijzigingen.perSoort.find((s: { soort: string }) => s.soort === 'projecten');
		expect(projectenWijziging).toMatchObject({ toegevoegd: 1, verwijderd: 0, gewijzigd: 0 });

		const got = await (await api(`/api/aanleveringen/${body.id}`, { headers: auth })).json();
		expect(got).toMatchObject({ id: body.id, status: 'klaar' });

		const published = await api(`/api/aanleveringen/${body.id}/publiceer`, { method: 'POST', headers: auth });
		const { snapshotId } = await published.json();
		expect(published.status).toBe(200);
		expect(await nextSnapshot(snapshotBefore)).toBe(snapshotId);
		// Publishing twice is refused.
		expect((await api(`/api/aanleveringen/${body.id}/publiceer`, { method: 'POST', headers: auth })).status).toBe(409);
	}, 120_000);
});
