import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { isHttpError } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_VIEWS, CHARTS, GRENZEN_CHARTS } from '$lib/server/views';
import { FilterError } from '$lib/filters';
import { squares, writeBoundaries } from '../../../../tests/helpers/boundaries';
import { useFixtureStore } from '../../../../tests/helpers/fixture-store';
import { thrown } from '../../../../tests/helpers/thrown';
import { renderLoaded } from './common';
import { CHART_LOADERS, chartListing, loadChart } from './index';

const fixture = useFixtureStore({ beforeAll, afterAll });
const GEMEENTE = 'GM0505';

/** The query string a chart loads with when its view is opened without filters. */
const defaultQuery = (id: string) => (id.startsWith('gemeente-') ? `?gemeente=${GEMEENTE}` : '');
const chartUrl = (id: string, query = defaultQuery(id)) => new URL(`http://localhost/charts/${id}${query}`);


describe('CHART_LOADERS', () => {
	it('has a loader for every registered chart, in the chart’s view', () => {
		expect(Object.keys(CHART_LOADERS).sort()).toEqual(Object.keys(CHARTS).sort());
		for (const [view, ids] of Object.entries(CHART_VIEWS)) {
			for (const id of ids) expect(CHART_LOADERS[id].view, id).toBe(view === 'overzicht' ? '/' : view === 'gemeente' ? '/gemeente/[code]' : `/${view}`);
		}
	});
});

describe('loadChart with default filters', () => {
	const ids = Object.keys(CHARTS).filter((id) => !GRENZEN_CHARTS.includes(id));
	it.each(ids)('%s loads rows that its builder renders', async (id) => {
		const chart = await loadChart(id, chartUrl(id));
		expect(chart.chart).toBe(CHARTS[id as keyof typeof CHARTS]);
		expect(chart.rows.length).toBeGreaterThan(0);
		expect(chart.meta.title).not.toBe('');
		expect(chart.meta.bron).not.toBe('');
		expect(chart.fileWords.length).toBeGreaterThanOrEqual(2);
		for (const word of chart.fileWords) expect(word).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
		const { chart: rendered } = renderLoaded(chart);
		expect(rendered.svg).toMatch(/^<svg[^>]* xmlns="http:\/\/www.w3.org\/2000\/svg"/);
		expect(rendered.table.rows.length).toBeGreaterThan(0);
	});

	it('gives the same figure for the same id and query string', async () => {
		const url = chartUrl('capaciteit-per-gemeente', '?peiljaar=2023&type=skaeve_huse&maat=per_10k');
		const [a, b] = await Promise.all([loadChart('capaciteit-per-gemeente', url), loadChart('capaciteit-per-gemeente', url)]);
		expect(renderLoaded(a).chart.svg).toBe(renderLoaded(b).chart.svg);
		expect(a.meta).toEqual(b.meta);
	});

	it('404s the real map without a boundaries file, and loads it with one', async () => {
		const error = await thrown(() => loadChart('capaciteit-kaart', chartUrl('capaciteit-kaart')));
		expect(isHttpError(error, 404)).toBe(true);

		await fixture().rebuild((exportsDir) => writeBoundaries(exportsDir, squares(['GM0505', 'GM0512', 'GM1978'])));
		try {
			const kaart = await loadChart('capaciteit-kaart', chartUrl('capaciteit-kaart'));
			expect(kaart.rows).toHaveLength(3);
			expect(kaart.meta.bron).toContain('gemeentegrenzen © CBS/Kadaster, CC-BY 4.0');
			expect(kaart.meta.bron).not.toContain('geojson');
			expect(renderLoaded(kaart).chart.svg).toContain('<path');
		} finally {
			await fixture().rebuild((exportsDir) => rmSync(join(exportsDir, 'geo'), { recursive: true, force: true }));
		}
	});
});

describe('loadChart errors', () => {
	it.each(['toString', '__proto__', 'constructor', '../x', 'bestaat-niet', ''])('404s the unknown id %j', async (id) => {
		const error = await thrown(() => loadChart(id, chartUrl('x')));
		expect(isHttpError(error, 404)).toBe(true);
	});

	it.each([
		['capaciteit-per-gemeente', '?peiljaar=1999', 'peiljaar'],
		['capaciteit-per-type', '?type=kasteel', 'type'],
		['planning-tijdlijn', '?status=klaar', 'status'],
		['wlz-reductie-scenario', '?reductie=99', 'reductie'],
		['hkg-bod-per-gemeente', '?categorie=villa', 'categorie'],
		['dagbesteding-regio', '?maat=gewicht', 'maat'],
		['gemeente-wlz', '', 'gemeente'],
		['gemeente-wlz', '?gemeente=Dordrecht', 'gemeente']
	])('%s%s throws a FilterError naming %s', async (id, query, parameter) => {
		const error = await thrown(() => loadChart(id, chartUrl(id, query)));
		expect(error).toBeInstanceOf(FilterError);
		expect((error as FilterError).parameter).toBe(parameter);
		expect((error as FilterError).message).toContain(`'${parameter}'`);
	});

	it('404s a gemeente that is not in the region, in the words of the gemeente page', async () => {
		const error = await thrown(() => loadChart('gemeente-hkg', chartUrl('gemeente-hkg', '?gemeente=GM0001')));
		expect(isHttpError(error, 404)).toBe(true);
		expect((error as { body: { message: string } }).body.message).toContain('Er is geen gemeente met code GM0001');
	});
});

describe('fileWords', () => {
	it('names the chart and its active filters in kebab-case ASCII', async () => {
		const chart = await loadChart('capaciteit-per-gemeente', chartUrl('capaciteit-per-gemeente', '?peiljaar=2024&type=skaeve_huse'));
		expect(chart.fileWords).toEqual(['capaciteit', 'per-gemeente', '2024', 'skaeve-huse']);
	});

	it('names the peiljaar shown also when it is the default', async () => {
		const chart = await loadChart('capaciteit-per-type', chartUrl('capaciteit-per-type', '?maat=per_10k&doelgroep=autisme'));
		expect(chart.fileWords).toEqual(['capaciteit', 'per-type', '2024', 'autisme', 'per-10k']);
	});

	it('names the gemeente of a gemeente chart', async () => {
		const chart = await loadChart('gemeente-wlz', chartUrl('gemeente-wlz', '?gemeente=gm0505'));
		expect(chart.fileWords).toEqual(['gemeente', 'wlz', 'gm0505', 'dordrecht']);
	});
});

describe('chartListing', () => {
	it('lists every chart with its view and its parameters with allowed values from the data', async () => {
		const listing = await chartListing();
		expect(listing.map((c) => c.id).sort()).toEqual(Object.keys(CHARTS).sort());
		const byId = Object.fromEntries(listing.map((c) => [c.id, c]));
		const param = (id: string, name: string) => byId[id].parameters.find((p) => p.name === name);
		expect(param('capaciteit-per-gemeente', 'peiljaar')).toMatchObject({ values: ['2023', '2024'], default: '2024' });
		expect(param('capaciteit-per-gemeente', 'type')).toMatchObject({ multiple: true, values: expect.arrayContaining(['skaeve_huse']) });
		expect(param('gemeente-wlz', 'gemeente')?.values).toEqual(['GM0505', 'GM0512', 'GM1978']);
		expect(param('hkg-bod-per-gemeente', 'periode')?.values?.length).toBeGreaterThan(0);
		expect(param('dagbesteding-per-aanbieder', 'aanbieder')?.values?.length).toBeGreaterThan(0);
		expect(byId['tekort-per-type']).toMatchObject({ view: '/', parameters: [] });
		for (const chart of listing) expect(chart.title, chart.id).not.toBe('');
	});
});
