import { describe, expect, it } from 'vitest';
import { renderChart } from '$lib/server/charts/render';
import { gemeenteCapaciteit, gemeenteCapaciteitRows } from './capaciteit';
import { gemeenteDagbesteding, gemeenteDagbestedingRows } from './dagbesteding';
import { gemeenteHkg, perRonde, type GemeenteHkgRow } from './hkg';
import { gemeenteView } from '$lib/server/views/gemeente';
import { gemeenteWlz, gemeenteWlzRows } from './wlz';
import { normalise } from '../snapshot.test-helpers';

const snapshot = (id: string) => `../../../../tests/output/${id}.svg`;

// Gorinchem against the region, peiljaar 2026, from the example data (rounded).
const capaciteit = gemeenteCapaciteitRows(
	[
		{ voorzieningstype: 'crisisopvang', bestaand: 0.763, behoefte: 1.272, tekort: 0.509 },
		{ voorzieningstype: 'skaeve_huse', bestaand: 0, behoefte: 1.018, tekort: 1.018 },
		{ voorzieningstype: 'bw_intramuraal', bestaand: 7.633, behoefte: 6.361, tekort: 0 }
	],
	[
		{ voorzieningstype: 'crisisopvang', bestaand: 3, behoefte: 5, tekort: 2 },
		{ voorzieningstype: 'skaeve_huse', bestaand: 0, behoefte: 4, tekort: 4 },
		{ voorzieningstype: 'bw_intramuraal', bestaand: 30, behoefte: 25, tekort: 0 }
	],
	[
		{ voorzieningstype: 'crisisopvang', bestaand: 0.571, behoefte: 0.986, tekort: 0.415 },
		{ voorzieningstype: 'skaeve_huse', bestaand: 0.13, behoefte: 0.493, tekort: 0.363 },
		{ voorzieningstype: 'nachtopvang', bestaand: 0.83, behoefte: 0.96, tekort: 0.13 },
		{ voorzieningstype: 'bw_intramuraal', bestaand: 5.861, behoefte: 4.954, tekort: 0 }
	]
);

const hkg: GemeenteHkgRow[] = [
	{ ronde: 'voorlopig', ronde_datum: '2023-11-12', categorie: 'uitstroomwoningen', bod: 17, fair_share: 26.03 },
	{ ronde: 'voorlopig', ronde_datum: '2023-11-12', categorie: 'skaeve_huse', bod: 4, fair_share: 1.42 },
	{ ronde: 'voorlopig', ronde_datum: '2023-11-12', categorie: 'domus_plus', bod: null, fair_share: 1.62 },
	{ ronde: 'definitief', ronde_datum: '2023-12-04', categorie: 'uitstroomwoningen', bod: 26, fair_share: 26.03 },
	{ ronde: 'definitief', ronde_datum: '2023-12-04', categorie: 'skaeve_huse', bod: 4, fair_share: 1.42 },
	{ ronde: 'definitief', ronde_datum: '2023-12-04', categorie: 'domus_plus', bod: 2, fair_share: 1.62 }
];

describe('gemeente charts', () => {
	it('are registered under their own ids', () => {
		for (const [id, { chart }] of Object.entries(gemeenteView.charts)) {
			expect(chart.id).toBe(id);
			expect(id).toMatch(/^gemeente-[a-z0-9-]+$/);
		}
	});

	it('capaciteit: the gemeente per 10.000 beside the region, tekort in places', async () => {
		expect(capaciteit.map((r) => [r.voorzieningstype, r.tekort, r.regio_bestaand])).toEqual([
			['crisisopvang', 2, 0.571],
			['skaeve_huse', 4, 0.13],
			['bw_intramuraal', 0, 5.861]
		]);
		const chart = renderChart(gemeenteCapaciteit, capaciteit, { title: 'Capaciteit Gorinchem', width: 640 });
		// Two bars (gemeente, regio) per type.
		expect(chart.svg.match(/<rect/g)?.length).toBe(6);
		expect(chart.svg).toContain('Skaeve huse, deze gemeente: 0,00 bestaand, behoefte 1,02 per 10.000 inwoners');
		expect(chart.description).toBe(
			'Tekort aan plekken in deze gemeente: skaeve huse (4), crisisplekken (2). Per 10.000 inwoners heeft de gemeente minder bestaande plekken dan de regio bij skaeve huse.'
		);
		expect(chart.table.rows[0]).toEqual(['Crisisplekken', '0,76', '1,27', '0,57', '0,99', '2']);
		expect(gemeenteCapaciteit.describe([])).toContain('geen capaciteitsgegevens');
		await expect(normalise(chart.svg)).toMatchFileSnapshot(snapshot('gemeente-capaciteit'));
	});

	it('wlz: gemeente and region per year, a year the gemeente missed stays empty', async () => {
		const rows = gemeenteWlzRows(
			[
				{ jaar: 2024, instroom: 2, instroom_per_10k: 0.517 },
				{ jaar: 2026, instroom: 2, instroom_per_10k: 0.509 }
			],
			[
				{ jaar: 2024, instroom_per_10k: 0.761 },
				{ jaar: 2025, instroom_per_10k: 0.652 },
				{ jaar: 2026, instroom_per_10k: 0.7 }
			]
		);
		expect(rows.map((r) => [r.jaar, r.instroom, r.regio_per_10k])).toEqual([
			[2024, 2, 0.761],
			[2025, null, 0.652],
			[2026, 2, 0.7]
		]);
		const chart = renderChart(gemeenteWlz, rows, { title: 'Wlz-instroom Gorinchem', width: 640 });
		expect(chart.description).toBe(
			'In 2026 stroomden 2 BW-cliënten uit deze gemeente in de Wlz: 0,51 per 10.000 inwoners, minder dan de regio (0,70). Over 2 jaar samen 4 cliënten.'
		);
		expect(chart.table.rows[1]).toEqual(['2025', '–', '–', '0,65']);
		expect(gemeenteWlz.describe([])).toContain('geen gegevens');
		await expect(normalise(chart.svg)).toMatchFileSnapshot(snapshot('gemeente-wlz'));
	});

	it('hkg: bids per round summed over categorieën against the fair share', async () => {
		expect(perRonde(hkg)).toEqual([
			{ ronde: 'voorlopig', ronde_datum: '2023-11-12', bod: 21, fair_share: 29.07 },
			{ ronde: 'definitief', ronde_datum: '2023-12-04', bod: 32, fair_share: 29.07 }
		]);
		const chart = renderChart(gemeenteHkg, hkg, { title: 'HKG-bod Gorinchem', width: 640 });
		expect(chart.svg.match(/<rect/g)?.length).toBe(2);
		expect(chart.svg).toContain('21 (72%)');
		expect(chart.description).toBe(
			'Bod per ronde: voorlopig bod 21, definitief bod 32, tegenover een redelijk aandeel van 29,1 (110% gedekt). Het laatste bod haalt het redelijk aandeel.'
		);
		expect(chart.table.rows[0]).toEqual(['Voorlopig bod', 'Alle categorieën', '21', '29,1', '−8']);
		expect(chart.table.rows[3]).toEqual(['Voorlopig bod', 'Domus plus', 'geen bod', '1,6', '–']);
		expect(gemeenteHkg.describe([])).toBe('Deze gemeente heeft nog geen HKG-bod gedaan.');
		await expect(normalise(chart.svg)).toMatchFileSnapshot(snapshot('gemeente-hkg'));
	});

	it('dagbesteding: the gemeente beside the region, P×Q marked', async () => {
		const rows = gemeenteDagbestedingRows(
			[
				{ periode: '2020', aandeel: 0.55 },
				{ periode: '2022', aandeel: 0.44 }
			],
			[
				{ periode: '2020', periode_start: '2020-01-01', aandeel: 0.52 },
				{ periode: '2021', periode_start: '2021-01-01', aandeel: 0.47 },
				{ periode: '2022', periode_start: '2022-01-01', aandeel: 0.46 }
			]
		);
		const chart = renderChart(gemeenteDagbesteding, rows, { title: 'Dagbesteding', width: 640 });
		expect(chart.svg).toContain('P×Q');
		expect(chart.description).toBe('Aandeel BW-cliënten met dagbesteding in deze gemeente: 55% in 2020, 44% in 2022; de regio had toen 46%.');
		expect(chart.table.rows[1]).toEqual(['2021', '–', '47%']);
		expect(gemeenteDagbesteding.describe(gemeenteDagbestedingRows([], rows))).toContain('geen dagbestedingsgegevens per gemeente');
		await expect(normalise(chart.svg)).toMatchFileSnapshot(snapshot('gemeente-dagbesteding'));
	});
});
