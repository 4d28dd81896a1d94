/** The /dagbesteding charts by URL filters: aanbieder(s), van, tot, maat. */
import { MATEN } from '$lib/charts/dagbesteding/filters';
import { loadDagbesteding } from '$lib/charts/dagbesteding/load.server';
import { dagbestedingPerAanbieder } from '$lib/charts/dagbesteding/per-aanbieder';
import { dagbestedingRegioChart } from '$lib/charts/dagbesteding/regio';
import { dagbestedingPerAanbieder as perAanbiederRows, dagbestedingRegio } from '$lib/server/db/queries';
import { loaded, viewLoaders } from './common';
import type { ChartParameter } from './types';

/** Everything /dagbesteding shows for the URL's filters; throws a FilterError for invalid ones. */
export async function loadDagbestedingView(url: URL) {
	const data = await loadDagbesteding(url);
	const { filters, perioden } = data;
	const van = filters.van ?? perioden[0];
	const tot = filters.tot ?? perioden.at(-1);
	const words = { filters: [van, tot, ...(filters.aanbieder ?? []), filters.maat === 'aandeel' ? undefined : filters.maat] };
	return {
		data,
		charts: {
			'dagbesteding-regio': loaded(dagbestedingRegioChart, data.regio, data.meta.regio, words),
			'dagbesteding-per-aanbieder': loaded(dagbestedingPerAanbieder, data.perAanbieder, data.meta.perAanbieder, words)
		}
	};
}

async function parameters(): Promise<ChartParameter[]> {
	const [regio, perAanbieder] = await Promise.all([dagbestedingRegio(), perAanbiederRows()]);
	const perioden = regio.map((r) => r.periode);
	const aanbieders = [...new Set(perAanbieder.map((r) => r.aanbieder))].sort((a, b) => a.localeCompare(b, 'nl'));
	return [
		{ name: 'aanbieder', label: 'Aanbieder', values: aanbieders, multiple: true },
		{ name: 'van', label: 'Vanaf periode', values: perioden, default: perioden[0] },
		{ name: 'tot', label: 'Tot en met periode', values: perioden, default: perioden.at(-1) },
		{ name: 'maat', label: 'Maat', values: MATEN, default: 'aandeel' }
	];
}

export const dagbestedingLoaders = viewLoaders(
	'/dagbesteding',
	{
		'dagbesteding-regio': 'Aandeel BW-cliënten met dagbesteding in de regio',
		'dagbesteding-per-aanbieder': 'Aandeel BW-cliënten met dagbesteding per aanbieder'
	},
	parameters,
	async (url) => (await loadDagbestedingView(url)).charts,
	() => 'er zijn geen gegevens voor.'
);
