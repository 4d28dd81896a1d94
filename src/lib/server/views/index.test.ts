import { describe, expect, it } from 'vitest';
import { CHARTS, CHART_VIEWS, chartById, VIEWS } from './index';

describe('chart registry', () => {
	it('has unique ids across views, each registered under its own id', () => {
		const perView = VIEWS.filter((v) => v.name !== 'overzicht' && v.name !== 'gemeente').flatMap((v) => Object.keys(v.charts));
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
