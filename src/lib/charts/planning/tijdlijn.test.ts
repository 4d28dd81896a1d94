import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { chartById } from '$lib/server/views';
import { renderChart } from '$lib/server/charts/render';
import { PROJECTEN } from './fixtures.test-data';
import { planningTijdlijn, tijdlijnDatum, wrapNaam } from './tijdlijn';
import { normalise } from '../snapshot.test-helpers';

describe('planning-tijdlijn chart', () => {
	it('is registered under its id', () => {
		expect(chartById('planning-tijdlijn')).toBe(planningTijdlijn);
	});

	it('draws every project once, with a link to its gemeente and its units in the label', () => {
		const chart = renderChart(planningTijdlijn, PROJECTEN, { title: 'Projecten', width: 760 });
		expect(chart.svg.match(/<circle/g)?.length).toBe(PROJECTEN.length);
		expect(chart.svg.match(/data-href="\/gemeente\/GM1978"/g)?.length).toBe(2); // dot and label
		expect(chart.svg).not.toContain('<a ');
		expect(chart.svg).toContain('Molenlanden · 3 eenheden');
		expect(chart.svg).toContain('Gorinchem · 1 eenheid');
		expect(chart.svg).toContain('Skaeve huse Gorinchem');
		expect(chart.svg).toContain('Datum onbekend');
		// Status groups in vocabulary order, with their number of projects.
		const headers = [...chart.svg.matchAll(/>(Idee|Locatieonderzoek|Besluitvorming|Realisatie|In gebruik) \((\d+)\)</g)].map((m) => `${m[1]} ${m[2]}`);
		expect(headers).toEqual(['Idee 1', 'Locatieonderzoek 1', 'Besluitvorming 2', 'Realisatie 1', 'In gebruik 1']);
		expect(chart.svg).toContain('Skaeve huse Molenlanden (Molenlanden): 3 eenheden skaeve huse, besluitvorming sinds 20 november 2023, verwachte oplevering 31 maart 2027');
	});

	it('keeps projects without a date, in the unknown band as open dots', () => {
		expect(tijdlijnDatum(PROJECTEN[0])).toBeNull();
		expect(tijdlijnDatum(PROJECTEN[1])).toBe('2018-10-01'); // in use: placed at the date it came into use
		const chart = renderChart(planningTijdlijn, PROJECTEN, { title: 't' });
		expect(chart.svg.match(/fill="white"/g)?.length).toBe(2);
		expect(chart.description).toContain('6 projecten met samen 27 eenheden');
		expect(chart.description).toContain('Als eerste wordt Uitbreiding crisisopvang Dordrecht (Dordrecht, 2 eenheden) verwacht, op 1 juli 2024.');
		expect(chart.description).toContain('Zonder verwachte opleverdatum: Crisisplek Gorinchem, Domus plus regio Drechtsteden.');
	});

	it('has a table with nl-NL dates in status order', () => {
		const { table } = renderChart(planningTijdlijn, PROJECTEN, { title: 't' });
		expect(table.columns.map((c) => c.label)).toEqual(['Project', 'Gemeente', 'Voorzieningstype', 'Eenheden', 'Status', 'Status sinds', 'Verwachte oplevering', 'Toelichting']);
		expect(table.rows.map((r) => r[0])).toEqual([
			'Crisisplek Gorinchem',
			'Domus plus regio Drechtsteden',
			'Skaeve huse Gorinchem',
			'Skaeve huse Molenlanden',
			'Uitbreiding crisisopvang Dordrecht',
			'Skaeve huse Dordrecht'
		]);
		expect(table.rows[2]).toEqual(['Skaeve huse Gorinchem', 'Gorinchem', 'Skaeve huse', '4', 'Besluitvorming', '15 november 2023', '30 september 2026', '']);
		expect(table.rows[1][6]).toBe('onbekend');
	});

	it('never cuts a project name: a long one takes two lines on the page, one on a slide; the last row stays clear of the x-axis', () => {
		expect(wrapNaam('Beschermd wonen extramuraal Dordrecht-West')).toBe('Beschermd wonen\nextramuraal Dordrecht-West');
		expect(wrapNaam('Skaeve huse Gorinchem')).toBe('Skaeve huse Gorinchem');
		const long = [...PROJECTEN, { ...PROJECTEN[4], project_id: 'X', naam: 'Crisisplekken voor mensen met autisme', verwachte_oplevering: '2025-12-01' }];
		for (const height of [undefined, 300]) {
			const svg = planningTijdlijn.build(long, { width: 720, height, document: parseHTML('<html></html>').document }).outerHTML;
			expect(svg).not.toContain('…');
			const names = [...svg.matchAll(/<(?:text|tspan)[^>]*>([^<]+)<\/(?:text|tspan)>/g)].map((m) => m[1]).join(' ');
			expect(names).toContain(height ? 'Crisisplekken voor mensen met autisme' : 'mensen met autisme');
			// the last row's centre lies at least its dot's radius plus the inset above the axis line
			const ys = [...svg.matchAll(/<circle[^>]*cy="([\d.]+)"[^>]*r="([\d.]+)"/g)].map((m) => Number(m[1]) + Number(m[2]));
			const axis = Number(/<g[^>]*aria-label="x-axis tick"[^>]*>\s*<path[^>]*transform="translate\([\d.]+,([\d.]+)\)"/.exec(svg)?.[1]);
			expect(axis).toBeGreaterThan(100);
			expect(Math.max(...ys)).toBeLessThanOrEqual(axis - 10);
		}
	});

	it('handles no projects', () => {
		const chart = renderChart(planningTijdlijn, [], { title: 'leeg' });
		expect(chart.svg).toContain('<svg');
		expect(chart.description).toBe('Er zijn geen projecten die aan de gekozen filters voldoen.');
	});

	it('matches the committed SVG snapshot', async () => {
		const chart = renderChart(planningTijdlijn, PROJECTEN, { title: 'Projecten in de regio naar status en verwachte oplevering', width: 760 });
		await expect(normalise(chart.svg)).toMatchFileSnapshot('../../../../tests/output/planning-tijdlijn.svg');
	});
});
