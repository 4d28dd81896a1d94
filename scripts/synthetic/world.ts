/**
 * The synthetic country: gemeenten with made-up but well-formed codes and names, grouped in
 * centrumregio's and subregio's, with a position on the map and in the tile map, and a
 * population per year. Every export kind is generated from this one world, so the kinds
 * agree with each other (codes, regions, inwoners).
 */
import type { GemeenteRow } from '../../src/lib/domain/schemas';
import type { GeneratorOptions } from './options';
import { randomStream, type Random } from './prng';

/** Bounding box of the Netherlands (WGS84), kept a little inside the borders. */
export const NL_BBOX = { latMin: 50.76, latMax: 53.47, lonMin: 3.37, lonMax: 7.2 } as const;

export interface Gemeente extends GemeenteRow {
	index: number;
	regio: number;
	isCentrum: boolean;
	/** Inwoners per year, index 0 = options.jaarVan. */
	inwonersPerJaar: number[];
	/** Sociale huurwoningen per inwoner (about 0.08-0.20). */
	huurAandeel: number;
}

export interface Regio {
	index: number;
	/** CR + the digits of the centrumgemeente's code, e.g. CR0017. */
	code: string;
	/** Named after the centrumgemeente. */
	naam: string;
	centrum: number;
	gemeenten: number[];
}

export interface World {
	gemeenten: Gemeente[];
	regios: Regio[];
	jaren: number[];
}

const PREFIXEN = ['', '', '', '', 'Nieuw-', 'Oud-', 'Groot-', 'Sint-', 'Oost ', 'West ', 'Hoog-', 'Ter '];
const STAMMEN = [
	'Zand', 'Berg', 'Veen', 'Dam', 'Broek', 'Ho', 'Wijk', 'Lin', 'Mark', 'Bloem', 'Eik', 'Hazel', 'Wil', 'Ros', 'Ker',
	'Lee', 'Vliet', 'Waal', 'Maas', 'Rijn', 'Dongen', 'Aal', 'Bo', 'Culem', 'Drie', 'El', 'Haar', 'Heer', 'Kortrijk',
	'Lan', 'Meer', 'Noord', 'Oster', 'Putten', 'Ravens', 'Schoon', 'Ste', 'Twee', 'Urk', 'Vos', 'Wester', 'Zeven',
	'Bre', 'Gra', 'Mid', 'Nij', 'Ol', 'Ootmar', 'Boë', 'Zoë'
];
const SUFFIXEN = [
	'dam', 'dijk', 'veen', 'horst', 'wijk', 'drecht', 'hoven', 'berg', 'meer', 'loo', 'recht', 'huizen', 'zijl',
	'haven', 'kerk', 'woude', 'stein', 'broek', 'lo', 'sum', 'um', 'sel', 'rode', 'gem', 'ël'
];
const WINDSTREKEN = ['Noord', 'Zuid', 'Oost', 'West'];

function gemeenteNaam(random: Random, taken: Set<string>): string {
	for (;;) {
		const stam = random.pick(STAMMEN);
		const naam = `${random.pick(PREFIXEN)}${stam}${random.pick(SUFFIXEN)}`;
		if (!taken.has(naam)) {
			taken.add(naam);
			return naam;
		}
	}
}

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

/** Inwoners on 1 January of the first year: log-normal, median about 30,000, within 1,000-900,000 like Dutch gemeenten. */
function startInwoners(random: Random): number {
	return Math.round(clamp(Math.exp(random.normal(Math.log(30_000), 0.85)), 1_000, 900_000));
}
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Tile positions: rows from north to south, columns from west to east, in a square grid of
 * ceil(√n) columns, so every gemeente has a unique tile and the tile map roughly follows the map.
 */
function assignTiles(gemeenten: Gemeente[]): void {
	const breedte = Math.ceil(Math.sqrt(gemeenten.length));
	const byLat = [...gemeenten].sort((a, b) => b.lat - a.lat || a.index - b.index);
	for (let start = 0; start < byLat.length; start += breedte) {
		const rij = byLat.slice(start, start + breedte).sort((a, b) => a.lon - b.lon || a.index - b.index);
		rij.forEach((g, x) => {
			g.tegel_x = x;
			g.tegel_y = start / breedte;
		});
	}
}

/** Builds the synthetic world for the options; deterministic per seed. */
export function buildWorld(options: Pick<GeneratorOptions, 'gemeenten' | 'regios' | 'jaarVan' | 'jaarTot' | 'seed'>): World {
	const random = randomStream(options.seed, 'world');
	const jaren = Array.from({ length: options.jaarTot - options.jaarVan + 1 }, (_, i) => options.jaarVan + i);
	const taken = new Set<string>();

	const starts = Array.from({ length: options.gemeenten }, () => startInwoners(random));
	// The largest gemeenten become centrumgemeenten, one per regio, like the real ones (Dordrecht, Utrecht…).
	const order = starts.map((_, i) => i).sort((a, b) => starts[b] - starts[a] || a - b);
	const regioVan = new Array<number>(options.gemeenten);
	const rankVan = new Array<number>(options.gemeenten);
	order.forEach((g, rank) => {
		rankVan[g] = rank;
		regioVan[g] = rank < options.regios ? rank : random.int(0, options.regios - 1);
	});

	const centres = Array.from({ length: options.regios }, () => ({
		lat: random.uniform(NL_BBOX.latMin + 0.15, NL_BBOX.latMax - 0.15),
		lon: random.uniform(NL_BBOX.lonMin + 0.4, NL_BBOX.lonMax - 0.2),
		subregios: random.int(1, 3)
	}));

	const gemeenten: Gemeente[] = starts.map((start, index) => {
		const regio = regioVan[index];
		const centre = centres[regio];
		const isCentrum = rankVan[index] < options.regios;
		const groei = random.normal(0.004, 0.006);
		const inwonersPerJaar = jaren.map((_, j) => Math.round(clamp(start * Math.pow(1 + groei, j), 1_000, 900_000)));
		return {
			index,
			regio,
			isCentrum,
			gemeentecode: `GM${String(index + 1).padStart(4, '0')}`,
			naam: gemeenteNaam(random, taken),
			subregio: '', // set below, once the regio is named
			centrumregio: '',
			lat: round4(clamp(isCentrum ? centre.lat : centre.lat + random.normal(0, 0.12), NL_BBOX.latMin, NL_BBOX.latMax)),
			lon: round4(clamp(isCentrum ? centre.lon : centre.lon + random.normal(0, 0.18), NL_BBOX.lonMin, NL_BBOX.lonMax)),
			tegel_x: 0,
			tegel_y: 0,
			inwonersPerJaar,
			huurAandeel: random.uniform(0.08, 0.2)
		};
	});

	const regios: Regio[] = centres.map((centre, index) => {
		const centrum = order[index];
		const code = `CR${gemeenten[centrum].gemeentecode.slice(2)}`;
		return { index, code, naam: gemeenten[centrum].naam, centrum, gemeenten: [] };
	});
	for (const g of gemeenten) {
		const regio = regios[g.regio];
		regio.gemeenten.push(g.index);
		g.centrumregio = regio.code;
		const sub = g.isCentrum ? 0 : random.int(0, centres[g.regio].subregios - 1);
		g.subregio = centres[g.regio].subregios === 1 ? `Regio ${regio.naam}` : `${regio.naam} ${WINDSTREKEN[sub]}`;
	}
	assignTiles(gemeenten);
	return { gemeenten, regios, jaren };
}

/** The regio the manifest names: the one with the most inwoners in the last year. */
export function hoofdregio(world: World): Regio {
	const last = world.jaren.length - 1;
	const inwoners = (r: Regio) => r.gemeenten.reduce((sum, g) => sum + world.gemeenten[g].inwonersPerJaar[last], 0);
	return world.regios.reduce((best, r) => (inwoners(r) > inwoners(best) ? r : best));
}
