import { describe, expect, it } from 'vitest';
import { chartById } from '$lib/server/views';
import { renderChart } from '$lib/server/charts/render';
import { perGemeente } from './fixtures.test-helpers';
import { normalise } from '../snapshot.test-helpers';
import { capaciteitTegelkaartChart, tegelNaam } from './tegelkaart';
import { GEEN_TEKORT, kaartLegend, tekortKlassen, tekortKleur, tekstKleur } from './tekort-kleur';

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
		expect(chart.svg).toContain(`fill="${tekortKleur(5, tekortKlassen(5))}"`);
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
		expect(tekstKleur(tekortKleur(1, tekortKlassen(1)))).toBe('#ffffff');
		expect(tekstKleur(GEEN_TEKORT)).toBe('#1a1a1a');
	});

	it('colours by classes with round limits, and the legend names them', () => {
		expect(tekortKlassen(34).grenzen).toEqual([10, 20, 30, 34]);
		expect(tekortKlassen(5).grenzen).toEqual([1, 2, 3, 4, 5]);
		expect(tekortKlassen(2).grenzen).toEqual([1, 2]);
		expect(tekortKlassen(0).grenzen).toEqual([]);
		expect(tekortKlassen(2.7, 'per_10k').grenzen).toEqual([1, 2, 2.7]);
		expect(kaartLegend(tekortKlassen(34)).map((i) => i.label)).toEqual(['Geen tekort', 'Tekort 1–10', '11–20', '21–30', '31–34']);
		expect(kaartLegend(tekortKlassen(2.7, 'per_10k')).map((i) => i.label)).toEqual(['Geen tekort', 'Tekort 0,01–1,00', '1,01–2,00', '2,01–2,70 per 10.000 inw.']);
		// 11 and 20 share a class; 21 is darker; every class colour is the one the legend shows
		const k = tekortKlassen(34);
		expect(tekortKleur(11, k)).toBe(tekortKleur(20, k));
		expect(tekortKleur(21, k)).not.toBe(tekortKleur(20, k));
		expect(kaartLegend(k).slice(1).map((i) => i.colour)).toEqual([5, 15, 25, 34].map((v) => tekortKleur(v, k)));
		// the chart's legend comes from its rows: Gorinchem's 5 is the largest
		const chart = renderChart(capaciteitTegelkaartChart, perGemeente(), { title: TITLE, width: 640 });
		expect(chart.legend.map((i) => i.label)).toEqual(['Geen tekort', 'Tekort 1', '2', '3', '4', '5']);
	});

	it('matches the committed SVG snapshot', async () => {
		const chart = renderChart(capaciteitTegelkaartChart, perGemeente(), { title: TITLE, width: 640 });
		await expect(normalise(chart.svg)).toMatchFileSnapshot('../../../../tests/output/capaciteit-tegelkaart.svg');
	});
});
