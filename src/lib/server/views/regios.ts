/**
 * /regios: every centrumregio side by side (issue 12): tekort per 10.000 inwoners per
 * voorzieningstype, the HKG bid as a share of the opgave, Wlz-instroom per 10.000 inwoners and
 * the share with dagbesteding, in a table sorted on any column (server side, in the URL) and as
 * four ranked charts with the chosen region (`regio`) set against the spread of the others.
 * With a gemeente boundaries file the regions are also on a map (`regios-kaart`), their outlines
 * the dissolved gemeenten, coloured by one figure (`maat`).
 * Filters: peiljaar (default the latest), type (one voorzieningstype or all), sorteer, richting, maat.
 */
import { z } from 'zod';
import {
	REGIO_MATEN,
	REGIOS_CHART_IDS,
	regiosDagbestedingChart,
	regiosHkgChart,
	regiosTekortChart,
	regiosWlzChart,
	type RegioMaat,
	type RegioWaarde
} from '$lib/charts/regios/vergelijking';
import { REGIOS_KAART_ID, regiosKaartChart, type RegioKaartRij } from '$lib/charts/regios/kaart';
import type { ChartMeta } from '$lib/charts/types';
import { formatPeriode } from '$lib/domain/format';
import { kaleRegioNaam, type Cijfer, type RegioRij } from '$lib/domain/regio';

export type { Cijfer, RegioRij } from '$lib/domain/regio';
import { ids, labelOf, VOCABULARIES, type Voorzieningstype } from '$lib/domain/vocabulary';
import { bronMeta, loaded, renderLoaded } from '$lib/server/charts/common';
import { regioBoundaries, snapshotBoundaries } from '$lib/server/geo/stored';
import {
	bronVoor,
	dagbestedingRegio,
	gemeenten,
	hkgPeriodes,
	huidigeHkgPeriode,
	peiljaren,
	regios,
	regiosCapaciteit,
	regiosDagbesteding,
	regiosHkg,
	wlzRegios,
	wlzSpreiding
} from '$lib/server/db/queries';
import { defineView, type RegioFilter, type ViewChart } from './define';

export const ALLE_TYPEN = 'alle';
const TYPEN = ids(VOCABULARIES.voorzieningstype) as Voorzieningstype[];

/** Columns of the table, each sortable: a fixed list, never text from the URL. */
export const REGIOS_SORT = ['naam', 'gemeenten', 'tekort', ...TYPEN.map((t) => `tekort_${t}`), 'bod_opgave', 'wlz', 'dagbesteding'] as const;
export type RegiosSort = (typeof REGIOS_SORT)[number];

export function regiosFilterSchema(jaren: readonly number[]) {
	const allowed = new Set(jaren);
	const peiljaar = z.coerce
		.number()
		.int()
		.refine((j) => allowed.size === 0 || allowed.has(j), { message: `een peiljaar uit de gegevens: ${[...allowed].join(', ')}` });
	const laatste = jaren.at(-1);
	return z.object({
		peiljaar: (laatste === undefined ? peiljaar.optional() : peiljaar.default(laatste)).meta({ label: 'Peiljaar', values: jaren.map(String) }),
		type: z.enum([ALLE_TYPEN, ...TYPEN]).default(ALLE_TYPEN).meta({ label: 'Voorzieningstype' }),
		sorteer: z.enum(REGIOS_SORT as unknown as [string, ...string[]]).default('naam').meta({ label: 'Sorteer op' }),
		richting: z.enum(['op', 'af']).default('op').meta({ label: 'Richting' }),
		maat: z.enum(REGIO_MATEN).default('tekort_per_10k').meta({ label: 'Maat op de kaart' })
	});
}
export type RegiosFilters = z.infer<ReturnType<typeof regiosFilterSchema>> & { sorteer: RegiosSort };

const sortValue = (r: RegioRij, sort: RegiosSort): number | string | null => {
	if (sort === 'naam') return r.naam;
	if (sort === 'gemeenten') return r.gemeenten;
	if (sort === 'tekort') return r.tekort;
	if (sort === 'bod_opgave') return r.bodOpgave;
	if (sort === 'wlz') return r.wlz.waarde;
	if (sort === 'dagbesteding') return r.dagbesteding.waarde;
	return r.tekortPerType[sort.slice('tekort_'.length) as Voorzieningstype] ?? null;
};

/** Sorted on a column; unknown and hidden figures always last, by name (their place would tell about a hidden value). */
export function sortRegios(rows: readonly RegioRij[], sort: RegiosSort, richting: 'op' | 'af'): RegioRij[] {
	const sign = richting === 'op' ? 1 : -1;
	return [...rows].sort((a, b) => {
		const x = sortValue(a, sort);
		const y = sortValue(b, sort);
		if (x === null || y === null) return x === y ? a.naam.localeCompare(b.naam, 'nl') : x === null ? 1 : -1;
		const c = typeof x === 'string' ? x.localeCompare(String(y), 'nl') : x - (y as number);
		return sign * c || a.naam.localeCompare(b.naam, 'nl');
	});
}

const waarde = (r: RegioRij, maat: RegioMaat, type: string): Cijfer => {
	if (maat === 'tekort_per_10k') return { waarde: type === ALLE_TYPEN ? r.tekort : (r.tekortPerType[type as Voorzieningstype] ?? null) };
	if (maat === 'bod_opgave') return { waarde: r.bodOpgave };
	return maat === 'wlz_per_10k' ? r.wlz : r.dagbesteding;
};

/** The chart rows of one figure: every region with a figure (or a hidden one). */
function chartRows(rows: readonly RegioRij[], maat: RegioMaat, type: string): RegioWaarde[] {
	return rows.flatMap((r) => {
		const c = waarde(r, maat, type);
		if (c.waarde === null && !c.afgeschermd) return [];
		return [{ regiocode: r.code, regionaam: r.naam, gekozen: r.gekozen, waarde: c.waarde, ...(c.afgeschermd ? { afgeschermd: { waarde: c.afgeschermd } } : {}) }];
	});
}

export const regiosView = defineView({
	path: '/regios',
	name: 'regios',
	// Every region is on these charts; the chosen one is marked in them.
	regioInSubtitle: false,
	charts: {
		[REGIOS_CHART_IDS.tekort_per_10k]: { chart: regiosTekortChart, title: 'Tekort per 10.000 inwoners per regio' },
		[REGIOS_CHART_IDS.bod_opgave]: { chart: regiosHkgChart, title: 'HKG-bod als deel van de opgave per regio' },
		[REGIOS_CHART_IDS.wlz_per_10k]: { chart: regiosWlzChart, title: 'Wlz-instroom per 10.000 inwoners per regio' },
		[REGIOS_CHART_IDS.dagbesteding]: { chart: regiosDagbestedingChart, title: 'Aandeel BW-cliënten met dagbesteding per regio' },
		[REGIOS_KAART_ID]: { chart: regiosKaartChart, title: 'Regio’s op de kaart (met gemeentegrenzen)', grenzen: true }
	} as Record<(typeof REGIOS_CHART_IDS)[RegioMaat] | typeof REGIOS_KAART_ID, ViewChart>,
	facts: async () => {
		const [jaren, lijst, periodes, huidig, wlzJaren, dagbesteding] = await Promise.all([
			peiljaren(),
			regios(),
			hkgPeriodes(),
			huidigeHkgPeriode(),
			wlzSpreiding(),
			dagbestedingRegio()
		]);
		const periode = periodes.find((p) => p.periode === huidig);
		return {
			peiljaren: jaren,
			regios: lijst,
			hkg: periode?.laatste_ronde ? { periode: periode.periode, ronde: periode.laatste_ronde } : null,
			// The latest Wlz year with other regions and the latest dagbesteding periode.
			wlzJaar: wlzJaren.at(-1)?.jaar ?? null,
			dagbestedingPeriode: dagbesteding.at(-1)?.periode ?? null
		};
	},
	schema: ({ peiljaren: jaren }) => regiosFilterSchema(jaren),
	async load(filters: RegiosFilters & RegioFilter, facts) {
		const { peiljaar } = filters;
		const [capaciteit, hkg, wlz, dagbesteding, bronCapaciteit, bronHkg, bronWlz, bronDagbesteding, alleGemeenten] = await Promise.all([
			peiljaar === undefined ? [] : regiosCapaciteit({ peiljaar }),
			facts.hkg ? regiosHkg(facts.hkg) : [],
			facts.wlzJaar === null ? [] : wlzRegios({ jaar: facts.wlzJaar, regio: filters.regio }),
			facts.dagbestedingPeriode === null ? [] : regiosDagbesteding({ periode: facts.dagbestedingPeriode }),
			bronVoor(['capaciteit', 'inwoners', 'gemeenten']),
			bronVoor(['hkg_opgave', 'hkg_biedingen', 'inwoners', 'gemeenten']),
			bronVoor(['wlz_instroom']),
			bronVoor(['dagbesteding', 'gemeenten']),
			gemeenten()
		]);
		const rijen: RegioRij[] = facts.regios.map((r) => {
			const eigen = capaciteit.filter((c) => c.regiocode === r.code);
			const inwoners = eigen[0]?.inwoners ?? null;
			const tekort = eigen.reduce((s, c) => s + c.tekort, 0);
			const h = hkg.find((x) => x.regiocode === r.code);
			const w = wlz.find((x) => x.regiocode === r.code);
			const d = dagbesteding.find((x) => x.regiocode === r.code);
			return {
				code: r.code,
				naam: kaleRegioNaam(r.naam),
				gemeenten: r.gemeenten,
				gekozen: r.code === filters.regio,
				standaard: r.standaard,
				tekort: eigen.length === 0 || !inwoners ? null : Math.round((tekort * 10000 * 1000) / inwoners) / 1000,
				tekortPerType: Object.fromEntries(eigen.map((c) => [c.voorzieningstype, c.tekort_per_10k])),
				bodOpgave: h?.aandeel ?? null,
				wlz: { waarde: w?.instroom_per_10k ?? null, ...(w?.afgeschermd?.instroom_per_10k ? { afgeschermd: w.afgeschermd.instroom_per_10k } : {}) },
				dagbesteding: { waarde: d?.aandeel ?? null, ...(d?.afgeschermd?.aandeel ? { afgeschermd: d.afgeschermd.aandeel } : {}) }
			};
		});
		const typen = TYPEN.filter((t) => capaciteit.some((c) => c.voorzieningstype === t));
		const typeTekst = filters.type === ALLE_TYPEN ? 'alle voorzieningstypen samen' : labelOf('voorzieningstype', filters.type).toLowerCase();
		const aantal = `${facts.regios.length} centrumregio’s`;
		const meta = (title: string, subtitle: string, bron: Parameters<typeof bronMeta>[0]): ChartMeta => ({ title, subtitle, ...bronMeta(bron) });
		const words = (...filters: (string | number | undefined)[]) => ({ filters });
		const tekortMeta = meta(
			`Tekort per 10.000 inwoners per regio, ${typeTekst}, peiljaar ${peiljaar ?? '–'}`,
			`${aantal}; tekort per gemeente, type en doelgroep geteld en per regio opgeteld. Gestreept: de mediaan van de andere regio’s.`,
			bronCapaciteit
		);
		const hkgMeta = meta(
			`HKG-bod als deel van de opgave per regio${facts.hkg ? `, ${formatPeriode(facts.hkg.periode)}` : ''}`,
			`${aantal}; laatste ronde, alle categorieën samen.${facts.regios.length > 1 ? ' De opgave van een regio: het redelijk aandeel van haar gemeenten in de opgave, volgens de afgesproken verdeelsleutel.' : ''}`,
			bronHkg
		);
		const wlzMeta = meta(
			`Wlz-instroom per 10.000 inwoners per regio${facts.wlzJaar ? `, ${facts.wlzJaar}` : ''}`,
			`Alle centrumregio’s in de Wlz-export. Gestreept: de mediaan van de andere regio’s.`,
			bronWlz
		);
		const dagMeta = meta(
			`Aandeel BW-cliënten met dagbesteding per regio${facts.dagbestedingPeriode ? `, ${formatPeriode(facts.dagbestedingPeriode)}` : ''}`,
			`${aantal}; aanbieders die regionaal leveren (zonder gemeente) tellen bij de regio die de export noemt (kolom centrumregio), anders bij de regio van het manifest.`,
			bronDagbesteding
		);
		// A boundaries file (dissolved per region at ingest) puts the regions on a map; a bad file only costs the map (the tiles stay).
		const grenzen = regioBoundaries(await snapshotBoundaries(), alleGemeenten);
		const kaart = grenzen.status === 'ok' ? regiosKaart(rijen, grenzen, filters, { tekort: tekortMeta, bod_opgave: hkgMeta, wlz_per_10k: wlzMeta, dagbesteding: dagMeta }) : null;
		return {
			filters,
			peiljaren: facts.peiljaren,
			typen,
			kaartWaarschuwing: grenzen.status === 'invalid' ? `${grenzen.melding} Daarom staan de regio’s hieronder alleen als tegels.` : null,
			rijen: sortRegios(rijen, filters.sorteer as RegiosSort, filters.richting),
			charts: {
				[REGIOS_CHART_IDS.tekort_per_10k]: loaded(regiosTekortChart, chartRows(rijen, 'tekort_per_10k', filters.type), tekortMeta, words(peiljaar, filters.type === ALLE_TYPEN ? undefined : filters.type)),
				[REGIOS_CHART_IDS.bod_opgave]: loaded(regiosHkgChart, chartRows(rijen, 'bod_opgave', filters.type), hkgMeta, words(facts.hkg?.periode)),
				// Every region of the Wlz export, also those without gemeenten in the store (as /wlz compares them).
				[REGIOS_CHART_IDS.wlz_per_10k]: loaded(
					regiosWlzChart,
					wlz.map((w) => ({
						regiocode: w.regiocode,
						regionaam: w.regionaam,
						gekozen: w.eigen_regio,
						waarde: w.instroom_per_10k,
						...(w.afgeschermd?.instroom_per_10k ? { afgeschermd: { waarde: w.afgeschermd.instroom_per_10k } } : {})
					})),
					wlzMeta,
					words(facts.wlzJaar ?? undefined)
				),
				[REGIOS_CHART_IDS.dagbesteding]: loaded(regiosDagbestedingChart, chartRows(rijen, 'dagbesteding', filters.type), dagMeta, words(facts.dagbestedingPeriode ?? undefined)),
				[REGIOS_KAART_ID]: kaart
			}
		};
	},
	missing: (id) =>
		id === REGIOS_KAART_ID ? 'de gegevens zijn ingelezen zonder bruikbaar bestand met gemeentegrenzen (geo/*.geojson bij de exports) met alle gemeenten van de gegevens.' : 'er zijn geen gegevens voor.'
});

/** The regions' map: every region of the store with its figure of `maat` and its dissolved outline, credited to the boundaries' maker. */
function regiosKaart(
	rijen: readonly RegioRij[],
	grenzen: { bron: string; regios: readonly { regiocode: string; polygonen: RegioKaartRij['polygonen'] }[] },
	filters: RegiosFilters,
	metas: Record<'tekort' | Exclude<RegioMaat, 'tekort_per_10k'>, ChartMeta>
) {
	const maat = filters.maat as RegioMaat;
	const polygonen = new Map(grenzen.regios.map((o) => [o.regiocode, o.polygonen]));
	const rows: RegioKaartRij[] = rijen.map((r) => {
		const c = waarde(r, maat, filters.type);
		return { regiocode: r.code, regionaam: r.naam, gekozen: r.gekozen, waarde: c.waarde, ...(c.afgeschermd ? { afgeschermd: { waarde: c.afgeschermd } } : {}), polygonen: polygonen.get(r.code) ?? [] };
	});
	const bron = metas[maat === 'tekort_per_10k' ? 'tekort' : maat];
	const title = bron.title.replace(/ per regio/, ' per regio op de kaart');
	// The ranked charts' dashed median is not on the map.
	const subtitle = bron.subtitle?.replace(/ Gestreept: [^.]*\./, '');
	return loaded(regiosKaartChart, rows, { ...bron, title, subtitle, bron: `${bron.bron}; ${grenzen.bron}` }, {
		filters: [filters.peiljaar, maat === 'tekort_per_10k' ? undefined : maat, maat === 'tekort_per_10k' && filters.type !== ALLE_TYPEN ? filters.type : undefined],
		options: { maat },
		width: 640
	});
}

/** What the /regios page shows for the URL's filters. */
export async function regiosPage(url: URL) {
	const { filters, peiljaren: jaren, typen, rijen, charts, kaartWaarschuwing } = await regiosView.forPage(url);
	return {
		filters,
		peiljaren: jaren,
		typen: typen.map((t) => ({ id: t, label: labelOf('voorzieningstype', t) })),
		rijen,
		// The map when a boundaries file is usable; the tiles are always there.
		kaart: charts[REGIOS_KAART_ID] ? renderLoaded(charts[REGIOS_KAART_ID]) : null,
		kaartWaarschuwing,
		tekort: renderLoaded(charts[REGIOS_CHART_IDS.tekort_per_10k]),
		hkg: renderLoaded(charts[REGIOS_CHART_IDS.bod_opgave]),
		wlz: renderLoaded(charts[REGIOS_CHART_IDS.wlz_per_10k]),
		dagbesteding: renderLoaded(charts[REGIOS_CHART_IDS.dagbesteding])
	};
}
