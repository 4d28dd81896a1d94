/**
 * What the suites measure against: generated export sets (bench/data/, gitignored), stores
 * built from them by the real ingest, and the built app (`node build/index.js`) serving a
 * store. The national store is built once and reused by the queries and pages suites.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manifestSchema } from '../src/lib/domain/schemas';
import { runIngest } from '../src/lib/server/ingest';
import type { IngestReport } from '../src/lib/server/ingest/report';
import { isBuildFresh } from '../scripts/build-freshness';
import { childEnv, ROOT, startApp, type AppPaths, type RunningApp, type StartOptions } from '../tests/e2e/server';

export const DATA_DIR = join(ROOT, 'bench', 'data');
export const EXAMPLE_EXPORTS = join(ROOT, 'data', 'exports');

/** The views of README, "Wat is dit?" that show data; the gemeente page for the region's centrumgemeente (see viewPaths). */
export const VIEW_PATHS = ['/', '/capaciteit', '/planning', '/wlz', '/hkg', '/dagbesteding', '/gemeente/{centrum}', '/data'] as const;

/** A file from build/client, served by the same server as the pages: the floor of the load figures. */
export const STATIC_PATH = '/favicon.svg';

/** The view paths for an export set, with its centrumgemeente (`CR0505` → `/gemeente/GM0505`). */
export function viewPaths(exportsDir: string): string[] {
	const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(exportsDir, 'manifest.json'), 'utf8')));
	return VIEW_PATHS.map((p) => p.replace('{centrum}', `GM${manifest.regio.code.slice(2)}`));
}

/** A generated export set: `{ gemeenten: 342 }` (national scale) or `{ schaal: 10 }` (10× the example), made on first use. */
export type GeneratedSet = { gemeenten: number } | { schaal: number };

export function generatedDir(set: GeneratedSet): string {
	return join(DATA_DIR, 'gemeenten' in set ? `national-${set.gemeenten}` : `schaal-${set.schaal}`);
}

/** The directory of a generated export set (`npm run generate`), made when missing. */
export function generated(set: GeneratedSet): string {
	const dir = generatedDir(set);
	if (existsSync(join(dir, 'manifest.json'))) return dir;
	const [flag, value] = 'gemeenten' in set ? ['--gemeenten', set.gemeenten] : ['--schaal', set.schaal];
	console.log(`Synthetische exports maken in ${dir} (${flag} ${value})…`);
	const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate.ts', flag, String(value), '--out', dir], { cwd: ROOT, stdio: 'inherit' });
	if (result.status !== 0) throw new Error('npm run generate is mislukt');
	return dir;
}

/** Files of an export set (from its manifest) with their total size. */
export function exportFiles(dir: string): { files: string[]; bytes: number } {
	const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
	const files = manifest.bestanden.map((b) => join(dir, b.bestand));
	return { files, bytes: files.reduce((n, f) => n + statSync(f).size, 0) };
}

function assertOk(report: IngestReport, exports: string): void {
	if (!report.ok) throw new Error(`Ingest van ${exports} mislukt: ${report.errors.slice(0, 3).map((e) => e.melding).join(' | ')}`);
}

/** The app's directories for a store kept in `root`. */
export const appPaths = (exports: string, root: string): AppPaths => ({ exports, store: join(root, 'store'), reports: join(root, 'reports') });

/** A fresh store in `root` (emptied first) built from `exports` by the real ingest, timed. */
export async function ingestInto(exports: string, root: string): Promise<{ paths: AppPaths; seconds: number; rows: number }> {
	rmSync(root, { recursive: true, force: true });
	const paths = appPaths(exports, root);
	const started = performance.now();
	const report = await runIngest({ paths, force: true });
	const seconds = (performance.now() - started) / 1000;
	assertOk(report, exports);
	return { paths, seconds, rows: report.files.reduce((n, f) => n + f.rijen, 0) };
}

/** Where the national store of `gemeenten` gemeenten is kept between suites and runs. */
export const nationalStoreRoot = (gemeenten: number): string => join(DATA_DIR, `national-${gemeenten}-store`);

/**
 * The national store, reused when it was built from the same exports (the ingest's own check:
 * it compares the exports' sha256 with the store's and does nothing when they match).
 */
export async function nationalStore(gemeenten: number): Promise<AppPaths> {
	const exports = generated({ gemeenten });
	const root = nationalStoreRoot(gemeenten);
	const paths = appPaths(exports, root);
	const report = await runIngest({ paths });
	assertOk(report, exports);
	if (report.uitkomst !== 'ongewijzigd') console.log(`Landelijke opslag gebouwd in ${root}`);
	return paths;
}

/** Run `fn` on a store built from the shipped example exports in a temporary directory. */
export async function withExampleStore<T>(fn: (paths: AppPaths) => Promise<T>): Promise<T> {
	const root = mkdtempSync(join(tmpdir(), 'bench-example-'));
	try {
		const { paths } = await ingestInto(EXAMPLE_EXPORTS, root);
		return await fn(paths);
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

/** Build the app when build/ is missing or older than its sources (the check `npm start` and the browser tests use). */
export function buildIfStale(): void {
	if (isBuildFresh(ROOT)) return;
	console.log('App bouwen (vite build)…');
	const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
		cwd: ROOT,
		env: childEnv({}),
		stdio: ['ignore', 'ignore', 'inherit']
	});
	if (result.status !== 0) throw new Error('vite build is mislukt');
}

/** Run `fn` against the built app serving `paths`; the server stops afterwards. */
export async function withApp<T>(paths: AppPaths, fn: (app: RunningApp) => Promise<T>, options: StartOptions = {}): Promise<T> {
	buildIfStale();
	const app = await startApp(paths, options);
	try {
		return await fn(app);
	} finally {
		await app.stop();
	}
}
