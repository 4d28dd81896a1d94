import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_VIEWS, CHARTS, GRENZEN_CHARTS } from '$lib/server/views';
import type { ChartParameter } from '$lib/server/charts/types';
import { squares, writeBoundaries } from '../../../tests/helpers/boundaries';
import { useFixtureStore } from '../../../tests/helpers/fixture-store';
import { GET } from './+server';

const fixture = useFixtureStore({ beforeAll, afterAll });

interface Listing {
	charts: { id: string; title: string; view: string; parameters: ChartParameter[]; available: boolean; reason?: string }[];
}

const listing = async () => ((await (await GET({} as Parameters<typeof GET>[0])).json()) as Listing).charts;

/** A boundaries file for the fixture's three gemeenten beside the exports, ingested; undone by the returned function. */
async function placeBoundaries(): Promise<() => Promise<unknown>> {
	await fixture().rebuild((exportsDir) => writeBoundaries(exportsDir, squares(['GM0505', 'GM0512', 'GM1978'])));
	return () => fixture().rebuild((exportsDir) => rmSync(join(exportsDir, 'geo'), { recursive: true, force: true }));
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
		expect(wlz?.parameters.map((p) => p.name)).toEqual(['maat', 'jaar', 'reductie']);
		expect(wlz?.parameters.find((p) => p.name === 'maat')).toMatchObject({ values: ['absolute', 'per_10k'], default: 'per_10k' });
	});

	it('says the real map is not available without a boundaries file, and why, in Dutch', async () => {
		const charts = await listing();
		const kaart = charts.find((c) => c.id === 'capaciteit-kaart');
		expect(kaart).toMatchObject({ available: false });
		expect(kaart?.reason).toContain('gemeentegrenzen');
		expect(kaart?.reason).toContain('geo/*.geojson');
		// So is the regions' map; every other chart of the fixture has data: available, without a reason.
		expect(GRENZEN_CHARTS).toEqual(['capaciteit-kaart', 'regios-kaart']);
		expect(charts.find((c) => c.id === 'regios-kaart')).toMatchObject({ available: false, reason: expect.stringContaining('gemeentegrenzen') });
		for (const chart of charts.filter((c) => !GRENZEN_CHARTS.includes(c.id))) {
			expect(chart, chart.id).toMatchObject({ available: true });
			expect(chart.reason, chart.id).toBeUndefined();
		}
	});

	it('says the real map is available once a boundaries file is placed and ingested, and not once it is removed again', async () => {
		const remove = await placeBoundaries();
		try {
			expect((await listing()).find((c) => c.id === 'capaciteit-kaart')).toEqual(expect.objectContaining({ available: true }));
		} finally {
			await remove();
		}
		expect((await listing()).find((c) => c.id === 'capaciteit-kaart')?.available).toBe(false);
	});

	it('lists the charts of a notebook that does not parse as unavailable, naming the file and the problem', async () => {
		const dir = process.env.REGIO_NOTEBOOKS_DIR!;
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, 'kapot.md'), '---\ntitle: Kapot\nonbekend: ja\n---\n\nTekst.\n\n```chart tekort\nquery: nergens\n```\n');
		try {
			const kapot = (await listing()).filter((c) => c.view === '/notebooks/kapot');
			expect(kapot.map((c) => c.id)).toEqual(['notebook/kapot/tekort']);
			expect(kapot[0].available).toBe(false);
			expect(kapot[0].reason).toMatch(/^Het notebook notebooks\/kapot\.md bevat fouten \(regel \d+: .+\)/);
		} finally {
			rmSync(join(dir, 'kapot.md'));
		}
	});
});
