/**
 * The HKG view's figures, computed from the bid rows of one periode: per gemeente the bid of
 * every round against its fair share by a chosen verdeelsleutel, and per round the regional
 * total against the opgave. What-if bids replace the real bids of the compared round, so the
 * regiegroep sees how a raised bid changes the shortfalls (README, "Wat is dit?").
 */
import { formatDecimal } from '../../domain/format';
import { HKG_RONDES, labelOf, type HkgCategorie, type HkgRonde, type Verdeelsleutel } from '../../domain/vocabulary';

/** A fair share or shortfall in units: always one decimal (`26,0` next to `45,8`), in every table, text and tooltip. */
export const formatAandeel = (n: number | null | undefined): string => formatDecimal(n, { digits: 1, fixed: true });

/** The bid fields of the store's bid rows this model needs (HkgBodRow satisfies it). */
export interface HkgBodInput {
	ronde: HkgRonde;
	gemeentecode: string;
	naam: string;
	categorie: HkgCategorie;
	bod: number | null;
	regionale_opgave: number;
	verdeelsleutel: Verdeelsleutel;
	fair_share_inwoners: number | null;
	fair_share_sociale_huur: number | null;
	fair_share: number | null;
}

/** The key the fair share follows: one the user picked, or the one the opgave declares per categorie. */
export type GekozenSleutel = Verdeelsleutel | 'afgesproken';

export const RONDES: readonly HkgRonde[] = HKG_RONDES.map((r) => r.id);

/** One gemeente: its bids per round and its fair share, compared in one round. */
export interface HkgGemeenteBod {
	gemeentecode: string;
	naam: string;
	voorlopig: number | null;
	aanvulling: number | null;
	definitief: number | null;
	fair_share: number;
	/** The round compared with the fair share (and changed by what-if bids). */
	ronde: HkgRonde;
	/** The real bid in that round; null when the gemeente did not bid in it. */
	bod: number | null;
	/** The what-if bid, only when it differs from the real one. */
	wat_als: number | null;
	/** Units below the fair share with the bid that counts (what-if or real); 0 when at or above it. */
	tekort: number;
	sleutel: GekozenSleutel;
	/** The declared key when one categorie is shown; null for several categorieën. */
	afgesproken: Verdeelsleutel | null;
}

/** The regional total of one round (or of the what-if) against the opgave. */
export interface HkgRondeTotaal {
	/** A round, or 'wat_als' for the compared round with the what-if bids. */
	ronde: HkgRonde | 'wat_als';
	label: string;
	bod: number;
	opgave: number;
	/** Opgave minus bids, 0 when the bids reach the opgave. */
	tekort: number;
}

export interface HkgModelOptions {
	ronde: HkgRonde;
	sleutel: GekozenSleutel;
	/** What-if bids per gemeentecode for the compared round (all selected categorieën together). */
	watAls?: Readonly<Record<string, number>>;
}

export interface HkgModel {
	gemeenten: HkgGemeenteBod[];
	totalen: HkgRondeTotaal[];
	/** Rounds that have at least one bid, in order. */
	rondes: HkgRonde[];
	/** True when at least one what-if bid differs from the real bid. */
	watAlsActief: boolean;
}

function fairShare(row: HkgBodInput, sleutel: GekozenSleutel): number {
	if (sleutel === 'inwoners') return row.fair_share_inwoners ?? 0;
	if (sleutel === 'sociale_huurwoningen') return row.fair_share_sociale_huur ?? 0;
	return row.fair_share ?? 0;
}

const sumOrNull = (values: (number | null)[]) =>
	values.some((v) => v !== null) ? values.reduce<number>((s, v) => s + (v ?? 0), 0) : null;

/** Round to 2 decimals: fair shares come from the store with 2 decimals; sums must not show float noise. */
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Label of a round or of the what-if total. */
export function rondeLabel(ronde: HkgRonde | 'wat_als', vergeleken?: HkgRonde): string {
	if (ronde === 'wat_als') return vergeleken ? `Wat-als (${labelOf('hkg_ronde', vergeleken).toLowerCase()})` : 'Wat-als';
	return labelOf('hkg_ronde', ronde);
}

/** Per gemeente and per round, the bids of the given rows (one periode, the selected categorieën). */
export function hkgModel(rows: readonly HkgBodInput[], { ronde, sleutel, watAls = {} }: HkgModelOptions): HkgModel {
	const perGemeente = new Map<string, HkgBodInput[]>();
	for (const row of rows) perGemeente.set(row.gemeentecode, [...(perGemeente.get(row.gemeentecode) ?? []), row]);
	const categorieen = new Set(rows.map((r) => r.categorie));
	const afgesproken = categorieen.size === 1 ? rows[0].verdeelsleutel : null;

	const gemeenten = [...perGemeente.values()].map((own): HkgGemeenteBod => {
		const bodIn = (r: HkgRonde) => sumOrNull(own.filter((row) => row.ronde === r).map((row) => row.bod));
		// Fair shares repeat per round; take them from one round.
		const eenRonde = own.filter((row) => row.ronde === own[0].ronde);
		const fair = round2(eenRonde.reduce((s, row) => s + fairShare(row, sleutel), 0));
		const bod = bodIn(ronde);
		const gevraagd = watAls[own[0].gemeentecode];
		const wat_als = gevraagd !== undefined && gevraagd !== bod ? gevraagd : null;
		const telt = wat_als ?? bod ?? 0;
		return {
			gemeentecode: own[0].gemeentecode,
			naam: own[0].naam,
			voorlopig: bodIn('voorlopig'),
			aanvulling: bodIn('aanvulling'),
			definitief: bodIn('definitief'),
			fair_share: fair,
			ronde,
			bod,
			wat_als,
			tekort: round2(Math.max(fair - telt, 0)),
			sleutel,
			afgesproken
		};
	});
	gemeenten.sort((a, b) => b.fair_share - a.fair_share || a.naam.localeCompare(b.naam, 'nl'));

	// The opgave repeats per gemeente and round; count it once per categorie.
	const opgavePerCategorie = new Map(rows.map((r) => [r.categorie, r.regionale_opgave]));
	const opgave = [...opgavePerCategorie.values()].reduce((s, v) => s + v, 0);
	const rondes = RONDES.filter((r) => rows.some((row) => row.ronde === r && row.bod !== null));
	const totaal = (r: HkgRonde | 'wat_als', bod: number): HkgRondeTotaal => ({
		ronde: r,
		label: rondeLabel(r, ronde),
		bod,
		opgave,
		tekort: Math.max(opgave - bod, 0)
	});
	const totalen = rondes.map((r) => totaal(r, gemeenten.reduce((s, g) => s + (g[r] ?? 0), 0)));
	const watAlsActief = gemeenten.some((g) => g.wat_als !== null);
	if (watAlsActief) totalen.push(totaal('wat_als', gemeenten.reduce((s, g) => s + (g.wat_als ?? g.bod ?? 0), 0)));
	return { gemeenten, totalen, rondes, watAlsActief };
}

/** Dutch label of the key in use, for subtitles and the text alternative. */
export function sleutelLabel(sleutel: GekozenSleutel, afgesproken: Verdeelsleutel | null): string {
	if (sleutel !== 'afgesproken') return labelOf('verdeelsleutel', sleutel).toLowerCase();
	return afgesproken ? `${labelOf('verdeelsleutel', afgesproken).toLowerCase()} (afgesproken)` : 'volgens de afgesproken sleutel per categorie';
}
