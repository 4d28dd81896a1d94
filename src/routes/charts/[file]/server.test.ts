import { isHttpError } from '@sveltejs/kit';
import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_LOADERS, chartListing, loadChart } from '$lib/server/charts';
import { EXPORT_FORMATS } from '$lib/server/export';
import { GRENZEN_CHARTS } from '$lib/server/views';
import { decodePng, inkShare, openWorkbook, parseCsv, pngSize } from '$lib/server/export/fixtures.test-helpers';
import { useFixtureStore } from '../../../../tests/helpers/fixture-store';
import { GET } from './+server';

useFixtureStore({ beforeAll, afterAll });

/** Call the endpoint as SvelteKit would; an error() comes back as its status and message. */
async function get(path: string): Promise<{ status: number; headers: Headers; body: Uint8Array; message?: string }> {
	const url = new URL(path, 'http://localhost');
	const file = decodeURIComponent(url.pathname.replace(/^\/charts\//, ''));
	try {
		const response = await GET({ params: { file }, url } as never);
		return { status: response.status, headers: response.headers, body: new Uint8Array(await response.arrayBuffer()) };
	} catch (e) {
		if (isHttpError(e)) return { status: e.status, headers: new Headers(), body: new Uint8Array(), message: e.body.message };
		throw e;
	}
}

async function chartTable(id: string, query: string) {
	const chart = await loadChart(id, new URL(`/charts/${id}.csv${query}`, 'http://localhost'));
	return chart.definition.table(chart.rows);
}

/** A query string with a value for every single-valued parameter without a default (gemeente=…). */
async function requiredFilters(id: string): Promise<string> {
	const parameters = await CHART_LOADERS[id].parameters();
	const query = new URLSearchParams();
	for (const p of parameters) if (p.default === undefined && !p.multiple && p.values?.length) query.set(p.name, p.values[0]);
	const text = query.toString();
	return text ? `?${text}` : '';
}

describe('GET /charts/<id>.<format>', () => {
	it('serves every chart in every format', async () => {
		const listing = await chartListing();
		expect(listing.length).toBe(Object.keys(CHART_LOADERS).length);
		const unavailable: string[] = [];
		for (const { id } of listing) {
			const query = await requiredFilters(id);
			let svgSize = { width: 0, height: 0 };
			for (const format of EXPORT_FORMATS) {
				const response = await get(`/charts/${id}.${format}${query}`);
				// The fixture exports have no gemeentegrenzen: the map's loader 404s, as its view does.
				if (response.status === 404 && /gemeentegrenzen/.test(response.message ?? '')) {
					unavailable.push(id);
					break;
				}
				expect(response.status, `${id}.${format}${query}: ${response.message}`).toBe(200);
				expect(response.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="[a-z0-9-]+\\.${format}"$`));
				expect(response.headers.get('cache-control')).toContain('max-age');
				const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(response.body);
				if (format === 'svg') {
					const root = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
					expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
					expect(root.querySelector('title')?.textContent?.length).toBeGreaterThan(5);
					expect([...root.querySelectorAll('text')].some((t) => t.textContent?.startsWith('Bron: '))).toBe(true);
					expect((await get(`/charts/${id}.svg${query}`)).body).toEqual(response.body);
					svgSize = { width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')) };
				} else if (format === 'png') {
					const { width, height, pixels } = decodePng(response.body);
					expect({ width, height }, id).toEqual({ width: Math.round(svgSize.width * 2), height: Math.round(svgSize.height * 2) });
					expect(inkShare(pixels), id).toBeGreaterThan(0.01);
				} else if (format === 'csv') {
					expect(text.charCodeAt(0)).toBe(0xfeff);
					const records = parseCsv(text.slice(1));
					const table = await chartTable(id, query);
					expect(records[0]).toEqual(table.columns.map((c) => c.label));
					expect(records.slice(1, 1 + table.rows.length), id).toEqual(
						table.rows.map((row) => row.map((cell, i) => (table.columns[i].numeric ? cell.replace('−', '-').replace(/^–$/, '') : cell.replace(/^([=+\-@])/, "'$1"))))
					);
					expect(records.at(-1)?.[0]).toMatch(/^Bron: /);
				} else {
					const sheet = (await openWorkbook(response.body)).worksheets[0];
					expect(sheet.getCell('A1').value).toBeTruthy();
					expect(sheet.getRow(4).getCell(1).font?.bold).toBe(true);
					const table = await chartTable(id, query);
					const firstColumn = table.rows.map((row) => row[0]);
					const sheetColumn = table.rows.map((_, r) => sheet.getRow(5 + r).getCell(1).value);
					if (!table.columns[0].numeric) expect(sheetColumn, id).toEqual(firstColumn);
				}
			}
		}
		expect(unavailable).toEqual(GRENZEN_CHARTS);
	});

	it('gives a 1920×1080 image for formaat=16x9 and names it so', async () => {
		const response = await get('/charts/tekort-per-type.png?formaat=16x9');
		expect(response.status).toBe(200);
		expect(pngSize(response.body)).toEqual({ width: 1920, height: 1080 });
		expect(response.headers.get('content-type')).toBe('image/png');
		expect(response.headers.get('content-disposition')).toMatch(/-16x9\.png"$/);
	});

	it('404s an unknown chart or format, 400s an invalid filter in Dutch', async () => {
		expect((await get('/charts/bestaat-niet.svg')).status).toBe(404);
		expect((await get('/charts/toString.png')).status).toBe(404);
		expect((await get('/charts/tekort-per-type.pdf')).status).toBe(404);
		expect((await get('/charts/tekort-per-type')).status).toBe(404);
		const badYear = await get('/charts/capaciteit-per-gemeente.csv?peiljaar=abc');
		expect(badYear.status).toBe(400);
		expect(badYear.message).toContain("parameter 'peiljaar'");
		const badFormaat = await get('/charts/tekort-per-type.png?formaat=4x3');
		expect(badFormaat.status).toBe(400);
		expect(badFormaat.message).toContain("'formaat'");
	});

	it('draws a chart for a narrow box: breedte sets the layout width, deel=grafiek gives the page SVG inline', async () => {
		const svgOf = (body: Uint8Array) => new DOMParser().parseFromString(new TextDecoder().decode(body), 'image/svg+xml').documentElement;
		const page = await get('/charts/capaciteit-per-gemeente.svg?breedte=300&deel=grafiek');
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
		expect(page.headers.get('content-disposition')).toBeNull();
		const root = svgOf(page.body);
		expect(root.getAttribute('width')).toBe('300');
		expect(root.getAttribute('role')).toBe('img');
		expect(root.getAttribute('aria-describedby')).toBe('capaciteit-per-gemeente-beschrijving');
		// The same chart as the page's, only drawn for the width: the page's filters apply.
		const filtered = svgOf((await get('/charts/capaciteit-per-gemeente.svg?breedte=300&deel=grafiek&maat=per_10k')).body);
		expect(filtered.textContent).toContain('Plekken per 10.000 inwoners');
		// A download for a width: the standalone image, 2 × 16 px wider than the chart.
		const file = await get('/charts/capaciteit-per-gemeente.svg?breedte=400');
		expect(file.headers.get('content-disposition')).toMatch(/^attachment/);
		expect(svgOf(file.body).getAttribute('width')).toBe('432');
		// Clamped to what a chart can be drawn at; not a number is a Dutch 400.
		expect(svgOf((await get('/charts/tekort-per-type.svg?breedte=20&deel=grafiek')).body).getAttribute('width')).toBe('200');
		const bad = await get('/charts/tekort-per-type.svg?breedte=smal');
		expect(bad.status).toBe(400);
		expect(bad.message).toContain("parameter 'breedte'");
		expect((await get('/charts/tekort-per-type.png?deel=grafiek')).status).toBe(400);
		expect((await get('/charts/tekort-per-type.svg?deel=alles')).status).toBe(400);
	});
});
