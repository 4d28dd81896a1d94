/**
 * The notebooks in `notebooks/` (REGIO_NOTEBOOKS_DIR overrides): read at request time, so an
 * analyst's edit shows on the next page load without a restart. Each file is parsed once per
 * version (size + modification time); a file with problems is listed with them, never hidden.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseNotebook } from '$lib/notebooks/parse';
import { NotebookParseError, type Notebook, type NotebookProblem } from '$lib/notebooks/types';

/** A notebook's address: its file name without `.md`. */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** Files in the notebooks folder that are documentation, not notebooks. */
const NOT_NOTEBOOKS = new Set(['readme.md']);

export function notebooksDir(env: Record<string, string | undefined> = process.env): string {
	return resolve(env.REGIO_NOTEBOOKS_DIR ?? 'notebooks');
}

export interface NotebookEntry {
	slug: string;
	/** Path relative to the project, for messages: `notebooks/<slug>.md`. */
	file: string;
	/** The parsed notebook, or undefined when the file has problems. */
	notebook?: Notebook;
	problems: NotebookProblem[];
	/** Fingerprint of the file's version (for caches). */
	version: string;
}

const parsed = new Map<string, NotebookEntry>();

function slugsIn(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.md') && !NOT_NOTEBOOKS.has(f.toLowerCase()))
		.map((f) => f.slice(0, -3))
		.filter((slug) => SLUG.test(slug))
		.sort();
}

function entry(dir: string, slug: string): NotebookEntry | undefined {
	const path = join(dir, `${slug}.md`);
	let version: string;
	try {
		const stat = statSync(path);
		if (!stat.isFile()) return undefined;
		version = `${slug}:${stat.size}:${stat.mtimeMs}`;
	} catch {
		return undefined;
	}
	const cached = parsed.get(path);
	if (cached?.version === version) return cached;
	const file = `notebooks/${slug}.md`;
	let result: NotebookEntry;
	try {
		const notebook = parseNotebook(readFileSync(path, 'utf8').replace(/^\ufeff/, ''), { slug, file });
		result = { slug, file, notebook, problems: [], version };
	} catch (e) {
		if (!(e instanceof NotebookParseError)) throw e;
		result = { slug, file, problems: e.problems, version };
	}
	parsed.set(path, result);
	return result;
}

/** Every notebook, by slug. */
export function listNotebooks(dir = notebooksDir()): NotebookEntry[] {
	return slugsIn(dir).flatMap((slug) => entry(dir, slug) ?? []);
}

/** One notebook by slug, or undefined for an unknown or malformed slug. */
export function findNotebook(slug: string, dir = notebooksDir()): NotebookEntry | undefined {
	return SLUG.test(slug) ? entry(dir, slug) : undefined;
}

/** A cheap fingerprint of the whole folder (names, sizes, times), for the page cache key. */
export function notebooksVersion(dir = notebooksDir()): string {
	try {
		return slugsIn(dir)
			.map((slug) => {
				const stat = statSync(join(dir, `${slug}.md`));
				return `${slug}:${stat.size}:${stat.mtimeMs}`;
			})
			.join(',');
	} catch {
		return 'onleesbaar';
	}
}
