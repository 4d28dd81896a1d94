/** A chart block that does not fit its query's result: the page shows the Dutch message in place of the chart. */
export class ChartSpecError extends Error {
	override name = 'ChartSpecError';

	constructor(
		/** The chart block's name. */
		readonly chart: string,
		/** The spec field at fault (`x`, `fill`, `mark`, …). */
		readonly field: string,
		detail: string
	) {
		super(`Grafiek '${chart}': ${detail}`);
	}
}

/** The chart block's own name from a chart id (`notebook/<slug>/<chart>` → `<chart>`). */
export function chartName(id: string): string {
	return id.slice(id.lastIndexOf('/') + 1);
}
