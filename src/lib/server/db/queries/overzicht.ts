/** The front page: one key figure per theme with a small trend, all from one pinned snapshot. */
import type { Afgeschermd } from '../../../domain/disclosure';
import type { HkgRonde, Voorzieningstype } from '../../../domain/vocabulary';
import { withSnapshot } from '../store';
import { capaciteitTrend, grootsteTekorten, type GrootsteTekortRow } from './capaciteit';
import { dagbestedingRegio } from './dagbesteding';
import { hkgTotalen, huidigeHkgPeriode } from './hkg';
import { laatstePeiljaar } from './meta';
import { wlzEigenRegio, wlzSpreiding } from './wlz';

export interface TekortTegel extends GrootsteTekortRow {
	trend: { peiljaar: number; tekort: number }[];
}

export interface Overzicht {
	/** Latest peiljaar of the capaciteit export; null when it is empty. */
	peiljaar: number | null;
	/** Per voorzieningstype, largest regional tekort first. */
	tekorten: TekortTegel[];
	hkg: {
		periode: string;
		ronde: HkgRonde;
		ronde_datum: string;
		bod: number;
		opgave: number;
		aandeel: number | null;
		trend: { ronde: HkgRonde; ronde_datum: string; bod: number }[];
	} | null;
	wlz: {
		jaar: number;
		/** Null when hidden by disclosure control (`afgeschermd` says what to show). */
		instroom_per_10k: number | null;
		mediaan_andere_regios: number | null;
		afgeschermd?: Afgeschermd;
		trend: { jaar: number; instroom_per_10k: number | null; mediaan_andere_regios: number | null; afgeschermd?: Afgeschermd }[];
	} | null;
	dagbesteding: {
		periode: string;
		aandeel: number | null;
		afgeschermd?: Afgeschermd;
		trend: { periode: string; periode_start: string; aandeel: number | null; afgeschermd?: Afgeschermd }[];
	} | null;
}

/** Key figures of the front page, for one region (`regio`; omitted: every gemeente, the manifest's region for Wlz). */
export function overzicht({ regio }: { regio?: string } = {}): Promise<Overzicht> {
	return withSnapshot(async () => {
		const [peiljaar, hkgPeriode, wlz, spreiding, dagbesteding] = await Promise.all([
			laatstePeiljaar(),
			huidigeHkgPeriode(),
			wlzEigenRegio({ regio }),
			wlzSpreiding({ regio }),
			dagbestedingRegio({ regio })
		]);
		return {
			peiljaar,
			tekorten: peiljaar === null ? [] : await tekortTegels(peiljaar, regio),
			hkg: await hkgKerncijfer(hkgPeriode ?? undefined, regio),
			wlz: wlzKerncijfer(wlz, spreiding),
			dagbesteding: dagbestedingKerncijfer(dagbesteding)
		};
	});
}

async function tekortTegels(peiljaar: number, regio: string | undefined): Promise<TekortTegel[]> {
	const [tekorten, trend] = await Promise.all([grootsteTekorten({ peiljaar, regio }), capaciteitTrend({ regio })]);
	const perType = new Map<Voorzieningstype, { peiljaar: number; tekort: number }[]>();
	for (const row of trend) {
		const list = perType.get(row.voorzieningstype) ?? [];
		list.push({ peiljaar: row.peiljaar, tekort: row.tekort ?? 0 });
		perType.set(row.voorzieningstype, list);
	}
	return tekorten.map((row) => ({ ...row, trend: perType.get(row.voorzieningstype) ?? [] }));
}

async function hkgKerncijfer(periode: string | undefined, regio: string | undefined): Promise<Overzicht['hkg']> {
	if (periode === undefined) return null;
	const totalen = await hkgTotalen({ periode, regio });
	const laatste = totalen.at(-1);
	if (!laatste) return null;
	return {
		periode,
		ronde: laatste.ronde,
		ronde_datum: laatste.ronde_datum,
		bod: laatste.bod,
		opgave: laatste.opgave,
		aandeel: laatste.aandeel,
		trend: totalen.map(({ ronde, ronde_datum, bod }) => ({ ronde, ronde_datum, bod }))
	};
}

/** Pure: the own region's latest Wlz figure against the median of the other regions. */
export function wlzKerncijfer(
	eigen: readonly { jaar: number; instroom_per_10k: number | null; afgeschermd?: Afgeschermd }[],
	spreiding: readonly { jaar: number; mediaan: number }[]
): Overzicht['wlz'] {
	const mediaan = new Map(spreiding.map((s) => [s.jaar, s.mediaan]));
	const trend = eigen.map((r) => ({
		jaar: r.jaar,
		instroom_per_10k: r.instroom_per_10k,
		mediaan_andere_regios: mediaan.get(r.jaar) ?? null,
		...(r.afgeschermd?.instroom_per_10k ? { afgeschermd: { instroom_per_10k: r.afgeschermd.instroom_per_10k } } : {})
	}));
	const laatste = trend.at(-1);
	return laatste ? { ...laatste, trend } : null;
}

/** Pure: the latest dagbesteding share with its series. */
export function dagbestedingKerncijfer(
	rows: readonly { periode: string; periode_start: string; aandeel: number | null; afgeschermd?: Afgeschermd }[]
): Overzicht['dagbesteding'] {
	const laatste = rows.at(-1);
	if (!laatste) return null;
	const hidden = (r: { afgeschermd?: Afgeschermd }) => (r.afgeschermd?.aandeel ? { afgeschermd: { aandeel: r.afgeschermd.aandeel } } : {});
	return {
		periode: laatste.periode,
		aandeel: laatste.aandeel,
		...hidden(laatste),
		trend: rows.map((r) => ({ periode: r.periode, periode_start: r.periode_start, aandeel: r.aandeel, ...hidden(r) }))
	};
}
