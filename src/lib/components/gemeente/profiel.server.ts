/**
 * The charts of /gemeente/[code]: one gemeente's profile (gemeenteProfiel) rendered against the
 * region, each with its title, filters and source line. Kept out of the route so it stays thin.
 */
import { gemeenteCapaciteit, gemeenteCapaciteitRows } from '$lib/charts/gemeente/capaciteit';
import { gemeenteDagbesteding, gemeenteDagbestedingRows } from '$lib/charts/gemeente/dagbesteding';
import { gemeenteHkg } from '$lib/charts/gemeente/hkg';
import { gemeenteWlz, gemeenteWlzRows } from '$lib/charts/gemeente/wlz';
import { renderChart } from '$lib/charts/render.server';
import type { ChartMeta, RenderedChart } from '$lib/charts/types';
import { formatInteger, formatPercent, formatPeriode } from '$lib/domain/format';
import type { Bron, GemeenteProfiel } from '$lib/server/db/queries';

export interface GemeenteGrafiek {
	chart: RenderedChart;
	meta: ChartMeta;
}

export interface GemeenteBronnen {
	capaciteit: Bron;
	wlz: Bron;
	hkg: Bron;
	dagbesteding: Bron;
}

export interface GemeenteGrafieken {
	capaciteit: GemeenteGrafiek | null;
	wlz: GemeenteGrafiek | null;
	hkg: GemeenteGrafiek | null;
	/** Null when the dagbesteding export has no rows for this gemeente (the page says so). */
	dagbesteding: GemeenteGrafiek | null;
	/** The region's latest dagbesteding share, shown when the gemeente has no figures of its own. */
	dagbestedingRegio: { periode: string; aandeel: string } | null;
}

const WIDTH = 760;
const bronMeta = (bron: Bron) => ({ bron: bron.bron, peildatum: bron.peildatum, illustratief: bron.illustratief });

/** Render every chart of the gemeente page from its profile. */
export function gemeenteGrafieken(p: GemeenteProfiel, bronnen: GemeenteBronnen): GemeenteGrafieken {
	const naam = p.gemeente.naam;
	const inwoners = p.gemeente.inwoners === null ? '' : ` ${naam} telde ${formatInteger(p.gemeente.inwoners)} inwoners op 1 januari ${p.gemeente.inwoners_jaar}.`;

	const capaciteitRows = gemeenteCapaciteitRows(p.capaciteitPer10k, p.capaciteit, p.capaciteitRegioPer10k);
	const capaciteitMeta: ChartMeta = {
		title: `Bestaande plekken en behoefte per 10.000 inwoners: ${naam} tegenover de regio, peiljaar ${p.peiljaar}`,
		subtitle: `Alle doelgroepen, per voorzieningstype dat ${naam} in de capaciteitsexport heeft.${inwoners}`,
		...bronMeta(bronnen.capaciteit)
	};

	const wlzRows = gemeenteWlzRows(p.wlz, p.wlzRegio);
	const wlzJaren = wlzRows.map((r) => r.jaar);
	const wlzMeta: ChartMeta = {
		title: `Wlz-instroom per 10.000 inwoners: ${naam} tegenover de regio`,
		subtitle: `BW-cliënten die per jaar instromen in de Wet langdurige zorg, ${wlzJaren[0]}–${wlzJaren.at(-1)}.`,
		...bronMeta(bronnen.wlz)
	};

	const hkgRows = p.hkgBiedingen.map(({ ronde, ronde_datum, categorie, bod, fair_share }) => ({ ronde, ronde_datum, categorie, bod, fair_share }));
	const hkgMeta: ChartMeta = {
		title: `HKG-bod van ${naam} per ronde tegenover het redelijk aandeel, periode ${formatPeriode(p.hkgPeriode ?? '')}`,
		subtitle: 'Alle categorieën samen; redelijk aandeel volgens de verdeelsleutel die de regio per categorie afsprak (inwoners of sociale huurvoorraad).',
		...bronMeta(bronnen.hkg)
	};

	const dagRows = gemeenteDagbestedingRows(p.dagbesteding, p.dagbestedingRegio);
	const dagMeta: ChartMeta = {
		title: `Aandeel BW-cliënten met dagbesteding: ${naam} tegenover de regio`,
		subtitle: 'Per periode; de overgang naar bekostiging per product en prijs (P×Q) op 1 januari 2021 is gemarkeerd.',
		...bronMeta(bronnen.dagbesteding)
	};
	const regioLaatste = p.dagbestedingRegio.at(-1);

	const render = <Row>(chart: Parameters<typeof renderChart<Row>>[0], rows: readonly Row[], meta: ChartMeta): GemeenteGrafiek => ({
		chart: renderChart(chart, rows, { title: meta.title, width: WIDTH }),
		meta
	});
	return {
		capaciteit: capaciteitRows.length > 0 ? render(gemeenteCapaciteit, capaciteitRows, capaciteitMeta) : null,
		wlz: p.wlz.length > 0 ? render(gemeenteWlz, wlzRows, wlzMeta) : null,
		hkg: hkgRows.length > 0 ? render(gemeenteHkg, hkgRows, hkgMeta) : null,
		dagbesteding: p.dagbesteding.length > 0 ? render(gemeenteDagbesteding, dagRows, dagMeta) : null,
		dagbestedingRegio: regioLaatste ? { periode: formatPeriode(regioLaatste.periode), aandeel: formatPercent(regioLaatste.aandeel) } : null
	};
}
