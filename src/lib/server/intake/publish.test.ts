/**
 * The preview as pages see it (withStagedSnapshot), an XLSX delivery on its second sheet, a
 * new HKG round, corrected kinds, and two publishes from two processes.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { readPointer } from '../db/layout';
import { capaciteitRegio, snapshotInfo } from '../db/queries';
import { closeStore, useStore } from '../db/store';
import { runIngest } from '../ingest';
import { boundariesFile, exportsFingerprint } from '../ingest/sources';
import { snapshotBoundaries } from '../geo/stored';
import { squares, writeBoundaries } from '../../../../tests/helpers/boundaries';
import { controleerOpnieuw, getAanlevering, publiceerAanlevering, receiveAanlevering, withStagedSnapshot } from './index';
import { AANLEVERAAR, SMALL, intakeEnv, uploadRequest, type IntakeEnv } from './test-env';

let env: IntakeEnv;
beforeEach(async () => {
	env = await intakeEnv();
	await useStore(env.store, { checkIntervalMs: 0 });
});
afterEach(async () => {
	await closeStore();
	env.cleanup();
});

const fixture = (name: string) => readFileSync(join(SMALL, name), 'utf8');
/** Dordrecht crisisopvang algemeen 2024: behoefte 15 → 18 (regional crisis tekort 6 → 9). */
const changed = () => fixture('capaciteit.csv').replace(';12;12;4;15;2', ';12;12;4;18;2');

test('withStagedSnapshot: the existing queries read the preview; outside it, the current snapshot', async () => {
	const a = await receiveAanlevering(uploadRequest([{ naam: 'c.csv', inhoud: changed() }]), AANLEVERAAR);
	const crisis = async () => (await capaciteitRegio({ peiljaar: 2024 })).find((r) => r.voorzieningstype === 'crisisopvang')!.tekort;
	expect(await crisis()).toBe(6);
	const staged = await withStagedSnapshot(a.id, async () => ({ tekort: await crisis(), id: (await snapshotInfo()).snapshot_id }));
	expect(staged).toEqual({ tekort: 9, id: a.stagedSnapshot });
	expect(await crisis()).toBe(6);
	await publiceerAanlevering(a.id, AANLEVERAAR);
	// The running store follows the new pointer by itself.
	expect(await crisis()).toBe(9);
	expect((await snapshotInfo()).snapshot_id).toBe(a.stagedSnapshot);
});

test('an upload keeps the boundaries file of the exports: the preview and the published snapshot have its polygons', async () => {
	writeBoundaries(env.exports, squares(['GM0505', 'GM0512', 'GM1978']));
	expect((await runIngest({ paths: env })).uitkomst).toBe('nieuwe_snapshot');
	const a = await receiveAanlevering(uploadRequest([{ naam: 'c.csv', inhoud: changed() }]), AANLEVERAAR);
	const staged = await withStagedSnapshot(a.id, async () => snapshotBoundaries());
	expect([staged.bestand, staged.melding, [...staged.gemeenten.keys()], [...staged.regios.keys()]]).toEqual(['geo/gemeenten.geojson', null, ['GM0505', 'GM0512', 'GM1978'], ['CR0505']]);
	await publiceerAanlevering(a.id, AANLEVERAAR);
	expect((await snapshotBoundaries()).regios.has('CR0505')).toBe(true);
	// What `npm start` compares: the exports and the boundaries file on disk are what the snapshot was built from.
	const pointer = readPointer(env.store)!;
	expect([await exportsFingerprint(env.exports), (await boundariesFile(env.exports))?.sha256]).toEqual([pointer.exportsHash, pointer.grenzen]);
});

test('an XLSX with a title row and its table on the second sheet: recognised, the sheet goes into the manifest', async () => {
	const wb = new ExcelJS.Workbook();
	wb.addWorksheet('Toelichting').addRow(['Capaciteitsonderzoek, zie het tweede blad']);
	const sheet = wb.addWorksheet('Capaciteit nov');
	sheet.addRow(['Capaciteit en behoefte per gemeente']);
	const [header, ...lines] = changed().trim().split('\n');
	sheet.addRow(header.split(';'));
	for (const line of lines) sheet.addRow(line.split(';').map((v, i) => (i >= 5 && v !== '' ? Number(v) : v)));
	const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
	const a = await receiveAanlevering(uploadRequest([{ naam: 'Capaciteit 2024.xlsx', inhoud: xlsx }], { bron: 'Capaciteitsonderzoek', peildatum: '2024-11-01' }), AANLEVERAAR);
	expect(a.bestanden[0]).toMatchObject({ herkend: 'capaciteit', soort: 'capaciteit', bestand: 'capaciteit.xlsx', formaat: 'xlsx', blad: 'Capaciteit nov', vervangt: ['capaciteit.csv'] });
	expect(a.status).toBe('klaar');
	expect(a.wijzigingen!.kerncijfers.map((k) => k.tekst)).toEqual(['tekort crisisplekken 2024: 6 → 9']);
	await publiceerAanlevering(a.id, AANLEVERAAR);
	const manifest = JSON.parse(readFileSync(join(env.exports, 'manifest.json'), 'utf8'));
	expect(manifest.bestanden.find((b: { soort: string }) => b.soort === 'capaciteit')).toMatchObject({ bestand: 'capaciteit.xlsx', blad: 'Capaciteit nov' });
	expect(await exportsFingerprint(env.exports)).toBe(readPointer(env.store)!.exportsHash);
});

test('new HKG bids: the definitief bod per gemeente and category that moves', async () => {
	// Gorinchem's definitief bod for uitstroomwoningen 40 → 45, Molenlanden's skaeve huse 2 → 3.
	const bids = fixture('hkg_biedingen.csv')
		.replace('2024-2027;definitief;2023-12-04;GM0512;uitstroomwoningen;40;', '2024-2027;definitief;2023-12-04;GM0512;uitstroomwoningen;45;')
		.replace('2024-2027;definitief;2023-12-04;GM1978;skaeve_huse;2;', '2024-2027;definitief;2023-12-04;GM1978;skaeve_huse;3;');
	const a = await receiveAanlevering(uploadRequest([{ naam: 'biedingen.csv', inhoud: bids }]), AANLEVERAAR);
	expect(a.wijzigingen!.perSoort).toMatchObject([{ soort: 'hkg_biedingen', toegevoegd: 0, verwijderd: 0, gewijzigd: 2 }]);
	expect(a.wijzigingen!.perSoort[0].voorbeelden).toEqual([
		'2024–2027 · Definitief bod · Gorinchem · Woningen voor uitstroom: bod 40 → 45',
		'2024–2027 · Definitief bod · Molenlanden · Skaeve huse: bod 2 → 3'
	]);
	expect(a.wijzigingen!.kerncijfers.map((k) => k.tekst)).toEqual(['definitief bod Gorinchem (woningen voor uitstroom): 40 → 45', 'definitief bod Molenlanden (skaeve huse): 2 → 3']);
});

test('a corrected kind: controleerOpnieuw previews with it', async () => {
	// Projecten given as capaciteit: the preview fails on the missing capaciteit columns …
	const a = await receiveAanlevering(uploadRequest([{ naam: 'p.csv', inhoud: fixture('projecten.csv') }], { soort: 'capaciteit' }), AANLEVERAAR);
	expect(a.status).toBe('fouten');
	expect(a.bestanden[0]).toMatchObject({ herkend: 'projecten', soort: 'capaciteit', bestand: 'capaciteit.csv' });
	expect(a.fouten[0].melding).toMatch(/^capaciteit\.csv: verplichte kolommen 'peiljaar', .* ontbreken/);
	// … and corrected to projecten it is an unchanged projecten file.
	const b = await controleerOpnieuw(a.id, AANLEVERAAR, { soorten: { 0: 'projecten' } });
	expect(b).toMatchObject({ status: 'klaar', fouten: [], wijzigingen: { perSoort: [], kerncijfers: [] } });
	expect(b.bestanden[0]).toMatchObject({ soort: 'projecten', bestand: 'projecten.csv', vervangt: ['projecten.csv'] });
	expect(getAanlevering(a.id)!.status).toBe('klaar');
});

const ROOT = resolve(import.meta.dirname, '../../../..');

/** Publish one delivery from a separate Node process (its own SQLite connection and lock attempt). */
function publishInChild(id: string): Promise<{ ok: boolean; snapshotId?: string; status?: number; code?: string }> {
	const script = `
		import { publiceerAanlevering } from ${JSON.stringify(join(import.meta.dirname, 'index.ts'))};
		try {
			const r = await publiceerAanlevering(${JSON.stringify(id)}, { id: 9, naam: 'kind', rol: 'aanleverder', bron: 'lokaal' });
			console.log(JSON.stringify({ ok: true, ...r }));
		} catch (e) {
			console.log(JSON.stringify({ ok: false, status: e.status, code: e.code, message: e.message }));
		}`;
	const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	let err = '';
	child.stdout.on('data', (d) => (out += d));
	child.stderr.on('data', (d) => (err += d));
	return new Promise((done, fail) => child.on('exit', () => {
		try {
			done(JSON.parse(out.trim().split('\n').pop()!));
		} catch {
			fail(new Error(`child: ${out}\n${err}`));
		}
	}));
}

test('two publishes from two processes: exactly one wins, the other gets 409', async () => {
	const a = await receiveAanlevering(uploadRequest([{ naam: 'c.csv', inhoud: changed() }]), AANLEVERAAR);
	const b = await receiveAanlevering(uploadRequest([{ naam: 'c.csv', inhoud: changed().replace(';12;12;4;18;2', ';12;12;4;19;2') }]), AANLEVERAAR);
	const results = await Promise.all([publishInChild(a.id), publishInChild(b.id), publishInChild(a.id)]);
	const won = results.filter((r) => r.ok);
	expect(won, JSON.stringify(results)).toHaveLength(1);
	for (const r of results.filter((r) => !r.ok)) expect(r.status).toBe(409);
	expect(readPointer(env.store)!.snapshotId).toBe(won[0].snapshotId);
	expect(await exportsFingerprint(env.exports)).toBe(readPointer(env.store)!.exportsHash);
	const statuses = [getAanlevering(a.id)!.status, getAanlevering(b.id)!.status].sort();
	expect(statuses).toEqual(['gepubliceerd', 'klaar']);
});
