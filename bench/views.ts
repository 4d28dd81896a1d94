/**
 * Views benchmark: the built app (`node build/index.js`, as the browser tests start it) on a
 * store built by the real ingest from the example exports, each view hit by autocannon with 32
 * connections. Per view: requests/s, p50/p95/p99 latency (from every response time, not from
 * autocannon's fixed percentiles, which have no p95), errors and non-2xx answers; and the
 * JavaScript a browser loads for it, gzipped. Targets from issue 3: p95 < 50 ms, no errors,
 * JavaScript < 150 KB gzipped.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runIngest } from '../src/lib/server/ingest';
import { isBuildFresh } from '../scripts/build-freshness';
import { childEnv, ROOT, startApp } from '../tests/e2e/server';

export const VIEW_PATHS = ['/', '/capaciteit', '/planning', '/wlz', '/hkg', '/dagbesteding', '/gemeente/GM0505', '/data'] as const;
export const P95_TARGET_MS = 50;
export const JS_TARGET_BYTES = 150 * 1024;

export interface ViewsBenchOptions {
	/** Seconds of load per view. */
	duration: number;
	connections: number;
	/** Exports to build the store from (default: the shipped example set). */
	exports?: string;
}

export interface ViewResult {
	path: string;
	status: number;
	/** The first request of the page: rendered from the store (the page cache is empty). */
	eersteMs: number;
	requestsPerSecond: number;
	latencyMs: { p50: number; p95: number; p99: number; max: number };
	requests: number;
	errors: number;
	timeouts: number;
	non2xx: number;
	p95Gehaald: boolean;
	js: { files: number; gzipBytes: number; bytes: number; gehaald: boolean };
}

export interface ViewsBenchResult {
	connections: number;
	duration: number;
	doelP95Ms: number;
	doelJsBytes: number;
	views: ViewResult[];
}

/** autocannon has no type declarations; this is the part of its API used here. */
interface AutocannonResult {
	requests: { average: number; total: number };
	errors: number;
	timeouts: number;
	non2xx: number;
}
interface AutocannonInstance {
	on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
	then: Promise<AutocannonResult>['then'];
}
type Autocannon = (options: { url: string; connections: number; duration: number }) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** Build the app when build/ is missing or older than its sources (as tests/e2e/global-setup.ts does). */
function buildIfStale(): void {
	if (isBuildFresh(ROOT)) return;
	console.log('App bouwen (vite build)…');
	const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
		cwd: ROOT,
		env: childEnv({}),
		stdio: ['ignore', 'ignore', 'inherit']
	});
	if (result.status !== 0) throw new Error('vite build is mislukt');
}

/** Exact percentile (nearest rank) of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The JavaScript URLs a page loads at start: modulepreloads, module scripts and the inline boot imports. */
export function entryScripts(html: string): string[] {
	const urls = new Set<string>();
	for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)) {
		const href = /\bhref="([^"]+)"/.exec(m[0]);
		if (href) urls.add(href[1]);
	}
	for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) urls.add(m[1]);
	// SvelteKit boots with an inline script: import("/_app/immutable/entry/start.….js").
	for (const m of html.matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g)) urls.add(m[1]);
	return [...urls];
}

/** Static imports of a module (`import{a}from"./x.js"`, `import"./y.js"`); dynamic imports load other routes and are left out. */
export function staticImports(code: string): string[] {
	const found = new Set<string>();
	for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g)) found.add(m[1]);
	return [...found];
}

/** The route's nodes that the boot script starts with (`node_ids: [0, 3]`). */
export function bootNodeIds(html: string): number[] {
	const ids = /node_ids:\s*\[([\d,\s]*)\]/.exec(html);
	return ids ? ids[1].split(',').filter((s) => s.trim()).map(Number) : [];
}

/**
 * Every JavaScript file a page loads at start, gzipped and summed: the entries, the route's
 * nodes (app.js imports them lazily by index; the page boots with its node_ids) and all their
 * static imports. Dynamic imports of other routes are not counted.
 */
export async function shippedJs(baseURL: string, path: string): Promise<ViewResult['js']> {
	const pageUrl = new URL(path, baseURL);
	const html = await (await fetch(pageUrl)).text();
	const queue = entryScripts(html).map((u) => new URL(u, pageUrl).href);
	const appUrl = queue.find((u) => /\/entry\/app\.[^/]+\.js$/.test(u));
	if (appUrl) {
		const app = await (await fetch(appUrl)).text();
		for (const id of bootNodeIds(html)) {
			const node = new RegExp(`["']([^"']*/nodes/${id}\\.[^"'/]+\\.js)["']`).exec(app);
			if (node) queue.push(new URL(node[1], appUrl).href);
		}
	}
	const seen = new Set<string>();
	let bytes = 0;
	let gzipBytes = 0;
	while (queue.length > 0) {
		const url = queue.pop()!;
		if (seen.has(url) || new URL(url).origin !== pageUrl.origin) continue;
		seen.add(url);
		const response = await fetch(url);
		if (!response.ok) throw new Error(`${url} gaf ${response.status}`);
		const code = Buffer.from(await response.arrayBuffer());
		bytes += code.length;
		gzipBytes += gzipSync(code, { level: 9 }).length;
		for (const imported of staticImports(code.toString('utf8'))) queue.push(new URL(imported, url).href);
	}
	return { files: seen.size, bytes, gzipBytes, gehaald: gzipBytes < JS_TARGET_BYTES };
}

async function load(url: string, connections: number, duration: number) {
	const times: number[] = [];
	const instance = autocannon({ url, connections, duration });
	instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
	const result = await instance;
	times.sort((a, b) => a - b);
	return { result, times };
}

export async function benchViews({ duration, connections, exports = join(ROOT, 'data', 'exports') }: ViewsBenchOptions): Promise<ViewsBenchResult> {
	buildIfStale();
	const tmp = mkdtempSync(join(tmpdir(), 'bench-views-'));
	const paths = { store: join(tmp, 'store'), exports: join(tmp, 'exports'), reports: join(tmp, 'reports') };
	try {
		cpSync(exports, paths.exports, { recursive: true });
		const report = await runIngest({ paths, force: true });
		if (!report.ok) throw new Error(`Ingest van ${exports} mislukt: ${report.errors[0]?.melding ?? ''}`);
		const app = await startApp(paths);
		try {
			const views: ViewResult[] = [];
			for (const path of VIEW_PATHS) {
				const url = new URL(path, app.baseURL).href;
				const started = performance.now();
				const first = await fetch(url);
				await first.arrayBuffer();
				const eersteMs = performance.now() - started;
				// Warm up: the first requests open the snapshot and fill the query cache.
				await load(url, connections, 1);
				const { result, times } = await load(url, connections, duration);
				const p95 = percentile(times, 95);
				views.push({
					path,
					status: first.status,
					eersteMs,
					requestsPerSecond: result.requests.average,
					latencyMs: { p50: percentile(times, 50), p95, p99: percentile(times, 99), max: times.at(-1) ?? Number.NaN },
					requests: result.requests.total,
					errors: result.errors,
					timeouts: result.timeouts,
					non2xx: result.non2xx,
					p95Gehaald: p95 < P95_TARGET_MS && result.errors === 0 && result.timeouts === 0 && result.non2xx === 0,
					js: await shippedJs(app.baseURL, path)
				});
			}
			return { connections, duration, doelP95Ms: P95_TARGET_MS, doelJsBytes: JS_TARGET_BYTES, views };
		} finally {
			await app.stop();
		}
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
}
