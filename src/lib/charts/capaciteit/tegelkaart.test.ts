import { describe, expect, it } from 'vitest';
import { chartById } from '../registry';
import { renderChart } from '../render.server';
import { normalise, perGemeente } from './fixtures.test-helpers';
import { capaciteitTegelkaartChart, tegelNaam } from './tegelkaart';
import { GEEN_TEKORT, tekortKleur, tekstKleur } from './tekort-kleur';

const TITLE = 'Tekort per gemeente, peiljaar 2024';

describe('capaciteit-tegelkaart chart', () => {
	it('is registered under its id', () => {
		expect(chartById('capaciteit-tegelkaart')).toBe(capaciteitTegelkaartChart);
	});

	it('draws one linked tile per gemeente at its tile position, with name and value', () => {
		const chart = renderChart(capaciteitTegelkaartChart, perGemeente(), { title: TITLE, width: 640 });
		expect(chart.svg.match(/<rect/g)?.length).toBe(5);
		for (const code of ['GM0482', 'GM0505', 'GM0512', 'GM0523', 'GM1978']) expect(chart.svg).toContain(`data-href="/gemeente/${code}"`);
		expect(chart.svg).toContain('<title>Gorinchem: tekort 5 · na plan 1 (plekken); behoefte 7, bestaand 2</title>');
		expect(chart.svg).toContain('>Hardinxveld-</tspan>');
		// The largest tekort gets the darkest colour; no tekort is grey.
		expect(chart.svg).toContain(`fill="${tekortKleur(5, 5)}"`);
		expect(chart.svg).toContain(`fill="${GEEN_TEKORT}"`);
		// 3 columns of 140 px plus margins: tiles stay square.
		expect(chart.svg).toMatch(/height="300" width="440"/);
	});

	it('ranks the table and describes the largest tekorten', () => {
		const chart = renderChart(capaciteitTegelkaartChart, perGemeente(), { title: TITLE });
		expect(chart.table.rows[0]).toEqual(['Gorinchem', '5', '1', '40.000']);
		expect(chart.description).toContain('het grootst is het in Gorinchem (5), Dordrecht (4), Molenlanden (2)');
	});

	it('breaks long names and picks readable text colours', () => {
		expect(tegelNaam('Hendrik-Ido-Ambacht')).toBe('Hendrik-Ido-\nAmbacht');
		expect(tegelNaam('Dordrecht')).toBe('Dordrecht');
		expect(tekstKleur(tekortKleur(1, 1))).toBe('#ffffff');
		expect(tekstKleur(GEEN_TEKORT)).toBe('#1a1a1a');
	});

	it('matches the committed SVG snapshot', async () => {
		const chart = renderChart(capaciteitTegelkaartChart, perGemeente(), { title: TITLE, width: 640 });
		await expect(normalise(chart.svg)).toMatchFileSnapshot('../../../../tests/output/capaciteit-tegelkaart.svg');
	});
});
