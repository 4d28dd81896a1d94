/**
 * Writes the shipped illustrative example exports into data/exports/: one file per export
 * kind, each in a dialect real users send (Dutch Excel CSV, Windows-1252 CSV, CBS StatLine
 * CSV, plain CSV, XLSX with a title row, Parquet), plus manifest.json and README.md.
 *
 * Deterministic: every random choice comes from one seeded PRNG, so a rerun rewrites the same
 * figures. The figures respect the facts of data/exports/README.md, "Wat de voorbeelddata laat zien"; everything without a public
 * source is illustrative and labelled as such. Run: `npx tsx scripts/make-example-data.ts`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { DuckDBInstance } from '@duckdb/node-api';
import { COLUMN_TYPE_NAAM, EXPORT_KINDS, EXPORT_SOORTEN, expectedText, type ColumnSpec, type ExportSoort } from '../src/lib/domain/exports';
import { VOCABULARIES, type Term } from '../src/lib/domain/vocabulary';
import { manifestSchema, type Manifest } from '../src/lib/domain/schemas';
import { mulberry32 } from './synthetic/prng';

// ─── Randomness ──────────────────────────────────────────────────────────────────────────

/** mulberry32 (shared with the synthetic generator): illustrative noise, never Math.random. */
export const seededRandom = mulberry32;

const SEED = 20231204; // the strategic HKG session of 4 December 2023
type Random = () => number;
const between = (rnd: Random, lo: number, hi: number) => lo + (hi - lo) * rnd();
const intBetween = (rnd: Random, lo: number, hi: number) => Math.floor(between(rnd, lo, hi + 1));

/** Split an integer total over weights so the parts are integers that add up exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
	const sum = weights.reduce((a, b) => a + b, 0);
	if (sum <= 0) return weights.map(() => 0);
	const exact = weights.map((w) => (total * w) / sum);
	const parts = exact.map(Math.floor);
	let rest = total - parts.reduce((a, b) => a + b, 0);
	const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
	for (const { i } of order) {
		if (rest <= 0) break;
		parts[i]++;
		rest--;
	}
	return parts;
}

// ─── Reference facts (data/exports/README.md, "Wat de voorbeelddata laat zien") ────────────────────────────────────────────────

export const REGIO = { code: 'CR0505', naam: 'Centrumregio Dordrecht' } as const;
export const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026] as const;

interface Gemeente {
	code: string;
	naam: string;
	subregio: 'Drechtsteden' | 'Alblasserwaard';
	/** Gemeentehuis, WGS84, rounded to 4 decimals. */
	lat: number;
	lon: number;
	tegel: [x: number, y: number];
	/** Inwoners 1 January 2024. */
	inwoners2024: number;
	/** True when inwoners2024 is an approximation rather than the CBS figure. */
	benadering: boolean;
	/** Illustrative: yearly population growth, share of dwellings owned by corporations, persons per dwelling. */
	groei: number;
	corporatieAandeel: number;
	personenPerWoning: number;
}

// Inwoners 2024: CBS, Regionale kerncijfers Nederland; Zwijndrecht and Alblasserdam approximate (data/exports/README.md, "Wat de voorbeelddata laat zien").
export const GEMEENTEN: readonly Gemeente[] = [
	{ code: 'GM0482', naam: 'Alblasserdam', subregio: 'Drechtsteden', lat: 51.8656, lon: 4.66, tegel: [1, 0], inwoners2024: 20300, benadering: true, groei: 0.004, corporatieAandeel: 0.29, personenPerWoning: 2.3 },
	{ code: 'GM0505', naam: 'Dordrecht', subregio: 'Drechtsteden', lat: 51.8133, lon: 4.6901, tegel: [1, 2], inwoners2024: 122089, benadering: false, groei: 0.006, corporatieAandeel: 0.35, personenPerWoning: 2.1 },
	{ code: 'GM0512', naam: 'Gorinchem', subregio: 'Alblasserwaard', lat: 51.8306, lon: 4.9742, tegel: [4, 1], inwoners2024: 38682, benadering: false, groei: 0.007, corporatieAandeel: 0.31, personenPerWoning: 2.2 },
	{ code: 'GM0523', naam: 'Hardinxveld-Giessendam', subregio: 'Drechtsteden', lat: 51.824, lon: 4.84, tegel: [3, 1], inwoners2024: 18760, benadering: false, groei: 0.005, corporatieAandeel: 0.24, personenPerWoning: 2.5 },
	{ code: 'GM0531', naam: 'Hendrik-Ido-Ambacht', subregio: 'Drechtsteden', lat: 51.8447, lon: 4.6389, tegel: [0, 1], inwoners2024: 32685, benadering: false, groei: 0.009, corporatieAandeel: 0.22, personenPerWoning: 2.4 },
	{ code: 'GM0590', naam: 'Papendrecht', subregio: 'Drechtsteden', lat: 51.8317, lon: 4.6875, tegel: [1, 1], inwoners2024: 32174, benadering: false, groei: 0.003, corporatieAandeel: 0.28, personenPerWoning: 2.3 },
	{ code: 'GM0610', naam: 'Sliedrecht', subregio: 'Drechtsteden', lat: 51.8214, lon: 4.7736, tegel: [2, 1], inwoners2024: 26270, benadering: false, groei: 0.006, corporatieAandeel: 0.3, personenPerWoning: 2.3 },
	{ code: 'GM0642', naam: 'Zwijndrecht', subregio: 'Drechtsteden', lat: 51.8156, lon: 4.6392, tegel: [0, 2], inwoners2024: 45000, benadering: true, groei: 0.005, corporatieAandeel: 0.3, personenPerWoning: 2.2 },
	{ code: 'GM1978', naam: 'Molenlanden', subregio: 'Alblasserwaard', lat: 51.8722, lon: 4.7836, tegel: [3, 0], inwoners2024: 45276, benadering: false, groei: 0.005, corporatieAandeel: 0.2, personenPerWoning: 2.5 }
];
const gemeenteByCode = new Map(GEMEENTEN.map((g) => [g.code, g]));
const naamVan = (code: string) => gemeenteByCode.get(code)!.naam;

// ─── Row types of the generated data (canonical values) ───────────────────────────────────

export interface InwonersData { gemeentecode: string; jaar: number; inwoners: number; sociale_huurwoningen: number }
export interface CapaciteitData {
	peiljaar: number;
	gemeentecode: string;
	voorzieningstype: string;
	doelgroep: string;
	bestaand: number;
	bezet: number | null;
	wachtlijst: number | null;
	behoefte: number;
	gepland: number;
}
export interface WlzData { jaar: number; regiocode: string; regionaam: string; gemeentecode: string | null; instroom: number; bw_clienten: number; inwoners: number }
export interface OpgaveData { periode: string; categorie: string; regionale_opgave: number; verdeelsleutel: string }
export interface BodData { periode: string; ronde: string; ronde_datum: string; gemeentecode: string; categorie: string; bod: number; toelichting: string | null }
export interface DagbestedingData { periode: string; aanbieder: string; gemeentecode: string | null; centrumregio: string | null; bw_clienten: number; met_dagbesteding: number }
export interface ProjectData {
	project_id: string;
	naam: string;
	type: string;
	gemeentecode: string;
	eenheden: number;
	status: string;
	status_datum: string;
	verwachte_oplevering: string | null;
	toelichting: string | null;
}

export interface ExampleData {
	inwoners: InwonersData[];
	capaciteit: CapaciteitData[];
	wlz: WlzData[];
	opgave: OpgaveData[];
	biedingen: BodData[];
	dagbesteding: DagbestedingData[];
	projecten: ProjectData[];
}

// ─── Builders: pure, one per export kind ──────────────────────────────────────────────────

/** Inwoners per gemeente and year; 2024 is exactly the CBS figure above, other years grow smoothly from it. */
export function buildInwoners(rnd: Random): InwonersData[] {
	const rows: InwonersData[] = [];
	for (const g of GEMEENTEN) {
		for (const jaar of YEARS) {
			const noise = jaar === 2024 ? 0 : between(rnd, -0.0015, 0.0015);
			const inwoners = jaar === 2024 ? g.inwoners2024 : Math.round(g.inwoners2024 * Math.pow(1 + g.groei + noise, jaar - 2024));
			const woningen = inwoners / g.personenPerWoning;
			// Corporations build slowly and sell a little: the share drifts down a tenth of a point a year.
			const aandeel = g.corporatieAandeel - 0.001 * (jaar - 2024);
			rows.push({ gemeentecode: g.code, jaar, inwoners, sociale_huurwoningen: Math.round(woningen * aandeel) });
		}
	}
	return rows;
}

type Series = readonly number[]; // one value per YEARS entry

interface FixedLine {
	gemeentecode: string;
	type: string;
	doelgroep: string;
	bestaand: Series;
	behoefte: Series;
	gepland: Series;
	/** Persons waiting; null when the facility keeps no waiting list. */
	wachtlijst?: Series | null;
}

const zeros: Series = YEARS.map(() => 0);
const constant = (n: number): Series => YEARS.map(() => n);

// Crisis places fall short every year, also for autism; domus plus has need but no place
// (no location found); Skaeve huse exist only in Dordrecht (5), Gorinchem and Molenlanden
// plan theirs (decisions early 2024); night shelter is a central facility in Dordrecht.
const FIXED_LINES: readonly FixedLine[] = [
	{ gemeentecode: 'GM0505', type: 'crisisopvang', doelgroep: 'algemeen', bestaand: [10, 10, 12, 12, 12, 12, 14, 14], gepland: [0, 2, 0, 0, 2, 2, 0, 0], behoefte: [14, 15, 16, 17, 18, 18, 19, 20] },
	{ gemeentecode: 'GM0505', type: 'crisisopvang', doelgroep: 'autisme', bestaand: [0, 0, 0, 0, 0, 0, 0, 2], gepland: [0, 0, 0, 0, 0, 2, 2, 0], behoefte: [3, 3, 4, 4, 5, 5, 6, 6] },
	{ gemeentecode: 'GM0505', type: 'crisisopvang', doelgroep: 'jongeren', bestaand: [2, 2, 2, 3, 3, 3, 3, 3], gepland: zeros, behoefte: [3, 3, 4, 4, 4, 5, 5, 5] },
	{ gemeentecode: 'GM0512', type: 'crisisopvang', doelgroep: 'algemeen', bestaand: [2, 2, 2, 2, 3, 3, 3, 3], gepland: zeros, behoefte: [3, 3, 4, 4, 4, 5, 5, 5] },
	{ gemeentecode: 'GM0642', type: 'crisisopvang', doelgroep: 'algemeen', bestaand: zeros, gepland: zeros, behoefte: [1, 1, 1, 2, 2, 2, 2, 2] },
	{ gemeentecode: 'GM0505', type: 'nachtopvang', doelgroep: 'algemeen', bestaand: [28, 28, 32, 32, 32, 32, 32, 32], gepland: [0, 4, 0, 0, 0, 0, 0, 0], behoefte: [30, 32, 34, 34, 35, 36, 36, 37], wachtlijst: null },
	{ gemeentecode: 'GM0505', type: 'domus_plus', doelgroep: 'algemeen', bestaand: zeros, gepland: zeros, behoefte: [8, 8, 10, 10, 12, 12, 12, 12], wachtlijst: [5, 6, 7, 8, 9, 9, 10, 10] },
	{ gemeentecode: 'GM0512', type: 'domus_plus', doelgroep: 'algemeen', bestaand: zeros, gepland: zeros, behoefte: [2, 2, 2, 3, 3, 3, 3, 3], wachtlijst: [1, 1, 2, 2, 2, 3, 3, 3] },
	{ gemeentecode: 'GM0505', type: 'skaeve_huse', doelgroep: 'algemeen', bestaand: constant(5), gepland: zeros, behoefte: [6, 6, 7, 7, 8, 8, 8, 8] },
	{ gemeentecode: 'GM0512', type: 'skaeve_huse', doelgroep: 'algemeen', bestaand: zeros, gepland: [0, 0, 0, 0, 0, 4, 4, 4], behoefte: [3, 3, 4, 4, 4, 4, 4, 4] },
	{ gemeentecode: 'GM1978', type: 'skaeve_huse', doelgroep: 'algemeen', bestaand: zeros, gepland: [0, 0, 0, 0, 0, 3, 3, 3], behoefte: [2, 2, 3, 3, 3, 3, 3, 3] },
	{ gemeentecode: 'GM0642', type: 'skaeve_huse', doelgroep: 'algemeen', bestaand: zeros, gepland: zeros, behoefte: [1, 1, 2, 2, 2, 2, 2, 2] },
	{ gemeentecode: 'GM0590', type: 'skaeve_huse', doelgroep: 'algemeen', bestaand: zeros, gepland: zeros, behoefte: [1, 1, 1, 1, 2, 2, 2, 2] },
	{ gemeentecode: 'GM0505', type: 'tussenvoorziening', doelgroep: 'algemeen', bestaand: [40, 40, 42, 42, 44, 44, 44, 46], gepland: [0, 2, 0, 2, 0, 0, 2, 0], behoefte: [44, 45, 46, 47, 48, 48, 49, 50] },
	{ gemeentecode: 'GM0505', type: 'tussenvoorziening', doelgroep: 'jongeren', bestaand: [6, 6, 6, 6, 6, 8, 8, 8], gepland: [0, 0, 0, 0, 2, 0, 0, 0], behoefte: [8, 8, 9, 9, 10, 10, 10, 10] },
	{ gemeentecode: 'GM0642', type: 'tussenvoorziening', doelgroep: 'algemeen', bestaand: [0, 0, 0, 0, 0, 0, 8, 8], gepland: [0, 0, 0, 0, 8, 8, 0, 0], behoefte: [6, 6, 6, 7, 7, 8, 8, 8] },
	{ gemeentecode: 'GM0512', type: 'tussenvoorziening', doelgroep: 'algemeen', bestaand: [10, 10, 10, 12, 12, 12, 12, 12], gepland: [0, 0, 2, 0, 0, 0, 0, 0], behoefte: [12, 12, 12, 13, 13, 14, 14, 14] },
	{ gemeentecode: 'GM0610', type: 'tussenvoorziening', doelgroep: 'algemeen', bestaand: constant(4), gepland: zeros, behoefte: [4, 4, 5, 5, 5, 5, 5, 5] },
	{ gemeentecode: 'GM0590', type: 'tussenvoorziening', doelgroep: 'algemeen', bestaand: constant(4), gepland: zeros, behoefte: [4, 4, 4, 5, 5, 5, 5, 5] }
];

// BW places in the region: about 450 (2015). Intramural places decline as clients move to
// extramural BW and beschermd thuis (the "beweging naar de wijk").
const BW_REGIO = {
	bw_intramuraal: [300, 292, 281, 270, 258, 247, 236, 226],
	bw_extramuraal: [168, 174, 180, 187, 194, 200, 207, 214],
	beschermd_thuis: [30, 44, 60, 76, 92, 108, 124, 140]
} as const;
/** Where BW places are (weights per gemeente and doelgroep); intramural places cluster in Dordrecht. */
const BW_SPREIDING: Record<keyof typeof BW_REGIO, readonly [string, string, number][]> = {
	bw_intramuraal: [
		['GM0505', 'algemeen', 0.39], ['GM0505', 'jongeren', 0.08], ['GM0505', 'lvb', 0.08], ['GM0512', 'algemeen', 0.1], ['GM0512', 'lvb', 0.03],
		['GM0642', 'algemeen', 0.09], ['GM0610', 'algemeen', 0.06], ['GM0590', 'algemeen', 0.06], ['GM1978', 'algemeen', 0.05], ['GM0531', 'algemeen', 0.03], ['GM0482', 'algemeen', 0.03]
	],
	bw_extramuraal: [
		['GM0505', 'algemeen', 0.37], ['GM0505', 'jongeren', 0.05], ['GM0512', 'algemeen', 0.11], ['GM0642', 'algemeen', 0.11], ['GM0590', 'algemeen', 0.07],
		['GM0610', 'algemeen', 0.07], ['GM1978', 'algemeen', 0.07], ['GM0531', 'algemeen', 0.06], ['GM0482', 'algemeen', 0.05], ['GM0523', 'algemeen', 0.04]
	],
	beschermd_thuis: [
		['GM0505', 'algemeen', 0.4], ['GM0512', 'algemeen', 0.11], ['GM0642', 'algemeen', 0.11], ['GM0590', 'algemeen', 0.07], ['GM0610', 'algemeen', 0.07],
		['GM1978', 'algemeen', 0.08], ['GM0531', 'algemeen', 0.07], ['GM0482', 'algemeen', 0.05], ['GM0523', 'algemeen', 0.04]
	]
};

/** Capaciteit per peiljaar, gemeente, type and doelgroep. */
export function buildCapaciteit(rnd: Random): CapaciteitData[] {
	const rows: CapaciteitData[] = [];
	YEARS.forEach((peiljaar, t) => {
		for (const line of FIXED_LINES) {
			const bestaand = line.bestaand[t];
			const wachtlijst =
				line.wachtlijst === null ? null : line.wachtlijst ? line.wachtlijst[t] : Math.max(0, line.behoefte[t] - bestaand + intBetween(rnd, 0, 2));
			rows.push({
				peiljaar,
				gemeentecode: line.gemeentecode,
				voorzieningstype: line.type,
				doelgroep: line.doelgroep,
				bestaand,
				// Crisis places and night shelter are always full; elsewhere a place or two is in turnover.
				bezet: bestaand === 0 ? 0 : Math.max(0, bestaand - (line.type === 'crisisopvang' || line.type === 'nachtopvang' ? 0 : intBetween(rnd, 0, 1))),
				wachtlijst,
				behoefte: line.behoefte[t],
				gepland: line.gepland[t]
			});
		}
		for (const type of Object.keys(BW_REGIO) as (keyof typeof BW_REGIO)[]) {
			const spreiding = BW_SPREIDING[type];
			const noisy = spreiding.map(([, , w]) => w * between(rnd, 0.97, 1.03));
			const bestaand = apportion(BW_REGIO[type][t], noisy);
			spreiding.forEach(([gemeentecode, doelgroep], i) => {
				// Need for intramural places falls below supply over time; extramural need runs ahead of it.
				const behoefteFactor = type === 'bw_intramuraal' ? 1.02 - 0.025 * t : 1.04 + 0.01 * t;
				const behoefte = Math.round(bestaand[i] * behoefteFactor);
				const occupancy = type === 'bw_intramuraal' ? between(rnd, 0.9, 0.98) : between(rnd, 0.94, 1);
				rows.push({
					peiljaar,
					gemeentecode,
					voorzieningstype: type,
					doelgroep,
					bestaand: bestaand[i],
					bezet: Math.round(bestaand[i] * occupancy),
					wachtlijst: type === 'bw_intramuraal' ? intBetween(rnd, 0, Math.ceil(bestaand[i] / 15)) : Math.max(0, behoefte - bestaand[i]) + intBetween(rnd, 0, 2),
					behoefte,
					gepland: type === 'bw_extramuraal' && t >= 4 && gemeentecode === 'GM0505' && doelgroep === 'algemeen' ? 6 : 0
				});
			});
		}
	});
	return rows;
}

interface Centrumregio {
	code: string;
	naam: string;
	/** Illustrative inwoners 2024 of the whole centrumregio. */
	inwoners2024: number;
	/** Illustrative Wlz-instroom per 10,000 inwoners in a typical year, and BW clients per 10,000. */
	instroomPer10k: number;
	bwPer10k: number;
}

// Other centrumregio's: codes are CR + the CBS code of the real centrumgemeente; the
// populations are rounded orders of magnitude and the rates are illustrative.
const ANDERE_REGIOS: readonly Centrumregio[] = [
	{ code: 'CR0014', naam: 'Groningen', inwoners2024: 596000, instroomPer10k: 1.9, bwPer10k: 19 },
	{ code: 'CR0080', naam: 'Leeuwarden', inwoners2024: 660000, instroomPer10k: 2.0, bwPer10k: 17 },
	{ code: 'CR0153', naam: 'Enschede', inwoners2024: 640000, instroomPer10k: 1.8, bwPer10k: 16 },
	{ code: 'CR0193', naam: 'Zwolle', inwoners2024: 540000, instroomPer10k: 1.3, bwPer10k: 14 },
	{ code: 'CR0202', naam: 'Arnhem', inwoners2024: 700000, instroomPer10k: 1.7, bwPer10k: 18 },
	{ code: 'CR0268', naam: 'Nijmegen', inwoners2024: 570000, instroomPer10k: 1.5, bwPer10k: 17 },
	{ code: 'CR0307', naam: 'Amersfoort', inwoners2024: 310000, instroomPer10k: 0.8, bwPer10k: 11 },
	{ code: 'CR0344', naam: 'Utrecht', inwoners2024: 690000, instroomPer10k: 1.2, bwPer10k: 15 },
	{ code: 'CR0361', naam: 'Alkmaar', inwoners2024: 670000, instroomPer10k: 1.3, bwPer10k: 13 },
	{ code: 'CR0363', naam: 'Amsterdam', inwoners2024: 1100000, instroomPer10k: 1.6, bwPer10k: 21 },
	{ code: 'CR0392', naam: 'Haarlem', inwoners2024: 560000, instroomPer10k: 1.0, bwPer10k: 13 },
	{ code: 'CR0513', naam: 'Gouda', inwoners2024: 240000, instroomPer10k: 0.7, bwPer10k: 12 },
	{ code: 'CR0518', naam: 'Den Haag', inwoners2024: 1120000, instroomPer10k: 1.5, bwPer10k: 20 },
	{ code: 'CR0546', naam: 'Leiden', inwoners2024: 580000, instroomPer10k: 1.1, bwPer10k: 14 },
	{ code: 'CR0599', naam: 'Rotterdam', inwoners2024: 1310000, instroomPer10k: 1.4, bwPer10k: 22 },
	{ code: 'CR0758', naam: 'Breda', inwoners2024: 460000, instroomPer10k: 0.9, bwPer10k: 14 },
	{ code: 'CR0772', naam: 'Eindhoven', inwoners2024: 790000, instroomPer10k: 1.1, bwPer10k: 13 },
	{ code: 'CR0796', naam: "'s-Hertogenbosch", inwoners2024: 660000, instroomPer10k: 1.2, bwPer10k: 13 },
	{ code: 'CR0855', naam: 'Tilburg', inwoners2024: 480000, instroomPer10k: 1.0, bwPer10k: 15 },
	{ code: 'CR0935', naam: 'Maastricht', inwoners2024: 600000, instroomPer10k: 2.2, bwPer10k: 18 }
];
// This region: modest Wlz-instroom (data/exports/README.md, "Wat de voorbeelddata laat zien"), about 13 BW clients per 10,000 inwoners.
const DORDRECHT_INSTROOM_PER_10K = 0.75;
const DORDRECHT_BW_PER_10K = 13.4;
// The Wlz opened for people with a psychiatric condition on 1 January 2021: a peak in 2021–2022.
const INSTROOM_JAARFACTOR = [0.85, 0.9, 1.35, 1.15, 1.0, 1.0, 0.95, 0.95];
const BW_JAARFACTOR = [1.0, 1.01, 0.96, 0.94, 0.95, 0.96, 0.97, 0.98];

/** Wlz-instroom: this region per gemeente plus a regiototaal, and about 20 other regions as totals. */
export function buildWlz(rnd: Random, inwoners: readonly InwonersData[]): WlzData[] {
	const rows: WlzData[] = [];
	YEARS.forEach((jaar, t) => {
		const perGemeente = GEMEENTEN.map((g) => inwoners.find((r) => r.gemeentecode === g.code && r.jaar === jaar)!.inwoners);
		const regioInwoners = perGemeente.reduce((a, b) => a + b, 0);
		const instroom = Math.round((regioInwoners / 10000) * DORDRECHT_INSTROOM_PER_10K * INSTROOM_JAARFACTOR[t] * between(rnd, 0.92, 1.08));
		const bw = Math.round((regioInwoners / 10000) * DORDRECHT_BW_PER_10K * BW_JAARFACTOR[t] * between(rnd, 0.99, 1.01));
		// BW clients concentrate in Dordrecht (where the facilities are); weights per inwoner, Dordrecht ×1.6.
		const weights = GEMEENTEN.map((g, i) => perGemeente[i] * (g.code === 'GM0505' ? 1.6 : g.code === 'GM0512' ? 1.2 : 1) * between(rnd, 0.9, 1.1));
		const bwParts = apportion(bw, weights);
		const instroomParts = apportion(instroom, bwParts.map((b) => b * between(rnd, 0.7, 1.3)));
		GEMEENTEN.forEach((g, i) =>
			rows.push({ jaar, regiocode: REGIO.code, regionaam: 'Dordrecht', gemeentecode: g.code, instroom: instroomParts[i], bw_clienten: bwParts[i], inwoners: perGemeente[i] })
		);
		rows.push({ jaar, regiocode: REGIO.code, regionaam: 'Dordrecht', gemeentecode: null, instroom, bw_clienten: bw, inwoners: regioInwoners });
		for (const r of ANDERE_REGIOS) {
			const regioInw = Math.round(r.inwoners2024 * Math.pow(1.005, jaar - 2024));
			rows.push({
				jaar,
				regiocode: r.code,
				regionaam: r.naam,
				gemeentecode: null,
				instroom: Math.round((regioInw / 10000) * r.instroomPer10k * INSTROOM_JAARFACTOR[t] * between(rnd, 0.9, 1.1)),
				bw_clienten: Math.round((regioInw / 10000) * r.bwPer10k * BW_JAARFACTOR[t] * between(rnd, 0.98, 1.02)),
				inwoners: regioInw
			});
		}
	});
	return rows.sort((a, b) => a.jaar - b.jaar || a.regiocode.localeCompare(b.regiocode) || (a.gemeentecode ?? '~').localeCompare(b.gemeentecode ?? '~'));
}

export const HKG_PERIODE = '2024-2027';
export const OPGAVE: readonly OpgaveData[] = [
	{ periode: HKG_PERIODE, categorie: 'uitstroomwoningen', regionale_opgave: 240, verdeelsleutel: 'sociale_huurwoningen' },
	{ periode: HKG_PERIODE, categorie: 'onzelfstandige_eenheden', regionale_opgave: 90, verdeelsleutel: 'inwoners' },
	{ periode: HKG_PERIODE, categorie: 'skaeve_huse', regionale_opgave: 14, verdeelsleutel: 'inwoners' },
	{ periode: HKG_PERIODE, categorie: 'domus_plus', regionale_opgave: 16, verdeelsleutel: 'inwoners' },
	{ periode: HKG_PERIODE, categorie: 'crisisplekken', regionale_opgave: 20, verdeelsleutel: 'inwoners' }
];

/** Fair share of a gemeente in one category: the opgave divided by the category's verdeelsleutel (2024 figures). */
export function fairShare(opgave: OpgaveData, gemeentecode: string, inwoners: readonly InwonersData[]): number {
	const jaar = Number(opgave.periode.slice(0, 4));
	const sleutel = (r: InwonersData) => (opgave.verdeelsleutel === 'sociale_huurwoningen' ? r.sociale_huurwoningen : r.inwoners);
	const rows = inwoners.filter((r) => r.jaar === jaar);
	const total = rows.reduce((a, r) => a + sleutel(r), 0);
	return (opgave.regionale_opgave * sleutel(rows.find((r) => r.gemeentecode === gemeentecode)!)) / total;
}

export const RONDE_DATUM_DEFINITIEF = '2023-12-04';
// Definitive bid as a share of the fair share for the housing categories: only Dordrecht and
// Gorinchem reach theirs; the regiegroep found the rest "te mager".
const BOD_VERHOUDING: Record<string, number> = {
	GM0482: 0.62, GM0505: 1.06, GM0512: 1.02, GM0523: 0.58, GM0531: 0.6, GM0590: 0.7, GM0610: 0.74, GM0642: 0.8, GM1978: 0.68
};
const RONDE_FACTOR = { voorlopig: 0.64, aanvulling: 0.84, definitief: 1 } as const;
// Small facilities are bid where a location is in sight, per round: [voorlopig, aanvulling, definitief].
const VASTE_BIEDINGEN: Record<string, Record<string, [number, number, number]>> = {
	skaeve_huse: { GM0505: [0, 2, 2], GM0512: [4, 4, 4], GM1978: [0, 3, 3] },
	domus_plus: { GM0505: [0, 6, 8], GM0512: [0, 0, 2] },
	crisisplekken: { GM0505: [4, 6, 6], GM0512: [1, 1, 2], GM0642: [0, 1, 2], GM0590: [0, 0, 1] }
};
const TOELICHTING_BOD: Record<string, string> = {
	'voorlopig/GM0505/domus_plus': 'Nog geen geschikte locatie; bod volgt na locatieonderzoek.',
	'aanvulling/GM0505/domus_plus': 'Onder voorbehoud: locatieonderzoek loopt nog.',
	'definitief/GM0505/domus_plus': 'Onder voorbehoud van een geschikte locatie; regionale voorziening.',
	'definitief/GM0512/domus_plus': 'Bijdrage Alblasserwaard, onder voorbehoud van locatie.',
	'voorlopig/GM0512/skaeve_huse': 'Locatie in voorbereiding; besluit college begin 2024.',
	'aanvulling/GM1978/skaeve_huse': 'Locatie in voorbereiding; besluit verwacht begin 2024.',
	'definitief/GM1978/skaeve_huse': 'Besluit gemeenteraad verwacht begin 2024.',
	'aanvulling/GM0505/skaeve_huse': 'Uitbreiding naast de 5 bestaande units.',
	'definitief/GM0505/crisisplekken': 'Inclusief 2 crisisplekken voor mensen met autisme.',
	'voorlopig/GM0523/uitstroomwoningen': 'Beperkte nieuwbouw in de planperiode.',
	'definitief/GM0523/uitstroomwoningen': 'Meer niet haalbaar gezien de woningbouwplanning.',
	'definitief/GM0531/uitstroomwoningen': 'Afspraken met corporatie nog niet rond.',
	'aanvulling/GM0642/uitstroomwoningen': 'Aangevuld na bespreking in de regiegroep.',
	'definitief/GM0482/onzelfstandige_eenheden': 'Geen geschikte panden voor kamerverhuur in beeld.',
	'definitief/GM0590/uitstroomwoningen': 'Extra inzet via prestatieafspraken 2025.'
};

/** HKG bids per round, gemeente and category. The bod is the gemeente's total bid in that round. */
export function buildBiedingen(rnd: Random, inwoners: readonly InwonersData[]): BodData[] {
	const rows: BodData[] = [];
	const rondes = ['voorlopig', 'aanvulling', 'definitief'] as const;
	rondes.forEach((ronde, r) => {
		for (const g of GEMEENTEN) {
			const ronde_datum =
				ronde === 'voorlopig'
					? `2023-11-${String(intBetween(rnd, 6, 17)).padStart(2, '0')}`
					: ronde === 'aanvulling'
						? `2023-11-${String(intBetween(rnd, 27, 30)).padStart(2, '0')}`
						: RONDE_DATUM_DEFINITIEF;
			for (const opgave of OPGAVE) {
				const vast = VASTE_BIEDINGEN[opgave.categorie];
				const bod = vast
					? (vast[g.code]?.[r] ?? 0)
					: Math.round(fairShare(opgave, g.code, inwoners) * BOD_VERHOUDING[g.code] * RONDE_FACTOR[ronde] * between(rnd, 0.95, 1.0));
				const toelichting = TOELICHTING_BOD[`${ronde}/${g.code}/${opgave.categorie}`] ?? null;
				rows.push({ periode: HKG_PERIODE, ronde, ronde_datum, gemeentecode: g.code, categorie: opgave.categorie, bod, toelichting });
			}
		}
	});
	return rows;
}

export const AANBIEDERS = ['Aanbieder A', 'Aanbieder B', 'Aanbieder C', 'Aanbieder D', 'Aanbieder E'] as const;
const AANBIEDER_CLIENTEN = [150, 115, 90, 70, 45];
/** How far each provider's share with dagbesteding lies from the regional share, before and after P×Q. */
const AANBIEDER_AFWIJKING_VOOR = [0.04, -0.05, 0.09, -0.08, 0.0];
const AANBIEDER_AFWIJKING_NA = [0.03, -0.04, 0.1, -0.12, 0.06];

/** Quarters 2019-K1 … 2026-K3. */
export function kwartalen(): string[] {
	const out: string[] = [];
	for (let jaar = 2019; jaar <= 2026; jaar++) for (let k = 1; k <= 4; k++) if (jaar < 2026 || k <= 3) out.push(`${jaar}-K${k}`);
	return out;
}

/** Regional share with dagbesteding: 60% in 2019-K1 sliding to 46% by 2020-K4 (SDD, 2020), then 45–48% under P×Q. */
export function regionaalAandeel(index: number, rnd: Random): number {
	if (index <= 7) return 0.6 - 0.02 * index;
	return between(rnd, 0.45, 0.48);
}

/** Dagbesteding per quarter and provider, regional (no gemeentecode). */
export function buildDagbesteding(rnd: Random): DagbestedingData[] {
	const rows: DagbestedingData[] = [];
	kwartalen().forEach((periode, index) => {
		const clients = AANBIEDER_CLIENTEN.map((c, i) => Math.round(c * (1 + 0.004 * index * (i === 4 ? 2 : i === 0 ? -0.5 : 0.3)) * between(rnd, 0.97, 1.03)));
		const total = clients.reduce((a, b) => a + b, 0);
		const target = Math.round(regionaalAandeel(index, rnd) * total);
		const afwijking = index >= 8 ? AANBIEDER_AFWIJKING_NA : AANBIEDER_AFWIJKING_VOOR;
		const met = apportion(target, clients.map((c, i) => c * Math.max(0.05, 0.5 + afwijking[i])));
		AANBIEDERS.forEach((aanbieder, i) =>
			rows.push({ periode, aanbieder, gemeentecode: null, centrumregio: REGIO.code, bw_clienten: clients[i], met_dagbesteding: Math.min(met[i], clients[i]) })
		);
	});
	return rows;
}

export const PROJECTEN: readonly ProjectData[] = [
	{ project_id: 'DP-REG-01', naam: 'Domus plus regio Drechtsteden', type: 'domus_plus', gemeentecode: 'GM0505', eenheden: 12, status: 'locatieonderzoek', status_datum: '2023-10-02', verwachte_oplevering: null, toelichting: 'Locaties onderzocht in Dordrecht, Zwijndrecht en Papendrecht; geen geschikte locatie gevonden. Zoektocht wordt verbreed naar de hele regio.' },
	{ project_id: 'DP-ALW-01', naam: 'Domus plus Alblasserwaard', type: 'domus_plus', gemeentecode: 'GM0512', eenheden: 4, status: 'locatieonderzoek', status_datum: '2023-06-15', verwachte_oplevering: null, toelichting: 'Geen geschikte locatie gevonden; mogelijk gecombineerd met regionale voorziening.' },
	{ project_id: 'SH-DOR-01', naam: 'Skaeve huse Dordrecht', type: 'skaeve_huse', gemeentecode: 'GM0505', eenheden: 5, status: 'in_gebruik', status_datum: '2018-10-01', verwachte_oplevering: null, toelichting: '5 woningen, beheer door een zorgaanbieder; buurtcontact loopt goed (’t Buurtoverleg komt elk kwartaal samen).' },
	{ project_id: 'SH-GOR-01', naam: 'Skaeve huse Gorinchem', type: 'skaeve_huse', gemeentecode: 'GM0512', eenheden: 4, status: 'besluitvorming', status_datum: '2023-11-15', verwachte_oplevering: '2026-09-30', toelichting: 'Locatie voorbereid; besluit college verwacht begin 2024. Geraamde investering € 1,2 mln.' },
	{ project_id: 'SH-MOL-01', naam: 'Skaeve huse Molenlanden', type: 'skaeve_huse', gemeentecode: 'GM1978', eenheden: 3, status: 'besluitvorming', status_datum: '2023-11-20', verwachte_oplevering: '2027-03-31', toelichting: 'Locatie in overleg met omwonenden; besluit gemeenteraad verwacht begin 2024.' },
	{ project_id: 'CR-DOR-01', naam: 'Uitbreiding crisisopvang Dordrecht', type: 'crisisopvang', gemeentecode: 'GM0505', eenheden: 2, status: 'realisatie', status_datum: '2023-09-01', verwachte_oplevering: '2024-07-01', toelichting: 'Twee extra crisisplekken in bestaand pand; verbouwing gestart.' },
	{ project_id: 'CR-DOR-02', naam: 'Crisisplekken voor mensen met autisme', type: 'crisisopvang', gemeentecode: 'GM0505', eenheden: 2, status: 'besluitvorming', status_datum: '2023-11-01', verwachte_oplevering: '2025-12-01', toelichting: 'Prikkelarme crisisplekken; financiën via het regionale budget BW&O.' },
	{ project_id: 'CR-GOR-01', naam: 'Crisisplek Gorinchem', type: 'crisisopvang', gemeentecode: 'GM0512', eenheden: 1, status: 'idee', status_datum: '2023-11-15', verwachte_oplevering: null, toelichting: 'Verkenning samen met de politie en de GGZ-crisisdienst.' },
	{ project_id: 'TV-ZWD-01', naam: 'Tussenvoorziening Zwijndrecht', type: 'tussenvoorziening', gemeentecode: 'GM0642', eenheden: 8, status: 'realisatie', status_datum: '2023-05-01', verwachte_oplevering: '2024-09-01', toelichting: 'Acht studio’s met begeleiding op de locatie; oplevering na de zomer van 2024.' },
	{ project_id: 'TV-DOR-02', naam: 'Tussenvoorziening jongeren Dordrecht', type: 'tussenvoorziening', gemeentecode: 'GM0505', eenheden: 2, status: 'in_gebruik', status_datum: '2023-06-01', verwachte_oplevering: null, toelichting: 'Twee extra plekken voor jongeren (18–23) in gebruik genomen.' },
	{ project_id: 'BW-DOR-03', naam: 'Beschermd wonen extramuraal Dordrecht-West', type: 'bw_extramuraal', gemeentecode: 'GM0505', eenheden: 6, status: 'realisatie', status_datum: '2023-03-01', verwachte_oplevering: '2024-12-01', toelichting: 'Zes zelfstandige woningen met begeleiding aan huis; cliënten uit intramuraal BW.' },
	{ project_id: 'NO-DOR-01', naam: 'Winterregeling nachtopvang', type: 'nachtopvang', gemeentecode: 'GM0505', eenheden: 6, status: 'idee', status_datum: '2023-10-15', verwachte_oplevering: null, toelichting: 'Tijdelijke extra bedden bij vorst; café-ruimte als inloop overdag.' }
];

/** All example data from one seed. */
export function buildExampleData(seed = SEED): ExampleData {
	const rnd = seededRandom(seed);
	const inwoners = buildInwoners(rnd);
	return {
		inwoners,
		capaciteit: buildCapaciteit(rnd),
		wlz: buildWlz(rnd, inwoners),
		opgave: [...OPGAVE],
		biedingen: buildBiedingen(rnd, inwoners),
		dagbesteding: buildDagbesteding(rnd),
		projecten: [...PROJECTEN]
	};
}

// ─── Dialects ─────────────────────────────────────────────────────────────────────────────

/** Quote a field the way Excel does: only when it holds the separator, a quote or a line break. */
function excelField(value: string, sep: string): string {
	return value.includes(sep) || value.includes('"') || /[\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
function csvText(rows: readonly (readonly string[])[], sep: string, eol: string): string {
	return rows.map((r) => r.map((v) => excelField(v, sep)).join(sep)).join(eol) + eol;
}
const nlDecimal = (n: number) => String(n).replace('.', ',');
const nlDate = (iso: string) => iso.split('-').reverse().join('-');
const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

// Windows-1252 differs from Latin-1 in 0x80–0x9F (€, ’, “ …); Node's TextEncoder only writes UTF-8.
const CP1252_EXTRA: Record<string, number> = {
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e,
	'‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f
};
/** Encode text as Windows-1252; throws on a character the code page lacks. */
export function encodeWindows1252(text: string): Buffer {
	const bytes: number[] = [];
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) bytes.push(cp);
		else if (CP1252_EXTRA[ch] !== undefined) bytes.push(CP1252_EXTRA[ch]);
		else throw new Error(`character ${ch} (U+${cp.toString(16)}) has no Windows-1252 code`);
	}
	return Buffer.from(bytes);
}
/** Decode Windows-1252 (Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1). */
export function decodeWindows1252(bytes: Uint8Array): string {
	const extra = new Map(Object.entries(CP1252_EXTRA).map(([ch, b]) => [b, ch]));
	let out = '';
	for (const b of bytes) out += extra.get(b) ?? String.fromCharCode(b);
	return out;
}

const BOM = '\uFEFF';

/** gemeenten.csv: Dutch Excel CSV (';', decimal comma, UTF-8 with BOM, CRLF). */
function gemeentenCsv(): string {
	const header = ['gemeentecode', 'naam', 'subregio', 'centrumregio', 'lat', 'lon', 'tegel_x', 'tegel_y'];
	const rows = GEMEENTEN.map((g) => [g.code, g.naam, g.subregio, REGIO.code, nlDecimal(g.lat), nlDecimal(g.lon), String(g.tegel[0]), String(g.tegel[1])]);
	return BOM + csvText([header, ...rows], ';', '\r\n');
}

/** inwoners-cbs-statline.csv: StatLine download (';', every field quoted, padded region codes, periods as 2024JJ00). */
function statlineCsv(rows: readonly InwonersData[]): string {
	const header = ["Regio's", 'Perioden', 'Bevolking op 1 januari (aantal)', 'Huurwoningen in bezit woningcorporaties (aantal)'];
	const sorted = [...rows].sort((a, b) => a.gemeentecode.localeCompare(b.gemeentecode) || a.jaar - b.jaar);
	const body = sorted.map((r) => [r.gemeentecode.padEnd(10, ' '), `${r.jaar}JJ00`, String(r.inwoners), String(r.sociale_huurwoningen)]);
	return [header, ...body].map((r) => r.map((v) => `"${v}"`).join(';')).join('\r\n') + '\r\n';
}

/** wlz-instroom.csv: plain CSV (',', UTF-8 without BOM, LF). */
function wlzCsv(rows: readonly WlzData[]): string {
	const header = ['jaar', 'regiocode', 'regionaam', 'gemeentecode', 'instroom', 'bw_clienten', 'inwoners'];
	const body = rows.map((r) => [String(r.jaar), r.regiocode, r.regionaam, r.gemeentecode ?? '', String(r.instroom), String(r.bw_clienten), String(r.inwoners)]);
	return csvText([header, ...body], ',', '\n');
}

const OPGAVE_CATEGORIE_TEKST: Record<string, string> = {
	uitstroomwoningen: 'Woningen voor uitstroom',
	onzelfstandige_eenheden: 'onzelfstandige_eenheden',
	skaeve_huse: 'Skæve huse', // æ: decoded as UTF-8 this byte breaks, so the ingest must detect Windows-1252
	domus_plus: 'Domus+',
	crisisplekken: 'crisisplekken'
};
/** hkg-opgave.csv: Dutch Excel CSV in Windows-1252 (';', CRLF), category spellings as typed. */
function opgaveCsv(rows: readonly OpgaveData[]): Buffer {
	const header = ['Periode', 'Categorie', 'Regionale opgave', 'Verdeelsleutel'];
	const body = rows.map((r) => [r.periode, OPGAVE_CATEGORIE_TEKST[r.categorie], String(r.regionale_opgave), r.verdeelsleutel === 'sociale_huurwoningen' ? 'sociale huurvoorraad' : 'inwoners']);
	return encodeWindows1252(csvText([header, ...body], ';', '\r\n'));
}

const STATUS_TEKST: Record<string, string> = { idee: 'Idee', locatieonderzoek: 'Locatieonderzoek', besluitvorming: 'Besluitvorming', realisatie: 'Realisatie', in_gebruik: 'In gebruik' };
/** projecten.csv: Dutch Excel CSV in Windows-1252 (';', CRLF, dates 15-11-2023), header titles as users write them. */
function projectenCsv(rows: readonly ProjectData[]): Buffer {
	const header = ['Projectcode', 'Projectnaam', 'Voorzieningstype', 'Gemeente', 'Aantal eenheden', 'Fase', 'Statusdatum', 'Verwachte opleverdatum', 'Toelichting'];
	const body = rows.map((r, i) => [
		r.project_id,
		r.naam,
		r.type === 'skaeve_huse' && r.gemeentecode === 'GM1978' ? 'Skæve huse' : r.type,
		i % 2 === 0 ? naamVan(r.gemeentecode) : r.gemeentecode,
		String(r.eenheden),
		STATUS_TEKST[r.status],
		nlDate(r.status_datum),
		r.verwachte_oplevering ? nlDate(r.verwachte_oplevering) : '',
		r.toelichting ?? ''
	]);
	return encodeWindows1252(csvText([header, ...body], ';', '\r\n'));
}

export const CAPACITEIT_TITEL = 'Capaciteitsonderzoek BW&O centrumregio Dordrecht — illustratief';
const TYPE_TEKST: Record<string, string> = { skaeve_huse: 'Skaeve Huse', domus_plus: 'Domus plus' };
/** How a gemeente is written in the capaciteit sheet: mostly codes, some names as people type them. */
function capaciteitGemeente(code: string, peiljaar: number): string {
	if (code === 'GM0523' && peiljaar % 2 === 0) return 'Hardinxveld Giessendam';
	if (code === 'GM0531' && peiljaar >= 2023) return 'hendrik-ido-ambacht';
	if (code === 'GM1978' && peiljaar === 2019) return 'Molenlanden';
	return code;
}

/**
 * Set every entry's DOS modification time in a zip archive to 2023-12-04 00:00, in place.
 * JSZip (inside exceljs) stamps entries with the current time; fixing it makes the .xlsx
 * files byte-identical across runs, so a rerun leaves git clean.
 */
export function fixZipTimestamps(zip: Buffer): Buffer {
	const dosTime = 0;
	const dosDate = ((2023 - 1980) << 9) | (12 << 5) | 4;
	let eocd = zip.length - 22;
	while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
	if (eocd < 0) throw new Error('not a zip archive: end of central directory not found');
	const entries = zip.readUInt16LE(eocd + 10);
	let at = zip.readUInt32LE(eocd + 16);
	for (let i = 0; i < entries; i++) {
		if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`zip central directory entry ${i} is malformed`);
		zip.writeUInt16LE(dosTime, at + 12);
		zip.writeUInt16LE(dosDate, at + 14);
		const local = zip.readUInt32LE(at + 42);
		zip.writeUInt16LE(dosTime, local + 10);
		zip.writeUInt16LE(dosDate, local + 12);
		at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
	}
	return zip;
}

async function writeWorkbook(wb: ExcelJS.Workbook, path: string): Promise<void> {
	const buffer = Buffer.from(await wb.xlsx.writeBuffer());
	await writeFile(path, fixZipTimestamps(buffer));
}

/** Fixed workbook metadata, so the files do not change when the script reruns. */
function newWorkbook(): ExcelJS.Workbook {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Regiomonitor BW&O (scripts/make-example-data.ts)';
	wb.created = utcDate('2023-12-04');
	wb.modified = utcDate('2023-12-04');
	return wb;
}

/** capaciteit.xlsx: sheet "Capaciteit", a title row and a blank row above the header, aliases in the data. */
async function capaciteitXlsx(rows: readonly CapaciteitData[], path: string): Promise<void> {
	const wb = newWorkbook();
	const ws = wb.addWorksheet('Toelichting');
	ws.getCell('A1').value = 'Illustratieve voorbeelddata; zie het blad Capaciteit en data/exports/README.md.';
	const sheet = wb.addWorksheet('Capaciteit');
	sheet.addRow([CAPACITEIT_TITEL]);
	sheet.getRow(1).font = { bold: true, size: 14 };
	sheet.addRow([]);
	const header = sheet.addRow(['Peiljaar', 'Peildatum', 'Gemeente', 'Voorzieningstype', 'Doelgroep', 'Bestaande plekken', 'Bezet', 'Wachtlijst', 'Behoefte', 'Gepland']);
	header.font = { bold: true };
	for (const r of rows) {
		const type = TYPE_TEKST[r.voorzieningstype] ?? (r.voorzieningstype === 'crisisopvang' && r.peiljaar <= 2021 ? 'crisisplekken' : r.voorzieningstype);
		// Older sheets left doelgroep empty for general places; empty means algemeen.
		const doelgroep = r.doelgroep === 'algemeen' && r.peiljaar <= 2020 ? null : r.doelgroep;
		sheet.addRow([r.peiljaar, utcDate(`${r.peiljaar}-01-01`), capaciteitGemeente(r.gemeentecode, r.peiljaar), type, doelgroep, r.bestaand, r.bezet, r.wachtlijst, r.behoefte, r.gepland]);
	}
	sheet.getColumn(2).numFmt = 'dd-mm-yyyy';
	sheet.columns.forEach((c, i) => (c.width = [9, 12, 24, 20, 12, 18, 8, 11, 10, 9][i]));
	await writeWorkbook(wb, path);
}

const RONDE_TEKST: Record<string, string> = { voorlopig: 'Voorlopig bod', aanvulling: 'Aanvulling', definitief: 'Definitief bod' };
/** hkg-biedingen.xlsx: first sheet, header in row 1, real Excel date cells, gemeente names. */
async function biedingenXlsx(rows: readonly BodData[], path: string): Promise<void> {
	const wb = newWorkbook();
	const sheet = wb.addWorksheet('Biedingen HKG');
	const header = sheet.addRow(['Periode', 'Ronde', 'Datum bod', 'Gemeente', 'Categorie', 'Bod', 'Toelichting']);
	header.font = { bold: true };
	for (const r of rows) {
		sheet.addRow([r.periode, RONDE_TEKST[r.ronde], utcDate(r.ronde_datum), naamVan(r.gemeentecode), r.categorie, r.bod, r.toelichting]);
	}
	sheet.getColumn(3).numFmt = 'dd-mm-yyyy';
	sheet.columns.forEach((c, i) => (c.width = [11, 15, 12, 24, 24, 6, 60][i]));
	await writeWorkbook(wb, path);
}

/** dagbesteding.parquet via DuckDB COPY; gemeentecode is NULL and centrumregio the region (regional providers). */
async function dagbestedingParquet(rows: readonly DagbestedingData[], path: string): Promise<void> {
	const instance = await DuckDBInstance.create(':memory:');
	const con = await instance.connect();
	try {
		await con.run('CREATE TABLE dagbesteding (periode VARCHAR, aanbieder VARCHAR, gemeentecode VARCHAR, centrumregio VARCHAR, bw_clienten INTEGER, met_dagbesteding INTEGER)');
		const appender = await con.createAppender('dagbesteding');
		for (const r of rows) {
			appender.appendVarchar(r.periode);
			appender.appendVarchar(r.aanbieder);
			if (r.gemeentecode === null) appender.appendNull();
			else appender.appendVarchar(r.gemeentecode);
			if (r.centrumregio === null) appender.appendNull();
			else appender.appendVarchar(r.centrumregio);
			appender.appendInteger(r.bw_clienten);
			appender.appendInteger(r.met_dagbesteding);
			appender.endRow();
		}
		appender.closeSync();
		// A path cannot be a bound parameter in COPY; it is our own output path, quoted.
		await con.run(`COPY (SELECT * FROM dagbesteding ORDER BY periode, aanbieder) TO '${path.replace(/'/g, "''")}' (FORMAT parquet)`);
	} finally {
		con.closeSync();
		instance.closeSync();
	}
}

// ─── Manifest ─────────────────────────────────────────────────────────────────────────────

const BRON_ILLUSTRATIEF = 'Illustratieve voorbeelddata Regiomonitor BW&O, gebaseerd op feiten uit regionale verslagen';

export const BESTANDEN: Record<ExportSoort, string> = {
	gemeenten: 'gemeenten.csv',
	inwoners: 'inwoners-cbs-statline.csv',
	capaciteit: 'capaciteit.xlsx',
	wlz_instroom: 'wlz-instroom.csv',
	hkg_opgave: 'hkg-opgave.csv',
	hkg_biedingen: 'hkg-biedingen.xlsx',
	dagbesteding: 'dagbesteding.parquet',
	projecten: 'projecten.csv'
};

export function buildManifest(): Manifest {
	return manifestSchema.parse({
		regio: REGIO,
		// The default, written out so that whoever copies this manifest sees the setting.
		kleine_aantallen: { drempel: 5 },
		bestanden: [
			{ bestand: BESTANDEN.gemeenten, soort: 'gemeenten', bron: BRON_ILLUSTRATIEF, peildatum: '2024-01-01', illustratief: true, toelichting: 'Gemeentecodes, namen en subregio’s zijn echt (CBS-indeling 2024); coördinaten van de gemeentehuizen zijn benaderd en de tegelkaart is een eigen indeling. Excel-CSV: puntkomma, decimale komma, UTF-8 met BOM.' },
			{ bestand: BESTANDEN.inwoners, soort: 'inwoners', bron: "CBS StatLine, tabel 'Regionale kerncijfers Nederland' (inwoners 2024); overige jaren en sociale huurvoorraad illustratief", peildatum: '2026-01-01', illustratief: true, toelichting: 'Inwoners 1 januari 2024 zijn CBS-cijfers, behalve Zwijndrecht (≈45.000) en Alblasserdam (≈20.300): benaderingen. Overige jaren en sociale huurvoorraad illustratief. Opgemaakt als StatLine-download.' },
			{ bestand: BESTANDEN.capaciteit, soort: 'capaciteit', bron: BRON_ILLUSTRATIEF, peildatum: '2026-01-01', illustratief: true, blad: 'Capaciteit', toelichting: 'Eén telling per jaar (1 januari) 2019–2026. Titelregel en lege regel boven de kolomkoppen; gemeenten deels als naam, voorzieningstypen deels als synoniem.' },
			{ bestand: BESTANDEN.wlz_instroom, soort: 'wlz_instroom', bron: BRON_ILLUSTRATIEF, peildatum: '2026-09-30', illustratief: true, toelichting: 'Deze regio per gemeente plus regiototaal; 20 andere centrumregio’s als regiototaal. Regiocodes: CR + cijfers van de centrumgemeente. 2026 is een voorlopig cijfer.' },
			{ bestand: BESTANDEN.hkg_opgave, soort: 'hkg_opgave', bron: BRON_ILLUSTRATIEF, peildatum: '2023-12-04', illustratief: true, toelichting: 'Excel-CSV in Windows-1252.' },
			{ bestand: BESTANDEN.hkg_biedingen, soort: 'hkg_biedingen', bron: BRON_ILLUSTRATIEF, peildatum: RONDE_DATUM_DEFINITIEF, illustratief: true, toelichting: 'Voorlopig bod (november 2023), aanvulling (eind november 2023) en definitief bod (strategische sessie 4 december 2023). Bod = totaal bod van de gemeente in die ronde.' },
			{ bestand: BESTANDEN.dagbesteding, soort: 'dagbesteding', bron: BRON_ILLUSTRATIEF, peildatum: '2026-09-30', illustratief: true, toelichting: 'Fictieve aanbieders A t/m E; regionaal (geen gemeente). Aandeel met dagbesteding 60% → 46% (2019–2020), P×Q vanaf 1 januari 2021.' },
			{ bestand: BESTANDEN.projecten, soort: 'projecten', bron: BRON_ILLUSTRATIEF, peildatum: '2023-12-01', illustratief: true, toelichting: 'Excel-CSV in Windows-1252 met datums als 15-11-2023.' }
		]
	});
}

// ─── README ───────────────────────────────────────────────────────────────────────────────

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string) => `\`${s}\``;

function columnRow(c: ColumnSpec): string {
	const allowed = [c.type.kind === 'enum' ? `${expectedText(c)} (zie de tabel hieronder)` : expectedText(c)];
	if (c.default !== undefined) allowed.push(`leeg of afwezig: ${c.default === 'peiljaar-01-01' ? '1 januari van het peiljaar' : code(c.default)}`);
	if (c.headerAliases?.length) allowed.push(`andere kolomtitels: ${c.headerAliases.map((a) => code(a)).join(', ')}`);
	return `| ${code(c.name)} | ${COLUMN_TYPE_NAAM[c.type.kind]} | ${c.unit ?? ''} | ${c.required ? 'ja' : 'nee'} | ${mdCell(c.description)} | ${mdCell(allowed.join('; '))} |`;
}

function vocabularyTable(name: keyof typeof VOCABULARIES): string {
	const lines = [`Waarden voor ${code(name)}:`, '', '| waarde | betekenis | ook geaccepteerd |', '|---|---|---|'];
	for (const t of VOCABULARIES[name] as readonly Term[]) lines.push(`| ${code(t.id)} | ${t.label} | ${t.aliases.map((a) => code(a)).join(', ')} |`);
	return lines.join('\n');
}

function exampleLine(soort: ExportSoort, data: ExampleData): string[] {
	const nl = (v: unknown) => (v === null || v === undefined ? '' : String(v));
	const pick: Record<ExportSoort, object> = {
		gemeenten: (() => {
			const g = gemeenteByCode.get('GM0505')!;
			return { gemeentecode: g.code, naam: g.naam, subregio: g.subregio, centrumregio: REGIO.code, lat: nlDecimal(g.lat), lon: nlDecimal(g.lon), tegel_x: g.tegel[0], tegel_y: g.tegel[1] };
		})(),
		inwoners: data.inwoners.find((r) => r.gemeentecode === 'GM0505' && r.jaar === 2024)!,
		capaciteit: { ...data.capaciteit.find((r) => r.peiljaar === 2024 && r.voorzieningstype === 'crisisopvang' && r.doelgroep === 'autisme')!, peildatum: '2024-01-01' },
		wlz_instroom: data.wlz.find((r) => r.jaar === 2023 && r.regiocode === REGIO.code && r.gemeentecode === null)!,
		hkg_opgave: data.opgave[0],
		hkg_biedingen: data.biedingen.find((r) => r.ronde === 'definitief' && r.gemeentecode === 'GM0512' && r.categorie === 'skaeve_huse')!,
		dagbesteding: data.dagbesteding.find((r) => r.periode === '2021-K1')!,
		projecten: data.projecten.find((r) => r.project_id === 'SH-GOR-01')!
	};
	const names = EXPORT_KINDS[soort].columns.map((c) => c.name);
	return [names.join(';'), names.map((n) => excelField(nl((pick[soort] as Record<string, unknown>)[n]), ';')).join(';')];
}

function kindSection(soort: ExportSoort, data: ExampleData): string {
	const kind = EXPORT_KINDS[soort];
	const enums = [...new Set(kind.columns.flatMap((c) => (c.type.kind === 'enum' ? [c.type.vocabulary] : [])))];
	return [
		`### ${kind.label} (${code(soort)})`,
		'',
		kind.description,
		'',
		`Voorbeeldbestand: ${code(BESTANDEN[soort])}. Sleutel (elke combinatie komt één keer voor): ${kind.key.map(code).join(' + ')}.`,
		'',
		'| kolom | type | eenheid | verplicht | betekenis | toegestaan |',
		'|---|---|---|---|---|---|',
		...kind.columns.map(columnRow),
		'',
		...enums.flatMap((v) => [vocabularyTable(v), '']),
		'Voorbeeldregel:',
		'',
		'```csv',
		...exampleLine(soort, data),
		'```',
		''
	].join('\n');
}

export function buildReadme(data: ExampleData): string {
	const intro = `# Exports voor de Regiomonitor BW&O

De Regiomonitor leest zijn cijfers uitsluitend uit de bestanden in deze map. Wie nieuwe cijfers
heeft, levert een nieuw bestand aan (of vervangt het oude) en start de inlees-stap
(\`npm run ingest\`). De Regiomonitor past de bestanden zelf nooit aan. Gaat er bij het inlezen
iets mis, dan blijven de vorige cijfers staan en krijgt u een melding met bestand, regel,
kolom en wat er verwacht werd.

> De bestanden die nu in deze map staan zijn **illustratieve voorbeelddata**. Alleen de
> gemeenten met hun codes en de inwonertallen van 1 januari 2024 zijn echt (zie
> [Wat de voorbeelddata laat zien](#wat-de-voorbeelddata-laat-zien)). Gebruik ze niet als
> beleidsinformatie.

Dit bestand wordt gemaakt door \`scripts/make-example-data.ts\`; de kolomtabellen komen
rechtstreeks uit de definities in \`src/lib/domain/exports.ts\` en lopen dus nooit uit de pas.
Pas dit bestand daarom niet met de hand aan, maar het script.

## Welke bestanden worden gelezen

U mag bestanden aanleveren zoals u ze heeft; omzetten is niet nodig.

| formaat | wat wordt herkend | voorbeeld in deze map |
|---|---|---|
| CSV zoals Nederlandse Excel die opslaat | scheidingsteken \`;\`, decimale komma (\`51,8133\`), UTF-8 met BOM **of** Windows-1252 (\`ë\`, \`é\`, \`€\`, \`’\`) | \`gemeenten.csv\` (UTF-8 met BOM), \`hkg-opgave.csv\` en \`projecten.csv\` (Windows-1252) |
| gewone CSV | scheidingsteken \`,\`, decimale punt, UTF-8 | \`wlz-instroom.csv\` |
| CBS StatLine-download (CSV) | Nederlandse kolomtitels zoals \`Bevolking op 1 januari (aantal)\`, perioden als \`2024JJ00\`, regiocodes met spaties (\`GM0505    \`) | \`inwoners-cbs-statline.csv\` |
| Excel-werkmap (XLSX) | het eerste blad, of het blad dat in het manifest staat (\`blad\`); titelregels en lege regels boven de kolomkoppen mogen; datums als echte Excel-datumcellen | \`capaciteit.xlsx\` (blad \`Capaciteit\`, titelregel), \`hkg-biedingen.xlsx\` |
| Parquet | kolommen met dezelfde namen | \`dagbesteding.parquet\` |

Verder geldt voor alle formaten:

- **Kolomtitels** mogen afwijken van de namen hieronder: hoofdletters, spaties, streepjes en
  accenten tellen niet mee, en de genoemde "andere kolomtitels" worden ook herkend. De
  volgorde van kolommen maakt niet uit.
- **Gemeenten** mogen als CBS-code (\`GM0505\`) of als naam (\`Dordrecht\`, \`Hardinxveld Giessendam\`,
  \`hendrik-ido-ambacht\`) worden geschreven; namen worden opgezocht in de gemeenten-export.
- **Keuzelijsten** (voorzieningstype, doelgroep, status, …) accepteren de waarde, de
  betekenis en de synoniemen uit de tabellen hieronder, bijvoorbeeld \`Skaeve Huse\`,
  \`skæve huse\` en \`Skaeve huizen\` voor \`skaeve_huse\`.
- **Datums**: \`2023-11-15\`, \`15-11-2023\`, \`15/11/2023\` of een Excel-datumcel.
- **Aantallen** zijn gehele getallen van 0 of meer.

## Het manifest (\`manifest.json\`)

Het manifest zegt per bestand wat erin staat en waar het vandaan komt. Elke grafiek en
elke download toont die bron en peildatum; is een bestand illustratief, dan staat dat erbij.

| veld | betekenis |
|---|---|
| \`regio.code\` | code van de centrumregio: \`CR\` + de cijfers van de centrumgemeente, hier \`CR0505\` |
| \`regio.naam\` | naam van de regio, hier \`Centrumregio Dordrecht\` |
| \`kleine_aantallen.drempel\` | optioneel: aantallen personen (Wlz-instroom, BW-cliënten, met dagbesteding, bezet, wachtlijst) van 1 tot deze drempel worden nergens getoond maar als \`< 5\` (AVG), en alles wat eruit te berekenen is ook niet; standaard 5. Alleen \`0\` zet de afscherming uit; elke grafiek zegt dan dat kleine aantallen getoond worden |
| \`bestanden[].bestand\` | bestandsnaam in deze map |
| \`bestanden[].soort\` | soort export: ${EXPORT_SOORTEN.map(code).join(', ')} |
| \`bestanden[].bron\` | herkomst van de cijfers, in gewone taal |
| \`bestanden[].peildatum\` | datum waarop de cijfers betrekking hebben (\`JJJJ-MM-DD\`) |
| \`bestanden[].illustratief\` | \`true\` als (een deel van) de cijfers verzonnen voorbeelddata zijn |
| \`bestanden[].blad\` | alleen bij XLSX: het blad dat gelezen wordt (anders het eerste blad) |
| \`bestanden[].toelichting\` | optioneel: wat de lezer verder moet weten |

Voorbeeld:

\`\`\`json
{
  "regio": { "code": "CR0505", "naam": "Centrumregio Dordrecht" },
  "kleine_aantallen": { "drempel": 5 },
  "bestanden": [
    { "bestand": "capaciteit.xlsx", "soort": "capaciteit", "bron": "Capaciteitsonderzoek BW&O 2024",
      "peildatum": "2024-01-01", "illustratief": false, "blad": "Capaciteit" }
  ]
}
\`\`\`

## De soorten exports

Per soort: de kolommen, of ze verplicht zijn, wat er in mag, en een voorbeeldregel
(hier als Excel-CSV met \`;\`). "Verplicht: nee" betekent dat de kolom mag ontbreken of leeg
mag zijn; staat er een standaardwaarde, dan geldt die bij een lege cel.
`;
	const kinds = EXPORT_SOORTEN.map((s) => kindSection(s, data)).join('\n');
	const outro = `## Wat de voorbeelddata laat zien

**Echt** zijn alleen:

- de 9 gemeenten met hun CBS-codes en de indeling in subregio's (Drechtsteden:
  Alblasserdam, Dordrecht, Hardinxveld-Giessendam, Hendrik-Ido-Ambacht, Papendrecht,
  Sliedrecht, Zwijndrecht; Alblasserwaard: Gorinchem, Molenlanden);
- de inwonertallen op 1 januari 2024 van CBS (Regionale kerncijfers Nederland) voor 7
  gemeenten: Dordrecht 122.089, Gorinchem 38.682, Hardinxveld-Giessendam 18.760,
  Hendrik-Ido-Ambacht 32.685, Papendrecht 32.174, Sliedrecht 26.270, Molenlanden 45.276.
  Zwijndrecht (45.000) en Alblasserdam (20.300) zijn **benaderingen**.

**Alle andere cijfers zijn illustratief**: verzonnen, maar zo gekozen dat ze kloppen met wat
de regionale verslagen (FOT BW&O, regiegroep HKG, SDD) en openbare bronnen zeggen:

- **Capaciteit**: in totaal ongeveer 450 plekken beschermd wonen (intramuraal plus extramuraal;
  dat aantal is uit 2015), met een verschuiving van intramuraal naar extramuraal en
  beschermd thuis. Er zijn elk jaar te weinig crisisplekken (behoefte groter dan bestaand plus
  gepland), ook voor mensen met autisme. Nachtopvang en domus plus zijn centrale voorzieningen
  in Dordrecht.
- **Domus plus**: er is behoefte, maar nergens een bestaande plek: locaties zijn onderzocht en
  er is geen geschikte locatie gevonden (status 2023: locatieonderzoek).
- **Skaeve huse**: alleen Dordrecht heeft er 5; Gorinchem en Molenlanden bereiden locaties voor,
  besluiten worden begin 2024 verwacht (in de capaciteit als gepland vanaf peiljaar 2024).
- **HKG**: voorlopige biedingen in november 2023, door de regiegroep als te mager beoordeeld;
  daarna is om aanvulling gevraagd; het definitieve bod is gepresenteerd in de strategische
  sessie van 4 december 2023. Ook in het definitieve bod blijven de meeste gemeenten onder hun
  redelijk aandeel (de opgave verdeeld naar inwoners of sociale huurvoorraad) en blijft het
  totaal onder de regionale opgave. Het \`bod\` is steeds het totale bod van een gemeente in die
  ronde, niet het verschil met de vorige ronde.
- **Wlz-instroom**: de instroom per 10.000 inwoners ligt in deze regio in het lagere deel van
  de spreiding tussen regio's; een daling met 20% is hier daarom niet reëel. De andere regio's
  dragen de code van hun echte centrumgemeente, maar hun inwonertallen en cijfers zijn
  afgeronde, verzonnen waarden. Na de openstelling van de Wlz voor mensen met een psychische
  aandoening (1 januari 2021) is er in 2021–2022 een piek. De kleinere gemeenten hebben een
  instroom van enkele cliënten per jaar: die aantallen (onder 5) toont de Regiomonitor als
  \`< 5\`, met een tweede cel erbij waar het regiototaal ze anders zou verraden.
- **Dagbesteding**: het aandeel BW-cliënten met dagbesteding daalt van 60% (2019-K1) naar 46%
  (2020-K4), zoals de SDD in 2020 meldde, en blijft na de overgang op P×Q-bekostiging
  (1 januari 2021) rond 45–48%, met verschillen tussen aanbieders. De aanbieders zijn fictief
  (Aanbieder A t/m E).
- **Projecten**: domus plus in locatieonderzoek zonder verwachte oplevering; Skaeve huse in
  Dordrecht in gebruik, in Gorinchem en Molenlanden in besluitvorming; crisisplekken (ook voor
  autisme) en tussenvoorzieningen in voorbereiding of realisatie.

Niet in de exports, wel in de verslagen: ongeveer 200 cliënten IB MO (2019), de pilot IB MO
2021–2022 met naast het Leger des Heils hoogstens 4 aanbieders, en 2,4 miljoen euro tegen
dakloosheid (2020).

## Het voorbeeld opnieuw maken

\`\`\`sh
npx tsx scripts/make-example-data.ts
\`\`\`

Het script is deterministisch (vaste startwaarde voor het toeval): opnieuw draaien geeft
dezelfde cijfers. \`scripts/make-example-data.test.ts\` leest de bestanden terug en controleert
de feiten hierboven.
`;
	return `${intro}\n${kinds}\n${outro}`;
}

// ─── Main ─────────────────────────────────────────────────────────────────────────────────

/** Write every example export, the manifest and the README into outDir. */
export async function writeExampleData({ outDir = resolve('data/exports'), seed = SEED } = {}): Promise<ExampleData> {
	const data = buildExampleData(seed);
	await mkdir(outDir, { recursive: true });
	await writeFile(join(outDir, BESTANDEN.gemeenten), gemeentenCsv(), 'utf8');
	await writeFile(join(outDir, BESTANDEN.inwoners), statlineCsv(data.inwoners), 'utf8');
	await capaciteitXlsx(data.capaciteit, join(outDir, BESTANDEN.capaciteit));
	await writeFile(join(outDir, BESTANDEN.wlz_instroom), wlzCsv(data.wlz), 'utf8');
	await writeFile(join(outDir, BESTANDEN.hkg_opgave), opgaveCsv(data.opgave));
	await biedingenXlsx(data.biedingen, join(outDir, BESTANDEN.hkg_biedingen));
	await dagbestedingParquet(data.dagbesteding, join(outDir, BESTANDEN.dagbesteding));
	await writeFile(join(outDir, BESTANDEN.projecten), projectenCsv(data.projecten));
	await writeFile(join(outDir, 'manifest.json'), JSON.stringify(buildManifest(), null, '\t') + '\n', 'utf8');
	await writeFile(join(outDir, 'README.md'), buildReadme(data), 'utf8');
	return data;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const data = await writeExampleData();
	const counts = { gemeenten: GEMEENTEN.length, inwoners: data.inwoners.length, capaciteit: data.capaciteit.length, wlz_instroom: data.wlz.length, hkg_opgave: data.opgave.length, hkg_biedingen: data.biedingen.length, dagbesteding: data.dagbesteding.length, projecten: data.projecten.length };
	console.log('example exports written to data/exports/:', counts);
}
