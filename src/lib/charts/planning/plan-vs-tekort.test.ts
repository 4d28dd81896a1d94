import { describe, expect, it } from 'vitest';
import { chartById } from '$lib/server/views';
import { renderChart } from '$lib/server/charts/render';
import { PROJECTEN } from './fixtures.test-data';
import { planningPlanVsTekort, planTegenTekort } from './plan-vs-tekort';
import { normalise } from '../snapshot.test-helpers';

const TEKORTEN = [
	{ peiljaar: 2026, voorzieningstype: 'crisisopvang' as const, tekort: 16 },
	{ peiljaar: 2026, voorzieningstype: 'domus_plus' as const, tekort: 15 },
	{ peiljaar: 2026, voorzieningstype: 'skaeve_huse' as const, tekort: 14 },
	{ peiljaar: 2026, voorzieningstype: 'bw_intramuraal' as const, tekort: 0 }
];

describe('planning-plan-vs-tekort chart', () => {
	it('is registered under its id', () => {
		expect(chartById('planning-plan-vs-tekort')).toBe(planningPlanVsTekort);
	});

	it('counts units of projects not yet in use per type, and drops types with nothing to show', () => {
		const rows = planTegenTekort(PROJECTEN, TEKORTEN, 2026);
		// crisis: 2 + 1; domus: 12; skaeve: 4 + 3 (Dordrecht's 5 are in use); bw_intramuraal: no tekort, no projects.
		expect(rows.map((r) => [r.voorzieningstype, r.projecten, r.eenheden_gepland, r.tekort])).toEqual([
			['crisisopvang', 2, 3, 16],
			['domus_plus', 1, 12, 15],
			['skaeve_huse', 2, 7, 14]
		]);
		expect(planTegenTekort(PROJECTEN, [], 2026).map((r) => r.tekort)).toEqual([null, null, null]);
	});

	it('labels planned against tekort and says which types stay short', () => {
		const rows = planTegenTekort(PROJECTEN, TEKORTEN, 2026);
		const chart = renderChart(planningPlanVsTekort, rows, { title: 't', width: 760 });
		expect(chart.svg.match(/<rect/g)?.length).toBe(rows.length * 2);
		expect(chart.svg).toContain('gepland 12 / tekort 15');
		expect(chart.description).toContain('peiljaar 2026');
		expect(chart.description).toContain('De projecten dekken het tekort niet bij Crisisplekken (gepland 3, tekort 16), Domus plus (gepland 12, tekort 15), Skaeve huse (gepland 7, tekort 14).');
		expect(chart.table.rows[0]).toEqual(['Crisisplekken', '2', '3', '16', '13']);
		expect(planningPlanVsTekort.describe([])).toContain('geen tekort');
	});

	it('matches the committed SVG snapshot', async () => {
		const chart = renderChart(planningPlanVsTekort, planTegenTekort(PROJECTEN, TEKORTEN, 2026), { title: 'Geplande eenheden tegen het tekort', width: 760 });
		await expect(normalise(chart.svg)).toMatchFileSnapshot('../../../../tests/output/planning-plan-vs-tekort.svg');
	});
});
