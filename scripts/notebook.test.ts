/**
 * `npm run notebook` as a user runs it (a child process with tsx), on the fixture store and
 * the fixture notebooks: a deck and an HTML file come out; a broken notebook, an invalid
 * parameter or a wrong call give a Dutch message and exit code 1, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFixtureStore, type FixtureStore } from '../tests/helpers/fixture-store';

const ROOT = resolve(import.meta.dirname, '..');
const NOTEBOOKS = join(ROOT, 'tests/fixtures/notebooks');
let fixture: FixtureStore;
let out: string;

beforeAll(async () => {
	fixture = await buildFixtureStore();
	out = mkdtempSync(join(tmpdir(), 'regio-notebook-cli-'));
});
afterAll(() => {
	fixture?.cleanup();
	rmSync(out, { recursive: true, force: true });
});

function cli(...args: string[]) {
	const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/notebook.ts'), ...args], {
		cwd: ROOT,
		env: { ...process.env, REGIO_STORE_DIR: fixture.paths.store },
		encoding: 'utf8',
		timeout: 60_000
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('npm run notebook', () => {
	test('writes a deck and an HTML file for the chosen parameters', async () => {
		const pptx = join(out, 'tekort.pptx');
		const html = join(out, 'tekort.html');
		const { code, stdout, stderr } = cli(join(NOTEBOOKS, 'tekort.md'), '--pptx', pptx, '--html', html, '--param', 'peiljaar=2023');
		expect(code, stderr).toBe(0);
		expect(stdout).toContain(`PowerPoint geschreven: ${pptx} (2 dia's)`);
		// The failing block and the chart on it are reported, the rest is made.
		expect(stderr).toContain("Let op: SQL-blok 'kapot'");
		const zip = await JSZip.loadAsync(readFileSync(pptx));
		expect(Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))).toHaveLength(2);
		const slide = await zip.file('ppt/slides/slide2.xml')!.async('string');
		expect(slide).toContain('Tekort per gemeente, 2023');
		const page = readFileSync(html, 'utf8');
		expect(page).toContain('In 2023 is het tekort in de regio 23 plekken.');
		expect(page.match(/<svg/g)?.length).toBeGreaterThanOrEqual(1);
	}, 60_000);

	test('a broken notebook: its problems with line numbers, exit 1, nothing written', () => {
		const pptx = join(out, 'kapot.pptx');
		const { code, stderr } = cli(join(NOTEBOOKS, 'kapot.md'), '--pptx', pptx);
		expect(code).toBe(1);
		expect(stderr).toContain("regel 6: SQL-blok 'a' leest 'b', maar dat blok staat verderop of bestaat niet");
		noStackTrace(stderr);
		expect(existsSync(pptx)).toBe(false);
	}, 60_000);

	test('an invalid parameter or call: a Dutch message and exit 1', () => {
		const invalid = cli(join(NOTEBOOKS, 'tekort.md'), '--html', join(out, 'x.html'), '--param', 'peiljaar=1990');
		expect(invalid.code).toBe(1);
		expect(invalid.stderr).toContain("Ongeldige waarde voor parameter 'peiljaar': '1990'");
		noStackTrace(invalid.stderr);
		const nothing = cli(join(NOTEBOOKS, 'tekort.md'));
		expect(nothing.code).toBe(1);
		expect(nothing.stderr).toContain('Geef --pptx en/of --html op');
		const missing = cli(join(NOTEBOOKS, 'bestaat-niet.md'), '--html', join(out, 'y.html'));
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('bestand niet gevonden');
	}, 60_000);
});
