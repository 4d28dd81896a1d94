/**
 * The front page's key figures as tiles: one per theme, with its figure in Dutch, a small
 * server-rendered trend and the source line. Pure apart from the SVG rendering, so the texts
 * are tested without a store.
 */
import { bronMeta } from '$lib/charts/meta';
import { shown } from '$lib/domain/disclosure';
import { PXQ_START_TEKST } from '$lib/domain/pxq';
import { overzichtDagbestedingTrend } from '$lib/charts/overzicht/dagbesteding-trend';
import { overzichtHkgRondes } from '$lib/charts/overzicht/hkg-rondes';
import { SPARKLINE_WIDTH } from '$lib/charts/overzicht/sparkline';
import { overzichtTekortTrend } from '$lib/charts/overzicht/tekort-trend';
import { overzichtWlzTrend } from '$lib/charts/overzicht/wlz-trend';
import { renderChart } from '$lib/server/charts/render';
import type { ChartDefinition, ChartMeta, RenderedChart } from '$lib/charts/types';
import { formatDate, formatInteger, formatPer10k, formatPercent, formatPeriode, inZin } from '$lib/domain/format';
import { labelOf } from '$lib/domain/vocabulary';
import type { Bron, Overzicht } from '$lib/server/db/queries';

export interface Tegel {
	id: 'tekort' | 'hkg' | 'wlz' | 'dagbesteding';
	titel: string;
	/** The view the tile leads to. */
	href: string;
	/** The key figure, formatted nl-NL; null when the export has no data for it. */
	cijfer: string | null;
	/** What the figure counts, after the number. */
	eenheid: string;
	toelichting: string[];
	trend: RenderedChart | null;
	meta: ChartMeta;
}

export interface TegelBronnen {
	capaciteit: Bron;
	hkg: Bron;
	wlz: Bron;
	dagbesteding: Bron;
}

const meta = (title: string, bron: Bron): ChartMeta => ({ title, ...bronMeta(bron) });

/** A tile's small trend: its chart, rows and title (the chart loaders of /charts use the same). */
export interface TegelTrend<Row = unknown> {
	definition: ChartDefinition<Row>;
	rows: Row[];
	title: string;
}

/** A trend of one point is no trend: the tile then shows none. */
const hasTrend = <Row>(trend: TegelTrend<Row> | null): trend is TegelTrend<Row> => trend !== null && trend.rows.length > 1;
const render = <Row>(trend: TegelTrend<Row> | null) => (hasTrend(trend) ? renderChart(trend.definition, trend.rows, { title: trend.title, width: SPARKLINE_WIDTH }) : null);

/** The tekort trend of the type with the largest tekort, per peiljaar. */
export function tekortTrend(o: Overzicht) {
	const top = o.tekorten[0];
	if (!top || o.peiljaar === null) return null;
	const jaren = top.trend.map((t) => t.peiljaar);
	return {
		definition: overzichtTekortTrend,
		rows: top.trend.map((t) => ({ voorzieningstype: top.voorzieningstype, ...t })),
		title: `Tekort aan ${inZin(labelOf('voorzieningstype', top.voorzieningstype))} in de regio per peiljaar, ${jaren[0]}–${jaren.at(-1)}`
	};
}

/** The region's HKG bid per round of the latest periode with bids, against the opgave. */
export function hkgTrend(o: Overzicht) {
	const h = o.hkg;
	if (!h) return null;
	return {
		definition: overzichtHkgRondes,
		rows: h.trend.map((t) => ({ ...t, opgave: h.opgave })),
		title: `HKG-bod van de gemeenten samen per ronde, periode ${formatPeriode(h.periode)}`
	};
}

/** Wlz instroom per 10,000 inwoners per jaar, with the median of other regions. */
export function wlzTrend(o: Overzicht) {
	const w = o.wlz;
	if (!w) return null;
	const jaren = w.trend.map((t) => t.jaar);
	return {
		definition: overzichtWlzTrend,
		rows: w.trend,
		title: `Wlz-instroom per 10.000 inwoners, deze regio en de mediaan van andere regio's, ${jaren[0]}–${jaren.at(-1)}`
	};
}

/** The share of BW clients with dagbesteding per periode. */
export function dagbestedingTrend(o: Overzicht) {
	const d = o.dagbesteding;
	if (!d) return null;
	return {
		definition: overzichtDagbestedingTrend,
		rows: d.trend,
		title: `Aandeel BW-cliënten met dagbesteding per periode, ${formatPeriode(d.trend[0]?.periode ?? d.periode)}–${formatPeriode(d.periode)}`
	};
}

/** The tile trends by chart id, null where the tile shows none. */
export function kerncijferTrends(o: Overzicht) {
	const only = <Row>(trend: TegelTrend<Row> | null) => (hasTrend(trend) ? trend : null);
	return {
		'overzicht-tekort-trend': only(tekortTrend(o)),
		'overzicht-hkg-rondes': only(hkgTrend(o)),
		'overzicht-wlz-trend': only(wlzTrend(o)),
		'overzicht-dagbesteding-trend': only(dagbestedingTrend(o))
	};
}

function tekortTegel(o: Overzicht, bron: Bron): Tegel {
	const [top, ...rest] = o.tekorten;
	const base = { id: 'tekort' as const, titel: 'Grootste tekort aan plekken', href: '/capaciteit' };
	if (!top || o.peiljaar === null) {
		return { ...base, cijfer: null, eenheid: 'Nog geen capaciteitsgegevens ingelezen.', toelichting: [], trend: null, meta: meta(base.titel, bron) };
	}
	const type = labelOf('voorzieningstype', top.voorzieningstype);
	const volgende = rest.filter((r) => r.tekort > 0).slice(0, 2);
	const trend = tekortTrend(o);
	return {
		...base,
		cijfer: top.tekort > 0 ? formatInteger(top.tekort) : null,
		eenheid: top.tekort > 0 ? `plekken tekort aan ${inZin(type)}` : `Geen tekort bij enig voorzieningstype in peiljaar ${o.peiljaar}.`,
		toelichting: [
			`Peiljaar ${o.peiljaar}: behoefte ${formatInteger(top.behoefte)}, bestaand ${formatInteger(top.bestaand)}.`,
			...(volgende.length > 0 ? [`Daarna: ${volgende.map((r) => `${inZin(labelOf('voorzieningstype', r.voorzieningstype))} (${formatInteger(r.tekort)})`).join(', ')}.`] : [])
		],
		trend: render(trend),
		meta: meta(trend?.title ?? base.titel, bron)
	};
}

function hkgTegel(o: Overzicht, bron: Bron): Tegel {
	const base = { id: 'hkg' as const, titel: 'HKG-bod tegenover de opgave', href: '/hkg' };
	const h = o.hkg;
	if (!h) return { ...base, cijfer: null, eenheid: 'Nog geen HKG-biedingen ingelezen.', toelichting: [], trend: null, meta: meta(base.titel, bron) };
	const trend = hkgTrend(o);
	return {
		...base,
		cijfer: `${formatInteger(h.bod)} van ${formatInteger(h.opgave)}`,
		eenheid: `woningen en plekken geboden (${formatPercent(h.aandeel)} van de opgave)`,
		toelichting: [`${labelOf('hkg_ronde', h.ronde)} van ${formatDate(h.ronde_datum)}, periode ${formatPeriode(h.periode)}.`],
		trend: render(trend),
		meta: meta(trend?.title ?? base.titel, bron)
	};
}

function wlzTegel(o: Overzicht, bron: Bron): Tegel {
	const base = { id: 'wlz' as const, titel: 'Wlz-instroom per 10.000 inwoners', href: '/wlz' };
	const w = o.wlz;
	if (!w) return { ...base, cijfer: null, eenheid: 'Nog geen Wlz-gegevens ingelezen.', toelichting: [], trend: null, meta: meta(base.titel, bron) };
	const trend = wlzTrend(o);
	const m = w.mediaan_andere_regios;
	const vergelijking =
		m === null
			? 'Geen andere regio’s om mee te vergelijken.'
			: `Mediaan van de andere regio’s: ${formatPer10k(m, { digits: 2 })}${w.instroom_per_10k === null ? '.' : w.instroom_per_10k < m ? ' — deze regio zit eronder.' : w.instroom_per_10k > m ? ' — deze regio zit erboven.' : '.'}`;
	return {
		...base,
		// Two decimals, as /wlz writes the same rates (0,70, not 0,7).
		cijfer: shown(w, 'instroom_per_10k', () => formatPer10k(w.instroom_per_10k, { digits: 2 })),
		eenheid: `BW-cliënten naar de Wlz per 10.000 inwoners in ${w.jaar}`,
		toelichting: [vergelijking],
		trend: render(trend),
		meta: meta(trend?.title ?? base.titel, bron)
	};
}

function dagbestedingTegel(o: Overzicht, bron: Bron): Tegel {
	const base = { id: 'dagbesteding' as const, titel: 'BW-cliënten met dagbesteding', href: '/dagbesteding' };
	const d = o.dagbesteding;
	if (!d) return { ...base, cijfer: null, eenheid: 'Nog geen dagbestedingsgegevens ingelezen.', toelichting: [], trend: null, meta: meta(base.titel, bron) };
	const eerste = d.trend.find((t) => t.aandeel !== null);
	const trend = dagbestedingTrend(o);
	return {
		...base,
		cijfer: shown(d, 'aandeel', () => formatPercent(d.aandeel)),
		eenheid: `van de BW-cliënten had dagbesteding in ${formatPeriode(d.periode)}`,
		toelichting: [
			...(eerste && eerste.periode !== d.periode ? [`Was ${shown(eerste, 'aandeel', () => formatPercent(eerste.aandeel))} in ${formatPeriode(eerste.periode)}.`] : []),
			`Sinds ${PXQ_START_TEKST} bekostigd per product en prijs (P×Q).`
		],
		trend: render(trend),
		meta: meta(trend?.title ?? base.titel, bron)
	};
}

/** The four tiles of the front page, in the order of README, "Wat is dit?". */
export function kerncijferTegels(o: Overzicht, bronnen: TegelBronnen): Tegel[] {
	return [tekortTegel(o, bronnen.capaciteit), hkgTegel(o, bronnen.hkg), wlzTegel(o, bronnen.wlz), dagbestedingTegel(o, bronnen.dagbesteding)];
}
