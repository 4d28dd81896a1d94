import { error } from '@sveltejs/kit';
import { asPageError } from '$lib/server/charts/common';
import { pageData } from '$lib/server/charts/page-data';
import { findNotebook } from '$lib/server/notebooks/catalog';
import { notebookPage } from '$lib/server/notebooks/page';
import { runNotebook } from '$lib/server/notebooks/run';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, isDataRequest }) => {
	const entry = findNotebook(params.slug);
	if (!entry) error(404, `Er is geen notebook '${params.slug.slice(0, 80)}'. Kies een notebook op /notebooks.`);
	if (!entry.notebook) return { slug: entry.slug, file: entry.file, problems: entry.problems, page: null };
	const notebook = entry.notebook;
	const run = await asPageError(() => runNotebook(notebook, url.searchParams));
	return pageData({ slug: entry.slug, file: entry.file, problems: [], page: await notebookPage(notebook, run) }, { url, isDataRequest });
};
