/**
 * Lines of several series carry their names at their ends (issue 15, point 4): under protanopia
 * the crisis notebook's orange "Mediaan" and green "Regio als geheel" lines look alike, so the
 * label, not the colour, tells them apart.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { PALETTE } from '$lib/charts/palette';
import { compileChart, type CompileContext } from '../chart-spec';
import type { ChartSpec, ResultRow } from '../types';

const COLUMNS = [
	{ name: 'jaar', type: 'INTEGER', numeric: true },
	{ name: 'maat', type: 'VARCHAR', numeric: false },
	{ name: 'waarde', type: 'DOUBLE', numeric: true }
];

function figure(rows: ResultRow[], spec: Partial<ChartSpec> = {}) {
	const chart = compileChart('notebook/test/lijnen', { query: 'q', title: 'T', mark: 'line', x: 'jaar', y: 'waarde', fill: 'maat', ...spec } as ChartSpec, { columns: COLUMNS, rows } as CompileContext);
	const { document } = parseHTML('<!doctype html><html><body></body></html>');
	return chart.build(rows, { width: 720, document });
}

const at = (element: Element) => (element.getAttribute('transform') ?? '').match(/translate\(([-\d.]+),([-\d.]+)\)/)!.slice(1).map(Number);

/** The last dot of each series (its colour) and the label naming it. */
function ends(svg: SVGSVGElement, names: string[]) {
	const labels = [...svg.querySelectorAll('[aria-label="text"] text')];
	return names.map((name, i) => {
		const dots = [...svg.querySelectorAll(`[aria-label="dot"] circle[fill="${[PALETTE.blauw, PALETTE.oranje, '#117733'][i]}"]`)];
		const last = dots.map((d) => [Number(d.getAttribute('cx')), Number(d.getAttribute('cy'))]).sort((a, b) => a[0] - b[0]).at(-1)!;
		const label = labels.find((t) => t.textContent === name);
		return { name, last, label: label ? at(label) : null, fill: label?.parentElement?.getAttribute('fill') };
	});
}

describe('notebook lines of several series', () => {
	const names = ['Hoogste gemeente', 'Mediaan van de gemeenten', 'Regio als geheel'];
	const rows = [2022, 2023, 2024].flatMap((jaar, i) => [
		{ jaar, maat: names[0], waarde: [4.1, 4.4, 4.6][i] },
		{ jaar, maat: names[1], waarde: [2.0, 2.1, 2.2][i] },
		{ jaar, maat: names[2], waarde: [2.3, 2.2, 2.25][i] }
	]);

	it('name each line in ink at its last point, inside the chart', () => {
		const svg = figure(rows);
		const width = Number(svg.getAttribute('width'));
		for (const end of ends(svg, names)) {
			expect(end.label, end.name).not.toBeNull();
			expect(end.label![0], `${end.name} at the x of its last point`).toBeCloseTo(end.last[0], 1);
			expect(Math.abs(end.label![1] - end.last[1]), `${end.name} near the y of its last point`).toBeLessThan(16);
			expect(end.label![0] + 8 + end.name.length * 13 * 0.55, `${end.name} fits`).toBeLessThanOrEqual(width);
			expect(end.fill).toBe(PALETTE.inkt);
		}
	});

	it('wrap a name on a narrow chart instead of running off it', () => {
		const { document } = parseHTML('<!doctype html><html><body></body></html>');
		const chart = compileChart('notebook/test/lijnen', { query: 'q', title: 'T', mark: 'line', x: 'jaar', y: 'waarde', fill: 'maat' } as ChartSpec, { columns: COLUMNS, rows } as CompileContext);
		const svg = chart.build(rows, { width: 320, document });
		const label = [...svg.querySelectorAll('[aria-label="text"] text')].find((t) => t.textContent?.startsWith('Mediaan'))!;
		const lines = [...label.querySelectorAll('tspan')].map((t) => t.textContent);
		expect(lines.length).toBeGreaterThan(1);
		const right = at(label)[0] + 8 + Math.max(...lines.map((l) => (l ?? '').length)) * 13 * 0.55;
		expect(right).toBeLessThanOrEqual(320);
	});

	it('keep labels of lines that end close together apart', () => {
		const [, mediaan, regio] = ends(figure(rows), names);
		// 2,2 and 2,25: a few pixels apart as lines, one label height apart as labels.
		expect(Math.abs(mediaan.last[1] - regio.last[1])).toBeLessThan(10);
		expect(Math.abs(mediaan.label![1] - regio.label![1])).toBeGreaterThanOrEqual(15);
	});

	it('leave a single line without end labels (its name is the axis label)', () => {
		const single = figure(rows.filter((r) => r.maat === names[0]), { fill: undefined });
		expect(single.querySelectorAll('[aria-label="text"] text')).toHaveLength(0);
	});
});
