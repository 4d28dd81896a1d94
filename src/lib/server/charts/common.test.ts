import { describe, expect, it } from 'vitest';
import type { ChartDefinition } from '$lib/charts/types';
import { loaded, PAGE_TABLE_ROWS, renderLoaded } from './common';

/** A chart with one row per number: a bar each, a table row each. */
const counting: ChartDefinition<number> = {
	id: 'tel-test',
	build: (rows, { document }) => {
		const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg') as SVGSVGElement;
		svg.setAttribute('data-rijen', String(rows.length));
		return svg;
	},
	describe: (rows) => `${rows.length} rijen`,
	table: (rows) => ({ columns: [{ label: 'n', numeric: true }], rows: rows.map((n) => [String(n)]) }),
	legend: []
};
const meta = { title: 'Tellen', bron: 'test', peildatum: null, illustratief: false, afscherming: 'Aantallen onder 5 zijn afgeschermd (AVG).' };
const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('renderLoaded', () => {
	it('keeps every table row of an ordinary chart', () => {
		const { chart } = renderLoaded(loaded(counting, numbers(PAGE_TABLE_ROWS), meta));
		expect(chart.table.rows).toHaveLength(PAGE_TABLE_ROWS);
		expect(chart.table.totalRows).toBeUndefined();
	});

	it('puts only the first rows of a very long table in the page, and says how many there are', () => {
		const { chart } = renderLoaded(loaded(counting, numbers(20_282), meta));
		expect(chart.table.rows).toHaveLength(PAGE_TABLE_ROWS);
		expect(chart.table.rows.at(-1)).toEqual([String(PAGE_TABLE_ROWS)]);
		expect(chart.table.totalRows).toBe(20_282);
		// the chart itself still draws every row
		expect(chart.svg).toContain('data-rijen="20282"');
		expect(chart.description).toBe('20282 rijen');
	});
});
