import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_KINDS, EXPORT_SOORTEN, type ColumnSpec, type ExportSoort } from '../../src/lib/domain/exports';
import { manifestSchema, rowSchemas } from '../../src/lib/domain/schemas';
import { DIALECTS, fileName, generateExports } from './generate';
import { cliOptionsSchema, resolveOptions, rowCounts, type GeneratorOptions } from './options';
import { NL_BBOX } from './world';

const small: GeneratorOptions = { gemeenten: 12, regios: 2, jaarVan: 2025, jaarTot: 2026, maandelijks: true, seed: 7, omschrijving: 'test' };

/** Undo the export dialect the way the ingest does: empty → default or null, decimal comma, Dutch dates, numbers. */
function normalise(column: ColumnSpec, raw: string | null, row: Record<string, unknown>): unknown {
	if (raw === null || raw === '') {
		if (column.default === 'peiljaar-01-01') return `${row.peiljaar}-01-01`;
		return column.default ?? null;
	}
	switch (column.type.kind) {
		case 'int':
		case 'year':
			return Number(raw);
		case 'decimal':
			return Number(raw.replace(',', '.'));
		case 'date': {
			const dutch = raw.match(/^(\d{2})-(\d{2})-(\d{4})$/);
			return dutch ? `${dutch[3]}-${dutch[2]}-${dutch[1]}` : raw;
		}
		default:
			return raw;
	}
}

async function readExport(con: DuckDBConnection, dir: string, soort: ExportSoort): Promise<{ header: string[]; rows: Record<string, unknown>[] }> {
	const path = join(dir, fileName(soort));
	const reader = await con.runAndReadAll(
		`SELECT * FROM read_csv($path, delim = $delim, header = true, all_varchar = true, quote = '"')`,
		{ path, delim: DIALECTS[soort].separator }
	);
	const raw = reader.getRowObjectsJS() as Record<string, string | null>[];
	const rows = raw.map((r) => {
		const row: Record<string, unknown> = {};
		for (const column of EXPORT_KINDS[soort].columns) row[column.name] = normalise(column, r[column.name], row);
		return row;
	});
	return { header: reader.columnNames(), rows };
}

describe('generateExports (12 gemeenten, 2 years, monthly)', () => {
	let dirA: string;
	let dirB: string;
	let con: DuckDBConnection;
	const data = {} as Record<ExportSoort, Record<string, unknown>[]>;
	const headers = {} as Record<ExportSoort, string[]>;

	beforeAll(async () => {
		dirA = await mkdtemp(join(tmpdir(), 'synthetic-a-'));
		dirB = await mkdtemp(join(tmpdir(), 'synthetic-b-'));
		await generateExports(dirA, small);
		await generateExports(dirB, small);
		con = await (await DuckDBInstance.create(':memory:')).connect();
		for (const soort of EXPORT_SOORTEN) {
			const { header, rows } = await readExport(con, dirA, soort);
			headers[soort] = header;
			data[soort] = rows;
		}
	});
	afterAll(async () => {
		con?.closeSync();
		await Promise.all([dirA, dirB].filter(Boolean).map((d) => rm(d, { recursive: true, force: true })));
	});

	it('writes the canonical headers and the row count of the formula for every kind', () => {
		const expected = rowCounts(small);
		expect(expected.capaciteit).toBe(12 * 8 * 4 * 2 * 12);
		for (const soort of EXPORT_SOORTEN) {
			expect(headers[soort], soort).toEqual(EXPORT_KINDS[soort].columns.map((c) => c.name));
			expect(data[soort].length, soort).toBe(expected[soort]);
		}
	});

	it('is byte-identical for the same seed and options', async () => {
		const files = (await readdir(dirA)).sort();
		expect(files).toEqual([...EXPORT_SOORTEN.map(fileName), 'manifest.json'].sort());
		for (const file of files) {
			const [a, b] = await Promise.all([readFile(join(dirA, file)), readFile(join(dirB, file))]);
			expect(a.equals(b), file).toBe(true);
		}
	});

	it('changes with the seed', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'synthetic-c-'));
		try {
			await generateExports(dir, { ...small, seed: 8 });
			const [a, b] = await Promise.all([readFile(join(dir, 'capaciteit.csv')), readFile(join(dirA, 'capaciteit.csv'))]);
			expect(a.equals(b)).toBe(false);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('writes rows that parse with the domain schema of their kind', () => {
		for (const soort of EXPORT_SOORTEN) {
			for (const [i, row] of data[soort].entries()) {
				const result = rowSchemas[soort].safeParse(row);
				if (!result.success) throw new Error(`${soort} rij ${i + 1}: ${result.error.message}`);
			}
		}
	});

	it('writes capaciteit as Dutch Excel does: BOM, semicolons, CRLF; the others a mix', async () => {
		const bytes = await readFile(join(dirA, 'capaciteit.csv'));
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(bytes.toString('utf8', 3, 200)).toMatch(/^peiljaar;peildatum;gemeentecode;.*\r\n2025;2025-01-01;GM0001;/);
		const separators = new Set(Object.values(DIALECTS).map((d) => d.separator));
		expect(separators).toEqual(new Set([';', ',']));
	});

	it('keeps keys unique and values consistent', () => {
		for (const soort of EXPORT_SOORTEN) {
			const keys = new Set(data[soort].map((row) => EXPORT_KINDS[soort].key.map((k) => String(row[k])).join('|')));
			expect(keys.size, soort).toBe(data[soort].length);
		}
		const gemeenten = data.gemeenten;
		expect(new Set(gemeenten.map((g) => `${g.tegel_x},${g.tegel_y}`)).size).toBe(gemeenten.length);
		for (const g of gemeenten) {
			expect(g.lat as number).toBeGreaterThanOrEqual(NL_BBOX.latMin);
			expect(g.lat as number).toBeLessThanOrEqual(NL_BBOX.latMax);
			expect(g.lon as number).toBeGreaterThanOrEqual(NL_BBOX.lonMin);
			expect(g.lon as number).toBeLessThanOrEqual(NL_BBOX.lonMax);
			expect(g.centrumregio).toMatch(/^CR\d{4}$/);
			// The regiocode carries the digits of its centrumgemeente, which is in the regio.
			expect(gemeenten.find((c) => c.gemeentecode === `GM${(g.centrumregio as string).slice(2)}`)?.centrumregio).toBe(g.centrumregio);
		}

		const cap = data.capaciteit.filter((r) => r.bezet !== null);
		expect(cap.filter((r) => (r.bezet as number) <= (r.bestaand as number)).length / cap.length).toBeGreaterThan(0.95);
		expect(data.capaciteit.some((r) => (r.bestaand as number) > 0)).toBe(true);
		expect(data.capaciteit.some((r) => (r.behoefte as number) > (r.bestaand as number))).toBe(true);

		for (const r of data.dagbesteding) expect(r.met_dagbesteding as number).toBeLessThanOrEqual(r.bw_clienten as number);

		for (const total of data.wlz_instroom.filter((r) => r.gemeentecode === null)) {
			const parts = data.wlz_instroom.filter((r) => r.gemeentecode !== null && r.jaar === total.jaar && r.regiocode === total.regiocode);
			expect(parts.reduce((sum, r) => sum + (r.instroom as number), 0)).toBe(total.instroom);
			expect(parts.reduce((sum, r) => sum + (r.inwoners as number), 0)).toBe(total.inwoners);
		}

		const opgave = new Set(data.hkg_opgave.map((o) => `${o.periode}|${o.categorie}`));
		for (const bod of data.hkg_biedingen) expect(opgave.has(`${bod.periode}|${bod.categorie}`)).toBe(true);
	});

	it('writes a valid manifest naming one of the generated regions', async () => {
		const manifest = manifestSchema.parse(JSON.parse(await readFile(join(dirA, 'manifest.json'), 'utf8')));
		expect(new Set(data.gemeenten.map((g) => g.centrumregio))).toContain(manifest.regio.code);
		expect(manifest.bestanden.map((b) => b.soort)).toEqual([...EXPORT_SOORTEN]);
		for (const b of manifest.bestanden) {
			expect(b.illustratief).toBe(true);
			expect(b.bron).toBe('Synthetische data (npm run generate, seed 7)');
		}
	});
});

describe('options', () => {
	const parse = (values: Record<string, unknown>) => cliOptionsSchema.safeParse(values);

	it('gives ≥ 5 million capaciteit rows for 342 gemeenten with the default years', () => {
		const options = resolveOptions(cliOptionsSchema.parse({ gemeenten: '342', out: 'x' }));
		expect(options).toMatchObject({ gemeenten: 342, regios: 43, maandelijks: true, seed: 42 });
		expect(rowCounts(options).capaciteit).toBeGreaterThanOrEqual(5_000_000);
	});

	it('reads --schaal as F times the example set, yearly from 2019 to 2026', () => {
		const options = resolveOptions(cliOptionsSchema.parse({ schaal: '10', out: 'x' }));
		expect(options).toMatchObject({ gemeenten: 90, jaarVan: 2019, jaarTot: 2026, maandelijks: false });
		expect(rowCounts(options).capaciteit).toBe(90 * 32 * 8);
		expect(resolveOptions(cliOptionsSchema.parse({ schaal: '1', out: 'x', maandelijks: true })).maandelijks).toBe(true);
	});

	it('rejects bad options with a Dutch message', () => {
		const message = (values: Record<string, unknown>) => {
			const result = parse(values);
			return result.success ? '' : result.error.issues.map((i) => i.message).join(' | ');
		};
		expect(message({ out: 'x' })).toContain('precies één van --gemeenten');
		expect(message({ gemeenten: '10', schaal: '2', out: 'x' })).toContain('precies één van --gemeenten');
		expect(message({ gemeenten: 'veel', out: 'x' })).toContain('--gemeenten verwacht een positief geheel getal');
		expect(message({ gemeenten: '99999', out: 'x' })).toContain('--gemeenten mag hoogstens 2601 zijn');
		expect(message({ gemeenten: '10' })).toContain('--out');
		expect(message({ gemeenten: '10', out: 'x', jaren: '2026-2019' })).toContain('--jaren');
		expect(message({ gemeenten: '10', out: 'x', jaren: '1990-2000' })).toContain('--jaren moet binnen');
	});

	it('makes the CLI exit with code 2 and no stack trace on a bad option', async () => {
		const run = promisify(execFile);
		const error = await run('npx', ['tsx', 'scripts/generate.ts', '--gemeenten', 'nul', '--out', join(tmpdir(), 'nooit')]).catch(
			(e: { code: number; stderr: string }) => e
		);
		expect(error).toMatchObject({ code: 2 });
		const stderr = (error as { stderr: string }).stderr;
		expect(stderr).toContain('--gemeenten verwacht een positief geheel getal');
		expect(stderr).not.toMatch(/\n\s+at /);
	});
});
