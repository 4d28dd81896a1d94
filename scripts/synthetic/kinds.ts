/**
 * The smaller export kinds as typed rows (the domain row types of schemas.ts), generated
 * from the shared world. Sizes follow {@link rowCounts}.
 */
import { JAAR_MAX, JAAR_MIN } from '../../src/lib/domain/exports';
import type {
	DagbestedingRow,
	GemeenteRow,
	HkgBodRow,
	HkgOpgaveRow,
	InwonersRow,
	ProjectRow,
	WlzInstroomRow
} from '../../src/lib/domain/schemas';
import {
	HKG_CATEGORIEEN,
	HKG_RONDES,
	PROJECTSTATUSSEN,
	VOORZIENINGSTYPEN,
	labelOf,
	type HkgCategorie,
	type HkgRonde,
	type Verdeelsleutel
} from '../../src/lib/domain/vocabulary';
import { DAGBESTEDING_AANBIEDERS_PER_REGIO, PROJECTEN_PER_GEMEENTE, type GeneratorOptions } from './options';
import { randomStream } from './prng';
import type { Gemeente, World } from './world';

/**
 * Export rows as written: null is an empty cell. hkg_opgave may leave verdeelsleutel empty,
 * which means the default (inwoners).
 */
export type HkgOpgaveExportRow = Omit<HkgOpgaveRow, 'verdeelsleutel'> & { verdeelsleutel: Verdeelsleutel | null };

/** The gemeenten export: the world's gemeenten in code order. */
export function* gemeentenRows(world: World): Generator<GemeenteRow> {
	for (const g of world.gemeenten) {
		const { gemeentecode, naam, subregio, centrumregio, lat, lon, tegel_x, tegel_y } = g;
		yield { gemeentecode, naam, subregio, centrumregio, lat, lon, tegel_x, tegel_y };
	}
}

const sociaal = (g: Gemeente, j: number) => Math.round(g.inwonersPerJaar[j] * g.huurAandeel);

/** Inwoners and sociale huurwoningen per gemeente per year; the last year is unknown for about 1 in 10 gemeenten. */
export function* inwonersRows(world: World, options: GeneratorOptions): Generator<InwonersRow> {
	const random = randomStream(options.seed, 'inwoners');
	const last = world.jaren.length - 1;
	for (const g of world.gemeenten) {
		const laatsteOnbekend = random.chance(0.1);
		for (let j = 0; j < world.jaren.length; j++) {
			yield {
				gemeentecode: g.gemeentecode,
				jaar: world.jaren[j],
				inwoners: g.inwonersPerJaar[j],
				sociale_huurwoningen: j === last && laatsteOnbekend ? null : sociaal(g, j)
			};
		}
	}
}

/** BW-cliënten per 1,000 inwoners, about the national rate. */
const BW_PER_1000 = 1.4;

/** Wlz-instroom per year: a regiototaal row followed by its gemeenten; the total is their sum. */
export function* wlzInstroomRows(world: World, options: GeneratorOptions): Generator<WlzInstroomRow> {
	const random = randomStream(options.seed, 'wlz_instroom');
	for (let j = 0; j < world.jaren.length; j++) {
		for (const regio of world.regios) {
			const gemeenten = regio.gemeenten.map((i) => {
				const g = world.gemeenten[i];
				const inwoners = g.inwonersPerJaar[j];
				const bw_clienten = Math.max(0, Math.round((inwoners / 1000) * BW_PER_1000 * random.uniform(0.7, 1.3) * (g.isCentrum ? 1.5 : 1)));
				const instroom = Math.round(bw_clienten * random.uniform(0.03, 0.09));
				return { jaar: world.jaren[j], regiocode: regio.code, regionaam: regio.naam, gemeentecode: g.gemeentecode, instroom, bw_clienten, inwoners };
			});
			const som = (key: 'instroom' | 'bw_clienten' | 'inwoners') => gemeenten.reduce((sum, r) => sum + r[key], 0);
			yield { jaar: world.jaren[j], regiocode: regio.code, regionaam: regio.naam, gemeentecode: null, instroom: som('instroom'), bw_clienten: som('bw_clienten'), inwoners: som('inwoners') };
			yield* gemeenten;
		}
	}
}

/** The one HKG planperiode: four years ending the year after the last data year (2024-2027 for 2019-2026). */
export function planperiode(options: Pick<GeneratorOptions, 'jaarTot'>): { van: number; tot: number; tekst: string } {
	const tot = Math.min(options.jaarTot + 1, JAAR_MAX);
	const van = Math.max(JAAR_MIN + 1, tot - 3);
	return { van, tot, tekst: `${van}-${tot}` };
}

/** Units of regionale opgave per 100,000 inwoners for a four-year period. */
const OPGAVE_PER_100K: Record<HkgCategorie, number> = {
	uitstroomwoningen: 90,
	onzelfstandige_eenheden: 35,
	skaeve_huse: 3,
	domus_plus: 6,
	crisisplekken: 8
};
/** Uitstroom lands in social housing, so that opgave is shared by sociale huurvoorraad; an empty cell means inwoners. */
const VERDEELSLEUTEL: Record<HkgCategorie, Verdeelsleutel | null> = {
	uitstroomwoningen: 'sociale_huurwoningen',
	onzelfstandige_eenheden: 'inwoners',
	skaeve_huse: null,
	domus_plus: 'inwoners',
	crisisplekken: null
};

/** Fair share of every gemeente per categorie, by the categorie's verdeelsleutel. */
function fairShares(world: World, categorie: HkgCategorie, opgave: number): number[] {
	const last = world.jaren.length - 1;
	const key = (g: Gemeente) => (VERDEELSLEUTEL[categorie] === 'sociale_huurwoningen' ? sociaal(g, last) : g.inwonersPerJaar[last]);
	const total = world.gemeenten.reduce((sum, g) => sum + key(g), 0);
	return world.gemeenten.map((g) => (opgave * key(g)) / total);
}

/**
 * HKG opgave. The synthetic set treats all its gemeenten as one planning area, so the
 * biedingen of all gemeenten add up to about this opgave.
 */
export function hkgOpgaveRows(world: World, options: GeneratorOptions): HkgOpgaveExportRow[] {
	const last = world.jaren.length - 1;
	const inwoners = world.gemeenten.reduce((sum, g) => sum + g.inwonersPerJaar[last], 0);
	return HKG_CATEGORIEEN.map(({ id }) => ({
		periode: planperiode(options).tekst,
		categorie: id,
		regionale_opgave: Math.round((inwoners / 100_000) * OPGAVE_PER_100K[id]),
		verdeelsleutel: VERDEELSLEUTEL[id]
	}));
}

/** Dates of the three rounds: voorlopig in November before the period, then March and June. */
export function rondeDatum(ronde: HkgRonde, periodeVan: number): string {
	if (ronde === 'voorlopig') return `${periodeVan - 1}-11-15`;
	return ronde === 'aanvulling' ? `${periodeVan}-03-15` : `${periodeVan}-06-15`;
}

const TOELICHTINGEN = [
	'Twee locaties in onderzoek',
	'Afhankelijk van besluit gemeenteraad; locatie nog niet bekend',
	'Samen met buurgemeente, "regionale" oplossing',
	'Bod onder voorbehoud van financiering',
	'Transformatie kantoorpand, circa 2 jaar'
];

/** Three rounds per gemeente × categorie; bids start below the fair share and end near it. */
export function* hkgBiedingenRows(world: World, options: GeneratorOptions): Generator<HkgBodRow> {
	const random = randomStream(options.seed, 'hkg_biedingen');
	const periode = planperiode(options);
	const opgaven = hkgOpgaveRows(world, options);
	const shares = new Map(opgaven.map((o) => [o.categorie, fairShares(world, o.categorie, o.regionale_opgave)]));
	for (const ronde of HKG_RONDES.map((r) => r.id)) {
		const groei = ronde === 'voorlopig' ? [0.4, 0.9] : ronde === 'aanvulling' ? [0.6, 1.0] : [0.75, 1.15];
		for (const g of world.gemeenten) {
			for (const { id: categorie } of HKG_CATEGORIEEN) {
				const fair = shares.get(categorie)![g.index];
				yield {
					periode: periode.tekst,
					ronde,
					ronde_datum: rondeDatum(ronde, periode.van),
					gemeentecode: g.gemeentecode,
					categorie,
					bod: Math.round(fair * random.uniform(groei[0], groei[1])),
					toelichting: random.chance(0.15) ? random.pick(TOELICHTINGEN) : null
				};
			}
		}
	}
}

/** Three aanbieders per regio: the first reports one regional row (with the region's code), the others per gemeente. */
export function aanbieders(regioNaam: string): string[] {
	return [`Leger des Heils ${regioNaam}`, `Stichting Wonen, Werk & Zorg ${regioNaam}`, `Zorggroep ${regioNaam}`].slice(
		0,
		DAGBESTEDING_AANBIEDERS_PER_REGIO
	);
}

/** Dagbesteding per quarter and aanbieder; met_dagbesteding never exceeds bw_clienten. */
export function* dagbestedingRows(world: World, options: GeneratorOptions): Generator<DagbestedingRow> {
	const random = randomStream(options.seed, 'dagbesteding');
	for (let j = 0; j < world.jaren.length; j++) {
		for (let k = 1; k <= 4; k++) {
			const periode = `${world.jaren[j]}-K${k}`;
			for (const regio of world.regios) {
				const [regionaal, ...lokaal] = aanbieders(regio.naam);
				const regioInwoners = regio.gemeenten.reduce((sum, i) => sum + world.gemeenten[i].inwonersPerJaar[j], 0);
				const row = (aanbieder: string, gemeentecode: string | null, inwoners: number, aandeel: number): DagbestedingRow => {
					const bw_clienten = Math.round((inwoners / 1000) * BW_PER_1000 * aandeel * random.uniform(0.8, 1.2));
					// The regional row names its region: in a set of several regions nothing else would.
					return { periode, aanbieder, gemeentecode, centrumregio: gemeentecode ? null : regio.code, bw_clienten, met_dagbesteding: Math.round(bw_clienten * random.uniform(0.3, 0.7)) };
				};
				yield row(regionaal, null, regioInwoners, 0.2);
				for (const aanbieder of lokaal) {
					for (const i of regio.gemeenten) {
						const g = world.gemeenten[i];
						yield row(aanbieder, g.gemeentecode, g.inwonersPerJaar[j], 0.8 / lokaal.length);
					}
				}
			}
		}
	}
}

const STRATEN = ['Stationsweg', 'Kerkstraat', 'Dijkzicht', 'Molenlaan', 'Havenkade', 'Parkrand', 'Schoolstraat', 'Het Veld'];
const EENHEDEN: Partial<Record<string, [number, number]>> = {
	crisisopvang: [2, 12],
	domus_plus: [8, 24],
	skaeve_huse: [3, 8],
	nachtopvang: [10, 30],
	tussenvoorziening: [6, 20],
	bw_intramuraal: [8, 32],
	bw_extramuraal: [4, 20],
	beschermd_thuis: [4, 20]
};

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A few projects per gemeente in every phase; dates relative to the last data year. */
export function* projectenRows(world: World, options: GeneratorOptions): Generator<ProjectRow> {
	const random = randomStream(options.seed, 'projecten');
	const jaar = options.jaarTot;
	for (const g of world.gemeenten) {
		for (let p = 1; p <= PROJECTEN_PER_GEMEENTE; p++) {
			const type = random.pick(VOORZIENINGSTYPEN).id;
			const status = random.pick(PROJECTSTATUSSEN).id;
			const [min, max] = EENHEDEN[type]!;
			const status_datum = addDays(`${jaar - 1}-01-01`, random.int(0, 364));
			const verwachte_oplevering =
				status === 'idee'
					? null
					: status === 'in_gebruik'
						? addDays(status_datum, -random.int(0, 180))
						: addDays(status_datum, random.int(120, 1200));
			yield {
				project_id: `P-${g.gemeentecode}-${String(p).padStart(2, '0')}`,
				naam: `${labelOf('voorzieningstype', type)} ${g.naam} ${random.pick(STRATEN)}`,
				type,
				gemeentecode: g.gemeentecode,
				eenheden: random.int(min, max),
				status,
				status_datum,
				verwachte_oplevering,
				toelichting: random.chance(0.3) ? random.pick(TOELICHTINGEN) : null
			};
		}
	}
}
