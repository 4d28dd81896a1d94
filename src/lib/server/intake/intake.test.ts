/**
 * The intake end to end on the small fixture store: upload → preview → publish → roll back,
 * with real DuckDB, real SQLite and temp directories.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { appDb } from '../app/db';
import { auditLog } from '../app/audit';
import { readPointer, SNAPSHOTS_KEPT } from '../db/layout';
import { exportsFingerprint } from '../ingest/sources';
import { runIngest } from '../ingest';
import { readLastReport } from '../ingest/report';
import { AANLEVERAAR, BEHEERDER, SMALL, filesBelow, intakeEnv, treeHash, uploadRequest, type IntakeEnv } from './test-env';
import { bewaardeSnapshots, controleerOpnieuw, getAanlevering, IntakeError, listAanleveringen, publiceerAanlevering, receiveAanlevering, ruimAanleveringenOp, terugzetten } from './index';

let env: IntakeEnv;
beforeEach(async () => {
	env = await intakeEnv();
});
afterEach(() => env.cleanup());

const original = () => readFileSync(join(SMALL, 'capaciteit.csv'), 'utf8');

/**
 * The fixture's capaciteit with three edits, worked out by hand for peiljaar 2024 (the latest;
 * Dordrecht counts only its 2024-07-01 rows):
 * - Dordrecht crisisopvang algemeen behoefte 15 → 18: tekort 3 → 6, crisis total 6 → 9
 *   (old: Dordrecht 3 + 1 autisme, Gorinchem 4 − 2 = 2, Molenlanden 2 − 2 = 0);
 * - Molenlanden skaeve_huse 2024 removed: skaeve total 1 + 3 + 2 = 6 → 4;
 * - Gorinchem nachtopvang 2024 added (behoefte 2, bestaand 0): tekort – → 2.
 */
function changedCapaciteit(): string {
	return (
		original()
			.replace('2024;2024-07-01;GM0505;crisisopvang;algemeen;12;12;4;15;2', '2024;2024-07-01;GM0505;crisisopvang;algemeen;12;12;4;18;2')
			.replace('2024;2024-01-01;GM1978;skaeve_huse;algemeen;0;;;2;2\n', '')
			.trimEnd() + '\n2024;2024-01-01;GM0512;nachtopvang;algemeen;0;;;2;0\n'
	);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const rows = (sql: string, ...params: unknown[]) => appDb().prepare(sql).all(...params) as Record<string, unknown>[];

async function refused(promise: Promise<unknown>): Promise<IntakeError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(IntakeError);
	return error as IntakeError;
}

describe('preview', () => {
	test('a changed capaciteit file: rows added, removed and changed, and the tekorten that move', async () => {
		const storeBefore = treeHash(env.store);
		const exportsBefore = treeHash(env.exports);
		const a = await receiveAanlevering(uploadRequest([{ naam: 'Capaciteit november.csv', inhoud: changedCapaciteit() }], { bron: 'Capaciteitsonderzoek 2024', peildatum: '01-11-2024', illustratief: 'ja' }), AANLEVERAAR);
		expect(a.status).toBe('klaar');
		expect(a.fouten).toEqual([]);
		expect(a.bestanden).toEqual([{ index: 0, naam: 'Capaciteit november.csv', bestand: 'capaciteit.csv', formaat: 'csv', bytes: Buffer.byteLength(changedCapaciteit()), sha256: sha256(changedCapaciteit()), herkend: 'capaciteit', soort: 'capaciteit', vervangt: ['capaciteit.csv'] }]);
		expect(a.peildatum).toBe('2024-11-01');
		expect(a.basisSnapshot).toBe(readPointer(env.store)!.snapshotId);
		expect(a.verouderd).toBe(false);
		expect(a.wijzigingen!.perSoort).toEqual([
			{
				soort: 'capaciteit',
				label: 'Capaciteit en behoefte',
				toegevoegd: 1,
				verwijderd: 1,
				gewijzigd: 1,
				voorbeelden: ['1 juli 2024 · Dordrecht · Crisisplekken · Algemeen: behoefte 15 → 18', 'nieuw: 1 januari 2024 · Gorinchem · Nachtopvang · Algemeen', 'vervallen: 1 januari 2024 · Molenlanden · Skaeve huse · Algemeen']
			}
		]);
		expect(a.wijzigingen!.kerncijfers).toEqual([
			{ label: 'tekort crisisplekken 2024', oud: 6, nieuw: 9, tekst: 'tekort crisisplekken 2024: 6 → 9' },
			{ label: 'tekort nachtopvang 2024', oud: null, nieuw: 2, tekst: 'tekort nachtopvang 2024: – → 2' },
			{ label: 'tekort skaeve huse 2024', oud: 6, nieuw: 4, tekst: 'tekort skaeve huse 2024: 6 → 4' }
		]);
		expect(a.voortgang.some((l) => l.startsWith('capaciteit.csv'))).toBe(true);
		// Nothing changed for viewers.
		expect(treeHash(env.store)).toBe(storeBefore);
		expect(treeHash(env.exports)).toBe(exportsBefore);
		expect(getAanlevering(a.id)).toEqual(a);
		expect(listAanleveringen().map((x) => x.id)).toEqual([a.id]);
		expect(auditLog().map((e) => e.actie)).toEqual(['aanlevering_gecontroleerd', 'aanlevering_gemaakt']);
	});

	test('a bad file: every error with file, row and column; the store untouched', async () => {
		const storeBefore = treeHash(env.store);
		const bad = original()
			.replace('2024;2024-07-01;GM0505;crisisopvang;algemeen;12;12;4;15;2', '2024;2024-07-01;GM0505;crisisopvang;algemeen;twaalf;12;4;15;2')
			.replace('2023;2023-01-01;GM1978;crisisopvang;algemeen;1;1;0;2;0', '2023;2023-01-01;GM9999;crisisopvang;algemeen;1;1;0;2;0');
		const a = await receiveAanlevering(uploadRequest([{ naam: 'cap.csv', inhoud: bad }]), AANLEVERAAR);
		expect(a.status).toBe('fouten');
		expect(a.foutenTotaal).toBe(2);
		expect(a.fouten.map(({ bestand, rij, kolom, waarde }) => ({ bestand, rij, kolom, waarde }))).toEqual(
			expect.arrayContaining([
				// Line 1 is the header: the Dordrecht 2024-07-01 row is line 11, the Molenlanden 2023 row line 8.
				{ bestand: 'capaciteit.csv', rij: 11, kolom: 'bestaand', waarde: 'twaalf' },
				{ bestand: 'capaciteit.csv', rij: 8, kolom: 'gemeentecode', waarde: 'GM9999' }
			])
		);
		expect(a.fouten.every((e) => e.melding.startsWith('capaciteit.csv, rij '))).toBe(true);
		expect(a.wijzigingen).toBeNull();
		expect(treeHash(env.store)).toBe(storeBefore);
		expect(await refused(publiceerAanlevering(a.id, AANLEVERAAR))).toMatchObject({ status: 409, code: 'niet_klaar' });
	});

	test('in the background: status controleren with progress lines, then klaar', async () => {
		const a = await receiveAanlevering(uploadRequest([{ naam: 'c.csv', inhoud: changedCapaciteit() }]), AANLEVERAAR, { achtergrond: true });
		expect(a.status).toBe('controleren');
		expect(await refused(controleerOpnieuw(a.id, AANLEVERAAR))).toMatchObject({ status: 409, code: 'bezig' });
		expect(await refused(publiceerAanlevering(a.id, AANLEVERAAR))).toMatchObject({ status: 409, code: 'niet_klaar' });
		for (let i = 0; i < 200 && getAanlevering(a.id)!.status === 'controleren'; i++) await new Promise((r) => setTimeout(r, 50));
		const done = getAanlevering(a.id)!;
		expect(done.status).toBe('klaar');
		expect(done.voortgang.length).toBeGreaterThan(5);
		expect(done.voortgang[0]).toMatch(/^Bestanden en manifest gecontroleerd \(sha256, tekenset\) +\d+,\d\d s$/);
		expect(done.voortgang.at(-1)).toMatch(/^Wijzigingen tegenover de huidige gegevens bepaald +\d+,\d\d s$/);
		expect(getAanlevering('../../etc')).toBeNull();
		expect(getAanlevering('20261203T000000Z-000000000000')).toBeNull();
	});
});

describe('publish', () => {
	test('switches pointer and exports, archives both sets by sha256, writes the report and the audit', async () => {
		const before = readPointer(env.store)!;
		const a = await receiveAanlevering(uploadRequest([{ naam: 'c.csv', inhoud: changedCapaciteit() }], { bron: 'Capaciteitsonderzoek 2024', peildatum: '2024-11-01' }), AANLEVERAAR);
		const { snapshotId } = await publiceerAanlevering(a.id, AANLEVERAAR);
		const after = readPointer(env.store)!;
		expect(after.snapshotId).toBe(snapshotId);
		expect(snapshotId).toBe(a.stagedSnapshot);
		expect(readFileSync(join(env.exports, 'capaciteit.csv'), 'utf8')).toBe(changedCapaciteit());
		const manifest = JSON.parse(readFileSync(join(env.exports, 'manifest.json'), 'utf8'));
		expect(manifest.bestanden.find((b: { soort: string }) => b.soort === 'capaciteit')).toEqual({ bestand: 'capaciteit.csv', soort: 'capaciteit', bron: 'Capaciteitsonderzoek 2024', peildatum: '2024-11-01', illustratief: false });
		// npm start's watcher compares exactly this: the exports now are the snapshot's.
		expect(await exportsFingerprint(env.exports)).toBe(after.exportsHash);
		const archief = join(env.app, 'archief');
		for (const id of [before.snapshotId, snapshotId]) {
			const listing = JSON.parse(readFileSync(join(archief, 'snapshots', `${id}.json`), 'utf8'));
			for (const f of [listing.manifest, ...listing.bestanden]) expect(existsSync(join(archief, 'bestanden', f.sha256))).toBe(true);
		}
		const oldListing = JSON.parse(readFileSync(join(archief, 'snapshots', `${before.snapshotId}.json`), 'utf8'));
		const oldCap = oldListing.bestanden.find((f: { bestand: string }) => f.bestand === 'capaciteit.csv');
		expect(readFileSync(join(archief, 'bestanden', oldCap.sha256), 'utf8')).toBe(original());
		expect(oldCap.sha256).toBe(sha256(original()));
		expect(getAanlevering(a.id)).toMatchObject({ status: 'gepubliceerd', gepubliceerd: { snapshotId, door: 'anna' }, verouderd: false });
		expect(rows('SELECT status, snapshot FROM aanleveringen WHERE id = ?', a.id)).toEqual([{ status: 'gepubliceerd', snapshot: snapshotId }]);
		expect(readLastReport(env.reports)).toMatchObject({ ok: true, uitkomst: 'nieuwe_snapshot', snapshotId, exportsDir: env.exports });
		const published = auditLog().find((e) => e.actie === 'gepubliceerd')!;
		expect(published).toMatchObject({ gebruiker: 'anna', snapshot: snapshotId, details: { aanlevering: a.id, vorigeSnapshot: before.snapshotId } });
		expect(await refused(publiceerAanlevering(a.id, AANLEVERAAR))).toMatchObject({ status: 409, code: 'niet_klaar' });
		expect((await runIngest({ paths: env })).uitkomst).toBe('ongewijzigd');
	});

	test('a preview made on an older snapshot is refused and offers a fresh check', async () => {
		const a = await receiveAanlevering(uploadRequest([{ naam: 'c.csv', inhoud: changedCapaciteit() }]), AANLEVERAAR);
		const b = await receiveAanlevering(uploadRequest([{ naam: 'c.csv', inhoud: changedCapaciteit().replace(';12;12;4;18;2', ';12;12;4;19;2') }]), AANLEVERAAR);
		await publiceerAanlevering(b.id, AANLEVERAAR);
		expect(getAanlevering(a.id)!.verouderd).toBe(true);
		const error = await refused(publiceerAanlevering(a.id, AANLEVERAAR));
		expect(error).toMatchObject({ status: 409, code: 'verouderd' });
		expect(error.message).toMatch(/^De gegevens zijn intussen gewijzigd \(.*\); controleer de aanlevering opnieuw\.$/);
		const again = await controleerOpnieuw(a.id, AANLEVERAAR);
		expect(again).toMatchObject({ status: 'klaar', verouderd: false, basisSnapshot: readPointer(env.store)!.snapshotId });
		// Against b's 19, a's 18 is one changed row and crisis tekort 10 → 9.
		expect(again.wijzigingen!.perSoort[0]).toMatchObject({ toegevoegd: 0, verwijderd: 0, gewijzigd: 1 });
		expect(again.wijzigingen!.kerncijfers.map((k) => k.tekst)).toEqual(['tekort crisisplekken 2024: 10 → 9']);
		await publiceerAanlevering(a.id, AANLEVERAAR);
		expect(readFileSync(join(env.exports, 'capaciteit.csv'), 'utf8')).toBe(changedCapaciteit());
	});

	test('a check running in another worker process is not started twice; one left by a process that died is taken over', async () => {
		const a = await receiveAanlevering(uploadRequest([{ naam: 'c.csv', inhoud: changedCapaciteit() }]), AANLEVERAAR);
		const pidFile = join(env.app, 'aanleveringen', a.id, 'controle.pid');
		expect(existsSync(pidFile)).toBe(false); // released when the check ended
		// The parent of this test process is alive: as if another worker of the server were checking it now.
		writeFileSync(pidFile, String(process.ppid));
		expect(await refused(controleerOpnieuw(a.id, AANLEVERAAR))).toMatchObject({ status: 409, code: 'bezig' });
		expect(ruimAanleveringenOp(new Date(Date.now() + 2 * 24 * 60 * 60 * 1000))).toBe(0);
		expect(getAanlevering(a.id)!.status).toBe('klaar');
		// A process id no process has (beyond the kernel's pid_max): that worker died; the check runs.
		writeFileSync(pidFile, '99999999');
		expect(await controleerOpnieuw(a.id, AANLEVERAAR)).toMatchObject({ status: 'klaar' });
		expect(existsSync(pidFile)).toBe(false);
	});

	test('exports edited by hand after the preview: refused as out of date', async () => {
		const a = await receiveAanlevering(uploadRequest([{ naam: 'c.csv', inhoud: changedCapaciteit() }]), AANLEVERAAR);
		writeFileSync(join(env.exports, 'projecten.csv'), readFileSync(join(env.exports, 'projecten.csv'), 'utf8') + 'X-1;Nieuw;crisisopvang;GM0505;1;idee;2024-03-01;;\n');
		expect(await refused(publiceerAanlevering(a.id, AANLEVERAAR))).toMatchObject({ status: 409, code: 'verouderd' });
		expect(getAanlevering(a.id)!.status).toBe('klaar');
	});

	test('two publishes at once: exactly one wins, the other gets 409, nothing lost', async () => {
		const a = await receiveAanlevering(uploadRequest([{ naam: 'c.csv', inhoud: changedCapaciteit() }]), AANLEVERAAR);
		const b = await receiveAanlevering(uploadRequest([{ naam: 'c.csv', inhoud: changedCapaciteit().replace(';12;12;4;18;2', ';12;12;4;19;2') }]), AANLEVERAAR);
		const outcomes = await Promise.allSettled([publiceerAanlevering(a.id, AANLEVERAAR), publiceerAanlevering(b.id, BEHEERDER), publiceerAanlevering(a.id, BEHEERDER)]);
		const won = outcomes.filter((o) => o.status === 'fulfilled');
		expect(won).toHaveLength(1);
		for (const o of outcomes.filter((o) => o.status === 'rejected')) expect((o as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
		const winner = getAanlevering(a.id)!.status === 'gepubliceerd' ? a : b;
		const loser = winner === a ? b : a;
		expect(getAanlevering(loser.id)!.status).toBe('klaar');
		expect(readPointer(env.store)!.snapshotId).toBe(getAanlevering(winner.id)!.gepubliceerd!.snapshotId);
		expect(await exportsFingerprint(env.exports)).toBe(readPointer(env.store)!.exportsHash);
		// The loser is not lost: a fresh check and publish still work.
		await controleerOpnieuw(loser.id, AANLEVERAAR);
		await publiceerAanlevering(loser.id, AANLEVERAAR);
		expect(auditLog().filter((e) => e.actie === 'gepubliceerd')).toHaveLength(2);
	});

	test('a publish while the ingest holds the lock is refused as bezig', async () => {
		const a = await receiveAanlevering(uploadRequest([{ naam: 'c.csv', inhoud: changedCapaciteit() }]), AANLEVERAAR);
		const ingest = runIngest({ paths: env, force: true });
		const error = await refused(publiceerAanlevering(a.id, AANLEVERAAR));
		expect(error).toMatchObject({ status: 409, code: 'bezig' });
		await ingest;
	});
});

describe('roll back', () => {
	test('restores pointer and exports of a kept snapshot; unknown and unarchived snapshots are refused', async () => {
		const first = readPointer(env.store)!;
		const exportsBefore = treeHash(env.exports);
		const a = await receiveAanlevering(uploadRequest([{ naam: 'c.csv', inhoud: changedCapaciteit() }]), AANLEVERAAR);
		const { snapshotId } = await publiceerAanlevering(a.id, AANLEVERAAR);
		expect(bewaardeSnapshots()).toEqual([
			{ snapshotId, createdAt: expect.any(String), huidig: true, exportsBewaard: true },
			{ snapshotId: first.snapshotId, createdAt: first.createdAt, huidig: false, exportsBewaard: true }
		]);
		await terugzetten(first.snapshotId, BEHEERDER);
		expect(readPointer(env.store)).toEqual(first);
		expect(treeHash(env.exports)).toBe(exportsBefore);
		expect(await exportsFingerprint(env.exports)).toBe(first.exportsHash);
		expect(auditLog()[0]).toMatchObject({ actie: 'teruggezet', gebruiker: 'bert', snapshot: first.snapshotId, details: { vorigeSnapshot: snapshotId } });
		// /data shows the last report: it now says the older version is back, with that version's files.
		const report = readLastReport(env.reports)!;
		expect(report).toMatchObject({ ok: true, uitkomst: 'teruggezet', snapshotId: first.snapshotId, errorCount: 0, terugzetting: { door: 'bert', gegevensVan: first.createdAt } });
		const capaciteit = report.files.find((f) => f.bestand === 'capaciteit.csv')!;
		expect(capaciteit).toMatchObject({ soort: 'capaciteit', fouten: 0 });
		expect(capaciteit.rijen).toBe(readFileSync(join(env.exports, 'capaciteit.csv'), 'utf8').trim().split('\n').length - 1);
		// And forward again.
		await terugzetten(snapshotId, BEHEERDER);
		expect(readFileSync(join(env.exports, 'capaciteit.csv'), 'utf8')).toBe(changedCapaciteit());

		expect(await refused(terugzetten('20990101T000000000Z-deadbeef', BEHEERDER))).toMatchObject({ status: 404, code: 'onbekende_snapshot' });
		expect(await refused(terugzetten('../../etc/passwd', BEHEERDER))).toMatchObject({ status: 404 });

		// An archived file changed behind our back (the archive hard-links former exports): refused, nothing restored.
		const listing = JSON.parse(readFileSync(join(env.app, 'archief', 'snapshots', `${first.snapshotId}.json`), 'utf8'));
		const cap = listing.bestanden.find((f: { bestand: string }) => f.bestand === 'capaciteit.csv');
		writeFileSync(join(env.app, 'archief', 'bestanden', cap.sha256), 'kapot');
		const exportsNow = treeHash(env.exports);
		expect(await refused(terugzetten(first.snapshotId, BEHEERDER))).toMatchObject({ status: 409, code: 'archief_beschadigd' });
		expect(treeHash(env.exports)).toBe(exportsNow);
		expect(readPointer(env.store)!.snapshotId).toBe(snapshotId);
	});

	test('a snapshot whose exports were never archived is refused', async () => {
		const first = readPointer(env.store)!;
		// npm run ingest after an edit by hand: neither snapshot went through a publish.
		writeFileSync(join(env.exports, 'projecten.csv'), readFileSync(join(env.exports, 'projecten.csv'), 'utf8') + 'X-1;Nieuw;crisisopvang;GM0505;1;idee;2024-03-01;;\n');
		expect((await runIngest({ paths: env })).ok).toBe(true);
		expect(bewaardeSnapshots().map((s) => s.exportsBewaard)).toEqual([false, false]);
		const error = await refused(terugzetten(first.snapshotId, BEHEERDER));
		expect(error).toMatchObject({ status: 409, code: 'geen_archief' });
		expect(error.message).toBe(`Van snapshot ${first.snapshotId} zijn de exports niet bewaard; terugzetten kan alleen naar een snapshot waarvan de exports in het archief staan.`);
		expect(readPointer(env.store)!.snapshotId).not.toBe(first.snapshotId);
	});
});

describe('cleanup', () => {
	test('the archive keeps only what the kept snapshots need: older sets go when the store prunes their snapshots', async () => {
		const archief = join(env.app, 'archief');
		const first = readPointer(env.store)!.snapshotId;
		// Four publishes, each with another crisisopvang figure for Dordrecht: five snapshots made, the store keeps SNAPSHOTS_KEPT.
		const published: string[] = [];
		for (const plekken of [21, 22, 23, 24]) {
			const inhoud = original().replace('2024;2024-07-01;GM0505;crisisopvang;algemeen;12;12;4;15;2', `2024;2024-07-01;GM0505;crisisopvang;algemeen;12;12;4;${plekken};2`);
			const a = await receiveAanlevering(uploadRequest([{ naam: 'c.csv', inhoud }]), AANLEVERAAR);
			published.push((await publiceerAanlevering(a.id, AANLEVERAAR)).snapshotId);
		}
		const kept = bewaardeSnapshots().map((s) => s.snapshotId);
		expect(kept).toEqual([...published].reverse().slice(0, SNAPSHOTS_KEPT));
		expect(kept).not.toContain(first);
		// Listings only of kept snapshots; files only those they name (the four capaciteit versions minus the pruned ones, plus the shared rest).
		const listings = readdirSync(join(archief, 'snapshots')).map((f) => f.replace(/\.json$/, '')).sort();
		expect(listings).toEqual([...kept].sort());
		const named = new Set(listings.flatMap((id) => {
			const l = JSON.parse(readFileSync(join(archief, 'snapshots', `${id}.json`), 'utf8'));
			return [l.manifest.sha256, ...l.bestanden.map((f: { sha256: string }) => f.sha256)];
		}));
		expect(new Set(readdirSync(join(archief, 'bestanden')))).toEqual(named);
		// The oldest kept snapshot can still be rolled back to, byte for byte.
		await terugzetten(kept.at(-1)!, BEHEERDER);
		expect(readFileSync(join(env.exports, 'capaciteit.csv'), 'utf8')).toContain('2024;2024-07-01;GM0505;crisisopvang;algemeen;12;12;4;22;2');
	});

	test('unpublished staging areas older than 24 hours are removed and marked verlopen', async () => {
		const a = await receiveAanlevering(uploadRequest([{ naam: 'c.csv', inhoud: changedCapaciteit() }]), AANLEVERAAR);
		const b = await receiveAanlevering(uploadRequest([{ naam: 'c.csv', inhoud: changedCapaciteit().replace(';12;12;4;18;2', ';12;12;4;19;2') }]), AANLEVERAAR);
		await publiceerAanlevering(b.id, AANLEVERAAR);
		const created = new Date(a.aangemaakt).getTime();
		expect(ruimAanleveringenOp(new Date(created + 23 * 3600_000))).toBe(0);
		expect(existsSync(join(env.app, 'aanleveringen', a.id))).toBe(true);
		expect(ruimAanleveringenOp(new Date(created + 25 * 3600_000))).toBe(1);
		expect(existsSync(join(env.app, 'aanleveringen', a.id))).toBe(false);
		expect(filesBelow(join(env.app, 'aanleveringen'))).toEqual([]);
		expect(getAanlevering(a.id)!.status).toBe('verlopen');
		expect(getAanlevering(b.id)!.status).toBe('gepubliceerd');
		expect(auditLog()[0]).toMatchObject({ actie: 'aanlevering_opgeruimd', gebruiker: null, details: { aanlevering: a.id } });
		expect(await refused(publiceerAanlevering(a.id, AANLEVERAAR))).toMatchObject({ status: 409, code: 'niet_klaar' });
		expect(await refused(controleerOpnieuw(a.id, AANLEVERAAR))).toMatchObject({ status: 409, code: 'verlopen' });
	});
});
