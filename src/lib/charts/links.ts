/**
 * Click-through from chart marks to a page (a gemeente, a view) without links inside the
 * image. The frame gives every chart SVG role="img", whose children are presentational:
 * focusable links inside it are nested interactive content (axe: nested-interactive, serious).
 * Marks therefore carry `data-href`, which ChartFrame follows on click when JavaScript runs;
 * keyboard and no-JS users reach the same pages through the links in the chart's tables.
 */
import type { RenderFunction } from '@observablehq/plot';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Replace every <a href> that Plot's `href` channel made by <g data-href>, keeping its children. */
export function linksToDataHref<E extends Element>(figure: E): E {
	for (const link of [...figure.querySelectorAll('a')]) {
		const group = figure.ownerDocument.createElementNS(SVG_NS, 'g');
		group.setAttribute('data-href', link.getAttribute('href') ?? '');
		while (link.firstChild) group.appendChild(link.firstChild);
		link.parentNode?.replaceChild(group, link);
	}
	return figure;
}

/** A Plot render transform that writes `data-href` on each rendered element of a mark. */
export function dataHref<T>(data: readonly T[], href: (d: T) => string): RenderFunction {
	return (index, scales, values, dimensions, context, next) => {
		const group = next!(index, scales, values, dimensions, context);
		if (!group) return null;
		const elements = [...group.children].filter((child) => child.tagName.toLowerCase() !== 'title');
		elements.forEach((element, i) => {
			const datum = data[index[i]];
			if (datum !== undefined) element.setAttribute('data-href', href(datum));
		});
		return group;
	};
}

/** The path to follow for a click inside a chart, or null: only our own pages, never another host or scheme. */
export function followedHref(target: Element | null): string | null {
	const href = target?.closest('[data-href]')?.getAttribute('data-href') ?? null;
	return href && href.startsWith('/') && !href.startsWith('//') ? href : null;
}
