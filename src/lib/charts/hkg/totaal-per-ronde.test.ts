import { describe, expect, it } from 'vitest';
import { renderChart } from '$lib/server/charts/render';
import { chartById } from '$lib/server/views';
import { HKG_ROWS } from './fixtures.test-data';
import { hkgModel } from './model';
import { hkgTotaalPerRonde } from './totaal-per-ronde';
import { normalise } from '../snapshot.test-helpers';

const rows = hkgModel(HKG_ROWS, { ronde: 'definitief', sleutel: 'afgesproken' }).totalen;
const watAls = hkgModel(HKG_ROWS, { ronde: 'definitief', sleutel: 'afgesproken', watAls: { GM0505: 80 } }).totalen;

describe('hkg-totaal-per-ronde chart', () => {
	it('is registered under its id', () => {
		expect(chartById('hkg-totaal-per-ronde')).toBe(hkgTotaalPerRonde);
	});

	it('draws one bar per round against the opgave', () => {
		const chart = renderChart(hkgTotaalPerRonde, rows, { title: 'Totaal per ronde' });
		expect(chart.svg.match(/<rect/g)?.length).toBe(3);
		expect(chart.svg).toContain('opgave 110');
		expect(chart.svg).toContain('Definitief bod: 103 van 110 (94%) eenheden; tekort 7');
		expect(chart.description).toBe(
			'Regionale opgave: 110 eenheden. De gemeenten samen boden 70 in het voorlopig bod en 103 in het definitief bod (94% van de opgave); er ontbreken 7 eenheden.'
		);
		expect(chart.table.rows.at(-1)).toEqual(['Definitief bod', '103', '110', '94%', '7']);
	});

	it('adds the what-if total', () => {
		const chart = renderChart(hkgTotaalPerRonde, watAls, { title: 'Wat-als' });
		expect(chart.svg.match(/<rect/g)?.length).toBe(4);
		expect(chart.description).toContain('Met de wat-als-biedingen komt het totaal op 113 (103%), de opgave is dan gehaald.');
		expect(chart.table.rows.at(-1)).toEqual(['Wat-als (definitief bod)', '113', '110', '103%', '0']);
		expect(hkgTotaalPerRonde.describe([])).toContain('nog geen biedingen');
	});

	it('matches the committed SVG snapshots', async () => {
		const chart = renderChart(hkgTotaalPerRonde, rows, { title: 'HKG-biedingen van de regio per ronde tegen de opgave', width: 720 });
		await expect(normalise(chart.svg)).toMatchFileSnapshot('../../../../tests/output/hkg-totaal-per-ronde.svg');
		const scenario = renderChart(hkgTotaalPerRonde, watAls, { title: 'HKG-biedingen van de regio per ronde, wat-als', width: 720 });
		await expect(normalise(scenario.svg)).toMatchFileSnapshot('../../../../tests/output/hkg-totaal-per-ronde-wat-als.svg');
	});
});

describe('hkg-totaal-per-ronde legend of the data', () => {
	it('names the what-if bar only when there is a what-if total', () => {
		const labels = (r: typeof watAls) => hkgTotaalPerRonde.legendOf!(r).map((item) => item.label);
		expect(labels(watAls)).toEqual(['Bod van alle gemeenten samen', 'Wat-als', 'Regionale opgave']);
		expect(labels(watAls.filter((r) => r.ronde !== 'wat_als'))).toEqual(['Bod van alle gemeenten samen', 'Regionale opgave']);
	});
});
