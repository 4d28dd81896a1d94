import { describe, expect, it } from 'vitest';
import { chartById } from '$lib/server/views';
import { renderChart } from '$lib/server/charts/render';
import { regioRows } from './fixtures.test-data';
import { annotated, dagbestedingRegioChart } from './regio';
import { normalise } from '../snapshot.test-helpers';
import { withOptions } from '../types';

describe('dagbesteding-regio chart', () => {
	it('is registered under its id', () => {
		expect(chartById('dagbesteding-regio')).toBe(dagbestedingRegioChart);
	});

	it('writes the first value, the value before P×Q and the latest one, and marks P×Q', () => {
		const rows = regioRows();
		expect(annotated(rows).map((r) => r.periode)).toEqual(['2020-K1', '2020-K4', '2021-K2']);
		const chart = renderChart(dagbestedingRegioChart, rows, { title: 't', width: 760 });
		expect(chart.svg).toContain('2020 K1: 60%');
		expect(chart.svg).toContain('2020 K4: 46%');
		expect(chart.svg).toContain('2021 K2: 47%');
		expect(chart.svg).toContain('Overgang op P×Q, 1 januari 2021');
		expect(chart.svg.match(/<circle/g)?.length).toBe(rows.length);
		expect(chart.svg).toContain('Regio (alle aanbieders), 2020 K4: 46% met dagbesteding (215 van 467 BW-cliënten)');
	});

	it('states the start and end share and the value before P×Q', () => {
		const chart = renderChart(dagbestedingRegioChart, regioRows(), { title: 't' });
		expect(chart.description).toBe(
			'Het aandeel BW-cliënten met dagbesteding in de regio was 60% in 2020 K1 (270 van 450) en 47% in 2021 K2 (224 van 475). ' +
				'Vlak voor de overgang op P×Q per 1 januari 2021, in 2020 K4, was het 46%. Sinds P×Q ligt het tussen 46% en 47%.'
		);
		expect(chart.table.rows[3]).toEqual(['2020 K4', 'Regio (alle aanbieders)', '467', '215', '46%', 'vóór P×Q']);
		expect(chart.table.rows[4][5]).toBe('P×Q');
	});

	it('leaves the P×Q rule out when the periods shown lie before it', () => {
		const chart = renderChart(dagbestedingRegioChart, regioRows().slice(0, 3), { title: 't' });
		expect(chart.svg).not.toContain('Overgang op P×Q');
	});

	it('shows numbers of clients as two labelled lines with maat aantallen', () => {
		const chart = renderChart(withOptions(dagbestedingRegioChart, { maat: 'aantallen' }), regioRows(), { title: 't', width: 760 });
		expect(chart.svg).toContain('BW-cliënten: 475');
		expect(chart.svg).toContain('Met dagbesteding: 224');
		expect(chart.svg).toContain('stroke-dasharray="6,3"');
	});

	it('handles no data', () => {
		expect(renderChart(dagbestedingRegioChart, [], { title: 'leeg' }).description).toContain('geen gegevens');
	});

	it('matches the committed SVG snapshots', async () => {
		const aandeel = renderChart(dagbestedingRegioChart, regioRows(), { title: 'Aandeel BW-cliënten met dagbesteding in de regio', width: 760 });
		await expect(normalise(aandeel.svg)).toMatchFileSnapshot('../../../../tests/output/dagbesteding-regio.svg');
		const aantallen = renderChart(withOptions(dagbestedingRegioChart, { maat: 'aantallen' }), regioRows(), { title: 'BW-cliënten en cliënten met dagbesteding in de regio', width: 760 });
		await expect(normalise(aantallen.svg)).toMatchFileSnapshot('../../../../tests/output/dagbesteding-regio-aantallen.svg');
	});
});
