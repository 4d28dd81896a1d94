/**
 * `notebooks/<slug>.md` → Notebook (notebooks/README.md is the format). Pure: no file system
 * and no store, so the CLI, the server and tests share it. Every problem is collected with its
 * line in the file and a Dutch message, and thrown together as one NotebookParseError, so an
 * author fixes a notebook in one round instead of one error at a time. The steps: front matter
 * (parse-front-matter.ts), blocks (parse-blocks.ts), checks across blocks (parse-checks.ts).
 */
import { parseBlocks } from './parse-blocks';
import { checkNotebook } from './parse-checks';
import { SLUG, type Report } from './parse-common';
import { parseFrontMatter, splitFrontMatter } from './parse-front-matter';
import { NotebookParseError, type Notebook, type NotebookProblem } from './types';

export { CHART_NAME, PARAMETER_NAME, SLUG, SQL_BLOCK_NAME } from './parse-common';
export { chartSpecSchema } from './parse-blocks';

/** Parse a notebook file; throws NotebookParseError listing every problem found. */
export function parseNotebook(source: string, { slug, file }: { slug: string; file: string }): Notebook {
	const problems: NotebookProblem[] = [];
	const report: Report = (line, message) => problems.push({ file, line, message });
	const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

	if (!SLUG.test(slug)) report(1, `ongeldige naam '${slug}' voor een notebook: gebruik kleine letters, cijfers en '-'`);
	const split = splitFrontMatter(text, report);
	const { frontMatter, parameters } = split.yaml === null ? { frontMatter: null, parameters: null } : parseFrontMatter(split.yaml, split.yamlLine, report);
	const blocks = parseBlocks(split.body, split.bodyLine, report);
	checkNotebook(parameters, blocks, report);

	if (problems.length > 0 || !frontMatter) {
		if (problems.length === 0) report(1, 'de front matter ontbreekt');
		throw new NotebookParseError(problems.sort((a, b) => a.line - b.line));
	}
	return { slug, file, frontMatter, blocks };
}
