/**
 * The fast path must be a pure accelerator: on a clean file it yields exactly the table the
 * validating path yields; on any doubtful value it declines, so the validating path explains.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_KINDS } from '../../domain/exports';
import { FAST_PATH_MIN_BYTES, tryFastStage } from './fast';
import { readExport } from './readers';
import { fileFacts } from './sources';
import { mapHeaders } from './stage';
import { stageSql } from './sql';

const HEADER = 'peiljaar;peildatum;gemeentecode;voorzieningstype;doelgroep;bestaand;bezet;wachtlijst;behoefte;gepland';

function capaciteitCsv(rows: number, extra: string[] = []): string {
	const lines = [HEADER];
	for (let i = 0; i < rows; i++) {
		const maand = String((i % 12) + 1).padStart(2, '0');
		const jaar = 2010 + Math.floor(i / 12) % 15;
		// Unique key per row: peildatum × gemeente × type × doelgroep varies with i.
		lines.push(`${jaar};${jaar}-${maand}-01;GM${String(i % 997).padStart(4, '0')};crisisopvang;algemeen;${i % 50};${i % 7 === 0 ? '' : i % 40};${i % 5};${(i * 7) % 60};${i % 3}`);
	}
	return [...lines, ...extra].join('\r\n') + '\r\n';
}

describe('fast path', () => {
	let dir: string;
	let instance: DuckDBInstance;
	let con: DuckDBConnection;
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'fast-'));
		instance = await DuckDBInstance.create(join(dir, 'db.duckdb'));
		con = await instance.connect();
	});
	afterAll(() => {
		con.closeSync();
		instance.closeSync();
		rmSync(dir, { recursive: true, force: true });
	});

	async function stageBoth(name: string, text: string) {
		const path = join(dir, `${name}.csv`);
		writeFileSync(path, text);
		const source = { entry: { bestand: `${name}.csv`, soort: 'capaciteit' as const, bron: 't', peildatum: '2024-01-01', illustratief: true }, path, ...(await fileFacts(path)) };
		const raw = await readExport(con, source, dir, 1);
		const { columns } = mapHeaders(EXPORT_KINDS.capaciteit, raw.headers);
		const fast = await tryFastStage(con, raw, columns, `${name}_fast`);
		await con.run(stageSql(EXPORT_KINDS.capaciteit, columns, raw.relation, `${name}_slow`, { thousandsDot: true }), raw.params);
		return fast;
	}

	it('gives the same rows as the validating path on a clean file', async () => {
		expect(await stageBoth('clean', capaciteitCsv(5000))).toBe(true);
		const diff = async (a: string, b: string) => Number((await con.runAndReadAll(`SELECT count(*) FROM (SELECT * FROM ${a} EXCEPT ALL SELECT * EXCLUDE (_fout) FROM ${b})`)).getRows()[0][0]);
		expect(await diff('clean_fast', 'clean_slow')).toBe(0);
		expect(Number((await con.runAndReadAll(`SELECT count(*) FROM (SELECT * EXCLUDE (_fout) FROM clean_slow EXCEPT ALL SELECT * FROM clean_fast)`)).getRows()[0][0])).toBe(0);
		const [count, nullBezet] = (await con.runAndReadAll(`SELECT count(*), count(*) FILTER (bezet IS NULL) FROM clean_fast`)).getRows()[0].map(Number);
		expect(count).toBe(5000);
		expect(nullBezet).toBe(715); // every 7th row (i = 0, 7, …, 4998) has no bezet
	});

	it.each([
		['decimal in a count', '2024;2024-01-01;GM0001;crisisopvang;autisme;1.5;1;0;2;0'],
		['negative count', '2024;2024-01-01;GM0001;crisisopvang;autisme;-1;1;0;2;0'],
		['Dutch date', '2024;15-01-2024;GM0001;crisisopvang;autisme;1;1;0;2;0'],
		['StatLine year', '2024JJ00;2024-01-01;GM0001;crisisopvang;autisme;1;1;0;2;0'],
		['missing required count', '2024;2024-01-01;GM0001;crisisopvang;autisme;1;1;0;;0'],
		['text in a count', '2024;2024-01-01;GM0001;crisisopvang;autisme;veel;1;0;2;0'],
		['year out of range', '1999;1999-01-01;GM0001;crisisopvang;autisme;1;1;0;2;0']
	])('declines on a %s, leaving no table behind', async (_, line) => {
		const name = `bad_${line.length}_${Math.abs(line.split('').reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7))}`;
		expect(await stageBoth(name, capaciteitCsv(200, [line]))).toBe(false);
		const tables = (await con.runAndReadAll(`SELECT count(*) FROM duckdb_tables() WHERE table_name = '${name}_fast'`)).getRows()[0][0];
		expect(Number(tables)).toBe(0);
	});
});

describe('fast path inside the ingest', () => {
	it('still names the lines of duplicate keys in a large file', async () => {
		const { tempPaths } = await import('../../../../tests/helpers/exports-dir');
		const { runIngest } = await import('./index');
		const { VOORZIENINGSTYPEN, DOELGROEPEN } = await import('../../domain/vocabulary');
		const paths = tempPaths();
		try {
			const lines = [HEADER];
			const day = new Date('2001-01-01T00:00:00Z');
			outer: for (let d = 0; ; d++) {
				const datum = new Date(day.getTime() + d * 86_400_000).toISOString().slice(0, 10);
				for (const g of ['GM0505', 'GM0512', 'GM1978'])
					for (const t of VOORZIENINGSTYPEN)
						for (const dg of DOELGROEPEN) {
							lines.push(`${datum.slice(0, 4)};${datum};${g};${t.id};${dg.id};3;2;1;4;0`);
							if (lines.length > 170_000) break outer;
						}
			}
			lines.push(lines[100]); // line 101 of the file again, as the last line
			const file = join(paths.exports, 'capaciteit.csv');
			writeFileSync(file, lines.join('\n') + '\n');
			expect(statSync(file).size).toBeGreaterThan(FAST_PATH_MIN_BYTES); // so the fast path reads it first
			const report = await runIngest({ paths });
			expect(report.ok).toBe(false);
			const [, datum, gemeente, type, doelgroep] = lines[100].split(';');
			expect(report.errors.map((e) => e.melding)).toContain(
				`capaciteit.csv, rij 101: dubbele sleutel (peildatum ${datum}, gemeentecode ${gemeente}, voorzieningstype ${type}, doelgroep ${doelgroep}), ook in rij ${lines.length}; verwacht elke combinatie van peildatum, gemeentecode, voorzieningstype, doelgroep één keer.`
			);
		} finally {
			paths.cleanup();
		}
	});
});
