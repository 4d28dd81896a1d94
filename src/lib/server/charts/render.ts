/**
 * Server-side rendering of chart builders: a linkedom document stands in for the browser's,
 * and the figure is serialised to an SVG string that the page embeds, so the chart is in the
 * first paint and works without JavaScript.
 */
import { parseHTML } from 'linkedom';
import { addHatch, legendFor } from '$lib/charts/afgeschermd';
import type { ChartDefinition, RenderedChart } from '$lib/charts/types';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A fresh DOM document for one render (linkedom documents are cheap; sharing one would leak nodes). */
export function serverDocument(): Document {
	return parseHTML('<!doctype html><html lang="nl"><head></head><body></body></html>').document as unknown as Document;
}

export interface RenderOptions {
	width?: number;
	/** The chart's title: the SVG's accessible name and <title>. */
	title: string;
}

/**
 * Make the builder's output a self-describing, accessible SVG: xmlns (Plot emits none, and a
 * downloaded file needs it), role="img" with an aria-label, and a <title> as first child.
 * Plot's aria-description is not a standard attribute; the frame links a visible text instead.
 */
export function finishSvg(svg: SVGSVGElement, { title, describedBy }: { title: string; describedBy?: string }): SVGSVGElement {
	svg.setAttribute('xmlns', SVG_NS);
	svg.setAttribute('role', 'img');
	svg.setAttribute('aria-label', title);
	svg.removeAttribute('aria-description');
	// role="img" makes the parts presentational; Plot's aria-labels on <g> groups are then
	// prohibited attributes (axe: aria-prohibited-attr) and would be noise for screen readers.
	for (const element of svg.querySelectorAll('[aria-label], [aria-description]')) {
		element.removeAttribute('aria-label');
		element.removeAttribute('aria-description');
	}
	if (describedBy) svg.setAttribute('aria-describedby', describedBy);
	const doc = svg.ownerDocument;
	const titleElement = doc.createElementNS(SVG_NS, 'title');
	titleElement.textContent = title;
	svg.insertBefore(titleElement, svg.firstChild);
	return svg;
}

/** The id of the visible text alternative of a chart instance. */
export function descriptionId(chartId: string): string {
	return `${chartId}-beschrijving`;
}

/** Render a chart on the server: SVG string, text alternative, table and legend. */
export function renderChart<Row>(chart: ChartDefinition<Row>, rows: readonly Row[], { width = 720, title }: RenderOptions): RenderedChart {
	const document = serverDocument();
	let svg = addHatch(chart.build(rows, { width, document }));
	// Plot wraps a chart in a <figure> when it has a title or legend; the frame supplies both.
	if (svg.tagName.toLowerCase() !== 'svg') {
		const inner = svg.querySelector('svg');
		if (!inner) throw new Error(`Chart ${chart.id} rendered no <svg>`);
		svg = inner as SVGSVGElement;
	}
	finishSvg(svg, { title, describedBy: descriptionId(chart.id) });
	return {
		id: chart.id,
		svg: svg.outerHTML,
		description: chart.describe(rows),
		table: chart.table(rows),
		legend: legendFor(chart.legendOf?.(rows) ?? chart.legend, rows)
	};
}
