/**
 * Browser: per view, a cold navigation in Chromium (a fresh context each time: no cache, no
 * cookies, new connections) to the first chart visible, timed in the page with the
 * Performance API; next to the same navigation to a static file of the same server (the floor).
 * Plus the JavaScript a view loads, gzipped, against the 150 KB target.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Response } from 'playwright-core';
import { launchBrowser, newContext } from '../tests/e2e/browser';
import { STATIC_PATH, viewPaths, withApp, withExampleStore } from './app';
import { int, kb, ms, ratio, table, yesNo } from './format';
import { maxBy, median } from './stats';
import type { Suite } from './suite';

export const JS_TARGET_BYTES = 150 * 1024;
/** Cold navigations per view; the median is reported. */
export const NAVIGATIONS = 3;

/** What counts as the view's first content: its first chart, or on /data (no charts) the table of exports. */
export function firstContentSelector(path: string): string {
	if (path === STATIC_PATH) return 'svg';
	return path === '/data' ? 'main table' : '.chart__svg svg';
}

export interface JsBytes {
	files: number;
	bytes: number;
	gzipBytes: number;
	gehaald: boolean;
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

const gzipSize = (code: Buffer) => gzipSync(code, { level: 9 }).length;

/**
 * Every JavaScript file a page loads at start, gzipped and summed: the entries, the route's
 * nodes (app.js imports them lazily by index; the page boots with its node_ids) and all their
 * static imports. Dynamic imports of other routes are not counted.
 */
export async function shippedJs(baseURL: string, path: string): Promise<JsBytes> {
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
		gzipBytes += gzipSize(code);
		for (const imported of staticImports(code.toString('utf8'))) queue.push(new URL(imported, url).href);
	}
	return { files: seen.size, bytes, gzipBytes, gehaald: gzipBytes < JS_TARGET_BYTES };
}

/**
 * Runs in the page before any of its scripts: resolves with performance.now() in the first frame
 * where `selector` has a size. A string, not a function: tsx would add helpers the page lacks.
 */
const watchFirstVisible = (selector: string) => `window.__benchFirstVisible = new Promise((resolve) => {
	const check = () => {
		const box = document.querySelector(${JSON.stringify(selector)})?.getBoundingClientRect();
		if (box && box.width > 0 && box.height > 0) resolve(performance.now());
		else requestAnimationFrame(check);
	};
	requestAnimationFrame(check);
});`;

export interface Navigation {
	/** From navigation start to the first frame with the first content visible. */
	eersteInhoudMs: number;
	fcpMs: number | null;
	domContentLoadedMs: number;
	loadMs: number;
}

/** Scripts Chromium fetched for a page until the network was idle, gzipped as shippedJs does. */
export interface ScriptsSeen {
	files: number;
	gzipBytes: number;
}

/**
 * One cold navigation: a fresh browser context (empty cache), timed by the page's Performance
 * API. With `scripts`, it then waits for the network to be idle (after the timing, so it does
 * not change it) and adds up the scripts the page loaded.
 */
export async function coldNavigation(browser: Browser, url: string, selector: string, { scripts = false } = {}): Promise<Navigation & { scripts?: ScriptsSeen }> {
	const context = await newContext(browser);
	try {
		await context.addInitScript(watchFirstVisible(selector));
		const page = await context.newPage();
		const bodies: Promise<Buffer | null>[] = [];
		const onResponse = (response: Response) => {
			if (response.request().resourceType() === 'script') bodies.push(response.body().catch(() => null));
		};
		if (scripts) page.on('response', onResponse);
		await page.goto(url, { waitUntil: 'load' });
		const eersteInhoudMs = await page.evaluate(() => (window as unknown as { __benchFirstVisible: Promise<number> }).__benchFirstVisible);
		const timing = await page.evaluate(() => {
			const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
			return {
				fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
				domContentLoadedMs: nav.domContentLoadedEventEnd,
				loadMs: nav.loadEventEnd
			};
		});
		if (!scripts) return { eersteInhoudMs, ...timing };
		await page.waitForLoadState('networkidle');
		page.off('response', onResponse);
		const code = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
		return { eersteInhoudMs, ...timing, scripts: { files: code.length, gzipBytes: code.reduce((n, b) => n + gzipSize(b), 0) } };
	} finally {
		await context.close();
	}
}

/** The median of `NAVIGATIONS` cold navigations (each figure on its own), with the scripts seen in the first. */
async function medianNavigation(browser: Browser, url: string, selector: string): Promise<Navigation & { runsMs: number[]; scripts: ScriptsSeen }> {
	const first = await coldNavigation(browser, url, selector, { scripts: true });
	const runs: Navigation[] = [first];
	for (let i = 1; i < NAVIGATIONS; i++) runs.push(await coldNavigation(browser, url, selector));
	const m = (key: 'eersteInhoudMs' | 'domContentLoadedMs' | 'loadMs') => median(runs.map((r) => r[key]));
	const fcp = runs.map((r) => r.fcpMs).filter((v): v is number => v !== null);
	return {
		eersteInhoudMs: m('eersteInhoudMs'),
		fcpMs: fcp.length ? median(fcp) : null,
		domContentLoadedMs: m('domContentLoadedMs'),
		loadMs: m('loadMs'),
		scripts: first.scripts!,
		runsMs: runs.map((r) => r.eersteInhoudMs)
	};
}

export interface BrowserView extends Navigation {
	path: string;
	selector: string;
	runsMs: number[];
	scripts: ScriptsSeen;
	/** eersteInhoudMs ÷ the static file's. */
	verhouding: number;
	js: JsBytes;
}

export interface BrowserBenchResult {
	navigaties: number;
	doelJsBytes: number;
	statisch: Navigation & { path: string; runsMs: number[]; scripts: ScriptsSeen };
	views: BrowserView[];
}

export const browserSuite: Suite<BrowserBenchResult> = {
	name: 'browser',
	title: () =>
		`Browser: koude navigatie in Chromium tot de eerste grafiek zichtbaar is (mediaan van ${NAVIGATIONS}), naast hetzelfde voor een statisch bestand; JavaScript per pagina (gzip); voorbeeldgegevens`,
	async run() {
		const browser = await launchBrowser();
		try {
			return await withExampleStore((paths) =>
				withApp(paths, async (app) => {
					const url = (path: string) => new URL(path, app.baseURL).href;
					const pages = viewPaths(paths.exports);
					// Fill the server's page cache first: this suite times the browser, the pages suite the server's first render.
					for (const path of pages) await (await fetch(url(path))).arrayBuffer();
					const statisch = { path: STATIC_PATH, ...(await medianNavigation(browser, url(STATIC_PATH), firstContentSelector(STATIC_PATH))) };
					const views: BrowserView[] = [];
					for (const path of pages) {
						const selector = firstContentSelector(path);
						const nav = await medianNavigation(browser, url(path), selector);
						views.push({ path, selector, ...nav, verhouding: nav.eersteInhoudMs / statisch.eersteInhoudMs, js: await shippedJs(app.baseURL, path) });
						console.log(`  ${path.padEnd(20)} eerste grafiek ${ms(nav.eersteInhoudMs).padStart(9)}`);
					}
					return { navigaties: NAVIGATIONS, doelJsBytes: JS_TARGET_BYTES, statisch, views };
				})
			);
		} finally {
			await browser.close();
		}
	},
	print(r) {
		const s = r.statisch;
		const fcp = (v: Navigation) => (v.fcpMs === null ? '–' : ms(v.fcpMs));
		console.log(
			table(
				['pagina', 'eerste grafiek', 'FCP', 'DOMContentLoaded', 'load', '÷ stat.', 'JS gzip', 'bestanden', 'JS gezien', `<${kb(r.doelJsBytes)}`],
				[
					[`${s.path} (statisch)`, ms(s.eersteInhoudMs), fcp(s), ms(s.domContentLoadedMs), ms(s.loadMs), '1,00', '', '', '', ''],
					...r.views.map((v) => [
						v.path,
						ms(v.eersteInhoudMs),
						fcp(v),
						ms(v.domContentLoadedMs),
						ms(v.loadMs),
						ratio(v.verhouding),
						kb(v.js.gzipBytes),
						int(v.js.files),
						kb(v.scripts.gzipBytes),
						yesNo(v.js.gehaald)
					])
				]
			)
		);
		console.log('\neerste grafiek: /data heeft geen grafiek, daar de tabel met exports. JS gezien: de scripts die Chromium echt ophaalde (controle op JS gzip).');
	},
	summary(r) {
		const slow = maxBy(r.views, (v) => v.eersteInhoudMs);
		const heaviest = maxBy(r.views, (v) => v.js.gzipBytes);
		return [
			{
				meting: `Browser, traagste tot eerste grafiek (${slow.path})`,
				waarde: ms(slow.eersteInhoudMs),
				referentie: `${ms(r.statisch.eersteInhoudMs)} statisch bestand`,
				verhouding: slow.verhouding
			},
			{
				meting: `JavaScript gzip, grootste pagina (${heaviest.path})`,
				waarde: kb(heaviest.js.gzipBytes),
				referentie: `${kb(r.doelJsBytes)} (doel)`,
				verhouding: heaviest.js.gzipBytes / r.doelJsBytes,
				doel: `< ${kb(r.doelJsBytes)}`,
				gehaald: r.views.every((v) => v.js.gehaald)
			}
		];
	}
};
