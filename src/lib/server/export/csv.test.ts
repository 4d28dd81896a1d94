import { describe, expect, it } from 'vitest';
import type { ChartDefinition } from '$lib/charts/types';
import { csv, field } from './csv';
import { parseCsv, tekortChart } from './fixtures.test-helpers';

function tableChart(columns: { label: string; numeric: boolean }[], rows: string[][]) {
	const definition: ChartDefinition<unknown> = {
		...(tekortChart().definition as ChartDefinition<unknown>),
		table: () => ({ columns, rows })
	};
	return tekortChart({ definition: definition as never });
}

describe('csv', () => {
	it('writes a BOM, ; separators and CRLF, and parses back to the chart table', () => {
		const chart = tekortChart();
		const text = csv(chart);
		expect(text.charCodeAt(0)).toBe(0xfeff);
		expect(text).toContain('\r\n');
		expect(text.replaceAll('\r\n', '')).not.toContain('\n');
		const records = parseCsv(text.slice(1));
		const table = chart.definition.table(chart.rows);
		expect(records[0]).toEqual(table.columns.map((c) => c.label));
		expect(records.slice(1, 1 + table.rows.length)).toEqual(table.rows);
		expect(records[1]).toEqual(['Crisisplekken', '28', '4', '40', '12', '8']);
		expect(records.at(-1)).toEqual(['Bron: Capaciteitsonderzoek regio; CBS. Peildatum 1 januari 2024. Illustratief: voorbeeldgegevens. Aantallen onder 5 zijn afgeschermd (AVG).']);
		expect(text).toContain('"Bron: Capaciteitsonderzoek regio; CBS.');
	});

	it('keeps Dutch decimals and thousands, writes - for −, empty for a missing value', () => {
		const text = csv(
			tableChart(
				[
					{ label: 'Gemeente', numeric: false },
					{ label: 'Per 10.000', numeric: true },
					{ label: 'Verschil', numeric: true },
					{ label: 'Aandeel', numeric: true }
				],
				[
					['Dordrecht', '1.234,5', '−3', '45,8%'],
					['Zwijndrecht', '–', '+12', '0%']
				]
			)
		);
		const records = parseCsv(text.slice(1));
		expect(records[1]).toEqual(['Dordrecht', '1.234,5', '-3', '45,8%']);
		expect(records[2]).toEqual(['Zwijndrecht', '', '+12', '0%']);
	});

	it('neutralises formula injection and escapes quotes', () => {
		const records = parseCsv(
			csv(
				tableChart(
					[{ label: '=Kolom', numeric: false }, { label: 'Tekst', numeric: false }],
					[
						['=HYPERLINK("http://x";"klik")', '+cmd|calc'],
						['@SUM(A1)', '-2+3'],
						['Zeg "hoi"', 'a;b']
					]
				)
			).slice(1)
		);
		expect(records[0][0]).toBe("'=Kolom");
		expect(records[1]).toEqual(["'=HYPERLINK(\"http://x\";\"klik\")", "'+cmd|calc"]);
		expect(records[2]).toEqual(["'@SUM(A1)", "'-2+3"]);
		expect(records[3]).toEqual(['Zeg "hoi"', 'a;b']);
		expect(field('Zeg "hoi"')).toBe('"Zeg ""hoi"""');
		expect(field('-3')).toBe('-3');
	});
});
