import { describe, expect, it } from 'vitest';
import { capaciteitCharts } from './capaciteit';
import { dagbestedingCharts } from './dagbesteding';
import { hkgCharts } from './hkg';
import { planningCharts } from './planning';
import { CHARTS, CHART_VIEWS, chartById } from './registry';
import { wlzCharts } from './wlz';

describe('chart registry', () => {
	it('has unique ids across views, each registered under its own id', () => {
		const perView = [capaciteitCharts, planningCharts, wlzCharts, hkgCharts, dagbestedingCharts].flatMap((m) => Object.keys(m));
		expect(new Set(perView).size).toBe(perView.length);
		expect(perView).not.toContain('tekort-per-type');
		for (const [id, chart] of Object.entries(CHARTS)) expect(chart.id).toBe(id);
		expect(Object.values(CHART_VIEWS).flat().sort()).toEqual(Object.keys(CHARTS).sort());
	});

	it('finds charts by id and nothing for unknown or inherited names', () => {
		expect(chartById('tekort-per-type')?.id).toBe('tekort-per-type');
		expect(chartById('toString')).toBeUndefined();
		expect(chartById('../../etc/passwd')).toBeUndefined();
	});
});
