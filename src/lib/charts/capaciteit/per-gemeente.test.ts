import { describe, expect, it } from 'vitest';
import { chartById } from '$lib/server/views';
import { renderChart } from '$lib/server/charts/render';
import { perGemeente } from './fixtures.test-helpers';
import { normalise } from '../snapshot.test-helpers';
import { capaciteitPerGemeenteChart } from './per-gemeente';
import { withOptions } from '../types';

const TITLE = 'Bestaande en geplande plekken tegenover de behoefte per gemeente, peiljaar 2024';

describe('capaciteit-per-gemeente chart', () => {
	it('is registered under its id', () => {
		expect(chartById('capaciteit-per-gemeente')).toBe(capaciteitPerGemeenteChart);
	});

	it('draws bestaand, gepland and the tekort box per gemeente, each linking to the gemeente', () => {
		const chart = renderChart(capaciteitPerGemeenteChart, perGemeente(), { title: TITLE, width: 720 });
		expect(chart.svg).toContain('<title>Dordrecht: 17 bestaande plekken</title>');
		expect(chart.svg).toContain('<title>Dordrecht: 2 geplande plekken</title>');
		expect(chart.svg).toContain('<title>Dordrecht: behoefte 21 plekken</title>');
		expect(chart.svg).toContain('<title>Alblasserdam: 0 bestaande plekken</title>');
		expect(chart.svg).toContain('data-href="/gemeente/GM0505"');
		// No <a> inside role="img" (axe: nested-interactive); the page follows data-href on click.
		expect(chart.svg).not.toContain('<a ');
		expect(chart.svg).toContain('tekort 5 · na plan 1');
		expect(chart.svg).toContain('geen tekort');
		// Three bar segments per gemeente.
		expect(chart.svg.match(/<rect/g)?.length).toBe(5 * 3);
	});

	it('has a table and a text alternative in the order of the tekort', () => {
		const chart = renderChart(capaciteitPerGemeenteChart, perGemeente(), { title: TITLE });
		expect(chart.table.rows.map((r) => r[0])).toEqual(['Gorinchem', 'Dordrecht', 'Molenlanden', 'Alblasserdam', 'Hardinxveld-Giessendam']);
		expect(chart.table.rows[1]).toEqual(['Dordrecht', '17', '2', '21', '4', '2']);
		expect(chart.description).toContain('Gorinchem heeft het grootste tekort: 5 plekken');
		expect(chart.description).toContain('3 van de 5 gemeenten hebben een tekort');
	});

	it('shows figures per 10.000 inwoners with decimal commas', () => {
		const chart = renderChart(withOptions(capaciteitPerGemeenteChart, { maat: 'per_10k' }), perGemeente('per_10k'), { title: TITLE });
		expect(chart.table.columns[4].label).toBe('Tekort (per 10.000 inw.)');
		expect(chart.table.rows[0]).toEqual(['Gorinchem', '0,50', '1,00', '1,75', '1,25', '0,25']);
		expect(chart.svg).toContain('Plekken per 10.000 inwoners');
	});

	it('matches the committed SVG snapshot', async () => {
		const chart = renderChart(capaciteitPerGemeenteChart, perGemeente(), { title: TITLE, width: 720 });
		await expect(normalise(chart.svg)).toMatchFileSnapshot('../../../../tests/output/capaciteit-per-gemeente.svg');
	});

	it('matches the committed SVG snapshot per 10.000 inwoners', async () => {
		const chart = renderChart(withOptions(capaciteitPerGemeenteChart, { maat: 'per_10k' }), perGemeente('per_10k'), { title: TITLE, width: 720 });
		await expect(normalise(chart.svg)).toMatchFileSnapshot('../../../../tests/output/capaciteit-per-gemeente-per-10k.svg');
	});
});
