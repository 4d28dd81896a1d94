/**
 * Proof of disclosure control (issue 11), property-based: exports with random small person
 * counts in random places, every output rendered (tests/disclosure/outputs.ts).
 *
 * The property is differential. Next to each generated export set B0 we build B1, in which
 * hidden cells are changed in a way that keeps every published total: within a group (a jaar
 * of the region, a periode of the aanbieders) one hidden cell gets one more and another one
 * less; a hidden cell without a group gets another small value. If any output (page data, SVG
 * with its <title>s, table, text alternative, CSV, XLSX, deck XML, notebook) showed a hidden
 * value or anything computed from it (its rate per 10.000, its share, a sum without it), B0
 * and B1 would differ in that output. They must be identical in every output, while the raw
 * exports differ. A control with drempel 0 shows that the comparison does see such changes.
 * Totals are checked against the true sums.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatInteger } from '../../src/lib/domain/format';
import { closeStore, useStore } from '../../src/lib/server/db/store';
import { dagbestedingPattern, wlzPattern, type Pattern } from '../../src/lib/server/disclosure/patterns';
import { runIngest } from '../../src/lib/server/ingest';
import { FIXTURE_EXPORTS } from '../helpers/fixture-store';
import { allOutputs } from './outputs';

const DREMPEL = 5;
const JAREN = [2022, 2023];
const GEMEENTEN = [
	{ code: 'GM0505', inwoners: 125000 },
	{ code: 'GM0512', inwoners: 40000 },
	{ code: 'GM1978', inwoners: 35000 }
];
const ANDERE = [
	{ code: 'CR0599', naam: 'Rotterdam', inwoners: 600000 },
	{ code: 'CR0344', naam: 'Utrecht', inwoners: 400000 },
	{ code: 'CR0518', naam: 'Den Haag', inwoners: 300000 },
	{ code: 'CR0363', naam: 'Amsterdam', inwoners: 600000 }
];
const PERIODEN = ['2020', '2021', '2022'];
const AANBIEDERS = ['Aanbieder A', 'Aanbieder B', 'Aanbieder C', 'Aanbieder D'];

interface WlzCel {
	jaar: number;
	regiocode: string;
	regionaam: string;
	gemeentecode: string | null;
	instroom: number;
	bw_clienten: number;
	inwoners: number;
}
interface DagCel {
	periode: string;
	aanbieder: string;
	bw_clienten: number;
	met_dagbesteding: number;
}
interface Exports {
	wlz: WlzCel[];
	dag: DagCel[];
}

/** A count that is small about half the time. */
const telling = (max: number) => fc.oneof(fc.integer({ min: 1, max: DREMPEL - 1 }), fc.integer({ min: 0, max }));

const exportsArb: fc.Arbitrary<Exports> = fc
	.record({
		gemeenten: fc.array(fc.record({ instroom: telling(40), extraBw: fc.integer({ min: 0, max: 300 }) }), { minLength: JAREN.length * GEMEENTEN.length, maxLength: JAREN.length * GEMEENTEN.length }),
		andere: fc.array(fc.record({ instroom: fc.oneof(fc.integer({ min: 1, max: DREMPEL - 1 }), fc.integer({ min: 40, max: 160 })), extraBw: fc.integer({ min: 500, max: 3000 }) }), {
			minLength: JAREN.length * ANDERE.length,
			maxLength: JAREN.length * ANDERE.length
		}),
		dag: fc.array(fc.record({ bw: fc.integer({ min: 10, max: 120 }), met: telling(120) }), { minLength: PERIODEN.length * AANBIEDERS.length, maxLength: PERIODEN.length * AANBIEDERS.length })
	})
	.map(({ gemeenten, andere, dag }) => {
		const wlz: WlzCel[] = [];
		JAREN.forEach((jaar, j) => {
			const cellen = GEMEENTEN.map((g, i) => {
				const c = gemeenten[j * GEMEENTEN.length + i];
				return { jaar, regiocode: 'CR0505', regionaam: 'Dordrecht', gemeentecode: g.code, instroom: c.instroom, bw_clienten: c.instroom + c.extraBw, inwoners: g.inwoners };
			});
			const som = (k: 'instroom' | 'bw_clienten' | 'inwoners') => cellen.reduce((s, c) => s + c[k], 0);
			wlz.push({ jaar, regiocode: 'CR0505', regionaam: 'Dordrecht', gemeentecode: null, instroom: som('instroom'), bw_clienten: som('bw_clienten'), inwoners: som('inwoners') }, ...cellen);
			ANDERE.forEach((r, i) => {
				const c = andere[j * ANDERE.length + i];
				wlz.push({ jaar, regiocode: r.code, regionaam: r.naam, gemeentecode: null, instroom: c.instroom, bw_clienten: c.instroom + c.extraBw, inwoners: r.inwoners });
			});
		});
		const cellen: DagCel[] = PERIODEN.flatMap((periode, p) =>
			AANBIEDERS.map((aanbieder, a) => {
				const c = dag[p * AANBIEDERS.length + a];
				return { periode, aanbieder, bw_clienten: c.bw, met_dagbesteding: Math.min(c.met, c.bw) };
			})
		);
		return { wlz, dag: cellen };
	});

const wlzRows = (e: Exports) => e.wlz.map((r) => ({ ...r }));
const dagRows = (e: Exports) => e.dag.map((r) => ({ ...r, gemeentecode: null }));
const same = (a: Pattern, b: Pattern) => JSON.stringify([...a].map(([k, v]) => [k, [...v]]).sort()) === JSON.stringify([...b].map(([k, v]) => [k, [...v]]).sort());

/**
 * B1: hidden cells changed without changing any published total or which cells are hidden.
 * Returns null when no cell can be changed so.
 */
function perturb(e: Exports): Exports | null {
	const next: Exports = { wlz: e.wlz.map((r) => ({ ...r })), dag: e.dag.map((r) => ({ ...r })) };
	let changed = false;
	const wlzBefore = wlzPattern(wlzRows(e), DREMPEL);
	for (const jaar of JAREN) {
		const hidden = next.wlz.filter((r) => r.jaar === jaar && r.gemeentecode !== null && wlzBefore.get(`${jaar}|${r.gemeentecode}`)?.has('instroom'));
		for (const [a, b] of pairs(hidden)) {
			const primair = (r: WlzCel) => wlzBefore.get(`${jaar}|${r.gemeentecode}`)?.get('instroom') === 'primair';
			if ((primair(a) && a.instroom + 1 >= DREMPEL) || a.instroom + 1 > a.bw_clienten || b.instroom - 1 < 1) continue;
			a.instroom += 1;
			b.instroom -= 1;
			if (same(wlzPattern(wlzRows(next), DREMPEL), wlzBefore)) {
				changed = true;
				break;
			}
			a.instroom -= 1;
			b.instroom += 1;
		}
	}
	// A small other region is no member of a published total: any other small value will do.
	for (const r of next.wlz) {
		if (r.regiocode !== 'CR0505' && r.instroom > 0 && r.instroom < DREMPEL) {
			r.instroom = r.instroom === 1 ? 2 : r.instroom - 1;
			changed = true;
		}
	}
	const dagBefore = dagbestedingPattern(dagRows(e), DREMPEL);
	for (const periode of PERIODEN) {
		const key = (r: DagCel) => `${periode}|${r.aanbieder}|*`;
		const hidden = next.dag.filter((r) => r.periode === periode && dagBefore.get(key(r))?.has('met_dagbesteding'));
		for (const [a, b] of pairs(hidden)) {
			const primair = (r: DagCel) => dagBefore.get(key(r))?.get('met_dagbesteding') === 'primair';
			if ((primair(a) && a.met_dagbesteding + 1 >= DREMPEL) || a.met_dagbesteding + 1 > a.bw_clienten || b.met_dagbesteding - 1 < 1) continue;
			a.met_dagbesteding += 1;
			b.met_dagbesteding -= 1;
			if (same(dagbestedingPattern(dagRows(next), DREMPEL), dagBefore)) {
				changed = true;
				break;
			}
			a.met_dagbesteding -= 1;
			b.met_dagbesteding += 1;
		}
	}
	return changed ? next : null;
}

function* pairs<T>(items: readonly T[]): Generator<[T, T]> {
	for (const a of items) for (const b of items) if (a !== b) yield [a, b];
}

let root: string;
let notebooksDir: string;
const previousNotebooks = process.env.REGIO_NOTEBOOKS_DIR;

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'regio-disclosure-'));
	notebooksDir = join(root, 'notebooks');
	mkdirSync(notebooksDir);
	// A notebook on the person tables: rows per gemeente, a sum, and a chart of them.
	writeFileSync(
		join(notebooksDir, 'personen.md'),
		`---
title: Personen
author: Test
description: Tellingen van personen per gemeente en aanbieder.
date: 2026-12-03
---

# Personen

Samen {totaal.instroom} cliënten in de Wlz; gemiddeld {totaal.gemiddeld} per 10.000 inwoners.

\`\`\`sql per_gemeente
SELECT jaar, gemeentecode, instroom, bw_clienten, instroom_per_10k, instroom_pct_bw FROM wlz_per_10k WHERE gemeentecode IS NOT NULL ORDER BY jaar, gemeentecode
\`\`\`

\`\`\`sql totaal
SELECT CAST(sum(instroom) AS INTEGER) AS instroom, avg(instroom_per_10k) AS gemiddeld FROM per_gemeente
\`\`\`

\`\`\`sql dag
SELECT periode, aanbieder, bw_clienten, met_dagbesteding, aandeel, bw_clienten - met_dagbesteding AS zonder FROM dagbesteding_aandeel ORDER BY periode, aanbieder
\`\`\`

\`\`\`chart instroom
query: per_gemeente
mark: barh
x: instroom_per_10k
y: gemeentecode
title: Instroom per 10.000 inwoners per gemeente
\`\`\`
`
	);
	process.env.REGIO_NOTEBOOKS_DIR = notebooksDir;
});

afterAll(async () => {
	await closeStore();
	if (previousNotebooks === undefined) delete process.env.REGIO_NOTEBOOKS_DIR;
	else process.env.REGIO_NOTEBOOKS_DIR = previousNotebooks;
	rmSync(root, { recursive: true, force: true });
});

let builds = 0;

/** Build a store from the fixture exports with these Wlz and dagbesteding rows, make it current, and render everything. */
async function outputsOf(e: Exports, drempel = DREMPEL): Promise<Map<string, string>> {
	const dir = join(root, `set-${builds++}`);
	const exports = join(dir, 'exports');
	cpSync(FIXTURE_EXPORTS, exports, { recursive: true });
	writeFileSync(
		join(exports, 'wlz_instroom.csv'),
		['jaar;regiocode;regionaam;gemeentecode;instroom;bw_clienten;inwoners', ...e.wlz.map((r) => [r.jaar, r.regiocode, r.regionaam, r.gemeentecode ?? '', r.instroom, r.bw_clienten, r.inwoners].join(';'))].join('\n') + '\n'
	);
	writeFileSync(
		join(exports, 'dagbesteding.csv'),
		['periode;aanbieder;gemeentecode;bw_clienten;met_dagbesteding', ...e.dag.map((r) => [r.periode, r.aanbieder, '', r.bw_clienten, r.met_dagbesteding].join(';'))].join('\n') + '\n'
	);
	const manifestFile = join(exports, 'manifest.json');
	writeFileSync(manifestFile, JSON.stringify({ ...JSON.parse(readFileSync(manifestFile, 'utf8')), kleine_aantallen: { drempel } }));
	const paths = { store: join(dir, 'store'), exports, reports: join(dir, 'reports') };
	const report = await runIngest({ paths, force: true });
	if (!report.ok) throw new Error(`ingest failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
	await useStore(paths.store, { checkIntervalMs: 0 });
	return allOutputs({ png: true });
}

/** Outputs that name the snapshot or the export files (ids, sha256, times) differ between any two ingests. */
const STORE_FACTS = /page \/data|page \/notebooks$/;
const normalise = (text: string) =>
	text
		// How long a notebook block took.
		.replace(/\\?"ms\\?":\d+/g, '"ms":<ms>').replace(/[0-9a-f]{64}/g, '<sha256>').replace(/\d{8}T\d{6,9}Z?-[0-9a-z]+/gi, '<snapshot>').replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?/g, '<tijd>');

function differences(a: Map<string, string>, b: Map<string, string>): string[] {
	const names = [...new Set([...a.keys(), ...b.keys()])].filter((n) => !STORE_FACTS.test(n));
	return names.filter((n) => normalise(a.get(n) ?? '') !== normalise(b.get(n) ?? ''));
}

/** A difference with the text around its first differing character, for the failure message. */
function explain(name: string, a: Map<string, string>, b: Map<string, string>): string {
	const x = normalise(a.get(name) ?? '');
	const y = normalise(b.get(name) ?? '');
	let i = 0;
	while (i < x.length && x[i] === y[i]) i++;
	return `${name}: …${x.slice(Math.max(0, i - 80), i + 40)}… ≠ …${y.slice(Math.max(0, i - 80), i + 40)}…`;
}

/** The table of a chart output (page render) as text rows. */
function table(outputs: Map<string, string>, name: string): string[][] {
	const text = outputs.get(name);
	if (!text) throw new Error(`no output ${name}`);
	return (JSON.parse(text) as { chart: { table: { rows: string[][] } } }).chart.table.rows;
}

describe('no output reveals a hidden person count', () => {
	test('the comparison sees a changed small count when protection is off (drempel 0)', async () => {
		const e: Exports = fc.sample(exportsArb, { numRuns: 1, seed: 11 })[0];
		// 2023: Dordrecht 10, Gorinchem 2, Molenlanden 10 (region 22); then one client moved from Dordrecht to Gorinchem.
		const met = (dordrecht: number, gorinchem: number): Exports => ({
			...e,
			wlz: e.wlz.map((r) => {
				if (r.jaar !== 2023 || r.regiocode !== 'CR0505') return r;
				const instroom = r.gemeentecode === null ? 22 : r.gemeentecode === 'GM0505' ? dordrecht : r.gemeentecode === 'GM0512' ? gorinchem : 10;
				return { ...r, instroom, bw_clienten: Math.max(r.bw_clienten, instroom) };
			})
		});
		const a = await outputsOf(met(10, 2), 0);
		const b = await outputsOf(met(9, 3), 0);
		expect(differences(a, b)).toContain('chart wlz-instroom-per-gemeente?jaar=2023 csv');
		expect(a.get('chart wlz-instroom-per-gemeente? page')).toContain('Kleine aantallen worden getoond');
	}, 300_000);

	test('generated exports: every output is the same when hidden cells change, and totals are exact', async () => {
		let compared = 0;
		await fc.assert(
			fc.asyncProperty(exportsArb, async (e) => {
				const b1 = perturb(e);
				const a = await outputsOf(e);
				// Totals are exact: the region's instroom per jaar and the regional dagbesteding per periode.
				const perJaar = table(a, 'chart wlz-instroom-per-jaar?maat=absolute page');
				for (const jaar of JAREN) {
					const totaal = e.wlz.find((r) => r.jaar === jaar && r.regiocode === 'CR0505' && r.gemeentecode === null)!.instroom;
					expect(perJaar.find((r) => r[0] === String(jaar))?.[1]).toBe(totaal > 0 && totaal < DREMPEL ? `< ${DREMPEL}` : formatInteger(totaal));
				}
				const regio = table(a, 'chart dagbesteding-regio? page');
				for (const periode of PERIODEN) {
					const cellen = e.dag.filter((r) => r.periode === periode);
					const row = regio.find((r) => r[0] === periode);
					expect(row?.[2]).toBe(formatInteger(cellen.reduce((s, r) => s + r.bw_clienten, 0)));
					const met = cellen.reduce((s, r) => s + r.met_dagbesteding, 0);
					expect(row?.[3]).toBe(met > 0 && met < DREMPEL ? `< ${DREMPEL}` : formatInteger(met));
				}
				// A small count is shown as "< 5" in the tables, and its rate is not shown at all.
				for (const r of e.wlz.filter((r) => r.gemeentecode !== null && r.instroom > 0 && r.instroom < DREMPEL)) {
					const rows = table(a, `chart wlz-instroom-per-gemeente?jaar=${r.jaar} page`);
					const naam = { GM0505: 'Dordrecht', GM0512: 'Gorinchem', GM1978: 'Molenlanden' }[r.gemeentecode!];
					expect(rows.find((row) => row[0] === naam)?.slice(1)).toEqual([`< ${DREMPEL}`, expect.any(String), 'afgeschermd']);
					// The downloads carry the same text and state the rule in their source line.
					for (const format of ['csv', 'xlsx']) {
						const file = a.get(`chart wlz-instroom-per-gemeente?jaar=${r.jaar} ${format}`) ?? '';
						// (XML escapes the '<' in the workbook's strings.)
						expect(file).toContain(format === 'xlsx' ? `&lt; ${DREMPEL}` : `< ${DREMPEL}`);
						expect(file).toContain(`Aantallen onder ${DREMPEL} zijn afgeschermd (AVG).`);
					}
				}
				if (!b1) return;
				const b = await outputsOf(b1);
				expect(differences(a, b).map((n) => explain(n, a, b))).toEqual([]);
				compared++;
			}),
			{ numRuns: 4, seed: 20261203, endOnFailure: true }
		);
		// The property must have been tested on changed hidden cells, not only on sets without any.
		expect(compared).toBeGreaterThan(0);
	}, 600_000);
});
