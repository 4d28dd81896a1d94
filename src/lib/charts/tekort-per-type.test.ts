import { describe, expect, it } from 'vitest';
import { renderChart } from '$lib/server/charts/render';
import { CHARTS, chartById } from '$lib/server/views';
import { tekortPerType, type TekortPerTypeRow } from './tekort-per-type';
import { normalise } from './snapshot.test-helpers';

const rows: TekortPerTypeRow[] = [
	{ voorzieningstype: 'crisisopvang', bestaand: 28, gepland: 4, behoefte: 40, tekort: 12, tekort_na_plan: 8 },
	{ voorzieningstype: 'skaeve_huse', bestaand: 5, gepland: 6, behoefte: 14, tekort: 9, tekort_na_plan: 3 },
	{ voorzieningstype: 'bw_intramuraal', bestaand: 1240, gepland: 0, behoefte: 1180, tekort: 0, tekort_na_plan: 0 }
];

/** Plot writes floating-point coordinates; round them so the snapshot survives harmless float noise. */

describe('tekort-per-type chart', () => {
	it('is registered under its id', () => {
		expect(chartById('tekort-per-type')).toBe(tekortPerType);
		for (const [id, chart] of Object.entries(CHARTS)) expect(chart.id).toBe(id);
		expect(chartById('bestaat-niet')).toBeUndefined();
	});

	it('renders an accessible SVG with one bar per series and type', () => {
		const chart = renderChart(tekortPerType, rows, { title: 'Tekort per voorzieningstype, peiljaar 2024', width: 640 });
		expect(chart.svg).toMatch(/^<svg[^>]* xmlns="http:\/\/www.w3.org\/2000\/svg"/);
		expect(chart.svg).toContain('role="img"');
		expect(chart.svg).toContain('aria-label="Tekort per voorzieningstype, peiljaar 2024"');
		expect(chart.svg).toContain('aria-describedby="tekort-per-type-beschrijving"');
		expect(chart.svg).not.toContain('aria-description=');
		expect(chart.svg.match(/<rect/g)?.length).toBe(rows.length * 2);
		expect(chart.svg).toContain('tekort 12');
		expect(chart.svg).toContain('geen tekort');
		expect(chart.svg).toContain('Crisisplekken');
	});

	it('orders by shortage and says so in the text alternative', () => {
		const chart = renderChart(tekortPerType, rows, { title: 't' });
		expect(chart.table.rows.map((r) => r[0])).toEqual(['Crisisplekken', 'Skaeve huse', 'BW intramuraal']);
		expect(chart.description).toContain('Het grootste tekort is er bij Crisisplekken');
		expect(chart.description).toContain('samen 21 plekken');
		expect(chart.table.rows[2]).toEqual(['BW intramuraal', '1.240', '0', '1.180', '0', '0']);
	});

	it('handles no data and no shortage', () => {
		expect(tekortPerType.describe([])).toContain('geen capaciteitsgegevens');
		expect(tekortPerType.describe([rows[2]])).toContain('Bij geen enkel voorzieningstype');
		const empty = renderChart(tekortPerType, [], { title: 'leeg' });
		expect(empty.svg).toContain('<svg');
	});

	it('matches the committed SVG snapshot', async () => {
		const chart = renderChart(tekortPerType, rows, { title: 'Tekort per voorzieningstype in de regio, peiljaar 2024', width: 640 });
		await expect(normalise(chart.svg)).toMatchFileSnapshot('../../../tests/output/tekort-per-type.svg');
	});
});
