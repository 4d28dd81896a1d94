import { describe, expect, it } from 'vitest';
import { renderChart } from '$lib/server/charts/render';
import { normalise } from '../snapshot.test-helpers';
import { mediaanAndere, regiosDagbestedingChart, regiosTekortChart, type RegioWaarde } from './vergelijking';

const snapshot = (name: string) => `../../../../tests/output/${name}.svg`;

const ROWS: RegioWaarde[] = [
	{ regiocode: 'CR0505', regionaam: 'Dordrecht', gekozen: true, waarde: 1.25 },
	{ regiocode: 'CR0344', regionaam: 'Utrecht', gekozen: false, waarde: 2.5 },
	{ regiocode: 'CR0599', regionaam: 'Rotterdam', gekozen: false, waarde: 0.75 },
	{ regiocode: 'CR0518', regionaam: 'Den Haag', gekozen: false, waarde: 1.5 }
];

describe('regios-vergelijking', () => {
	it('ranks the regions, the chosen one orange, the median of the others dashed', async () => {
		const chart = renderChart(regiosTekortChart, ROWS, { title: 'Tekort per 10.000 inwoners per regio' });
		expect(chart.description).toBe(
			'Tekort per 10.000 inwoners: Dordrecht 1,25, plaats 3 van 4 regio’s (hoogste eerst); de mediaan van de andere regio’s is 1,5.'
		);
		expect(chart.table.rows.map((r) => r[0])).toEqual(['Utrecht', 'Den Haag', 'Dordrecht (deze regio)', 'Rotterdam']);
		await expect(normalise(chart.svg)).toMatchFileSnapshot(snapshot('regios-tekort-per-10k'));
	});

	it('puts a hidden figure last with its label, never its value', () => {
		const rows: RegioWaarde[] = [...ROWS.slice(1).map((r) => ({ ...r, waarde: r.waarde! / 10 })), { ...ROWS[0], waarde: null, afgeschermd: { waarde: '< 5' } }];
		const chart = renderChart(regiosDagbestedingChart, rows, { title: 'Dagbesteding per regio' });
		expect(chart.table.rows.at(-1)).toEqual(['Dordrecht (deze regio)', '< 5']);
		expect(chart.description).toContain('voor Dordrecht < 5');
		expect(chart.svg).toContain('&lt; 5');
	});

	it('takes the median over the other regions with a visible figure', () => {
		expect(mediaanAndere(ROWS)).toBe(1.5);
		expect(mediaanAndere([ROWS[0]])).toBeNull();
		expect(mediaanAndere([...ROWS, { regiocode: 'X', regionaam: 'X', gekozen: false, waarde: null }])).toBe(1.5);
	});
});
