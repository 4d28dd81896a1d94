import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openWorkbook, tekortChart } from './fixtures.test-helpers';
import { parseDutchDate, sheetName, xlsx } from './xlsx';

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

	it('gives a column one precision, dates as dates, named fonts, A4 landscape with the header repeated', async () => {
		const chart = tekortChart({
			definition: {
				...tekortChart().definition,
				table: () => ({
					columns: [
						{ label: 'Project', numeric: false },
						{ label: 'Per 10.000', numeric: true },
						{ label: 'Sinds', numeric: false }
					],
					rows: [
						['A', '1,25', '15 november 2023'],
						['B', '3', '1 januari 2024'],
						['C', '0,5', 'onbekend']
					]
				})
			} as never
		});
		const sheet = (await openWorkbook(await xlsx(chart))).worksheets[0];
		expect([5, 6, 7].map((r) => sheet.getCell(r, 2).numFmt)).toEqual(['#,##0.00', '#,##0.00', '#,##0.00']);
		expect(sheet.getCell(5, 3).value).toEqual(new Date(Date.UTC(2023, 10, 15)));
		expect(sheet.getCell(5, 3).numFmt).toBe('d mmmm yyyy');
		expect(sheet.getCell(7, 3).value).toBe('onbekend');
		expect(sheet.getCell(1, 1).font.name).toBe('Calibri');
		expect(sheet.getCell(4, 1).font).toMatchObject({ name: 'Calibri', bold: true });
		expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '4:4' });
		expect(parseDutchDate('31 februari 2024')).toBeNull();
	});

	it('makes valid sheet names, cut between words', () => {
		expect(sheetName('Tekort per voorzieningstype in de regio, peiljaar 2024').length).toBeLessThanOrEqual(31);
		expect(sheetName('Tekort per voorzieningstype in de regio, peiljaar 2024')).toBe('Tekort per voorzieningstype in');
		expect(sheetName('Bestaande en geplande plekken tegenover de behoefte')).toBe('Bestaande en geplande plekken');
		expect(sheetName('a/b: [c]?')).toBe('a b c');
		expect(sheetName('  ')).toBe('Gegevens');
	});
});

describe('xlsx bytes', () => {
	afterEach(() => vi.useRealTimers());

	it('are the same for the same chart and date, built at different times', async () => {
		const chart = tekortChart();
		const date = new Date('2026-02-01T09:30:00Z');
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2026-12-03T08:00:00Z'));
		const first = await xlsx(chart, { date });
		vi.setSystemTime(new Date('2027-05-17T16:45:13Z'));
		const second = await xlsx(chart, { date });
		expect(Buffer.compare(first, second)).toBe(0);

		const zip = await JSZip.loadAsync(first);
		const core = await zip.file('docProps/core.xml')!.async('string');
		expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-02-01T09:30:00Z</dcterms:created>');
		expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-02-01T09:30:00Z</dcterms:modified>');
		// a still readable workbook
		expect((await openWorkbook(first)).worksheets[0].getCell('A1').value).toBe('Tekort per voorzieningstype in de regio, peiljaar 2024');
	});

	it('differ when the snapshot date differs, and default to the peildatum, not the clock', async () => {
		const chart = tekortChart();
		const a = await xlsx(chart, { date: new Date('2026-02-01T09:30:00Z') });
		const b = await xlsx(chart, { date: new Date('2026-03-01T09:30:00Z') });
		expect(Buffer.compare(a, b)).not.toBe(0);
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
		const core = await (await JSZip.loadAsync(await xlsx(chart))).file('docProps/core.xml')!.async('string');
		expect(core).toContain('2024-01-01T00:00:00Z</dcterms:created>');
	});
});
