/**
 * The front page's key figures as tiles: one per theme, with its figure in Dutch, a small
 * server-rendered trend and the source line. Pure apart from the SVG rendering, so the texts
 * are tested without a store.
 */
import { overzichtDagbestedingTrend } from '$lib/charts/overzicht/dagbesteding-trend';
import { overzichtHkgRondes } from '$lib/charts/overzicht/hkg-rondes';
import { SPARKLINE_WIDTH } from '$lib/charts/overzicht/sparkline';
import { overzichtTekortTrend } from '$lib/charts/overzicht/tekort-trend';
import { overzichtWlzTrend } from '$lib/charts/overzicht/wlz-trend';
import { renderChart } from '$lib/charts/render.server';
import type { ChartMeta, RenderedChart } from '$lib/charts/types';
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

const meta = (title: string, bron: Bron): ChartMeta => ({ title, bron: bron.bron, peildatum: bron.peildatum, illustratief: bron.illustratief });
const trend = <Row>(chart: Parameters<typeof renderChart<Row>>[0], rows: readonly Row[], title: string) =>
	rows.length > 1 ? renderChart(chart, rows, { title, width: SPARKLINE_WIDTH }) : null;

function tekortTegel(o: Overzicht, bron: Bron): Tegel {
	const [top, ...rest] = o.tekorten;
	const base = { id: 'tekort' as const, titel: 'Grootste tekort aan plekken', href: '/capaciteit' };
	if (!top || o.peiljaar === null) {
		return { ...base, cijfer: null, eenheid: 'Nog geen capaciteitsgegevens ingelezen.', toelichting: [], trend: null, meta: meta(base.titel, bron) };
	}
	const type = labelOf('voorzieningstype', top.voorzieningstype);
	const volgende = rest.filter((r) => r.tekort > 0).slice(0, 2);
	const jaren = top.trend.map((t) => t.peiljaar);
	const trendTitel = `Tekort aan ${inZin(type)} in de regio per peiljaar, ${jaren[0]}–${jaren.at(-1)}`;
	return {
		...base,
		cijfer: top.tekort > 0 ? formatInteger(top.tekort) : null,
		eenheid: top.tekort > 0 ? `plekken tekort aan ${inZin(type)}` : `Geen tekort bij enig voorzieningstype in peiljaar ${o.peiljaar}.`,
		toelichting: [
			`Peiljaar ${o.peiljaar}: behoefte ${formatInteger(top.behoefte)}, bestaand ${formatInteger(top.bestaand)}.`,
			...(volgende.length > 0 ? [`Daarna: ${volgende.map((r) => `${inZin(labelOf('voorzieningstype', r.voorzieningstype))} (${formatInteger(r.tekort)})`).join(', ')}.`] : [])
		],
		trend: trend(overzichtTekortTrend, top.trend.map((t) => ({ voorzieningstype: top.voorzieningstype, ...t })), trendTitel),
		meta: meta(trendTitel, bron)
	};
}

function hkgTegel(o: Overzicht, bron: Bron): Tegel {
	const base = { id: 'hkg' as const, titel: 'HKG-bod tegenover de opgave', href: '/hkg' };
	const h = o.hkg;
	if (!h) return { ...base, cijfer: null, eenheid: 'Nog geen HKG-biedingen ingelezen.', toelichting: [], trend: null, meta: meta(base.titel, bron) };
	const trendTitel = `HKG-bod van de gemeenten samen per ronde, periode ${formatPeriode(h.periode)}`;
	return {
		...base,
		cijfer: `${formatInteger(h.bod)} van ${formatInteger(h.opgave)}`,
		eenheid: `woningen en plekken geboden (${formatPercent(h.aandeel)} van de opgave)`,
		toelichting: [`${labelOf('hkg_ronde', h.ronde)} van ${formatDate(h.ronde_datum)}, periode ${formatPeriode(h.periode)}.`],
		trend: trend(overzichtHkgRondes, h.trend.map((t) => ({ ...t, opgave: h.opgave })), trendTitel),
		meta: meta(trendTitel, bron)
	};
}

function wlzTegel(o: Overzicht, bron: Bron): Tegel {
	const base = { id: 'wlz' as const, titel: 'Wlz-instroom per 10.000 inwoners', href: '/wlz' };
	const w = o.wlz;
	if (!w) return { ...base, cijfer: null, eenheid: 'Nog geen Wlz-gegevens ingelezen.', toelichting: [], trend: null, meta: meta(base.titel, bron) };
	const jaren = w.trend.map((t) => t.jaar);
	const trendTitel = `Wlz-instroom per 10.000 inwoners, deze regio en de mediaan van andere regio's, ${jaren[0]}–${jaren.at(-1)}`;
	const m = w.mediaan_andere_regios;
	const vergelijking =
		m === null ? 'Geen andere regio’s om mee te vergelijken.' : `Mediaan van de andere regio’s: ${formatPer10k(m)}${w.instroom_per_10k < m ? ' — deze regio zit eronder.' : w.instroom_per_10k > m ? ' — deze regio zit erboven.' : '.'}`;
	return {
		...base,
		cijfer: formatPer10k(w.instroom_per_10k),
		eenheid: `BW-cliënten naar de Wlz per 10.000 inwoners in ${w.jaar}`,
		toelichting: [vergelijking],
		trend: trend(overzichtWlzTrend, w.trend, trendTitel),
		meta: meta(trendTitel, bron)
	};
}

function dagbestedingTegel(o: Overzicht, bron: Bron): Tegel {
	const base = { id: 'dagbesteding' as const, titel: 'BW-cliënten met dagbesteding', href: '/dagbesteding' };
	const d = o.dagbesteding;
	if (!d) return { ...base, cijfer: null, eenheid: 'Nog geen dagbestedingsgegevens ingelezen.', toelichting: [], trend: null, meta: meta(base.titel, bron) };
	const eerste = d.trend.find((t) => t.aandeel !== null);
	const trendTitel = `Aandeel BW-cliënten met dagbesteding per periode, ${formatPeriode(d.trend[0]?.periode ?? d.periode)}–${formatPeriode(d.periode)}`;
	return {
		...base,
		cijfer: formatPercent(d.aandeel),
		eenheid: `van de BW-cliënten had dagbesteding in ${formatPeriode(d.periode)}`,
		toelichting: [
			...(eerste && eerste.periode !== d.periode ? [`Was ${formatPercent(eerste.aandeel)} in ${formatPeriode(eerste.periode)}.`] : []),
			'Sinds 1 januari 2021 bekostigd per product en prijs (P×Q).'
		],
		trend: trend(overzichtDagbestedingTrend, d.trend, trendTitel),
		meta: meta(trendTitel, bron)
	};
}

/** The four tiles of the front page, in the order of DESIGN.md section 4. */
export function kerncijferTegels(o: Overzicht, bronnen: TegelBronnen): Tegel[] {
	return [tekortTegel(o, bronnen.capaciteit), hkgTegel(o, bronnen.hkg), wlzTegel(o, bronnen.wlz), dagbestedingTegel(o, bronnen.dagbesteding)];
}
