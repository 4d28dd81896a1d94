import { error } from '@sveltejs/kit';
import { loadDagbesteding } from '$lib/charts/dagbesteding/load.server';
import { dagbestedingPerAanbieder } from '$lib/charts/dagbesteding/per-aanbieder';
import { dagbestedingRegioChart } from '$lib/charts/dagbesteding/regio';
import { renderChart } from '$lib/charts/render.server';
import { FilterError } from '$lib/filters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	let data;
	try {
		data = await loadDagbesteding(url);
	} catch (e) {
		if (e instanceof FilterError) error(400, { message: e.message });
		throw e;
	}
	return {
		filters: data.filters,
		aanbieders: data.aanbieders,
		perioden: data.perioden,
		regio: { meta: data.meta.regio, chart: renderChart(dagbestedingRegioChart, data.regio, { title: data.meta.regio.title, width: 760 }) },
		perAanbieder: {
			meta: data.meta.perAanbieder,
			chart: renderChart(dagbestedingPerAanbieder, data.perAanbieder, { title: data.meta.perAanbieder.title, width: 760 })
		}
	};
};
