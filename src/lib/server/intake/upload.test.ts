/**
 * Refused uploads write nothing (no staging files, no row): too big, too many, unsupported or
 * disguised types, zip bombs, unknown kinds and bad fields. Accepted ones never use the
 * client's file name as a path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { appDb } from '../app/db';
import { IntakeError, receiveAanlevering, type IntakeLimits } from './index';
import { intakeLimits, unpackedLimit } from './limits';
import { AANLEVERAAR, SMALL, filesBelow, intakeEnv, streamedUpload, treeHash, uploadRequest, type IntakeEnv } from './test-env';

let env: IntakeEnv;
beforeEach(async () => {
	env = await intakeEnv();
});
afterEach(() => env.cleanup());

const LIMITS: IntakeLimits = { maxBytesPerFile: 64 * 1024, maxFiles: 3, maxUnpackedBytes: 8 * 1024 * 1024 };
const capaciteit = () => readFileSync(join(SMALL, 'capaciteit.csv'));

async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	const sheet = wb.addWorksheet('Blad1');
	for (const r of rows) sheet.addRow(r);
	return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Refused with this status and code, and nothing left: no staging files, no row, exports and store as they were. */
async function expectRefused(run: () => Promise<unknown>, status: number, code: string): Promise<IntakeError> {
	const exportsBefore = treeHash(env.exports);
	const storeBefore = treeHash(env.store);
	const error = await run().then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(IntakeError);
	expect(error).toMatchObject({ status, code });
	expect(filesBelow(join(env.app, 'aanleveringen'))).toEqual([]);
	expect(appDb().prepare('SELECT count(*) AS n FROM aanleveringen').get()).toEqual({ n: 0 });
	expect(appDb().prepare('SELECT count(*) AS n FROM audit').get()).toEqual({ n: 0 });
	expect(treeHash(env.exports)).toBe(exportsBefore);
	expect(treeHash(env.store)).toBe(storeBefore);
	return error as IntakeError;
}

describe('refused uploads write nothing', () => {
	test('a file over the size limit: 413, and reading stops at the limit', async () => {
		// 50 MB made on the fly; the limit is 64 KB.
		const { request, pulled } = streamedUpload([
			{
				naam: 'capaciteit.csv',
				async *bytes() {
					yield capaciteit();
					for (let i = 0; i < 800; i++) yield new Uint8Array(64 * 1024).fill(0x31);
				}
			}
		]);
		const error = await expectRefused(() => receiveAanlevering(request, AANLEVERAAR, { limits: LIMITS }), 413, 'te_groot');
		expect(error.message).toBe('capaciteit.csv is te groot: per bestand mag hoogstens 0,1 MB worden aangeleverd.');
		expect(pulled()).toBeLessThan(4 * 1024 * 1024);
	});

	test('the default limit is 200 MB per file, REGIO_UPLOAD_MAX_MB changes it', () => {
		expect(intakeLimits({})).toEqual({ maxBytesPerFile: 200 * 1024 * 1024, maxFiles: 20, maxUnpackedBytes: 1024 ** 3 });
		expect(intakeLimits({ REGIO_UPLOAD_MAX_MB: '5' }).maxBytesPerFile).toBe(5 * 1024 * 1024);
		expect(() => intakeLimits({ REGIO_UPLOAD_MAX_MB: 'veel' })).toThrow(/REGIO_UPLOAD_MAX_MB moet een getal zijn/);
		// An XLSX may unpack to 100× its size, at least 64 MB, at most the limit.
		expect(unpackedLimit(intakeLimits({}), 1024 * 1024)).toBe(100 * 1024 * 1024);
		expect(unpackedLimit(intakeLimits({}), 1024)).toBe(64 * 1024 * 1024);
		expect(unpackedLimit(intakeLimits({}), 100 * 1024 * 1024)).toBe(1024 ** 3);
	});

	test('too many files: 413', async () => {
		const files = Array.from({ length: 4 }, (_, i) => ({ naam: `c${i}.csv`, inhoud: capaciteit() }));
		await expectRefused(() => receiveAanlevering(uploadRequest(files), AANLEVERAAR, { limits: LIMITS }), 413, 'te_veel_bestanden');
	});

	test('an unsupported type: 415', async () => {
		const error = await expectRefused(() => receiveAanlevering(uploadRequest([{ naam: 'capaciteit.xls', inhoud: capaciteit() }]), AANLEVERAAR), 415, 'bestandstype');
		expect(error.message).toBe('capaciteit.xls: bestandstype .xls wordt niet ondersteund; lever CSV (.csv, .txt), Excel (.xlsx) of Parquet (.parquet) aan.');
	});

	test('an XLSX named .csv: 415', async () => {
		const xlsx = await xlsxOf([capaciteit().toString('utf8').split('\n')[0].split(';')]);
		const error = await expectRefused(() => receiveAanlevering(uploadRequest([{ naam: 'capaciteit.csv', inhoud: xlsx }]), AANLEVERAAR), 415, 'inhoud_past_niet');
		expect(error.message).toBe('capaciteit.csv heet een CSV-bestand, maar is een zip-bestand (zoals een Excel-werkmap .xlsx). Geef het bestand de juiste extensie of sla het op als CSV.');
	});

	test('a CSV named .xlsx, a zip that is no workbook, and a .parquet without PAR1: 415', async () => {
		await expectRefused(() => receiveAanlevering(uploadRequest([{ naam: 'capaciteit.xlsx', inhoud: capaciteit() }]), AANLEVERAAR), 415, 'inhoud_past_niet');
		const zip = new JSZip();
		zip.file('readme.txt', 'geen werkmap');
		const notExcel = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
		const error = await expectRefused(() => receiveAanlevering(uploadRequest([{ naam: 'capaciteit.xlsx', inhoud: notExcel }]), AANLEVERAAR), 415, 'inhoud_past_niet');
		expect(error.message).toBe('capaciteit.xlsx heet een Excel-bestand (.xlsx), maar het zip-bestand bevat geen Excel-werkmap (xl/workbook.xml ontbreekt).');
		await expectRefused(() => receiveAanlevering(uploadRequest([{ naam: 'dagbesteding.parquet', inhoud: capaciteit() }]), AANLEVERAAR), 415, 'inhoud_past_niet');
	});

	test('a zip bomb named .xlsx: 413 before any reader sees it', async () => {
		const zip = new JSZip();
		zip.file('[Content_Types].xml', '<Types/>');
		zip.file('xl/workbook.xml', '<workbook/>');
		zip.file('xl/worksheets/sheet1.xml', '0'.repeat(20 * 1024 * 1024)); // 20 MB of one character: some 20 KB deflated
		const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
		expect(bomb.length).toBeLessThan(LIMITS.maxBytesPerFile);
		const error = await expectRefused(() => receiveAanlevering(uploadRequest([{ naam: 'capaciteit.xlsx', inhoud: bomb }]), AANLEVERAAR, { limits: LIMITS }), 413, 'uitgepakt_te_groot');
		expect(error.message).toBe('capaciteit.xlsx pakt uit tot meer dan 8 MB: dat is geen gewone Excel-werkmap (mogelijk een zip-bom) en wordt niet ingelezen.');
	});

	test('a zip bomb whose directory lies about the sizes is still caught while inflating', async () => {
		const zip = new JSZip();
		zip.file('xl/workbook.xml', '<workbook/>');
		zip.file('xl/worksheets/sheet1.xml', '0'.repeat(20 * 1024 * 1024));
		const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
		// Rewrite the declared uncompressed size (central directory offset 24) of every entry to 1 KB.
		for (let at = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) bomb.writeUInt32LE(1024, at + 24);
		const error = await expectRefused(() => receiveAanlevering(uploadRequest([{ naam: 'capaciteit.xlsx', inhoud: bomb }]), AANLEVERAAR, { limits: LIMITS }), 415, 'inhoud_past_niet');
		expect(error.message).toMatch(/^capaciteit\.xlsx heet een Excel-bestand \(\.xlsx\), maar/);
	});

	test('a file whose kind is not recognised and not given: 422', async () => {
		const error = await expectRefused(() => receiveAanlevering(uploadRequest([{ naam: 'lijst.csv', inhoud: 'a;b;c\n1;2;3\n' }]), AANLEVERAAR), 422, 'soort_onbekend');
		expect(error.message).toMatch(/^Van lijst\.csv is aan de kolomkoppen niet te zien welke soort export het is; kies de soort \(gemeenten \(Gemeenten\), /);
	});

	test('bad form fields: 400 in Dutch, naming the field', async () => {
		const file = [{ naam: 'c.csv', inhoud: capaciteit() }];
		expect((await expectRefused(() => receiveAanlevering(uploadRequest(file, { peildatum: '31-02-2024' }), AANLEVERAAR), 400, 'ongeldig_veld')).message).toBe(
			"Veld peildatum: '31-02-2024' is geen geldige datum; verwacht een datum als 2024-07-01 of 01-07-2024."
		);
		expect((await expectRefused(() => receiveAanlevering(uploadRequest(file, { illustratief: 'misschien' }), AANLEVERAAR), 400, 'ongeldig_veld')).message).toBe("Veld illustratief: verwacht 'ja' of 'nee'.");
		expect((await expectRefused(() => receiveAanlevering(uploadRequest(file, { soort: 'woningen' }), AANLEVERAAR), 400, 'ongeldig_veld')).message).toMatch(/^Veld soort van c\.csv \(bestand 1\): geen bekende soort; kies uit gemeenten/);
		await expectRefused(() => receiveAanlevering(uploadRequest(file, { soort: ['capaciteit', 'projecten'] }), AANLEVERAAR), 400, 'ongeldig_veld');
	});

	test('no files, or not multipart', async () => {
		await expectRefused(() => receiveAanlevering(uploadRequest([], { bron: 'x' }), AANLEVERAAR), 400, 'geen_bestand');
		const json = new Request('http://localhost/api/aanleveringen', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
		await expectRefused(() => receiveAanlevering(json, AANLEVERAAR), 415, 'geen_multipart');
	});
});

describe('accepted uploads', () => {
	test("the client's file name is display text only, never a path", async () => {
		const a = await receiveAanlevering(uploadRequest([{ naam: '../../../exports/../evil.csv', inhoud: capaciteit() }, { naam: '..\\..\\evil2.csv', inhoud: capaciteit() }], { soort: ['capaciteit', 'capaciteit'] }), AANLEVERAAR);
		expect(a.bestanden.map((b) => [b.naam, b.bestand])).toEqual([
			['evil.csv', 'capaciteit.csv'],
			['evil2.csv', 'capaciteit-2.csv']
		]);
		expect(filesBelow(join(env.app, 'aanleveringen', a.id, 'upload'))).toEqual(['0.upload', '1.upload']);
		expect(filesBelow(env.root).filter((f) => f.includes('evil'))).toEqual([]);
	});

	test('a kind given by the user wins over the recognised one; bron and peildatum default to the replaced file', async () => {
		const projecten = readFileSync(join(SMALL, 'projecten.csv'));
		const a = await receiveAanlevering(uploadRequest([{ naam: 'p.csv', inhoud: projecten }, { naam: 'c.csv', inhoud: capaciteit() }], { soort: ['', 'capaciteit'] }), AANLEVERAAR);
		expect(a.bestanden.map((b) => [b.herkend, b.soort, b.bestand, b.vervangt])).toEqual([
			['projecten', 'projecten', 'projecten.csv', ['projecten.csv']],
			['capaciteit', 'capaciteit', 'capaciteit.csv', ['capaciteit.csv']]
		]);
		// Identical files: the preview finds nothing to change.
		expect(a.status).toBe('klaar');
		expect(a.wijzigingen).toEqual({ perSoort: [], kerncijfers: [] });
		const manifest = JSON.parse(readFileSync(join(env.app, 'aanleveringen', a.id, 'exports', 'manifest.json'), 'utf8'));
		expect(manifest.bestanden.find((b: { soort: string }) => b.soort === 'projecten')).toEqual({ bestand: 'projecten.csv', soort: 'projecten', bron: 'Projectenlijst (testset)', peildatum: '2024-02-01', illustratief: false });
	});
});
