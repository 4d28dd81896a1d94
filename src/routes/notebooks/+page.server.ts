import { listNotebooks } from '$lib/server/notebooks/catalog';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	notebooks: listNotebooks().map((e) => ({
		slug: e.slug,
		file: e.file,
		title: e.notebook?.frontMatter.title ?? e.slug,
		description: e.notebook?.frontMatter.description ?? null,
		author: e.notebook?.frontMatter.author ?? null,
		date: e.notebook?.frontMatter.date ?? null,
		charts: e.notebook?.blocks.filter((b) => b.kind === 'chart').length ?? 0,
		problems: e.problems.length
	}))
});
