import { describe, expect, it } from 'vitest';
import { chartById } from '$lib/server/views';
import { renderChart } from '$lib/server/charts/render';
import { normalise } from '../snapshot.test-helpers';
import { capaciteitPerTypeChart } from './per-type';
import type { TypeCapaciteit } from './rows';

const rows: TypeCapaciteit[] = [
	{ voorzieningstype: 'crisisopvang', bestaand: 18, gepland: 4, behoefte: 24, tekort: 6, tekort_na_plan: 2 },
	{ voorzieningstype: 'domus_plus', bestaand: 0, gepland: 4, behoefte: 8, tekort: 8, tekort_na_plan: 4 },
	{ voorzieningstype: 'skaeve_huse', bestaand: 5, gepland: 5, behoefte: 11, tekort: 6, tekort_na_plan: 1 },
	{ voorzieningstype: 'bw_intramuraal', bestaand: 226, gepland: 0, behoefte: 191, tekort: 0, tekort_na_plan: 0 }
];
const TITLE = 'Plekken en tekort per voorzieningstype in de regio, peiljaar 2024';

describe('capaciteit-per-type chart', () => {
	it('is registered under its id', () => {
		expect(chartById('capaciteit-per-type')).toBe(capaciteitPerTypeChart);
	});

	it('orders by tekort (ties in vocabulary order) and names the largest', () => {
		const chart = renderChart(capaciteitPerTypeChart, rows, { title: TITLE });
		expect(chart.table.rows.map((r) => r[0])).toEqual(['Domus plus', 'Crisisplekken', 'Skaeve huse', 'BW intramuraal']);
		expect(chart.table.rows[0]).toEqual(['Domus plus', '0', '4', '8', '8', '4']);
		expect(chart.description).toContain('Het grootste tekort in de regio is er bij Domus plus: 8 plekken');
		expect(chart.description).toContain('Bij 3 van de 4 typen');
		expect(chart.svg).toContain('<title>Skaeve huse: 5 bestaande plekken</title>');
		expect(chart.svg).not.toContain('href=');
	});

	it('says when no type has a tekort, and renders without rows', () => {
		expect(capaciteitPerTypeChart.describe([rows[3]])).toContain('Bij geen enkel voorzieningstype');
		expect(renderChart(capaciteitPerTypeChart, [], { title: 'leeg' }).svg).toContain('<svg');
	});

	it('matches the committed SVG snapshot', async () => {
		const chart = renderChart(capaciteitPerTypeChart, rows, { title: TITLE, width: 720 });
		await expect(normalise(chart.svg)).toMatchFileSnapshot('../../../../tests/output/capaciteit-per-type.svg');
	});
});
