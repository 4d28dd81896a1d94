/**
 * A chart by id and URL filters → its rows and frame, on the server. The views render their
 * charts through these loaders, and the export endpoints (/charts/<id>.svg|png|csv|xlsx) and
 * the deck use the same ones, so one chart id plus one query string is one figure everywhere.
 */
import type { ChartDefinition, ChartMeta } from '$lib/charts/types';

/** One filter parameter a chart takes, with its allowed values (for GET /charts). */
export interface ChartParameter {
	name: string;
	/** Dutch label of the filter. */
	label: string;
	/** Allowed values, when they are a closed list (from the data or the vocabulary). */
	values?: readonly string[];
	/** Whether the parameter may repeat (type=a&type=b). */
	multiple?: boolean;
	/** Default value when absent, as the view uses it. */
	default?: string;
}

export interface LoadedChart<Row = unknown> {
	/** The chart with the view's options fixed: what the renderers and the exports call with rows alone. */
	definition: ChartDefinition<Row>;
	/** The registered chart (absent: `definition` is it). */
	chart?: ChartDefinition<Row, never>;
	/** The options the view chose for it (`maat`, `reductie`), beside the rows. */
	options?: object;
	rows: Row[];
	meta: ChartMeta;
	/** Width the view renders it at (CSS pixels). */
	width: number;
	/** Words for a file name: chart subject and the active filters, e.g. ['capaciteit', 'tekort', '2024', 'skaeve-huse']. */
	fileWords: string[];
}

export interface ChartLoader {
	id: string;
	/** The view the chart belongs to (its route), e.g. '/capaciteit'. */
	view: string;
	title: string;
	parameters(): Promise<ChartParameter[]>;
	/** Parse the URL's filters (Dutch 400 via FilterError on invalid ones) and load the chart. */
	load(url: URL): Promise<LoadedChart>;
}
