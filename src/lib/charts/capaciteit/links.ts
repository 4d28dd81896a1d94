/**
 * Click-through without links inside the chart image. Plot's `href` channel wraps marks in
 * <a>, but the frame gives the SVG role="img": focusable links inside an image are nested
 * interactive content (axe: nested-interactive, serious). Each <a href> becomes a
 * <g data-href> that the page follows on click (ChartLinks.svelte); keyboard and no-JS users
 * reach the same gemeente pages through the links in the ranked table.
 * (Same approach as charts/hkg/links.ts and charts/planning/links.ts: a candidate for one shared module.)
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Replace every <a href> in a Plot figure by <g data-href>, keeping its children. */
export function linksToDataHref<E extends Element>(figure: E): E {
	for (const link of [...figure.querySelectorAll('a')]) {
		const group = figure.ownerDocument.createElementNS(SVG_NS, 'g');
		group.setAttribute('data-href', link.getAttribute('href') ?? '');
		while (link.firstChild) group.appendChild(link.firstChild);
		link.parentNode?.replaceChild(group, link);
	}
	return figure;
}
