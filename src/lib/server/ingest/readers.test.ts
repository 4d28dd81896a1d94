/**
 * Every export dialect we promise to read, end to end: the valid store-small set with one file
 * swapped for a variant from tests/fixtures/dialects/, ingested, and the snapshot's rows
 * compared with values written by hand from the fixture. Below that, the pure helpers of
 * readers.ts (line numbers, dialect detection, cell text).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempPaths } from '../../../../tests/helpers/exports-dir';
import { EXPORT_KINDS, EXPORT_SOORTEN, type ExportSoort } from '../../domain/exports';
import { rowSchemas } from '../../domain/schemas';
import { readPointer } from '../db/layout';
import { cellText, csvLineNumbers, detectDialect } from './readers';
import { runIngest } from './index';

const DIALECTS = new URL('../../../../tests/fixtures/dialects/', import.meta.url).pathname;

type Row = Record<string, unknown>;

interface Variant {
	/** The store-small file to replace. */
	replaces: string;
	/** The fixture in tests/fixtures/dialects/ that replaces it. */
	by: string;
	blad?: string;
}

/** Columns of a kind as plain JS values; DATE columns as 'YYYY-MM-DD' text. */
function selectKind(soort: ExportSoort): string {
	const columns = EXPORT_KINDS[soort].columns.map((c) => (c.type.kind === 'date' ? `CAST("${c.name}" AS VARCHAR) AS "${c.name}"` : `"${c.name}"`));
	return `SELECT ${columns.join(', ')} FROM ${soort}`;
}

async function rowsOf(con: DuckDBConnection, sql: string): Promise<Row[]> {
	return (await con.runAndReadAll(sql)).getRowObjectsJS() as Row[];
}

/** Swap one export of the directory for a dialect fixture, and its manifest entry with it. */
function replaceExport(exportsDir: string, { replaces, by, blad }: Variant): void {
	const manifestPath = join(exportsDir, 'manifest.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
	const entry = manifest.bestanden.find((e: { bestand: string }) => e.bestand === replaces);
	entry.bestand = by;
	if (blad) entry.blad = blad;
	writeFileSync(manifestPath, JSON.stringify(manifest));
	rmSync(join(exportsDir, replaces));
	cpSync(join(DIALECTS, by), join(exportsDir, by));
}

/**
 * Ingest store-small, with one file replaced when a variant is given; return every kind's rows
 * from the snapshot, after checking that each row parses with the domain's zod schema (the
 * stage SQL and the schemas must agree on what a normalised row is).
 */
async function ingestVariant(variant?: Variant): Promise<Record<ExportSoort, Row[]>> {
	const paths = tempPaths();
	try {
		if (variant) replaceExport(paths.exports, variant);
		const report = await runIngest({ paths });
		expect(report.errors.map((e) => e.melding)).toEqual([]);
		expect(report.ok).toBe(true);

		const pointer = readPointer(paths.store);
		expect(pointer).not.toBeNull();
		const instance = await DuckDBInstance.create(join(paths.store, pointer!.file), { access_mode: 'READ_ONLY' });
		const con = await instance.connect();
		try {
			const tables = {} as Record<ExportSoort, Row[]>;
			for (const soort of EXPORT_SOORTEN) {
				tables[soort] = await rowsOf(con, selectKind(soort));
				for (const row of tables[soort]) {
					const parsed = rowSchemas[soort].safeParse(row);
					expect(parsed.success, `${soort} ${JSON.stringify(row)}: ${parsed.error?.message}`).toBe(true);
				}
			}
			return tables;
		} finally {
			con.closeSync();
			instance.closeSync();
		}
	} finally {
		paths.cleanup();
	}
}

const byKey = (...keys: string[]) => (a: Row, b: Row) => {
	for (const k of keys) {
		const x = String(a[k] ?? '');
		const y = String(b[k] ?? '');
		if (x !== y) return x < y ? -1 : 1;
	}
	return 0;
};

describe('export dialects, end to end', () => {
	it('store-small as shipped: every snapshot row parses with its zod schema', async () => {
		const tables = await ingestVariant();
		expect(tables.capaciteit).toHaveLength(17);
		expect(tables.projecten).toHaveLength(6);
	});

	it('1. Dutch Excel CSV: semicolons, decimal comma, UTF-8 with BOM, CRLF', async () => {
		const { gemeenten } = await ingestVariant({ replaces: 'gemeenten.csv', by: 'gemeenten-excel-nl.csv' });
		expect(gemeenten.sort(byKey('gemeentecode'))).toEqual([
			{ gemeentecode: 'GM0505', naam: 'Dordrecht', subregio: 'Drechtsteden', centrumregio: 'CR0505', lat: 51.8133, lon: 4.6901, tegel_x: 1, tegel_y: 1 },
			{ gemeentecode: 'GM0512', naam: 'Gorinchem', subregio: 'Alblasserwaard', centrumregio: 'CR0505', lat: 51.8306, lon: 4.9742, tegel_x: 3, tegel_y: 1 },
			{ gemeentecode: 'GM1978', naam: 'Molenlanden', subregio: 'Alblasserwaard', centrumregio: 'CR0505', lat: 51.88, lon: 4.83, tegel_x: 2, tegel_y: 0 }
		]);
	});

	it('2. Windows-1252 CSV: é, ë, ’ and € come through exactly', async () => {
		const { projecten } = await ingestVariant({ replaces: 'projecten.csv', by: 'projecten-windows-1252.csv' });
		expect(projecten.sort(byKey('project_id'))).toEqual([
			{ project_id: 'CR-GOR-01', naam: 'Crisisstudio’s Gorinchem', type: 'crisisopvang', gemeentecode: 'GM0512', eenheden: 1, status: 'idee', status_datum: '2024-02-01', verwachte_oplevering: null, toelichting: null },
			{ project_id: 'DP-REG-01', naam: 'Domus plus regio', type: 'domus_plus', gemeentecode: 'GM0505', eenheden: 4, status: 'locatieonderzoek', status_datum: '2023-05-01', verwachte_oplevering: null, toelichting: 'Budget € 1,2 mln' },
			{ project_id: 'SH-DOR-01', naam: 'Skaeve huse bij café De Brug', type: 'skaeve_huse', gemeentecode: 'GM0505', eenheden: 5, status: 'in_gebruik', status_datum: '2022-06-01', verwachte_oplevering: '2022-06-01', toelichting: 'Geëvalueerd in 2023' }
		]);
	});

	it('3a. plain CSV: commas, decimal point, quoted field with a comma', async () => {
		const { gemeenten } = await ingestVariant({ replaces: 'gemeenten.csv', by: 'gemeenten-plain.csv' });
		expect(gemeenten.sort(byKey('gemeentecode'))).toEqual([
			{ gemeentecode: 'GM0505', naam: 'Dordrecht', subregio: 'Drechtsteden', centrumregio: 'CR0505', lat: 51.8133, lon: 4.6901, tegel_x: 1, tegel_y: 1 },
			{ gemeentecode: 'GM0512', naam: 'Gorinchem', subregio: 'Alblasserwaard, Vijfheerenlanden', centrumregio: 'CR0505', lat: 51.8306, lon: 4.9742, tegel_x: 3, tegel_y: 1 },
			{ gemeentecode: 'GM1978', naam: 'Molenlanden', subregio: 'Alblasserwaard, Vijfheerenlanden', centrumregio: 'CR0505', lat: 51.88, lon: 4.83, tegel_x: 2, tegel_y: 0 }
		]);
	});

	it('3b. plain CSV: LF, a quoted field over two lines and doubled quotes', async () => {
		const { projecten } = await ingestVariant({ replaces: 'projecten.csv', by: 'projecten-plain.csv' });
		expect(projecten.sort(byKey('project_id'))).toEqual([
			{ project_id: 'CR-GOR-01', naam: 'Crisisplek Gorinchem', type: 'crisisopvang', gemeentecode: 'GM0512', eenheden: 1, status: 'idee', status_datum: '2024-02-01', verwachte_oplevering: null, toelichting: 'Zegt "ja", mits budget' },
			{ project_id: 'SH-DOR-01', naam: 'Skaeve huse Dordrecht, Noordoevers', type: 'skaeve_huse', gemeentecode: 'GM0505', eenheden: 5, status: 'in_gebruik', status_datum: '2022-06-01', verwachte_oplevering: '2022-06-01', toelichting: null },
			{ project_id: 'SH-GOR-01', naam: 'Skaeve huse Gorinchem', type: 'skaeve_huse', gemeentecode: 'GM0512', eenheden: 3, status: 'besluitvorming', status_datum: '2023-10-01', verwachte_oplevering: '2025-06-30', toelichting: 'Besluit verwacht begin 2024;\ndaarna vergunning' }
		]);
	});

	it('3c. plain CSV: a cell that ends in a line break (Alt+Enter in Excel)', async () => {
		// The header probe in readers.ts (headerRow) reads with null_padding = true, which DuckDB's
		// parallel scanner refuses for (some) quoted newlines: without parallel = false the file
		// was rejected as having an unclosed quote.
		const { projecten } = await ingestVariant({ replaces: 'projecten.csv', by: 'projecten-regeleinde-in-cel.csv' });
		const rows = projecten.sort(byKey('project_id'));
		expect(rows.map(({ toelichting: _, ...rest }) => rest)).toEqual([
			{ project_id: 'CR-GOR-01', naam: 'Crisisplek Gorinchem', type: 'crisisopvang', gemeentecode: 'GM0512', eenheden: 1, status: 'idee', status_datum: '2024-02-01', verwachte_oplevering: null },
			{ project_id: 'SH-GOR-01', naam: 'Skaeve huse Gorinchem', type: 'skaeve_huse', gemeentecode: 'GM0512', eenheden: 3, status: 'besluitvorming', status_datum: '2023-10-01', verwachte_oplevering: '2025-06-30' }
		]);
		expect(rows[0].toelichting).toBeNull();
		// Whether the trailing line break is kept is left open; the text itself must survive.
		expect(rows[1].toelichting).toMatch(/^Besluit verwacht begin 2024\n?$/);
	});

	it('4. XLSX, first sheet: Excel date cells become ISO dates, numeric cells numbers, rich text joined', async () => {
		const { hkg_biedingen } = await ingestVariant({ replaces: 'hkg_biedingen.csv', by: 'hkg_biedingen.xlsx' });
		const rows = hkg_biedingen.sort(byKey('ronde_datum', 'categorie', 'gemeentecode'));
		expect(rows).toHaveLength(18);
		expect(rows.map((r) => r.ronde_datum)).toEqual([...Array(6).fill('2023-11-15'), ...Array(6).fill('2023-11-28'), ...Array(6).fill('2023-12-04')]);
		expect(rows.slice(12)).toEqual([
			{ periode: '2024-2027', ronde: 'definitief', ronde_datum: '2023-12-04', gemeentecode: 'GM0505', categorie: 'skaeve_huse', bod: 5, toelichting: null },
			{ periode: '2024-2027', ronde: 'definitief', ronde_datum: '2023-12-04', gemeentecode: 'GM0512', categorie: 'skaeve_huse', bod: 2, toelichting: null },
			{ periode: '2024-2027', ronde: 'definitief', ronde_datum: '2023-12-04', gemeentecode: 'GM1978', categorie: 'skaeve_huse', bod: 2, toelichting: null },
			{ periode: '2024-2027', ronde: 'definitief', ronde_datum: '2023-12-04', gemeentecode: 'GM0505', categorie: 'uitstroomwoningen', bod: 110, toelichting: null },
			{ periode: '2024-2027', ronde: 'definitief', ronde_datum: '2023-12-04', gemeentecode: 'GM0512', categorie: 'uitstroomwoningen', bod: 40, toelichting: 'Twee locaties in onderzoek' },
			{ periode: '2024-2027', ronde: 'definitief', ronde_datum: '2023-12-04', gemeentecode: 'GM1978', categorie: 'uitstroomwoningen', bod: 45, toelichting: null }
		]);
		expect(rows.filter((r) => r.ronde === 'voorlopig').map((r) => r.bod)).toEqual([2, 0, 1, 80, 20, 25]);
	});

	it('5. XLSX, named second sheet with a title row, a blank row and a formula cell', async () => {
		const { capaciteit } = await ingestVariant({ replaces: 'capaciteit.csv', by: 'capaciteit.xlsx', blad: 'Capaciteit 2024' });
		expect(capaciteit.sort(byKey('gemeentecode', 'voorzieningstype'))).toEqual([
			{ peiljaar: 2024, peildatum: '2024-07-01', gemeentecode: 'GM0505', voorzieningstype: 'crisisopvang', doelgroep: 'algemeen', bestaand: 5, bezet: 5, wachtlijst: 4, behoefte: 15, gepland: 2 },
			{ peiljaar: 2024, peildatum: '2024-07-01', gemeentecode: 'GM0505', voorzieningstype: 'skaeve_huse', doelgroep: 'algemeen', bestaand: 5, bezet: 5, wachtlijst: null, behoefte: 6, gepland: 0 },
			{ peiljaar: 2024, peildatum: '2024-01-01', gemeentecode: 'GM0512', voorzieningstype: 'crisisopvang', doelgroep: 'algemeen', bestaand: 2, bezet: 2, wachtlijst: 2, behoefte: 4, gepland: 1 },
			{ peiljaar: 2024, peildatum: '2024-01-01', gemeentecode: 'GM1978', voorzieningstype: 'skaeve_huse', doelgroep: 'algemeen', bestaand: 0, bezet: null, wachtlijst: null, behoefte: 2, gepland: 2 }
		]);
	});

	it('6. Parquet with typed columns', async () => {
		const { dagbesteding } = await ingestVariant({ replaces: 'dagbesteding.csv', by: 'dagbesteding.parquet' });
		expect(dagbesteding.sort(byKey('periode'))).toEqual([
			{ periode: '2020', aanbieder: 'Aanbieder A', gemeentecode: null, centrumregio: null, bw_clienten: 100, met_dagbesteding: 60 },
			{ periode: '2021', aanbieder: 'Aanbieder B', gemeentecode: 'GM0505', centrumregio: null, bw_clienten: 50, met_dagbesteding: 20 },
			{ periode: '2022-K3', aanbieder: 'Aanbieder B', gemeentecode: 'GM0512', centrumregio: null, bw_clienten: 10, met_dagbesteding: 5 }
		]);
	});

	it('7. CBS StatLine CSV: quoted fields, padded region codes, periods as 2024JJ00', async () => {
		const { inwoners } = await ingestVariant({ replaces: 'inwoners.csv', by: 'inwoners-statline.csv' });
		expect(inwoners.sort(byKey('jaar', 'gemeentecode'))).toEqual([
			{ gemeentecode: 'GM0505', jaar: 2023, inwoners: 120000, sociale_huurwoningen: 20000 },
			{ gemeentecode: 'GM0512', jaar: 2023, inwoners: 40000, sociale_huurwoningen: 5000 },
			{ gemeentecode: 'GM1978', jaar: 2023, inwoners: 40000, sociale_huurwoningen: 3000 },
			{ gemeentecode: 'GM0505', jaar: 2024, inwoners: 125000, sociale_huurwoningen: 21000 },
			{ gemeentecode: 'GM0512', jaar: 2024, inwoners: 40000, sociale_huurwoningen: 5000 },
			{ gemeentecode: 'GM1978', jaar: 2024, inwoners: 50000, sociale_huurwoningen: 4000 }
		]);
	});

	it('8. name variants: vocabulary aliases, gemeente names, header aliases (jaar, type)', async () => {
		const { capaciteit } = await ingestVariant({ replaces: 'capaciteit.csv', by: 'capaciteit-namen.csv' });
		expect(capaciteit.sort(byKey('gemeentecode', 'voorzieningstype'))).toEqual([
			{ peiljaar: 2024, peildatum: '2024-01-01', gemeentecode: 'GM0505', voorzieningstype: 'crisisopvang', doelgroep: 'algemeen', bestaand: 11, bezet: 11, wachtlijst: 5, behoefte: 14, gepland: 1 },
			{ peiljaar: 2024, peildatum: '2024-01-01', gemeentecode: 'GM0505', voorzieningstype: 'domus_plus', doelgroep: 'algemeen', bestaand: 0, bezet: null, wachtlijst: null, behoefte: 8, gepland: 4 },
			{ peiljaar: 2024, peildatum: '2024-01-01', gemeentecode: 'GM0505', voorzieningstype: 'skaeve_huse', doelgroep: 'algemeen', bestaand: 5, bezet: 5, wachtlijst: null, behoefte: 6, gepland: 0 },
			{ peiljaar: 2024, peildatum: '2024-01-01', gemeentecode: 'GM0512', voorzieningstype: 'skaeve_huse', doelgroep: 'algemeen', bestaand: 0, bezet: null, wachtlijst: null, behoefte: 3, gepland: 3 },
			{ peiljaar: 2024, peildatum: '2024-01-01', gemeentecode: 'GM1978', voorzieningstype: 'skaeve_huse', doelgroep: 'algemeen', bestaand: 0, bezet: null, wachtlijst: null, behoefte: 2, gepland: 2 }
		]);
	});

	it('9. quarter periods: 2021-K1, 2021 Q2, 2021KW03, 2021-q4', async () => {
		const { dagbesteding } = await ingestVariant({ replaces: 'dagbesteding.csv', by: 'dagbesteding-kwartalen.csv' });
		expect(dagbesteding.sort(byKey('periode')).map((r) => [r.periode, r.bw_clienten])).toEqual([
			['2021-K1', 100],
			['2021-K2', 102],
			['2021-K3', 104],
			['2021-K4', 106],
			['2022', 40]
		]);
	});
});

// ---------------------------------------------------------------- pure helpers

describe('csvLineNumbers', () => {
	it('numbers records by their first physical line, header on line 1', () => {
		const text = 'a;b\n1;2\n3;4\n';
		expect(csvLineNumbers(text, '"', 1, [0, 1])).toEqual(new Map([[0, 2], [1, 3]]));
	});

	it('skips blank lines (also with CRLF)', () => {
		const text = 'a;b\r\n1;2\r\n\r\n\r\n3;4\r\n';
		expect(csvLineNumbers(text, '"', 1, [0, 1])).toEqual(new Map([[0, 2], [1, 5]]));
	});

	it('a quoted newline keeps the record on its first line and shifts the next', () => {
		const text = 'a;b\n1;"twee\nregels"\n3;4\n5;"x\n\ny"\n7;8';
		expect(csvLineNumbers(text, '"', 1, [0, 1, 2, 3])).toEqual(new Map([[0, 2], [1, 4], [2, 5], [3, 8]]));
	});

	it('title lines above the header are skipped via headerLine', () => {
		const text = 'Tabel 3: capaciteit\n\na;b\n1;2\n3;4\n';
		expect(csvLineNumbers(text, '"', 3, [0, 1])).toEqual(new Map([[0, 4], [1, 5]]));
	});

	it('a quote in a title line above the header does not shift the records', () => {
		// Fails today: quotes are tracked from line 1, so the unbalanced '"' of the title (skipped
		// by DuckDB) swallows the header and the line numbers are lost.
		const text = 'Schermen van 24" per plek\nperiode;aanbieder\n2021;A\n2022;B\n';
		expect(csvLineNumbers(text, '"', 2, [0, 1])).toEqual(new Map([[0, 3], [1, 4]]));
	});

	it('returns only the wanted records and nothing past the end', () => {
		const text = 'a;b\n1;2\n3;4\n5;6\n';
		expect(csvLineNumbers(text, '"', 1, [2, 7])).toEqual(new Map([[2, 4]]));
	});
});

describe('detectDialect', () => {
	const dir = mkdtempSync(join(tmpdir(), 'regio-dialect-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	let n = 0;
	const detect = (text: string, soort: ExportSoort = 'dagbesteding') => {
		const path = join(dir, `f${n++}.csv`);
		writeFileSync(path, text);
		return detectDialect(path, soort);
	};

	it('semicolon, comma, tab and vertical bar', () => {
		expect(detect('periode;aanbieder;bw_clienten;met_dagbesteding\n2021;A, B;1;1\n')).toMatchObject({ delimiter: ';', skip: 0, quote: '"' });
		expect(detect('periode,aanbieder,bw_clienten,met_dagbesteding\n2021,"A; B",1,1\n')).toMatchObject({ delimiter: ',', skip: 0 });
		expect(detect('periode\taanbieder\tbw_clienten\tmet_dagbesteding\n2021\tA\t1\t1\n')).toMatchObject({ delimiter: '\t', skip: 0 });
		expect(detect('periode|aanbieder|bw_clienten|met_dagbesteding\n')).toMatchObject({ delimiter: '|', skip: 0 });
	});

	it('title and blank lines above the header are skipped', () => {
		expect(detect('Dagbesteding BW, per kwartaal; bron SDD\n\nperiode;aanbieder;bw_clienten;met_dagbesteding\n2021-K1;A;1;1\n')).toMatchObject({ delimiter: ';', skip: 2 });
		expect(detect('\ufeff"Tabel 1"\r\n\r\n"periode","aanbieder","bw_clienten"\r\n')).toMatchObject({ delimiter: ',', skip: 2 });
	});

	it('StatLine headers: quoted, with an apostrophe, recognised by their aliases', () => {
		expect(detect(`"Regio's";"Perioden";"Bevolking op 1 januari (aantal)"\n"GM0505    ";"2024JJ00";"1"\n`, 'inwoners')).toMatchObject({ delimiter: ';', skip: 0 });
	});

	it('without any known column: the most frequent delimiter of the first line', () => {
		expect(detect('x,y,z;w\n1,2,3;4\n')).toMatchObject({ delimiter: ',', skip: 0 });
	});
});

describe('cellText', () => {
	it('plain values', () => {
		expect(cellText(null)).toBeNull();
		expect(cellText(undefined as unknown as ExcelJS.CellValue)).toBeNull();
		expect(cellText('Dordrecht')).toBe('Dordrecht');
		expect(cellText(42)).toBe('42');
		expect(cellText(51.8133)).toBe('51.8133');
		expect(cellText(true)).toBe('waar');
		expect(cellText(false)).toBe('onwaar');
	});

	it('a Date (Excel date cell, read as UTC midnight) becomes an ISO date', () => {
		expect(cellText(new Date(Date.UTC(2023, 10, 15)))).toBe('2023-11-15');
	});

	it('a formula gives its result, also a shared formula and a date result; no result is empty', () => {
		expect(cellText({ formula: '2+3', result: 5 } as ExcelJS.CellValue)).toBe('5');
		expect(cellText({ sharedFormula: 'F4', result: 7 } as ExcelJS.CellValue)).toBe('7');
		expect(cellText({ formula: 'DATE(2024,1,1)', result: new Date(Date.UTC(2024, 0, 1)) } as ExcelJS.CellValue)).toBe('2024-01-01');
		expect(cellText({ formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue)).toBe('#DIV/0!');
		expect(cellText({ formula: 'A1' } as ExcelJS.CellValue)).toBeNull();
	});

	it('rich text runs are joined', () => {
		expect(cellText({ richText: [{ text: 'Skaeve ' }, { font: { bold: true }, text: 'huse' }] })).toBe('Skaeve huse');
	});

	it('a hyperlink gives its text, also rich text', () => {
		expect(cellText({ text: 'Projectpagina', hyperlink: 'https://example.org/p' })).toBe('Projectpagina');
		expect(cellText({ text: { richText: [{ text: 'Pro' }, { text: 'ject' }] }, hyperlink: 'https://example.org/p' } as unknown as ExcelJS.CellValue)).toBe('Project');
	});

	it('an error value gives the error code', () => {
		expect(cellText({ error: '#N/A' } as ExcelJS.CellValue)).toBe('#N/A');
	});

	it('non-finite numbers are empty', () => {
		expect(cellText(Number.NaN)).toBeNull();
	});
});
