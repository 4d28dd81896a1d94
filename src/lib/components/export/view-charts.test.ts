import { describe, expect, it } from 'vitest';
import { viewChartIds } from './view-charts';

// As a page's hydration data holds them: without their svg.
const chart = (id: string) => ({ meta: { title: id }, chart: { id, description: `De grafiek ${id}.`, legend: [] } });

describe('viewChartIds', () => {
	it('finds the charts of a view however its data nests them, each once, in order', () => {
		const data = {
			peiljaren: [2023, 2024],
			perGemeente: chart('capaciteit-per-gemeente'),
			kaart: chart('capaciteit-tegelkaart'),
			ranglijst: { meta: { title: 'r' }, rows: [{ chart: 'geen' }] },
			page: { blocks: [{ kind: 'markdown', html: '' }, { kind: 'chart', chart: chart('notebook/a/b') }, { kind: 'chart', error: 'kapot' }] },
			nogmaals: chart('capaciteit-per-gemeente')
		};
		expect(viewChartIds(data)).toEqual(['capaciteit-per-gemeente', 'capaciteit-tegelkaart', 'notebook/a/b']);
	});

	it('finds none in a view without data', () => {
		expect(viewChartIds({ peiljaren: [], keuze: null })).toEqual([]);
		expect(viewChartIds(null)).toEqual([]);
	});
});
