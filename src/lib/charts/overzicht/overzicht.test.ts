import { describe, expect, it } from 'vitest';
import { renderChart } from '$lib/server/charts/render';
import { overzichtDagbestedingTrend, type DagbestedingTrendRow } from './dagbesteding-trend';
import { overzichtHkgRondes, type HkgRondeRow } from './hkg-rondes';
import { overzichtView } from '$lib/server/views/overzicht';
import { SPARKLINE_WIDTH } from './sparkline';
import { overzichtTekortTrend, type TekortTrendRow } from './tekort-trend';
import { overzichtWlzTrend, type WlzTrendRow } from './wlz-trend';
import { normalise } from '../snapshot.test-helpers';

/** Plot writes floating-point coordinates; round them so the snapshot survives harmless float noise. */
const snapshot = (id: string) => `../../../../tests/output/${id}.svg`;

const tekort: TekortTrendRow[] = [
	{ voorzieningstype: 'crisisopvang', peiljaar: 2022, tekort: 9 },
	{ voorzieningstype: 'crisisopvang', peiljaar: 2023, tekort: 12 },
	{ voorzieningstype: 'crisisopvang', peiljaar: 2024, tekort: 16 }
];
const hkg: HkgRondeRow[] = [
	{ ronde: 'voorlopig', ronde_datum: '2023-11-17', bod: 189, opgave: 380 },
	{ ronde: 'aanvulling', ronde_datum: '2023-11-30', bod: 257, opgave: 380 },
	{ ronde: 'definitief', ronde_datum: '2023-12-04', bod: 310, opgave: 380 }
];
const wlz: WlzTrendRow[] = [
	{ jaar: 2021, instroom_per_10k: 0.988, mediaan_andere_regios: 1.7705 },
	{ jaar: 2022, instroom_per_10k: 0.849, mediaan_andere_regios: 1.5015 },
	{ jaar: 2023, instroom_per_10k: 0.792, mediaan_andere_regios: null }
];
const dagbesteding: DagbestedingTrendRow[] = [
	{ periode: '2019', periode_start: '2019-01-01', aandeel: 0.6 },
	{ periode: '2020', periode_start: '2020-01-01', aandeel: 0.52 },
	{ periode: '2021', periode_start: '2021-01-01', aandeel: 0.4688 },
	{ periode: '2022', periode_start: '2022-01-01', aandeel: 0.46 }
];

describe('overzicht tile sparklines', () => {
	it('are registered under their own ids', () => {
		const tiles = Object.entries(overzichtView.charts).filter(([id]) => id !== 'tekort-per-type');
		expect(tiles).toHaveLength(4);
		for (const [id, { chart }] of tiles) {
			expect(chart.id).toBe(id);
			expect(id).toMatch(/^overzicht-[a-z0-9-]+$/);
		}
	});

	it('tekort trend: one dot per peiljaar, and a text that states the growth', async () => {
		const chart = renderChart(overzichtTekortTrend, tekort, { title: 'Tekort aan crisisplekken per peiljaar', width: SPARKLINE_WIDTH });
		expect(chart.svg).toContain('role="img"');
		expect(chart.svg).toContain('aria-describedby="overzicht-tekort-trend-beschrijving"');
		expect(chart.svg).toContain('<title>2024: tekort 16 plekken</title>');
		expect(chart.description).toBe('Tekort aan crisisplekken in de regio: 9 plekken in 2022, 16 in 2024 (gegroeid).');
		expect(chart.table.rows).toEqual([['2022', '9'], ['2023', '12'], ['2024', '16']]);
		expect(overzichtTekortTrend.describe([])).toContain('geen capaciteitsgegevens');
		await expect(normalise(chart.svg)).toMatchFileSnapshot(snapshot('overzicht-tekort-trend'));
	});

	it('hkg rondes: a bar per round against the opgave, nl-NL', async () => {
		const chart = renderChart(overzichtHkgRondes, hkg, { title: 'HKG-bod per ronde', width: SPARKLINE_WIDTH });
		expect(chart.svg.match(/<rect/g)?.length).toBe(3);
		expect(chart.svg).toContain('<title>Definitief bod (4 dec. 2023): 310 van 380</title>');
		expect(chart.description).toBe(
			'Bod van de gemeenten samen per ronde: voorlopig bod 189, aanvulling 257, definitief bod 310. De regionale opgave is 380; het laatste bod dekt 310 daarvan (82%).'
		);
		expect(chart.table.rows[2]).toEqual(['Definitief bod', '4 dec. 2023', '310', '380', '82%']);
		expect(overzichtHkgRondes.describe([])).toBe('Er zijn nog geen HKG-biedingen.');
		await expect(normalise(chart.svg)).toMatchFileSnapshot(snapshot('overzicht-hkg-rondes'));
	});

	it('wlz trend: own region against the median of the others, a missing median stays missing', async () => {
		const chart = renderChart(overzichtWlzTrend, wlz, { title: 'Wlz-instroom per 10.000 inwoners', width: SPARKLINE_WIDTH });
		expect(chart.description).toBe('Wlz-instroom per 10.000 inwoners in deze regio: 0,99 in 2021, 0,79 in 2023.');
		expect(chart.table.rows[0]).toEqual(['2021', '0,99', '1,77']);
		expect(chart.table.rows[2]).toEqual(['2023', '0,79', '–']);
		expect(overzichtWlzTrend.describe(wlz.slice(0, 2))).toContain("de mediaan van de andere regio's was 1,50");
		await expect(normalise(chart.svg)).toMatchFileSnapshot(snapshot('overzicht-wlz-trend'));
	});

	it('dagbesteding trend: the fall from 60% and the P×Q switch', async () => {
		const chart = renderChart(overzichtDagbestedingTrend, dagbesteding, { title: 'Aandeel met dagbesteding', width: SPARKLINE_WIDTH });
		expect(chart.description).toContain('60% in 2019, 46% in 2022');
		expect(chart.description).toContain('P×Q');
		expect(chart.table.rows[2]).toEqual(['2021', '46,9%']);
		// The P×Q rule is drawn only when the series spans 1 January 2021.
		const rules = (svg: string) => svg.match(/aria-label="rule"|<line/g)?.length ?? 0;
		const zonder = renderChart(overzichtDagbestedingTrend, dagbesteding.slice(0, 2), { title: 't', width: SPARKLINE_WIDTH });
		expect(rules(chart.svg)).toBeGreaterThan(rules(zonder.svg));
		await expect(normalise(chart.svg)).toMatchFileSnapshot(snapshot('overzicht-dagbesteding-trend'));
	});
});
