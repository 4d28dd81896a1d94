/**
 * Sorting the /regios table by a link per column header (server side, in the URL, so it works
 * without JavaScript and a link reproduces the order): the current column flips its direction,
 * another column starts ascending, except figures where the largest first is the question.
 */
export type Richting = 'op' | 'af';

/** aria-sort of a column header. */
export function ariaSort(kolom: string, sorteer: string, richting: Richting): 'ascending' | 'descending' | undefined {
	if (kolom !== sorteer) return undefined;
	return richting === 'op' ? 'ascending' : 'descending';
}

/** The query of the link on a column header, keeping the other filters. */
export function sorteerHref(search: string, kolom: string, sorteer: string, richting: Richting): string {
	const params = new URLSearchParams(search);
	const nieuw: Richting = kolom === sorteer ? (richting === 'op' ? 'af' : 'op') : kolom === 'naam' ? 'op' : 'af';
	params.set('sorteer', kolom);
	params.set('richting', nieuw);
	return `?${params}`;
}
