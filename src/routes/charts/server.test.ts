import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_VIEWS, CHARTS } from '$lib/charts/registry';
import type { ChartParameter } from '$lib/server/charts/types';
import { useFixtureStore } from '../../../tests/helpers/fixture-store';
import { GET } from './+server';

useFixtureStore({ beforeAll, afterAll });

interface Listing {
	charts: { id: string; title: string; view: string; parameters: ChartParameter[] }[];
}

describe('GET /charts', () => {
	it('answers JSON with every chart id, its title, view and parameters', async () => {
		const response = await GET({} as Parameters<typeof GET>[0]);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('application/json');
		const { charts } = (await response.json()) as Listing;
		expect(charts.map((c) => c.id)).toEqual(Object.values(CHART_VIEWS).flat());
		expect(new Set(charts.map((c) => c.id))).toEqual(new Set(Object.keys(CHARTS)));
		for (const chart of charts) {
			expect(chart.title, chart.id).toMatch(/\S/);
			expect(chart.view, chart.id).toMatch(/^\//);
			for (const p of chart.parameters) {
				expect(p.label, `${chart.id} ${p.name}`).toMatch(/\S/);
				if (p.values) expect(p.values.length, `${chart.id} ${p.name}`).toBeGreaterThan(0);
				if (p.default !== undefined && p.values) expect(p.values, `${chart.id} ${p.name}`).toContain(p.default);
			}
		}
		const wlz = charts.find((c) => c.id === 'wlz-instroom-per-gemeente');
		expect(wlz?.parameters.map((p) => p.name)).toEqual(['measure', 'jaar', 'reductie']);
		expect(wlz?.parameters.find((p) => p.name === 'measure')).toMatchObject({ values: ['per_10k', 'absolute'], default: 'per_10k' });
	});
});
