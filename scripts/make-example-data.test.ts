/**
 * Reads the committed example exports back, each in its own dialect, and checks the facts of
 * data/exports/README.md, "Wat de voorbeelddata laat zien" they must show. Independent of the ingest (written separately): the
 * files are parsed here with a minimal CSV reader, exceljs and DuckDB.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_KINDS, EXPORT_SOORTEN } from '../src/lib/domain/exports';
import { aliasTable, normaliseKey } from '../src/lib/domain/vocabulary';
import { manifestSchema } from '../src/lib/domain/schemas';
import { BESTANDEN, decodeWindows1252, encodeWindows1252, writeExampleData } from './make-example-data';

const DIR = resolve('data/exports');
const read = (name: string) => readFile(join(DIR, name));

/** Minimal RFC 4180 reader: quoted fields with doubled quotes, CRLF or LF. */
function parseCsv(text: string, sep: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === sep) row.push(field), (field = '');
		else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			row.push(field), rows.push(row), (row = []), (field = '');
		} else field += ch;
	}
	if (field !== '' || row.length) row.push(field), rows.push(row);
	return rows;
}

function records(rows: string[][]): Record<string, string>[] {
	const [header, ...body] = rows;
	return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const GEMEENTE_CODES = ['GM0482', 'GM0505', 'GM0512', 'GM0523', 'GM0531', 'GM0590', 'GM0610', 'GM0642', 'GM1978'];
const CBS_2024: Record<string, number> = { GM0505: 122089, GM0512: 38682, GM0523: 18760, GM0531: 32685, GM0590: 32174, GM0610: 26270, GM1978: 45276 };

let gemeenteByKey: Map<string, string>;
const toCode = (value: string) => {
	const v = value.trim();
	return /^GM\d{4}$/.test(v) ? v : gemeenteByKey.get(normaliseKey(v)) ?? `?${v}`;
};
const cellText = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : String(v));

beforeAll(async () => {
	const text = (await read(BESTANDEN.gemeenten)).toString('utf8');
	const rows = records(parseCsv(text.replace(/^\uFEFF/, ''), ';'));
	gemeenteByKey = new Map(rows.map((r) => [normaliseKey(r.naam), r.gemeentecode]));
});

describe('gemeenten.csv (Dutch Excel CSV)', () => {
	it('is UTF-8 with BOM, CRLF, ; and decimal commas, with the 9 gemeenten', async () => {
		const bytes = await read(BESTANDEN.gemeenten);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = bytes.toString('utf8').slice(1);
		expect(text.split('\r\n').length).toBe(11); // header + 9 + trailing empty
		const rows = records(parseCsv(text, ';'));
		expect(rows.map((r) => r.gemeentecode).sort()).toEqual(GEMEENTE_CODES);
		expect(rows.every((r) => /^5\d,\d+$/.test(r.lat) && /^4,\d+$/.test(r.lon))).toBe(true);
		expect(new Set(rows.map((r) => r.centrumregio))).toEqual(new Set(['CR0505']));
		expect(rows.filter((r) => r.subregio === 'Alblasserwaard').map((r) => r.naam).sort()).toEqual(['Gorinchem', 'Molenlanden']);
		expect(new Set(rows.map((r) => `${r.tegel_x},${r.tegel_y}`)).size).toBe(9);
	});
});

describe('inwoners-cbs-statline.csv (StatLine)', () => {
	it('has StatLine titles, padded codes, JJ00 periods and the exact CBS 2024 figures', async () => {
		const text = (await read(BESTANDEN.inwoners)).toString('utf8');
		const rows = records(parseCsv(text, ';'));
		expect(Object.keys(rows[0])).toEqual(["Regio's", 'Perioden', 'Bevolking op 1 januari (aantal)', 'Huurwoningen in bezit woningcorporaties (aantal)']);
		expect(text.startsWith('"Regio\'s";"Perioden"')).toBe(true);
		expect(rows).toHaveLength(9 * 8);
		expect(rows.every((r) => r["Regio's"].length === 10 && /^GM\d{4} {4}$/.test(r["Regio's"]))).toBe(true);
		expect(new Set(rows.map((r) => r.Perioden))).toEqual(new Set([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].map((j) => `${j}JJ00`)));
		const y2024 = rows.filter((r) => r.Perioden === '2024JJ00');
		for (const [code, n] of Object.entries(CBS_2024)) {
			expect(Number(y2024.find((r) => r["Regio's"].trim() === code)!['Bevolking op 1 januari (aantal)'])).toBe(n);
		}
		const total2024 = y2024.reduce((a, r) => a + Number(r['Bevolking op 1 januari (aantal)']), 0);
		expect(total2024).toBe(381236);
		for (const r of rows) {
			const inw = Number(r['Bevolking op 1 januari (aantal)']);
			const base = Number(y2024.find((x) => x["Regio's"] === r["Regio's"])!['Bevolking op 1 januari (aantal)']);
			expect(Math.abs(inw / base - 1)).toBeLessThan(0.06);
		}
		// Sociale huur: 20–35% of dwellings (≈ inwoners / 2.1–2.5 persons), Dordrecht highest relative to its population.
		const share = (r: Record<string, string>) => Number(r['Huurwoningen in bezit woningcorporaties (aantal)']) / Number(r['Bevolking op 1 januari (aantal)']);
		const shares = new Map(y2024.map((r) => [r["Regio's"].trim(), share(r)]));
		expect(Math.max(...shares.values())).toBe(shares.get('GM0505'));
		for (const s of shares.values()) expect(s).toBeGreaterThan(0.2 / 2.6), expect(s).toBeLessThan(0.36 / 2.0);
	});
});

interface CapRow { peiljaar: number; gemeentecode: string; type: string; doelgroep: string; bestaand: number; behoefte: number; gepland: number; bezet: number | null }

describe('capaciteit.xlsx', () => {
	let rows: CapRow[];
	let rawTypes: string[];
	let rawGemeenten: string[];
	beforeAll(async () => {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile(join(DIR, BESTANDEN.capaciteit));
		const sheet = wb.getWorksheet('Capaciteit')!;
		expect(cellText(sheet.getCell('A1').value)).toBe('Capaciteitsonderzoek BW&O centrumregio Dordrecht — illustratief');
		expect(sheet.getRow(2).cellCount).toBe(0);
		expect(cellText(sheet.getCell('A3').value)).toBe('Peiljaar');
		const types = aliasTable('voorzieningstype');
		const doelgroepen = aliasTable('doelgroep');
		rows = [];
		rawTypes = [];
		rawGemeenten = [];
		sheet.eachRow((row, n) => {
			if (n <= 3) return;
			const v = (i: number) => row.getCell(i).value;
			const datum = v(2) as Date;
			expect(datum).toBeInstanceOf(Date);
			expect(datum.toISOString().slice(0, 10)).toBe(`${v(1)}-01-01`);
			rawTypes.push(cellText(v(4)));
			rawGemeenten.push(cellText(v(3)));
			rows.push({
				peiljaar: v(1) as number,
				gemeentecode: toCode(cellText(v(3))),
				type: types.get(normaliseKey(cellText(v(4)))) ?? `?${v(4)}`,
				doelgroep: cellText(v(5)) === '' ? 'algemeen' : (doelgroepen.get(normaliseKey(cellText(v(5)))) ?? `?${v(5)}`),
				bestaand: v(6) as number,
				bezet: v(7) as number | null,
				behoefte: v(9) as number,
				gepland: v(10) as number
			});
		});
	});

	it('maps every gemeente and type, covers 2019–2026 and all 9 gemeenten, with unique keys', () => {
		expect(rows.filter((r) => r.gemeentecode.startsWith('?') || r.type.startsWith('?') || r.doelgroep.startsWith('?'))).toEqual([]);
		expect(new Set(rows.map((r) => r.peiljaar))).toEqual(new Set([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]));
		expect(new Set(rows.map((r) => r.gemeentecode)).size).toBe(9);
		const keys = rows.map((r) => `${r.peiljaar}/${r.gemeentecode}/${r.type}/${r.doelgroep}`);
		expect(new Set(keys).size).toBe(keys.length);
		for (const r of rows) for (const n of [r.bestaand, r.behoefte, r.gepland]) expect(Number.isInteger(n) && n >= 0).toBe(true);
		expect(rows.every((r) => r.bezet === null || r.bezet <= r.bestaand)).toBe(true);
	});

	it('uses name variants the ingest must map', () => {
		for (const v of ['Hardinxveld Giessendam', 'hendrik-ido-ambacht']) expect(rawGemeenten).toContain(v);
		for (const v of ['Skaeve Huse', 'Domus plus', 'crisisplekken']) expect(rawTypes).toContain(v);
	});

	it('shows Skaeve huse only in Dordrecht (5), planned in Gorinchem and Molenlanden from 2024', () => {
		const sh = rows.filter((r) => r.type === 'skaeve_huse');
		expect(sh.filter((r) => r.bestaand > 0).every((r) => r.gemeentecode === 'GM0505' && r.bestaand === 5)).toBe(true);
		expect(sh.filter((r) => r.gemeentecode === 'GM0505').length).toBe(8);
		for (const code of ['GM0512', 'GM1978']) {
			expect(sh.filter((r) => r.gemeentecode === code && r.peiljaar >= 2024).every((r) => r.gepland > 0)).toBe(true);
		}
	});

	it('shows need for domus plus but no existing place anywhere', () => {
		const dp = rows.filter((r) => r.type === 'domus_plus');
		expect(dp.length).toBeGreaterThan(0);
		expect(dp.every((r) => r.bestaand === 0)).toBe(true);
		expect(dp.every((r) => r.behoefte > 0)).toBe(true);
	});

	it('shows a crisis shortage every year, for algemeen and for autisme', () => {
		for (const doelgroep of ['algemeen', 'autisme']) {
			for (let jaar = 2019; jaar <= 2026; jaar++) {
				const cr = rows.filter((r) => r.type === 'crisisopvang' && r.doelgroep === doelgroep && r.peiljaar === jaar);
				const tekort = cr.reduce((a, r) => a + r.behoefte - r.bestaand - r.gepland, 0);
				expect(tekort, `${doelgroep} ${jaar}`).toBeGreaterThan(0);
			}
		}
	});

	it('has about 450 BW places, shifting from intramuraal to extramuraal and beschermd thuis', () => {
		const sum = (type: string, jaar: number) => rows.filter((r) => r.type === type && r.peiljaar === jaar).reduce((a, r) => a + r.bestaand, 0);
		for (let jaar = 2019; jaar <= 2026; jaar++) {
			const bw = sum('bw_intramuraal', jaar) + sum('bw_extramuraal', jaar);
			expect(bw).toBeGreaterThan(420);
			expect(bw).toBeLessThan(490);
		}
		expect(sum('bw_intramuraal', 2026)).toBeLessThan(sum('bw_intramuraal', 2019));
		expect(sum('bw_extramuraal', 2026)).toBeGreaterThan(sum('bw_extramuraal', 2019));
		expect(sum('beschermd_thuis', 2026)).toBeGreaterThan(sum('beschermd_thuis', 2019));
	});

	it('keeps central facilities in Dordrecht', () => {
		expect(new Set(rows.filter((r) => r.type === 'nachtopvang').map((r) => r.gemeentecode))).toEqual(new Set(['GM0505']));
	});
});

describe('wlz-instroom.csv (plain CSV)', () => {
	it('has this region per gemeente plus a total, and ~20 other regions where this one is in the lower part', async () => {
		const bytes = await read(BESTANDEN.wlz_instroom);
		expect(bytes[0]).not.toBe(0xef);
		const text = bytes.toString('utf8');
		expect(text.includes('\r')).toBe(false);
		const rows = records(parseCsv(text, ','));
		expect(Object.keys(rows[0])).toEqual(EXPORT_KINDS.wlz_instroom.columns.map((c) => c.name));
		const regions = new Set(rows.map((r) => r.regiocode));
		expect(regions.size).toBeGreaterThanOrEqual(20);
		expect([...regions].every((c) => /^CR\d{4}$/.test(c))).toBe(true);
		for (const c of ['CR0599', 'CR0518', 'CR0546', 'CR0344', 'CR0363', 'CR0014', 'CR0758', 'CR0855']) expect(regions).toContain(c);
		for (let jaar = 2019; jaar <= 2026; jaar++) {
			const own = rows.filter((r) => r.regiocode === 'CR0505' && Number(r.jaar) === jaar);
			const total = own.find((r) => r.gemeentecode === '')!;
			const parts = own.filter((r) => r.gemeentecode !== '');
			expect(parts.map((r) => r.gemeentecode).sort()).toEqual(GEMEENTE_CODES);
			for (const col of ['instroom', 'bw_clienten', 'inwoners']) {
				expect(parts.reduce((a, r) => a + Number(r[col]), 0), `${col} ${jaar}`).toBe(Number(total[col]));
			}
			expect(Number(total.instroom)).toBeGreaterThanOrEqual(20);
			expect(Number(total.instroom)).toBeLessThanOrEqual(40);
			expect(Number(total.bw_clienten)).toBeGreaterThanOrEqual(450);
			expect(Number(total.bw_clienten)).toBeLessThanOrEqual(550);
			const rates = rows.filter((r) => Number(r.jaar) === jaar && r.gemeentecode === '').map((r) => ({ code: r.regiocode, rate: Number(r.instroom) / Number(r.inwoners) }));
			rates.sort((a, b) => a.rate - b.rate);
			expect(rates.findIndex((r) => r.code === 'CR0505'), `${jaar}`).toBeLessThan(rates.length / 3);
		}
		const inw2024 = rows.find((r) => r.regiocode === 'CR0505' && r.jaar === '2024' && r.gemeentecode === 'GM0505')!;
		expect(Number(inw2024.inwoners)).toBe(122089);
	});
});

describe('HKG: hkg-opgave.csv (Windows-1252) and hkg-biedingen.xlsx', () => {
	it('reads the opgave only as Windows-1252 and finds fair-share gaps in the bids', async () => {
		const bytes = await read(BESTANDEN.hkg_opgave);
		expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
		const opgaveRows = records(parseCsv(decodeWindows1252(bytes), ';'));
		const categorie = aliasTable('hkg_categorie');
		const sleutel = aliasTable('verdeelsleutel');
		const opgave = new Map(opgaveRows.map((r) => [categorie.get(normaliseKey(r.Categorie))!, { n: Number(r['Regionale opgave']), sleutel: sleutel.get(normaliseKey(r.Verdeelsleutel))! }]));
		expect([...opgave.keys()].sort()).toEqual(['crisisplekken', 'domus_plus', 'onzelfstandige_eenheden', 'skaeve_huse', 'uitstroomwoningen']);
		expect(opgaveRows.every((r) => r.Periode === '2024-2027')).toBe(true);

		const statline = records(parseCsv((await read(BESTANDEN.inwoners)).toString('utf8'), ';')).filter((r) => r.Perioden === '2024JJ00');
		const keyValue = (s: string, code: string) => {
			const r = statline.find((x) => x["Regio's"].trim() === code)!;
			return Number(s === 'inwoners' ? r['Bevolking op 1 januari (aantal)'] : r['Huurwoningen in bezit woningcorporaties (aantal)']);
		};
		const fair = (cat: string, code: string) => {
			const o = opgave.get(cat)!;
			const total = GEMEENTE_CODES.reduce((a, c) => a + keyValue(o.sleutel, c), 0);
			return (o.n * keyValue(o.sleutel, code)) / total;
		};

		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile(join(DIR, BESTANDEN.hkg_biedingen));
		const sheet = wb.worksheets[0];
		expect(cellText(sheet.getCell('A1').value)).toBe('Periode');
		const ronde = aliasTable('hkg_ronde');
		const bids: { ronde: string; datum: Date; code: string; cat: string; bod: number }[] = [];
		sheet.eachRow((row, n) => {
			if (n === 1) return;
			const v = (i: number) => row.getCell(i).value;
			bids.push({ ronde: ronde.get(normaliseKey(cellText(v(2))))!, datum: v(3) as Date, code: toCode(cellText(v(4))), cat: categorie.get(normaliseKey(cellText(v(5))))!, bod: v(6) as number });
		});
		expect(bids).toHaveLength(3 * 9 * 5);
		expect(bids.every((b) => b.datum instanceof Date && GEMEENTE_CODES.includes(b.code) && opgave.has(b.cat) && Number.isInteger(b.bod) && b.bod >= 0)).toBe(true);
		const iso = (d: Date) => d.toISOString().slice(0, 10);
		expect(bids.filter((b) => b.ronde === 'voorlopig').every((b) => iso(b.datum).startsWith('2023-11-'))).toBe(true);
		expect(bids.filter((b) => b.ronde === 'aanvulling').every((b) => iso(b.datum) > '2023-11-20' && iso(b.datum) < '2023-12-04')).toBe(true);
		expect(bids.filter((b) => b.ronde === 'definitief').every((b) => iso(b.datum) === '2023-12-04')).toBe(true);

		const total = (r: string, filter: (b: (typeof bids)[number]) => boolean = () => true) => bids.filter((b) => b.ronde === r && filter(b)).reduce((a, b) => a + b.bod, 0);
		const opgaveTotal = [...opgave.values()].reduce((a, o) => a + o.n, 0);
		expect(total('voorlopig')).toBeLessThan(total('aanvulling'));
		expect(total('aanvulling')).toBeLessThanOrEqual(total('definitief'));
		expect(total('definitief')).toBeLessThan(opgaveTotal);
		for (const cat of opgave.keys()) expect(total('definitief', (b) => b.cat === cat), cat).toBeLessThan(opgave.get(cat)!.n);

		const below = (r: string) =>
			GEMEENTE_CODES.filter((code) => total(r, (b) => b.code === code) < [...opgave.keys()].reduce((a, cat) => a + fair(cat, code), 0));
		expect(below('voorlopig').length).toBeGreaterThanOrEqual(8);
		expect(below('definitief').length).toBeGreaterThanOrEqual(6);
		expect(below('definitief')).not.toContain('GM0505');
	});
});

describe('dagbesteding.parquet', () => {
	it('slides from 60% to 46% by 2020-K4 and stays around 45–48% under P×Q', async () => {
		const instance = await DuckDBInstance.create(':memory:');
		const con = await instance.connect();
		try {
			const path = join(DIR, BESTANDEN.dagbesteding);
			const cols = (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet($path)`, { path })).getRowObjectsJS();
			expect(cols.map((c) => c.column_name)).toEqual(EXPORT_KINDS.dagbesteding.columns.map((c) => c.name));
			const shares = (
				await con.runAndReadAll(
					`SELECT periode, sum(met_dagbesteding) / sum(bw_clienten) AS aandeel, count(*) AS n, count(gemeentecode) AS met_gemeente,
					        bool_and(met_dagbesteding <= bw_clienten AND met_dagbesteding >= 0) AS ok,
					        max(met_dagbesteding / bw_clienten) - min(met_dagbesteding / bw_clienten) AS spreiding
					 FROM read_parquet($path) GROUP BY periode ORDER BY periode`,
					{ path }
				)
			).getRowObjectsJS() as { periode: string; aandeel: number; n: bigint; met_gemeente: bigint; ok: boolean; spreiding: number }[];
			expect(shares).toHaveLength(31);
			expect(shares[0].periode).toBe('2019-K1');
			expect(shares.at(-1)!.periode).toBe('2026-K3');
			const at = (p: string) => shares.find((s) => s.periode === p)!.aandeel;
			expect(Math.abs(at('2019-K1') - 0.6)).toBeLessThan(0.005);
			expect(Math.abs(at('2020-K4') - 0.46)).toBeLessThan(0.005);
			for (const s of shares.filter((s) => s.periode >= '2021')) expect(s.aandeel).toBeGreaterThan(0.445), expect(s.aandeel).toBeLessThan(0.485);
			expect(shares.every((s) => s.n === 5n && s.met_gemeente === 0n && s.ok && s.spreiding > 0.1)).toBe(true);
			const aanbieders = (await con.runAndReadAll(`SELECT DISTINCT aanbieder FROM read_parquet($path) ORDER BY 1`, { path })).getRowObjectsJS();
			expect(aanbieders.map((a) => a.aanbieder)).toEqual(['Aanbieder A', 'Aanbieder B', 'Aanbieder C', 'Aanbieder D', 'Aanbieder E']);
		} finally {
			con.closeSync();
			instance.closeSync();
		}
	});
});

describe('projecten.csv (Windows-1252)', () => {
	it('needs Windows-1252 and shows the domus plus, Skaeve huse and crisis projects', async () => {
		const bytes = await read(BESTANDEN.projecten);
		expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
		const text = decodeWindows1252(bytes);
		for (const ch of ['€', '’', 'ë', 'é']) expect(text).toContain(ch);
		const rows = records(parseCsv(text, ';'));
		const types = aliasTable('voorzieningstype');
		const status = aliasTable('projectstatus');
		const p: (Record<string, string> & { type: string; status: string; code: string })[] = rows.map((r) => ({ ...r, type: types.get(normaliseKey(r.Voorzieningstype))!, status: status.get(normaliseKey(r.Fase))!, code: toCode(r.Gemeente) }));
		expect(p.every((r) => r.type && r.status && GEMEENTE_CODES.includes(r.code))).toBe(true);
		expect(rows.every((r) => /^\d{2}-\d{2}-\d{4}$/.test(r.Statusdatum) && /^(\d{2}-\d{2}-\d{4})?$/.test(r['Verwachte opleverdatum']))).toBe(true);
		const dp = p.filter((r) => r.type === 'domus_plus');
		expect(dp.length).toBeGreaterThan(0);
		expect(dp.every((r) => r.status === 'locatieonderzoek' && r.Statusdatum.endsWith('2023') && r['Verwachte opleverdatum'] === '' && /geen geschikte locatie gevonden/i.test(r.Toelichting))).toBe(true);
		const sh = p.filter((r) => r.type === 'skaeve_huse');
		expect(sh.find((r) => r.code === 'GM0505')).toMatchObject({ status: 'in_gebruik', 'Aantal eenheden': '5' });
		for (const code of ['GM0512', 'GM1978']) expect(sh.find((r) => r.code === code)).toMatchObject({ status: 'besluitvorming' });
		expect(p.some((r) => r.type === 'crisisopvang' && /autisme/i.test(r.Projectnaam + r.Toelichting))).toBe(true);
		expect(new Set(rows.map((r) => r.Projectcode)).size).toBe(rows.length);
	});
});

describe('manifest.json and README.md', () => {
	it('the manifest validates and lists every kind once, with existing files', async () => {
		const manifest = manifestSchema.parse(JSON.parse((await read('manifest.json')).toString('utf8')));
		expect(manifest.regio).toEqual({ code: 'CR0505', naam: 'Centrumregio Dordrecht' });
		expect(manifest.bestanden.map((b) => b.soort).sort()).toEqual([...EXPORT_SOORTEN].sort());
		for (const b of manifest.bestanden) await expect(read(b.bestand)).resolves.toBeInstanceOf(Buffer);
		expect(manifest.bestanden.find((b) => b.soort === 'capaciteit')!.blad).toBe('Capaciteit');
		expect(manifest.bestanden.every((b) => b.illustratief)).toBe(true);
	});

	it('the README documents every column of every kind', async () => {
		const readme = (await read('README.md')).toString('utf8');
		for (const soort of EXPORT_SOORTEN) for (const c of EXPORT_KINDS[soort].columns) expect(readme, `${soort}.${c.name}`).toContain(`\`${c.name}\``);
		expect(readme).toContain('Wat de voorbeelddata laat zien');
	});
});

describe('generator', () => {
	let out: string;
	beforeAll(async () => {
		out = await mkdtemp(join(tmpdir(), 'example-data-'));
		await writeExampleData({ outDir: out });
	});
	afterAll(() => rm(out, { recursive: true, force: true }));

	it('is deterministic and the committed files are up to date', async () => {
		for (const name of [BESTANDEN.gemeenten, BESTANDEN.inwoners, BESTANDEN.wlz_instroom, BESTANDEN.hkg_opgave, BESTANDEN.projecten, 'manifest.json', 'README.md']) {
			expect((await readFile(join(out, name))).equals(await read(name)), name).toBe(true);
		}
		for (const name of [BESTANDEN.capaciteit, BESTANDEN.hkg_biedingen]) {
			const values = async (path: string) => {
				const wb = new ExcelJS.Workbook();
				await wb.xlsx.readFile(path);
				return wb.worksheets.map((s) => s.getSheetValues());
			};
			expect(await values(join(out, name)), name).toEqual(await values(join(DIR, name)));
		}
		// Parquet bytes carry the DuckDB version; compare the rows instead.
		const instance = await DuckDBInstance.create(':memory:');
		const con = await instance.connect();
		try {
			const rows = async (path: string) => (await con.runAndReadAll('SELECT * FROM read_parquet($path)', { path })).getRowObjectsJson();
			expect(await rows(join(out, BESTANDEN.dagbesteding))).toEqual(await rows(join(DIR, BESTANDEN.dagbesteding)));
		} finally {
			con.closeSync();
			instance.closeSync();
		}
	});

	it('encodes Windows-1252 and refuses characters outside it', () => {
		expect([...encodeWindows1252('€’é')]).toEqual([0x80, 0x92, 0xe9]);
		expect(decodeWindows1252(encodeWindows1252('Skæve huse – cliënt'))).toBe('Skæve huse – cliënt');
		expect(() => encodeWindows1252('≈')).toThrow();
	});
});
