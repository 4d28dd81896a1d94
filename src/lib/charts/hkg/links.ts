/**
 * Click-through from chart marks to a gemeente's page without links inside the image.
 * Plot's `href` channel wraps marks in <a>, but the frame gives the SVG role="img", whose
 * children are presentational: focusable links inside it are nested interactive content
 * (axe: nested-interactive, serious) and unreachable for screen readers anyway. So the links
 * become `data-href` groups that a small script follows on click (ChartLinks.svelte); the
 * keyboard path to every gemeente is the link in the table beside the chart.
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
