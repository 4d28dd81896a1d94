import { describe, expect, it } from 'vitest';
import { openWorkbook, tekortChart } from './fixtures.test-helpers';
import { sheetName, xlsx } from './xlsx';

describe('xlsx', () => {
	it('has the title, a bold header, the rows as numbers and the source line', async () => {
		const chart = tekortChart();
		const workbook = await openWorkbook(await xlsx(chart));
		const sheet = workbook.worksheets[0];
		expect(sheet.name.length).toBeLessThanOrEqual(31);
		expect(sheet.getCell('A1').value).toBe('Tekort per voorzieningstype in de regio, peiljaar 2024');
		expect(sheet.getCell('A2').value).toBe('Peiljaar 2024 · alle gemeenten');
		const header = sheet.getRow(4);
		expect(header.getCell(1).value).toBe('Voorzieningstype');
		expect(header.getCell(6).value).toBe('Tekort na plan');
		expect(header.getCell(1).font?.bold).toBe(true);
		expect(sheet.getRow(5).values).toEqual([undefined, 'Crisisplekken', 28, 4, 40, 12, 8]);
		expect(sheet.getRow(7).getCell(2).value).toBe(1240);
		expect(sheet.getRow(7).getCell(2).numFmt).toBe('#,##0');
		expect(sheet.getCell('A9').value).toBe('Bron: Capaciteitsonderzoek regio; CBS. Peildatum 1 januari 2024. Illustratief: voorbeeldgegevens. Aantallen onder 5 zijn afgeschermd (AVG).');
		expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(14);
	});

	it('stores decimals and percentages as numbers with matching formats', async () => {
		const base = tekortChart();
		const chart = tekortChart({
			definition: {
				...base.definition,
				table: () => ({
					columns: [
						{ label: 'Gemeente', numeric: false },
						{ label: 'Per 10.000', numeric: true },
						{ label: 'Aandeel', numeric: true }
					],
					rows: [['Dordrecht', '1.234,5', '45,8%'], ['Zwijndrecht', '–', '−3%']]
				})
			} as never
		});
		const sheet = (await openWorkbook(await xlsx(chart))).worksheets[0];
		expect(sheet.getCell('B5').value).toBe(1234.5);
		expect(sheet.getCell('B5').numFmt).toBe('#,##0.0');
		expect(sheet.getCell('C5').value).toBeCloseTo(0.458);
		expect(sheet.getCell('C5').numFmt).toBe('0.0%');
		expect(sheet.getCell('B6').value).toBeNull();
		expect(sheet.getCell('C6').value).toBeCloseTo(-0.03);
	});

	it('makes valid sheet names', () => {
		expect(sheetName('Tekort per voorzieningstype in de regio, peiljaar 2024').length).toBeLessThanOrEqual(31);
		expect(sheetName('a/b: [c]?')).toBe('a b c');
		expect(sheetName('  ')).toBe('Gegevens');
	});
});
