/**
 * The region picker of the header and the links that keep the chosen region. The region lives in
 * the URL only (`regio=CR0344`), like every filter; the manifest's region is the default and
 * is left out of links, so a one-region site has the addresses it always had.
 */
import { REGIO_PARAM } from '$lib/domain/regio';

export interface RegioOptie {
	code: string;
	naam: string;
	gemeenten: number;
	standaard: boolean;
}

/** Filters that name gemeenten or aanbieders of one region: a change of region drops them. */
function regioGebonden(name: string): boolean {
	return name === REGIO_PARAM || name === 'gemeente' || name === 'aanbieder' || name.startsWith('bod_');
}

/** The link `href` for region `regio` (unchanged for the default region). */
export function metRegio(href: string, regio: string | null, standaard: string | null): string {
	if (!regio || regio === standaard) return href;
	const [path, query = ''] = href.split('?');
	const params = new URLSearchParams(query);
	params.set(REGIO_PARAM, regio);
	return `${path}?${params}`;
}

/**
 * `href` in the region the page shows, from the layout's data (page.data): the URL's region, or
 * on a gemeente's page that gemeente's region. For links inside a page (RegioLink) and an
 * error page's way back.
 */
export function inPaginaRegio(href: string, data: { paginaRegio?: string | null; standaardRegio?: string | null }): string {
	return metRegio(href, data.paginaRegio ?? null, data.standaardRegio ?? null);
}

/** Where the picker sends a visitor: the same view, or the overzicht from a page of one gemeente. */
export function keuzeActie(pathname: string): string {
	return pathname.startsWith('/gemeente/') ? '/' : pathname;
}

/** The current filters the picker carries along as hidden fields (not those bound to a region). */
export function keuzeVelden(search: string): [string, string][] {
	return [...new URLSearchParams(search)].filter(([name]) => !regioGebonden(name));
}
