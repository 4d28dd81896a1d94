/**
 * The /hkg view's URL: periode, categorie, ronde, verdeelsleutel and what-if bids as
 * `bod_<gemeentecode>=<aantal>`. The what-if bids live in the URL so a scenario prepared
 * before a session of the regiegroep opens from a link. The same parser serves the page and
 * the chart exports.
 */
import { z } from 'zod';
import { FilterError, parseSearchParams, toSearchParams } from '../../filters';
import { HKG_CATEGORIEEN, HKG_RONDES, ids, VERDEELSLEUTELS, type HkgCategorie, type HkgRonde, type Verdeelsleutel } from '../../domain/vocabulary';

export const WAT_ALS_PREFIX = 'bod_';
/**
 * The filter form's note of what the what-if bids in it were typed for (`periode|categorie|ronde`):
 * a bid replaces one round's bid of one categorie, so Toon keeps the bids when only the
 * verdeelsleutel changes and drops them when the periode, categorie or ronde does.
 */
export const WAT_ALS_VOOR = 'wat_als_voor';
export const ALLE_CATEGORIEEN = 'alle';
/** An upper bound that no real bid reaches; keeps typos such as 1200000 out of the sums. */
export const MAX_BOD = 10_000;

export interface HkgFilters {
	/** Absent: the latest periode with bids. */
	periode?: string;
	categorie: HkgCategorie | typeof ALLE_CATEGORIEEN;
	/** Absent: the latest round with bids. */
	ronde?: HkgRonde;
	/** Absent: the key the opgave declares per categorie. */
	verdeelsleutel?: Verdeelsleutel;
	/** What-if bids per gemeentecode, for the compared round. */
	watAls: Record<string, number>;
}

const watAlsKey = (code: string) => `${WAT_ALS_PREFIX}${code}`;

/** What what-if bids are typed for: the periode, categorie and ronde shown (WAT_ALS_VOOR). */
export const watAlsVoor = ({ periode, categorie, ronde }: Pick<HkgFilters, 'periode' | 'categorie' | 'ronde'>) => `${periode ?? ''}|${categorie}|${ronde ?? ''}`;

/** What the schema is made from: the store's periodes and gemeenten, the current periode (the default) and the gemeenten's names (labels). */
export interface HkgFilterContext {
	periodes: readonly string[];
	gemeentecodes: readonly string[];
	/** The default periode; absent: none (the view then takes the latest). */
	huidigePeriode?: string;
	namen?: Readonly<Record<string, string>>;
}

/** The zod schema of the view's parameters, given the periodes and gemeenten in the store. */
export function hkgFilterSchema({ periodes, gemeentecodes, huidigePeriode, namen = {} }: HkgFilterContext) {
	const bids = Object.fromEntries(
		gemeentecodes.map((code) => [
			watAlsKey(code),
			z.coerce
				.number()
				.int()
				.min(0)
				.max(MAX_BOD)
				.optional()
				// What-if bids: a whole number per gemeente, no closed list.
				.meta({ label: `Wat-als-bod ${namen[code] ?? code} (0 t/m ${MAX_BOD})` })
		])
	);
	const periode = periodes.length > 0 ? z.enum(periodes as [string, ...string[]]) : null;
	return z.object({
		periode: (periode && huidigePeriode !== undefined ? periode.default(huidigePeriode) : (periode ?? z.never()).optional()).meta({ label: 'Periode' }),
		categorie: z.enum([ALLE_CATEGORIEEN, ...ids(HKG_CATEGORIEEN)]).default(ALLE_CATEGORIEEN).meta({ label: 'Categorie' }),
		ronde: z.enum(ids(HKG_RONDES)).optional().meta({ label: 'Ronde' }),
		// Absent: the key the region agreed per categorie (the opgave declares it).
		verdeelsleutel: z.enum(ids(VERDEELSLEUTELS)).optional().meta({ label: 'Verdeelsleutel' }),
		[WAT_ALS_VOOR]: z.string().max(80).optional().meta({ label: 'Wat-als-biedingen voor (periode|categorie|ronde)' }),
		...bids
	});
}

/**
 * Parse the view's parameters; throws a FilterError (→ Dutch 400) for an invalid value and for
 * a what-if bid of a gemeente that is not in the region.
 */
export function parseHkgFilters(url: URL, context: HkgFilterContext): HkgFilters {
	const { gemeentecodes } = context;
	const known = new Set(gemeentecodes.map(watAlsKey));
	for (const key of url.searchParams.keys()) {
		if (key.startsWith(WAT_ALS_PREFIX) && !known.has(key)) {
			const shown = key.length > 40 ? `${key.slice(0, 37)}…` : key;
			throw new FilterError(
				shown,
				`Onbekende parameter '${shown}': ${key.slice(WAT_ALS_PREFIX.length) || '(leeg)'} is geen gemeente in deze regio. ` +
					`Toegestaan: ${gemeentecodes.map(watAlsKey).join(', ')}.`
			);
		}
	}
	const parsed = parseSearchParams(url, hkgFilterSchema(context)) as Record<string, unknown>;
	const filters: HkgFilters = {
		periode: parsed.periode as string | undefined,
		categorie: parsed.categorie as HkgFilters['categorie'],
		ronde: parsed.ronde as HkgRonde | undefined,
		verdeelsleutel: parsed.verdeelsleutel as Verdeelsleutel | undefined,
		watAls: {}
	};
	// Bids typed for another periode, categorie or ronde (the filter form said so) do not apply here.
	const voor = parsed[WAT_ALS_VOOR];
	if (typeof voor === 'string' && voor !== watAlsVoor(filters)) return filters;
	for (const code of gemeentecodes) {
		const value = parsed[watAlsKey(code)];
		if (typeof value === 'number') filters.watAls[code] = value;
	}
	return filters;
}

/** The query string of these filters; without what-if bids unless `metWatAls`. */
export function hkgSearchParams(filters: HkgFilters, { metWatAls = true } = {}): URLSearchParams {
	const { watAls, ...rest } = filters;
	const params = toSearchParams(rest, { categorie: ALLE_CATEGORIEEN });
	if (metWatAls) for (const [code, bod] of Object.entries(watAls)) params.set(watAlsKey(code), String(bod));
	return params;
}
