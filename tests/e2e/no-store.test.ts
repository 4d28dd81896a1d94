/** The app before any successful ingest: pages that need data say so in Dutch with a 503; Gegevens explains why. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/lib/server/ingest/report';
import { startApp, type RunningApp } from './server';

let app: RunningApp;
let tmp: string;

beforeAll(async () => {
	tmp = mkdtempSync(join(tmpdir(), 'regiomonitor-e2e-empty-'));
	const paths = { store: join(tmp, 'store'), exports: join(tmp, 'exports'), reports: join(tmp, 'reports') };
	mkdirSync(paths.exports);
	// The first ingest failed: no store, one report with an error.
	writeReport(paths.reports, {
		ok: false,
		uitkomst: 'fouten',
		snapshotId: null,
		exportsDir: paths.exports,
		startedAt: '2024-03-01T09:30:00.000Z',
		finishedAt: '2024-03-01T09:30:02.000Z',
		seconden: 2,
		files: [],
		errors: [
			{
				bestand: 'manifest.json',
				rij: null,
				kolom: null,
				waarde: null,
				verwacht: 'een manifest.json in de exportmap',
				melding: 'manifest.json ontbreekt in de exportmap.'
			}
		],
		errorCount: 1
	});
	app = await startApp(paths);
});

afterAll(async () => {
	await app?.stop();
	if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('without a store', () => {
	it('answers /api/health with 503 and a Dutch message', async () => {
		const response = await fetch(`${app.baseURL}/api/health`);
		expect(response.status).toBe(503);
		const body = await response.json();
		expect(body.status).toBe('unavailable');
		expect(body.melding).toContain('Er is nog geen gegevensopslag');
	});

	it('answers pages that need data with a friendly Dutch 503 page, no stack trace', async () => {
		for (const path of ['/', '/gemeente', '/gemeente/GM0505']) {
			const response = await fetch(`${app.baseURL}${path}`);
			expect(response.status, path).toBe(503);
			const html = await response.text();
			expect(html, path).toContain('De gegevens zijn op dit moment niet beschikbaar');
			expect(html, path).toContain('<h1>Gegevens tijdelijk niet beschikbaar</h1>');
			expect(html, path).toContain('href="/data"');
			expect(html, path).not.toMatch(/at .*\.(js|ts):\d+/);
			expect(html, path).not.toContain('StoreMissingError');
		}
	});

	it('still serves pages that need no data, and a Dutch 503 for views that do', async () => {
		expect((await fetch(`${app.baseURL}/presentatiemap`)).status).toBe(200);
		const view = await fetch(`${app.baseURL}/capaciteit`);
		expect(view.status).toBe(503);
		expect(await view.text()).toContain('Gegevens tijdelijk niet beschikbaar');
	});

	it('shows the failed ingest and its errors on /data', async () => {
		const response = await fetch(`${app.baseURL}/data`);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('Er is nog geen gegevensopslag');
		expect(html).toContain('Mislukt: 1 fout gevonden');
		expect(html).toContain('manifest.json ontbreekt in de exportmap.');
	});
});
