/**
 * The Wlz view's figures: the own region per year against the spread of the other regions,
 * per gemeente, and the reduction scenario — what "x% minder instroom" means in clients per
 * year and where the region would then sit among the other regions (README, "Wat is dit?").
 */
import type { Afgeschermd } from '../../domain/disclosure';
import { formatInteger } from '../../domain/format';
import type { Maat } from '../../domain/maat';

/** How figures are expressed (the `maat` filter). */
export type Measure = Maat;

/** The option of the Wlz charts beside their rows. */
export interface WlzOptions {
	maat: Maat;
}
export const WLZ_STANDAARD: WlzOptions = { maat: 'per_10k' };

/** The option of the reduction scenario: the reduction in percent (0–50) applied to the own region. */
export interface WlzScenarioOptions {
	reductie: number;
}

/** The store's region rows (WlzRegioRow) as far as this model needs them. */
export interface WlzRegioInput {
	jaar: number;
	regiocode: string;
	regionaam: string;
	eigen_regio: boolean;
	/** Null when hidden by disclosure control (afgeschermd says what to show). */
	instroom: number | null;
	inwoners: number;
	instroom_per_10k: number | null;
	afgeschermd?: Afgeschermd;
}

export interface WlzSpreidingInput {
	jaar: number;
	regios: number;
	p25: number;
	mediaan: number;
	p75: number;
}

/** One year: the own region's figure and the middle half and median of the other regions, in the same measure. */
export interface WlzJaarRow {
	jaar: number;
	regionaam: string;
	/** Null when hidden; `afgeschermd.waarde` then says what to show. */
	waarde: number | null;
	afgeschermd?: Afgeschermd;
	p25: number | null;
	mediaan: number | null;
	p75: number | null;
	/** How many other regions the spread covers. */
	regios: number;
}

/**
 * Per year the own region against the other regions. The spread is per 10,000 inwoners; for
 * absolute numbers it is scaled to the own region's inwoners ("what this region would have at
 * the other regions' rates"), since raw counts of regions of different size do not compare.
 */
export function wlzPerJaar(eigen: readonly WlzRegioInput[], spreiding: readonly WlzSpreidingInput[], measure: Measure): WlzJaarRow[] {
	const perJaar = new Map(spreiding.map((s) => [s.jaar, s]));
	return eigen.map((row) => {
		const s = perJaar.get(row.jaar);
		const factor = measure === 'per_10k' ? 1 : row.inwoners / 10_000;
		const scale = (v: number | undefined) => (v === undefined ? null : Math.round(v * factor * 1000) / 1000);
		const column = measure === 'per_10k' ? 'instroom_per_10k' : 'instroom';
		const hidden = row.afgeschermd?.[column];
		return {
			jaar: row.jaar,
			regionaam: row.regionaam,
			waarde: row[column],
			...(hidden === undefined ? {} : { afgeschermd: { waarde: hidden } }),
			p25: scale(s?.p25),
			mediaan: scale(s?.mediaan),
			p75: scale(s?.p75),
			regios: s?.regios ?? 0
		};
	});
}

/** One region in the scenario year. */
export type WlzScenarioRow = WlzRegioInput;

export interface WlzScenario {
	jaar: number;
	regionaam: string;
	reductie: number;
	instroom: number;
	/** Instroom after the reduction, rounded to whole clients. */
	nieuw: number;
	minder: number;
	per10k: number;
	per10kNieuw: number;
	/** Other regions in the comparison. */
	anderen: number;
	/** Other regions with a lower rate than the own region now, and after the reduction. */
	lagerNu: number;
	lagerNa: number;
	p25: number;
	mediaan: number;
}

/** Quantile by linear interpolation, as DuckDB's quantile_cont. */
function quantile(sorted: readonly number[], q: number): number {
	if (sorted.length === 0) return Number.NaN;
	const pos = (sorted.length - 1) * q;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * The scenario for the own region among the given regions of one year; null without the own
 * region or when its instroom is hidden (a reduction of a hidden count would give it away).
 * Regions whose rate is hidden are left out of the comparison.
 */
export function wlzScenario(rows: readonly WlzScenarioRow[], { reductie }: WlzScenarioOptions): WlzScenario | null {
	const eigen = rows.find((r) => r.eigen_regio);
	if (!eigen || eigen.instroom === null || eigen.instroom_per_10k === null) return null;
	const anderen = rows
		.filter((r) => !r.eigen_regio)
		.flatMap((r) => (r.instroom_per_10k === null ? [] : [r.instroom_per_10k]))
		.sort((a, b) => a - b);
	const nieuw = Math.round(eigen.instroom * (1 - reductie / 100));
	const per10kNieuw = Math.round(((nieuw * 10_000) / eigen.inwoners) * 1000) / 1000;
	return {
		jaar: eigen.jaar,
		regionaam: eigen.regionaam,
		reductie,
		instroom: eigen.instroom,
		nieuw,
		minder: eigen.instroom - nieuw,
		per10k: eigen.instroom_per_10k,
		per10kNieuw,
		anderen: anderen.length,
		lagerNu: anderen.filter((v) => v < (eigen.instroom_per_10k as number)).length,
		lagerNa: anderen.filter((v) => v < per10kNieuw).length,
		p25: quantile(anderen, 0.25),
		mediaan: quantile(anderen, 0.5)
	};
}

/** The scenario in one sentence: "20% minder = 6 cliënten per jaar minder, van 31 naar 25". */
export function scenarioZin(s: WlzScenario): string {
	return `${formatInteger(s.reductie)}% minder = ${formatInteger(s.minder)} ${s.minder === 1 ? 'cliënt' : 'cliënten'} per jaar minder, van ${formatInteger(s.instroom)} naar ${formatInteger(s.nieuw)}`;
}
