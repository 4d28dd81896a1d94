/**
 * Kind recognition from headers, for every kind in every format: the fixture CSVs, the same
 * rows as XLSX (with a title row above the headers, and once on a second sheet) and as
 * Parquet, plus the dialect fixtures (synonyms, StatLine titles, Windows-1252).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXPORT_SOORTEN, type ExportSoort } from '../../domain/exports';
import { bestKind, recognise, recogniseWholeXlsx } from './recognise';
import { SMALL } from './test-env';

const DIALECTS = resolve(import.meta.dirname, '../../../../tests/fixtures/dialects');
let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'regio-herken-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const csvRows = (soort: ExportSoort) =>
	readFileSync(join(SMALL, `${soort}.csv`), 'utf8')
		.trim()
		.split('\n')
		.map((line) => line.split(';'));

describe.each(EXPORT_SOORTEN)('%s', (soort) => {
	test('CSV', async () => {
		expect(await recognise(join(SMALL, `${soort}.csv`), 'csv')).toEqual({ soort });
	});

	test('XLSX with a title row, first sheet', async () => {
		const wb = new ExcelJS.Workbook();
		const sheet = wb.addWorksheet('Gegevens');
		sheet.addRow([`Export ${soort}, aangemaakt 1 november 2024`]);
		sheet.addRow([]);
		for (const r of csvRows(soort)) sheet.addRow(r);
		const path = join(dir, `${soort}.xlsx`);
		await wb.xlsx.writeFile(path);
		expect(await recognise(path, 'xlsx')).toEqual({ soort });
	});

	test('Parquet', async () => {
		const path = join(dir, `${soort}.parquet`);
		const instance = await DuckDBInstance.create(':memory:');
		const con = await instance.connect();
		await con.run(`COPY (SELECT * FROM read_csv($src, delim = ';', header = true, all_varchar = true)) TO '${path}' (FORMAT parquet)`, { src: join(SMALL, `${soort}.csv`) });
		con.closeSync();
		instance.closeSync();
		expect(await recognise(path, 'parquet')).toEqual({ soort });
	});
});

test('XLSX with the table on the second sheet: the sheet is named (blad)', async () => {
	expect(await recognise(join(DIALECTS, 'capaciteit.xlsx'), 'xlsx')).toEqual({ soort: 'capaciteit', blad: 'Capaciteit 2024' });
	expect(await recognise(join(DIALECTS, 'hkg_biedingen.xlsx'), 'xlsx')).toEqual({ soort: 'hkg_biedingen' });
});

test('the fallback that reads a workbook whole (when the stream found no headers) recognises the same', async () => {
	expect(await recogniseWholeXlsx(join(DIALECTS, 'capaciteit.xlsx'))).toEqual({ soort: 'capaciteit', blad: 'Capaciteit 2024' });
	expect(await recogniseWholeXlsx(join(DIALECTS, 'hkg_biedingen.xlsx'))).toEqual({ soort: 'hkg_biedingen' });
});

test('other column titles, StatLine and Windows-1252 are recognised as the ingest reads them', async () => {
	expect(await recognise(join(DIALECTS, 'capaciteit-namen.csv'), 'csv')).toEqual({ soort: 'capaciteit' });
	expect(await recognise(join(DIALECTS, 'inwoners-statline.csv'), 'csv')).toEqual({ soort: 'inwoners' });
	expect(await recognise(join(DIALECTS, 'gemeenten-plain.csv'), 'csv')).toEqual({ soort: 'gemeenten' });
	expect(await recognise(join(DIALECTS, 'projecten-windows-1252.csv'), 'csv')).toEqual({ soort: 'projecten' });
	expect(await recognise(join(DIALECTS, 'dagbesteding.parquet'), 'parquet')).toEqual({ soort: 'dagbesteding' });
});

test('a file that fits no kind, or two equally, is not recognised', async () => {
	const path = join(dir, 'los.csv');
	writeFileSync(path, 'naam;waarde\nx;1\n');
	expect(await recognise(path, 'csv')).toEqual({ soort: null });
	// gemeentecode + jaar + inwoners is an inwoners file; the wlz file has the same three and claims more.
	expect(bestKind([{ headers: ['gemeentecode', 'jaar', 'inwoners'] }])).toEqual({ soort: 'inwoners' });
	expect(bestKind([{ headers: ['jaar', 'regiocode', 'regionaam', 'gemeentecode', 'instroom', 'bw_clienten', 'inwoners'] }])).toEqual({ soort: 'wlz_instroom' });
	expect(bestKind([{ headers: ['gemeentecode', 'jaar', 'inwoners'] }, { headers: ['project_id', 'naam', 'type', 'gemeentecode'] }])).toEqual({ soort: 'inwoners' });
	expect(await recognise(join(dir, 'bestaat-niet.xlsx'), 'xlsx')).toEqual({ soort: null });
});
