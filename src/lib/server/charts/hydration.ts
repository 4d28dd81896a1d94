/**
 * Page data without what the HTML already holds (issue 12). SvelteKit writes a page's load data
 * into the HTML a second time, as the hydration data of the browser's app; a chart's SVG and
 * its table rows are most of both. On a page request they are made non-enumerable: the server
 * still renders them into the HTML, while devalue, which serialises own enumerable keys only,
 * leaves them out of the hydration data. In the browser ChartFrame and DataTable keep the
 * server's HTML (Svelte does not replace {@html} content while hydrating) and ChartFrame reads
 * the SVG from the page. A client-side navigation's data request (`__data.json`) carries
 * everything, since there is no HTML to take it from.
 */
import type { RenderedChart } from '$lib/charts/types';

/** A rendered chart as the page data holds it: a string `svg` and a `table` with `rows`. */
function isRenderedChart(value: object): value is RenderedChart {
	const chart = value as Partial<RenderedChart>;
	return typeof chart.svg === 'string' && typeof chart.table === 'object' && chart.table !== null && Array.isArray(chart.table.rows);
}

/** Keep `key` readable on the server, out of the serialised data. */
function hide(object: object, key: string): void {
	Object.defineProperty(object, key, { enumerable: false });
}

/**
 * `data` for the page's load function: on a page request (not a data request) every rendered
 * chart in it, at any depth, keeps its SVG and table rows for the server's render only.
 * Changes `data` in place and returns it.
 */
export function hydrationData<T>(data: T, { isDataRequest }: { isDataRequest: boolean }): T {
	if (isDataRequest) return data;
	const seen = new Set<object>();
	const walk = (value: unknown): void => {
		if (typeof value !== 'object' || value === null || seen.has(value)) return;
		seen.add(value);
		if (Array.isArray(value)) {
			for (const item of value) walk(item);
			return;
		}
		if (isRenderedChart(value)) {
			hide(value, 'svg');
			hide(value.table, 'rows');
		}
		for (const item of Object.values(value)) walk(item);
	};
	walk(data);
	return data;
}
