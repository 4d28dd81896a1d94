/**
 * npm run notebook -- notebooks/<slug>.md [--pptx uit.pptx] [--html uit.html] [--param naam=waarde …] [--titel "…"]
 *
 * Renders a notebook without the server, on the current store (data/store, REGIO_STORE_DIR
 * overrides): a PowerPoint deck of its charts (the same as "Exporteer weergave" on its page)
 * and/or one self-contained HTML file (prose, charts as SVG with source lines, tables). Errors
 * are Dutch messages and exit code 1; never a stack trace.
 */
import { writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isHttpError } from '@sveltejs/kit';
import { FilterError } from '../src/lib/filters';
import { NotebookParseError } from '../src/lib/notebooks/types';
import { storePaths } from '../src/lib/server/db/layout';
import { closeStore, useStore, withSnapshot } from '../src/lib/server/db/store';
import { buildDeck } from '../src/lib/server/export/deck';
import { notebookChartIds } from '../src/lib/server/charts';
import { findNotebook, SLUG } from '../src/lib/server/notebooks/catalog';
import { notebookHtml } from '../src/lib/server/notebooks/html';
import { notebookPage } from '../src/lib/server/notebooks/page';
import { runNotebook } from '../src/lib/server/notebooks/run';

const USAGE = 'Gebruik: npm run notebook -- notebooks/<naam>.md [--pptx uit.pptx] [--html uit.html] [--param naam=waarde …] [--titel "Titel van de presentatie"]';

class CliError extends Error {}

function args() {
	let parsed;
	try {
		parsed = parseArgs({
			allowPositionals: true,
			options: {
				pptx: { type: 'string' },
				html: { type: 'string' },
				param: { type: 'string', multiple: true },
				titel: { type: 'string' }
			}
		});
	} catch (e) {
		throw new CliError(`${(e as Error).message}\n${USAGE}`);
	}
	const { positionals, values } = parsed;
	if (positionals.length !== 1) throw new CliError(`Geef precies één notebook op.\n${USAGE}`);
	if (!values.pptx && !values.html) throw new CliError(`Geef --pptx en/of --html op: wat moet er gemaakt worden?\n${USAGE}`);
	const search = new URLSearchParams();
	for (const pair of values.param ?? []) {
		const eq = pair.indexOf('=');
		if (eq < 1) throw new CliError(`--param '${pair}' heeft niet de vorm naam=waarde.`);
		search.append(pair.slice(0, eq), pair.slice(eq + 1));
	}
	return { file: resolve(positionals[0]), pptx: values.pptx, html: values.html, titel: values.titel, search };
}

async function main(): Promise<void> {
	const { file, pptx, html, titel, search } = args();
	if (!file.endsWith('.md')) throw new CliError(`${file}: een notebook is een .md-bestand.`);
	const slug = basename(file, '.md');
	if (!SLUG.test(slug)) throw new CliError(`${file}: de bestandsnaam moet bestaan uit kleine letters, cijfers en '-' (dat wordt het adres van het notebook).`);
	// The charts' loaders find notebooks by slug in the notebooks folder: point it at this file's folder.
	process.env.REGIO_NOTEBOOKS_DIR = dirname(file);
	const entry = findNotebook(slug);
	if (!entry) throw new CliError(`${file}: bestand niet gevonden.`);
	if (!entry.notebook) throw new NotebookParseError(entry.problems.map((p) => ({ ...p, file })));
	const notebook = entry.notebook;

	await useStore(storePaths().store, { checkIntervalMs: 0 });
	await withSnapshot(async () => {
		const run = await runNotebook(notebook, search);
		const page = await notebookPage(notebook, run);
		for (const block of page.blocks) {
			if (block.kind === 'sql' && block.error) console.warn(`Let op: ${block.error}`);
			if (block.kind === 'chart' && block.error) console.warn(`Let op: ${block.error}`);
		}
		if (html) {
			writeFileSync(html, notebookHtml(page, { file: entry.file }));
			console.log(`HTML geschreven: ${html}`);
		}
		if (pptx) {
			const ids = notebookChartIds(slug);
			if (ids.length === 0) throw new CliError(`${file}: dit notebook heeft geen grafieken, dus geen presentatie.`);
			const query = search.toString();
			const deck = await buildDeck({ titel: titel ?? notebook.frontMatter.title, slides: ids.map((id) => ({ id, query, slidetitel: '', notitie: '' })), skipMissing: true });
			writeFileSync(pptx, deck.body);
			console.log(`PowerPoint geschreven: ${pptx} (${deck.slides} dia's)`);
		}
	});
}

try {
	await main();
} catch (e) {
	if (e instanceof CliError || e instanceof FilterError || e instanceof NotebookParseError) console.error(e.message);
	else if (isHttpError(e)) console.error(e.body.message);
	else console.error(`Het notebook kon niet worden gemaakt: ${(e as Error).message}`);
	process.exitCode = 1;
} finally {
	await closeStore();
}
