import { describe, expect, it } from 'vitest';
import type { Bron, Overzicht } from '$lib/server/db/queries';
import { kerncijferTegels } from './tegels';

const bron: Bron = { bron: 'Voorbeeld', peildatum: '2024-01-01', illustratief: true, bronnen: [], drempel: 5 };
const bronnen = { capaciteit: bron, hkg: bron, wlz: bron, dagbesteding: bron };

const overzicht: Overzicht = {
	peiljaar: 2024,
	tekorten: [
		{
			peiljaar: 2024, voorzieningstype: 'bw_extramuraal', tekort: 1250, tekort_na_plan: 19, behoefte: 2390, bestaand: 1140,
			gemeentecode: 'GM0505', naam: 'Dordrecht', gemeente_tekort: 10,
			trend: [{ peiljaar: 2023, tekort: 900 }, { peiljaar: 2024, tekort: 1250 }]
		},
		{ peiljaar: 2024, voorzieningstype: 'crisisopvang', tekort: 16, tekort_na_plan: 16, behoefte: 38, bestaand: 22, gemeentecode: null, naam: null, gemeente_tekort: null, trend: [] },
		{ peiljaar: 2024, voorzieningstype: 'bw_intramuraal', tekort: 0, tekort_na_plan: 0, behoefte: 1, bestaand: 2, gemeentecode: null, naam: null, gemeente_tekort: null, trend: [] }
	],
	hkg: {
		periode: '2024-2027', ronde: 'definitief', ronde_datum: '2023-12-04', bod: 3100, opgave: 3800, aandeel: 0.8158,
		trend: [
			{ ronde: 'voorlopig', ronde_datum: '2023-11-17', bod: 1890 },
			{ ronde: 'definitief', ronde_datum: '2023-12-04', bod: 3100 }
		]
	},
	wlz: { jaar: 2024, instroom_per_10k: 0.761, mediaan_andere_regios: 1.352, trend: [{ jaar: 2024, instroom_per_10k: 0.761, mediaan_andere_regios: 1.352 }] },
	dagbesteding: {
		periode: '2022-K4', aandeel: 0.46,
		trend: [
			{ periode: '2019-K1', periode_start: '2019-01-01', aandeel: 0.6 },
			{ periode: '2022-K4', periode_start: '2022-10-01', aandeel: 0.46 }
		]
	}
};

describe('kerncijferTegels', () => {
	const [tekort, hkg, wlz, dagbesteding] = kerncijferTegels(overzicht, bronnen);

	it('leads each tile to its view', () => {
		expect([tekort, hkg, wlz, dagbesteding].map((t) => t.href)).toEqual(['/capaciteit', '/hkg', '/wlz', '/dagbesteding']);
	});

	it('states the figures in Dutch with nl-NL numbers', () => {
		expect(tekort.cijfer).toBe('1.250');
		expect(tekort.eenheid).toBe('plekken tekort aan BW extramuraal');
		expect(tekort.toelichting).toEqual(['Peiljaar 2024: behoefte 2.390, bestaand 1.140.', 'Daarna: crisisplekken (16).']);
		expect(hkg.cijfer).toBe('3.100 van 3.800');
		expect(hkg.eenheid).toContain('82% van de opgave');
		expect(hkg.toelichting).toEqual(['Definitief bod van 4 december 2023, periode 2024–2027.']);
		expect(wlz.cijfer).toBe('0,76');
		expect(wlz.toelichting[0]).toBe('Mediaan van de andere regio’s: 1,35 — deze regio zit eronder.');
		expect(dagbesteding.cijfer).toBe('46%');
		expect(dagbesteding.toelichting[0]).toBe('Was 60% in 2019 K1.');
	});

	it('draws a trend only with two or more points, each with its source line', () => {
		expect(tekort.trend?.id).toBe('overzicht-tekort-trend');
		expect(tekort.trend?.description).toContain('900 plekken in 2023, 1.250 in 2024');
		expect(hkg.trend?.svg).toContain('<svg');
		expect(wlz.trend).toBeNull();
		expect(dagbesteding.meta).toMatchObject({ bron: 'Voorbeeld', peildatum: '2024-01-01', illustratief: true });
	});

	it('says so when an export is empty', () => {
		const leeg = kerncijferTegels({ peiljaar: null, tekorten: [], hkg: null, wlz: null, dagbesteding: null }, bronnen);
		expect(leeg.map((t) => t.cijfer)).toEqual([null, null, null, null]);
		expect(leeg[0].eenheid).toBe('Nog geen capaciteitsgegevens ingelezen.');
		expect(leeg.every((t) => t.trend === null)).toBe(true);
	});
});
