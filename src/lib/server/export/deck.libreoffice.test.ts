/**
 * The decks open in LibreOffice: every chart of the example data in one deck, and the deck of a
 * whole view, converted to PDF with `soffice --headless --convert-to pdf`, without an error,
 * one page per slide, with the text in the charts' font. LibreOffice is required like
 * Chromium is (.ci/run installs libreoffice-impress): without it this test fails and says so,
 * it does not pass as if it had checked. SOFFICE_PATH names another soffice;
 * REGIO_DECK_PDF_DIR keeps the decks and PDFs there to look at (README: checking a deck by eye).
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_VIEWS } from '$lib/server/views';
import { chartAvailability, chartLoader } from '$lib/server/charts';
import { closeStore, useStore } from '$lib/server/db/store';
import { buildFixtureStore, type FixtureStore } from '../../../../tests/helpers/fixture-store';
import { buildDeck, MAX_CHARTS, parseDeckQuery } from './deck';
import { fontFiles } from './fonts';

const run = promisify(execFile);

/** soffice from SOFFICE_PATH, else the usual places of the Debian package. */
export function findSoffice(env: Record<string, string | undefined> = process.env): string | undefined {
	const candidates = env.SOFFICE_PATH ? [env.SOFFICE_PATH] : ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'];
	return candidates.find((path) => {
		try {
			accessSync(path, constants.X_OK);
			return true;
		} catch {
			return false;
		}
	});
}

/** Pages of a PDF as LibreOffice writes it (page objects are not compressed into object streams). */
function pageCount(pdf: Buffer): number {
	return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

let store: FixtureStore;
let work: string;
const notebooksBefore = process.env.REGIO_NOTEBOOKS_DIR;
beforeAll(async () => {
	work = mkdtempSync(join(tmpdir(), 'regio-soffice-'));
	store = await buildFixtureStore({ exports: resolve('data/exports') });
	process.env.REGIO_NOTEBOOKS_DIR = resolve('notebooks');
	await useStore(store.paths.store, { checkIntervalMs: 0 });
});
afterAll(async () => {
	await closeStore();
	store?.cleanup();
	if (work) rmSync(work, { recursive: true, force: true });
	if (notebooksBefore === undefined) delete process.env.REGIO_NOTEBOOKS_DIR;
	else process.env.REGIO_NOTEBOOKS_DIR = notebooksBefore;
});

describe('decks in LibreOffice', () => {
	it('finds LibreOffice (apt-get install -y libreoffice-impress, or SOFFICE_PATH)', () => {
		expect(findSoffice(), 'LibreOffice (soffice) is not installed: apt-get install -y libreoffice-impress, or set SOFFICE_PATH. .ci/run installs it.').toBeDefined();
		expect(findSoffice({ SOFFICE_PATH: '/nonexistent/soffice' })).toBeUndefined();
	});

	it('converts every chart in one deck, and a whole view, to PDF: no error, one page per slide, the charts\' font', async () => {
		const soffice = findSoffice();
		if (!soffice) throw new Error('LibreOffice (soffice) is not installed: apt-get install -y libreoffice-impress, or set SOFFICE_PATH.');

		const ids: string[] = [];
		for (const id of Object.values(CHART_VIEWS).flat()) {
			const loader = chartLoader(id)!;
			if ((await chartAvailability(loader, await loader.parameters())).available) ids.push(id);
		}
		expect(ids.length).toBeGreaterThan(15);
		const all = new URLSearchParams(ids.slice(0, MAX_CHARTS).map((id) => ['chart', id.startsWith('gemeente-') ? `${id}?gemeente=GM0505` : id]));
		const decks = [
			{ name: 'alle-grafieken', query: all.toString() },
			{ name: 'capaciteit', query: 'weergave=/capaciteit' },
			{ name: 'notebook-hkg', query: 'weergave=/notebooks/hkg-fair-share' }
		];
		const built: { file: string; slides: number }[] = [];
		for (const deck of decks) {
			const result = await buildDeck(parseDeckQuery(new URL(`http://localhost/deck.pptx?${deck.query}`)));
			const file = join(work, `${deck.name}.pptx`);
			writeFileSync(file, result.body);
			built.push({ file, slides: result.slides });
		}

		// LibreOffice finds the shipped font in the user's font directory: a fresh home, its own profile.
		const home = join(work, 'home');
		mkdirSync(join(home, '.fonts'), { recursive: true });
		for (const font of fontFiles()) copyFileSync(font, join(home, '.fonts', basename(font)));
		const { stderr } = await run(
			soffice,
			[`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, ...built.map((b) => b.file)],
			{ env: { ...process.env, HOME: home }, timeout: 170_000 }
		);
		expect(stderr).not.toMatch(/error/i);

		const keep = process.env.REGIO_DECK_PDF_DIR;
		for (const { file, slides } of built) {
			const pdfFile = file.replace(/\.pptx$/, '.pdf');
			expect(existsSync(pdfFile), `${basename(pdfFile)} was not written`).toBe(true);
			const pdf = readFileSync(pdfFile);
			expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
			expect(pageCount(pdf), basename(pdfFile)).toBe(slides);
			expect(pdf.toString('latin1')).toMatch(/\/FontName\s*\/[A-Z]{6}\+SourceSans3-Bold/);
			expect(pdf.toString('latin1')).toMatch(/\/FontName\s*\/[A-Z]{6}\+SourceSans3-Regular/);
			if (keep) {
				mkdirSync(keep, { recursive: true });
				copyFileSync(file, join(keep, basename(file)));
				copyFileSync(pdfFile, join(keep, basename(pdfFile)));
			}
		}
		expect(built[0].slides).toBe(ids.slice(0, MAX_CHARTS).length + 1);
	}, 200_000);
});
