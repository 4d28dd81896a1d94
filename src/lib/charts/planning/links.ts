/**
 * Click-through to a gemeente without <a> elements inside the chart: the frame gives the SVG
 * role="img", and links inside an image are nested interactive controls (axe: nested-interactive,
 * serious). Marks get a data-href instead, which the page follows on click when JavaScript runs
 * (ChartLinks.svelte); keyboard and no-JS users have the same links in the project table.
 */
import type { RenderFunction } from '@observablehq/plot';

/** A Plot render transform that writes `data-href` on each rendered element of the mark. */
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
