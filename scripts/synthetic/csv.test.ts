import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUTCH_EXCEL, DUTCH_EXCEL_DATES, PLAIN_CSV, formatRow, quoteField, writeCsv } from './csv';

describe('writeCsv', () => {
	let dir: string;
	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'synthetic-csv-'));
	});
	afterAll(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it('writes BOM, header and lines byte for byte across chunk boundaries, long lines and accents', async () => {
		const lines = Array.from({ length: 200_000 }, (_, i) => (i % 1000 === 0 ? `Boëkel;${'é'.repeat(30_000)}` : `Zoë;${i}`));
		const path = join(dir, 'a.csv');
		const result = await writeCsv(path, 'naam;waarde', lines, DUTCH_EXCEL);
		const expected = '\uFEFF' + ['naam;waarde', ...lines].join('\r\n') + '\r\n';
		const written = await readFile(path);
		expect(written.toString('utf8')).toBe(expected);
		expect(result.rows).toBe(lines.length);
		expect(result.bytes).toBe(written.length);
	});

	it('writes plain CSV without BOM, with LF', async () => {
		const path = join(dir, 'b.csv');
		await writeCsv(path, 'a,b', ['1,2'], PLAIN_CSV);
		expect(await readFile(path, 'utf8')).toBe('a,b\n1,2\n');
	});
});

describe('formatRow', () => {
	it('uses decimal commas, Dutch dates and quotes per dialect', () => {
		const gemeente = { gemeentecode: 'GM0001', naam: 'Boëkel; Oost', subregio: 'X', centrumregio: 'CR0001', lat: 51.5, lon: 4.25, tegel_x: 0, tegel_y: 1 };
		expect(formatRow('gemeenten', gemeente, DUTCH_EXCEL)).toBe('GM0001;"Boëkel; Oost";X;CR0001;51,5;4,25;0;1');
		expect(formatRow('gemeenten', gemeente, PLAIN_CSV)).toBe('GM0001,Boëkel; Oost,X,CR0001,51.5,4.25,0,1');
		const bod = { periode: '2024-2027', ronde: 'voorlopig', ronde_datum: '2023-11-15', gemeentecode: 'GM0001', categorie: 'skaeve_huse', bod: 2, toelichting: null };
		expect(formatRow('hkg_biedingen', bod, DUTCH_EXCEL_DATES)).toBe('2024-2027;voorlopig;15-11-2023;GM0001;skaeve_huse;2;');
	});

	it('quotes fields with separators, quotes or line breaks', () => {
		expect(quoteField('a "b", c', ',')).toBe('"a ""b"", c"');
		expect(quoteField('a, c', ';')).toBe('a, c');
	});
});
