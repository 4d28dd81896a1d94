/**
 * /gemeente/[code]: one gemeente against the region. For the chart loaders the gemeente is a
 * URL parameter (`gemeente=GM0505`), since /charts/<id> has no path segment for it.
 */
import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { gemeenteCapaciteit, gemeenteCapaciteitRows } from '$lib/charts/gemeente/capaciteit';
import { gemeenteDagbesteding, gemeenteDagbestedingRows } from '$lib/charts/gemeente/dagbesteding';
import { gemeenteHkg } from '$lib/charts/gemeente/hkg';
import { orderedProjects, PROJECTEN_ALLE } from '$lib/charts/planning/projects';
import { gemeenteWlz, gemeenteWlzRows } from '$lib/charts/gemeente/wlz';
import type { ChartMeta } from '$lib/charts/types';
import { formatInteger, formatPercent, formatPeriode } from '$lib/domain/format';
import { PXQ_START_TEKST } from '$lib/domain/pxq';
import { gemeentecodeParam } from '$lib/domain/schemas';
import { bronVoor, gemeenteProfiel, gemeenten } from '$lib/server/db/queries';
import { bronMeta, loaded, renderLoaded } from '$lib/server/charts/common';
import { pageRows } from '$lib/server/charts/page-data';
import type { LoadedChart } from '$lib/server/charts/types';
import { defineView } from './define';

/** The 404 of an unknown gemeente, as the gemeente page words it. */
export function onbekendeGemeente(code: string): never {
	error(404, `Er is geen gemeente met code ${code.slice(0, 20)} in deze regio. Kies een gemeente uit de lijst.`);
}

/** Everything /gemeente/[code] shows, or null for a code that is no gemeente of the region. */
async function loadGemeente(code: string) {
	const [p, capaciteit, wlz, hkg, dagbesteding] = await Promise.all([
		gemeenteProfiel(code),
		bronVoor(['capaciteit', 'inwoners']),
		bronVoor(['wlz_instroom']),
		bronVoor(['hkg_opgave', 'hkg_biedingen', 'inwoners']),
		bronVoor(['dagbesteding'])
	]);
	if (!p) return null;
	const naam = p.gemeente.naam;
	const words = { filters: [p.gemeente.gemeentecode, naam] };
	const inwoners = p.gemeente.inwoners === null ? '' : ` ${naam} telde ${formatInteger(p.gemeente.inwoners)} inwoners op 1 januari ${p.gemeente.inwoners_jaar}.`;

	const capaciteitRows = gemeenteCapaciteitRows(p.capaciteitPer10k, p.capaciteit, p.capaciteitRegioPer10k);
	const capaciteitMeta: ChartMeta = {
		title: `Bestaande plekken en behoefte per 10.000 inwoners: ${naam} tegenover de regio, peiljaar ${p.peiljaar}`,
		subtitle: `Alle doelgroepen, per voorzieningstype dat ${naam} in de capaciteitsexport heeft.${inwoners}`,
		...bronMeta(capaciteit)
	};

	const wlzRows = gemeenteWlzRows(p.wlz, p.wlzRegio);
	const wlzJaren = wlzRows.map((r) => r.jaar);
	const wlzMeta: ChartMeta = {
		title: `Wlz-instroom per 10.000 inwoners: ${naam} tegenover de regio`,
		subtitle: `BW-cliënten die per jaar instromen in de Wet langdurige zorg, ${wlzJaren[0]}–${wlzJaren.at(-1)}.`,
		...bronMeta(wlz)
	};

	const hkgRows = p.hkgBiedingen.map(({ ronde, ronde_datum, categorie, bod, fair_share }) => ({ ronde, ronde_datum, categorie, bod, fair_share }));
	const hkgMeta: ChartMeta = {
		title: `HKG-bod van ${naam} per ronde tegenover het redelijk aandeel, periode ${formatPeriode(p.hkgPeriode ?? '')}`,
		subtitle: 'Alle categorieën samen; redelijk aandeel volgens de verdeelsleutel die de regio per categorie afsprak (inwoners of sociale huurvoorraad).',
		...bronMeta(hkg)
	};

	const dagRows = gemeenteDagbestedingRows(p.dagbesteding, p.dagbestedingRegio);
	const dagMeta: ChartMeta = {
		title: `Aandeel BW-cliënten met dagbesteding: ${naam} tegenover de regio`,
		subtitle: `Per periode; de overgang naar bekostiging per product en prijs (P×Q) op ${PXQ_START_TEKST} is gemarkeerd.`,
		...bronMeta(dagbesteding)
	};
	const regioLaatste = p.dagbestedingRegio.at(-1);

	return {
		profiel: p,
		charts: {
			'gemeente-capaciteit': capaciteitRows.length > 0 ? loaded(gemeenteCapaciteit, capaciteitRows, capaciteitMeta, { filters: [...words.filters, p.peiljaar] }) : null,
			'gemeente-wlz': p.wlz.length > 0 ? loaded(gemeenteWlz, wlzRows, wlzMeta, words) : null,
			'gemeente-hkg': hkgRows.length > 0 ? loaded(gemeenteHkg, hkgRows, hkgMeta, { filters: [...words.filters, p.hkgPeriode] }) : null,
			// Null when the dagbesteding export has no rows for this gemeente (the page says so).
			'gemeente-dagbesteding': p.dagbesteding.length > 0 ? loaded(gemeenteDagbesteding, dagRows, dagMeta, words) : null
		},
		/** The region's latest dagbesteding share, shown when the gemeente has no figures of its own. */
		dagbestedingRegio: regioLaatste
			? { periode: formatPeriode(regioLaatste.periode), aandeel: regioLaatste.afgeschermd?.aandeel ?? formatPercent(regioLaatste.aandeel) }
			: null
	};
}

export const gemeenteView = defineView({
	path: '/gemeente/[code]',
	name: 'gemeente',
	// Its charts name the gemeente, and compare it with its own region.
	regioInSubtitle: false,
	charts: {
		'gemeente-capaciteit': { chart: gemeenteCapaciteit, title: 'Bestaande plekken en behoefte per 10.000 inwoners: gemeente tegenover de regio' },
		'gemeente-wlz': { chart: gemeenteWlz, title: 'Wlz-instroom per 10.000 inwoners: gemeente tegenover de regio' },
		'gemeente-hkg': { chart: gemeenteHkg, title: 'HKG-bod van de gemeente per ronde tegenover het redelijk aandeel' },
		'gemeente-dagbesteding': { chart: gemeenteDagbesteding, title: 'Aandeel BW-cliënten met dagbesteding: gemeente tegenover de regio' }
	},
	facts: async () => ({ gemeentecodes: (await gemeenten()).map((g) => g.gemeentecode) }),
	schema: ({ gemeentecodes }) => z.object({ gemeente: gemeentecodeParam.meta({ label: 'Gemeente', values: gemeentecodes }) }),
	// The gemeente is compared with its own centrumregio, whatever `regio` says.
	async load({ gemeente }: { gemeente: string }) {
		const data = await loadGemeente(gemeente);
		if (!data) onbekendeGemeente(gemeente);
		return data;
	},
	missing: () => 'de exports hebben voor deze gemeente geen cijfers voor deze grafiek.'
});

const render = (chart: LoadedChart | null) => (chart ? renderLoaded(chart) : null);

/**
 * What /gemeente/[code] shows, its project list cut to its first rows unless `url` asks for all
 * (`alle=projecten`); rendered once per snapshot and URL by the page cache (hooks.server.ts).
 */
export async function gemeentePage(param: string, url: URL) {
	const code = param.trim().toUpperCase();
	// Links with gm0505 keep working (with their query: alle=projecten), but the address shows the canonical code.
	if (code !== param) redirect(308, `/gemeente/${encodeURIComponent(code)}${url.search}`);
	const { profiel, charts, dagbestedingRegio } = await gemeenteView.load({ gemeente: code, regio: '' }, { gemeentecodes: [] });
	return {
		gemeente: profiel.gemeente,
		peiljaar: profiel.peiljaar,
		projecten: pageRows(orderedProjects(profiel.projecten), { url, id: PROJECTEN_ALLE }),
		grafieken: {
			capaciteit: render(charts['gemeente-capaciteit']),
			wlz: render(charts['gemeente-wlz']),
			hkg: render(charts['gemeente-hkg']),
			dagbesteding: render(charts['gemeente-dagbesteding']),
			dagbestedingRegio
		}
	};
}
