/**
 * The capaciteit export at scale: per peildatum × gemeente × voorzieningstype × doelgroep one
 * row. Each combination is a series that evolves over time (slow growth, occasional new or
 * closed locations), so monthly numbers move like real counts instead of jumping at random.
 */
import { DOELGROEPEN, VOORZIENINGSTYPEN, type Doelgroep, type Voorzieningstype } from '../../src/lib/domain/vocabulary';
import { peildataPerJaar, type GeneratorOptions } from './options';
import { randomStream } from './prng';
import type { World } from './world';

interface TypeProfiel {
	/** Places per 100,000 inwoners, all doelgroepen together. */
	per100k: number;
	/** Opvang is concentrated in the centrumgemeente; wonen is spread over all gemeenten. */
	opvang: boolean;
}

// Orders of magnitude after the national BW&O picture: some 25,000 BW clients on 17.9 million
// inwoners, opvang a fraction of that (Monitor Beschermd wonen en opvang).
const TYPE_PROFIEL: Record<Voorzieningstype, TypeProfiel> = {
	crisisopvang: { per100k: 10, opvang: true },
	domus_plus: { per100k: 5, opvang: true },
	skaeve_huse: { per100k: 2, opvang: true },
	nachtopvang: { per100k: 8, opvang: true },
	tussenvoorziening: { per100k: 12, opvang: true },
	bw_intramuraal: { per100k: 55, opvang: false },
	bw_extramuraal: { per100k: 70, opvang: false },
	beschermd_thuis: { per100k: 90, opvang: false }
};
const DOELGROEP_AANDEEL: Record<Doelgroep, number> = { algemeen: 0.6, jongeren: 0.15, autisme: 0.12, lvb: 0.13 };

/** Share of a regio's opvang places located in its centrumgemeente. */
const CENTRUM_AANDEEL_OPVANG = 0.7;

/** The capaciteit columns in exports.ts order; the generator writes values in this order. */
export const CAPACITEIT_KOLOMMEN = [
	'peiljaar',
	'peildatum',
	'gemeentecode',
	'voorzieningstype',
	'doelgroep',
	'bestaand',
	'bezet',
	'wachtlijst',
	'behoefte',
	'gepland'
] as const;

/** Peildata in order: the 1st of every month, or 1 January of every year. */
export function peildata(options: Pick<GeneratorOptions, 'jaarVan' | 'jaarTot' | 'maandelijks'>): { jaar: number; datum: string }[] {
	const result: { jaar: number; datum: string }[] = [];
	for (let jaar = options.jaarVan; jaar <= options.jaarTot; jaar++) {
		for (let m = 1; m <= peildataPerJaar(options); m++) result.push({ jaar, datum: `${jaar}-${String(m).padStart(2, '0')}-01` });
	}
	return result;
}

/**
 * CSV lines (without line ending) of the capaciteit export, separator `sep`, in the column
 * order of {@link CAPACITEIT_KOLOMMEN}. Lines rather than row objects: at millions of rows
 * the object per row is most of the cost.
 */
export function* capaciteitLines(world: World, options: GeneratorOptions, sep = ';'): Generator<string> {
	const random = randomStream(options.seed, 'capaciteit');
	const { next } = random;
	const perJaar = peildataPerJaar(options);
	const typen = VOORZIENINGSTYPEN.map((t) => t.id);
	const doelgroepen = DOELGROEPEN.map((d) => d.id);
	const combinaties = typen.flatMap((t) => doelgroepen.map((d) => ({ t, d, part: `${t}${sep}${d}${sep}` })));
	const perGemeente = combinaties.length;
	const series = world.gemeenten.length * perGemeente;

	// Per series: fixed traits, and a state that evolves per peildatum.
	const basis = new Float64Array(series);
	const drift = new Float64Array(series);
	const gapBasis = new Float64Array(series);
	const bezetting = new Float64Array(series);
	const geplandAandeel = new Float64Array(series);
	const niveau = new Float64Array(series);
	const gap = new Float64Array(series);

	const regioInwoners = world.regios.map((r) => r.gemeenten.reduce((sum, g) => sum + world.gemeenten[g].inwonersPerJaar[0], 0));
	for (const g of world.gemeenten) {
		const inwoners = g.inwonersPerJaar[0];
		combinaties.forEach(({ t, d }, k) => {
			const s = g.index * perGemeente + k;
			const profiel = TYPE_PROFIEL[t];
			const basisInwoners = !profiel.opvang
				? inwoners
				: g.isCentrum
					? regioInwoners[g.regio] * CENTRUM_AANDEEL_OPVANG
					: inwoners * (1 - CENTRUM_AANDEEL_OPVANG);
			basis[s] = (basisInwoners / 100_000) * profiel.per100k * DOELGROEP_AANDEEL[d] * Math.exp(random.normal(0, 0.35));
			drift[s] = random.normal(0.015, 0.01) / perJaar;
			gapBasis[s] = random.normal(0.12, 0.1);
			bezetting[s] = random.uniform(0.85, 0.99);
			geplandAandeel[s] = random.uniform(0.2, 0.9);
			niveau[s] = basis[s] * random.uniform(0.6, 0.9);
			gap[s] = gapBasis[s];
		});
	}
	const gemeentePart = world.gemeenten.map((g) => `${sep}${g.gemeentecode}${sep}`);
	// A location opens or closes about once every seven years per series.
	const stapKans = 0.15 / perJaar;

	for (const { jaar, datum } of peildata(options)) {
		const periode = `${jaar}${sep}${datum}`;
		for (let g = 0; g < world.gemeenten.length; g++) {
			const prefix = periode + gemeentePart[g];
			for (let k = 0; k < perGemeente; k++) {
				const s = g * perGemeente + k;
				let level = niveau[s] * (1 + drift[s]);
				if (next() < stapKans) level += basis[s] * (next() < 0.75 ? 1 : -1) * (0.05 + 0.2 * next());
				niveau[s] = level = level > 0 ? level : 0;
				const gp = (gap[s] += (gapBasis[s] - gap[s]) * 0.1 + (next() - 0.5) * 0.04);

				const bestaand = Math.round(level);
				const behoefte = Math.max(0, Math.round(level * (1 + gp)));
				const tekort = behoefte - bestaand;
				// Mostly bezet ≤ bestaand; now and then one person more than there are places.
				const bezet = bestaand === 0 ? 0 : next() < 0.02 ? bestaand + 1 : Math.max(0, Math.round(bestaand * bezetting[s] + next() - 0.5));
				const wachtlijst = tekort > 0 ? Math.round(tekort * (0.6 + 0.8 * next())) : 0;
				const gepland = tekort > 0 ? Math.round(tekort * geplandAandeel[s]) : 0;
				// A few unknown counts, as real exports have.
				const bezetTekst = next() < 0.005 ? '' : bezet;
				const wachtTekst = next() < 0.01 ? '' : wachtlijst;
				yield `${prefix}${combinaties[k].part}${bestaand}${sep}${bezetTekst}${sep}${wachtTekst}${sep}${behoefte}${sep}${gepland}`;
			}
		}
	}
}
