import { describe, expect, it } from 'vitest';
import { renderChart } from '$lib/server/charts/render';
import { chartById } from '$lib/server/views';
import { wlzInstroomPerGemeente, type WlzGemeenteBar } from './instroom-per-gemeente';
import { wlzInstroomPerJaar } from './instroom-per-jaar';
import { SCENARIO_ROWS } from './fixtures.test-data';
import { wlzPerJaar } from './model';
import { wlzReductieScenario } from './reductie-scenario';
import { gemeenteWlz } from '../gemeente/wlz';
import { overzichtWlzTrend } from '../overzicht/wlz-trend';
import { REEKS } from '../palette';
import { normalise } from '../snapshot.test-helpers';
import { withOptions } from '../types';

const snapshot = (name: string) => `../../../../tests/output/${name}.svg`;

const eigen = [2021, 2022, 2023].map((jaar, i) => ({
	jaar,
	regiocode: 'CR0505',
	regionaam: 'Dordrecht',
	eigen_regio: true,
	instroom: [37, 32, 31][i],
	inwoners: 400_000,
	instroom_per_10k: [0.925, 0.8, 0.775][i]
}));
const spreiding = [2021, 2022, 2023].map((jaar, i) => ({ jaar, regios: 20, p25: [1.5, 1.2, 1.04][i], mediaan: [1.77, 1.5, 1.37][i], p75: [2.2, 1.92, 1.57][i] }));

const gemeenten: WlzGemeenteBar[] = [
	{ gemeentecode: 'GM0505', naam: 'Dordrecht', jaar: 2023, instroom: 10, inwoners: 121_344, instroom_per_10k: 0.824, regio_per_10k: 0.792, mediaan_per_10k: 1.3655 },
	{ gemeentecode: 'GM0512', naam: 'Gorinchem', jaar: 2023, instroom: 4, inwoners: 38_391, instroom_per_10k: 1.042, regio_per_10k: 0.792, mediaan_per_10k: 1.3655 },
	{ gemeentecode: 'GM1978', naam: 'Molenlanden', jaar: 2023, instroom: 3, inwoners: 44_984, instroom_per_10k: 0.667, regio_per_10k: 0.792, mediaan_per_10k: 1.3655 }
];

describe('wlz charts', () => {
	it('are registered under their ids', () => {
		expect(chartById('wlz-instroom-per-jaar')).toBe(wlzInstroomPerJaar);
		expect(chartById('wlz-instroom-per-gemeente')).toBe(wlzInstroomPerGemeente);
		expect(chartById('wlz-reductie-scenario')).toBe(wlzReductieScenario);
	});

	it('one series, one colour: this region is orange and the other regions’ median ink in every Wlz chart’s legend and marks', () => {
		const charts = [wlzInstroomPerJaar, wlzInstroomPerGemeente, wlzReductieScenario, overzichtWlzTrend, gemeenteWlz];
		const regio = charts.flatMap((c) => c.legend.filter((item) => /^(deze regio( nu)?|hele regio|de regio)\b/i.test(item.label) && !/reductie/.test(item.label)).map((item) => [c.id, item.colour]));
		const mediaan = charts.flatMap((c) => c.legend.filter((item) => /mediaan/i.test(item.label)).map((item) => [c.id, item.colour]));
		expect(regio.map(([id]) => id)).toEqual(charts.map((c) => c.id));
		expect(regio).toEqual(regio.map(([id]) => [id, REEKS.dezeRegio]));
		expect(mediaan.length).toBe(4);
		expect(mediaan).toEqual(mediaan.map(([id]) => [id, REEKS.mediaanAndereRegios]));
		// the scenario draws this region's bar in the legend's colour
		const svg = renderChart(wlzReductieScenario, SCENARIO_ROWS, { title: 'Scenario', width: 720 }).svg;
		expect(svg).toMatch(new RegExp(`<rect[^>]*fill="${REEKS.dezeRegio}"`));
	});

	it('wlz-instroom-per-jaar: the region against the middle half of the other regions', async () => {
		const rows = wlzPerJaar(eigen, spreiding, 'per_10k');
		const chart = renderChart(wlzInstroomPerJaar, rows, { title: 'Wlz-instroom per 10.000 inwoners', width: 720 });
		expect(chart.svg).toContain('2023, Dordrecht: 0,78 per 10.000 inwoners');
		expect(chart.svg).toContain('mediaan 1,37');
		expect(chart.svg).not.toContain('2.023');
		expect(chart.description).toBe(
			'De Wlz-instroom van Dordrecht was 0,93 per 10.000 inwoners in 2021 en 0,78 in 2023. In 3 van de 3 jaren lag de regio onder de mediaan van de andere regio’s en in 3 jaren zelfs onder de middelste helft. In 2023 was de mediaan 1,37.'
		);
		expect(chart.table.rows[2]).toEqual(['2023', '0,78', '1,04', '1,37', '1,57']);
		await expect(normalise(chart.svg)).toMatchFileSnapshot(snapshot('wlz-instroom-per-jaar'));

		const absolute = renderChart(withOptions(wlzInstroomPerJaar, { maat: 'absolute' }), wlzPerJaar(eigen, spreiding, 'absolute'), { title: 'Wlz-instroom, cliënten per jaar', width: 720 });
		expect(absolute.table.rows[2]).toEqual(['2023', '31', '41,6', '54,8', '62,8']);
		await expect(normalise(absolute.svg)).toMatchFileSnapshot(snapshot('wlz-instroom-per-jaar-absoluut'));
	});

	it('wlz-instroom-per-gemeente: bars with the region and the median as references, click-through', async () => {
		const chart = renderChart(wlzInstroomPerGemeente, gemeenten, { title: 'Wlz-instroom per gemeente, 2023', width: 720 });
		expect(chart.svg).toContain('<g data-href="/gemeente/GM0512">');
		expect(chart.svg).toContain('hele regio 0,79');
		expect(chart.svg).toContain('mediaan andere regio’s 1,37');
		expect(chart.table.rows.map((r) => r[0])).toEqual(['Gorinchem', 'Dordrecht', 'Molenlanden']);
		expect(chart.description).toContain('samen 17 BW-cliënten');
		expect(chart.description).toContain('0 van de 3 gemeenten lagen boven de mediaan');
		// The values at the bars' ends are drawn over the reference lines, on a halo: a line through a value leaves it unreadable.
		const values = chart.svg.indexOf('paint-order="stroke"');
		expect(values).toBeGreaterThan(chart.svg.lastIndexOf('stroke-dasharray'));
		expect(chart.svg.slice(values, chart.svg.indexOf('</g>', values))).toContain('>0,82<');
		await expect(normalise(chart.svg)).toMatchFileSnapshot(snapshot('wlz-instroom-per-gemeente'));
	});

	it('wlz-reductie-scenario: what the reduction means and where it puts the region', async () => {
		const chart = renderChart(wlzReductieScenario, SCENARIO_ROWS, { title: 'Scenario 20% minder Wlz-instroom, 2023', width: 720 });
		expect(chart.svg).toContain('20% minder: 0,63');
		expect(chart.description).toBe(
			'20% minder = 6 cliënten per jaar minder, van 31 naar 25 (basis 2023). Nu is de instroom 0,78 per 10.000 inwoners: hoger dan 1 en lager dan 4 van de 5 andere regio’s (mediaan 1,20). ' +
				'Na de reductie zou het 0,63 zijn: lager dan alle 5 andere regio’s. De regio zit nu al in het laagste kwart van de regio’s; een reductie van 20% is hier daarom weinig realistisch.'
		);
		expect(chart.table.rows.at(-1)).toEqual(['Dordrecht na 20% minder', '25', '', '0,63']);
		// A region above the median gets no such conclusion.
		const hoog = SCENARIO_ROWS.map((r) => (r.eigen_regio ? { ...r, instroom: 70, instroom_per_10k: 1.75 } : r));
		expect(wlzReductieScenario.describe(hoog)).toContain('boven de mediaan');
		expect(wlzReductieScenario.describe(hoog)).not.toContain('weinig realistisch');
		await expect(normalise(chart.svg)).toMatchFileSnapshot(snapshot('wlz-reductie-scenario'));
	});
});
