/**
 * What the browser tests share: a Chromium per test file, a fresh context per page, and the
 * checks every view repeats (the Dutch error page for an invalid parameter, axe, 768 px).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page, ViewportSize } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { launchBrowser, newContext } from './browser';

/** The absolute URL of a path on the app under test. */
export const url = (path: string) => new URL(path, inject('baseURL')).href;

/** The narrowest layout the views must fit without sideways scrolling. */
export const TABLET: ViewportSize = { width: 768, height: 1024 };

export interface PageOptions {
	/** `false` for the no-JavaScript checks. */
	javaScript?: boolean;
	/** Instead of the desktop viewport of `newContext`. */
	viewport?: ViewportSize;
	/** Device pixels per CSS pixel: 2 with half the viewport is a window at 200 % zoom. */
	deviceScaleFactor?: number;
}

/**
 * Launches Chromium before the file's tests and closes it after them (registers beforeAll and
 * afterAll, so call it at the top level of a test file). `withPage` runs `fn` on a page in a new
 * context (Dutch locale) and closes the context afterwards; `onPage` opens a path first.
 */
export function useBrowser() {
	let browser: Browser | undefined;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	async function withPage<T>(fn: (page: Page) => Promise<T>, { javaScript = true, viewport, deviceScaleFactor }: PageOptions = {}): Promise<T> {
		if (!browser) throw new Error('withPage: the browser is not running; call it inside a test of a file that calls useBrowser()');
		const context = await newContext(browser, { javaScriptEnabled: javaScript, ...(viewport && { viewport }), ...(deviceScaleFactor && { deviceScaleFactor }) });
		try {
			const page = await context.newPage();
			if (javaScript) waitForHydrationOnGoto(page);
			return await fn(page);
		} finally {
			await context.close();
		}
	}

	/** `withPage` on `path`: opens it, then runs `fn`. */
	function onPage<T>(path: string, fn: (page: Page) => Promise<T>, options: PageOptions = {}): Promise<T> {
		return withPage(async (page) => {
			await page.goto(url(path));
			return fn(page);
		}, options);
	}

	return { withPage, onPage, url };
}

/**
 * With JavaScript on, a page is interactive only once Svelte has hydrated it (the root layout
 * then sets html[data-hydrated]); a click on a chart mark before that does nothing. So every
 * page.goto of a test waits for it, on a loaded machine as on an idle one.
 */
function waitForHydrationOnGoto(page: Page): void {
	const goto = page.goto.bind(page);
	page.goto = async (...args: Parameters<Page['goto']>) => {
		const response = await goto(...args);
		await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 15_000 });
		return response;
	};
}

/** The rows of a chart's data table as cell texts (inside a closed <details>, so read textContent). */
export function chartTable(page: Page, chartId: string): Promise<string[][]> {
	return page
		.locator(`figure[data-chart-id="${chartId}"] .chart-table tbody tr`)
		.evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim() ?? '')));
}

/** Opens `path` and expects an error page with `status` whose <main> contains every one of `texts`. */
export async function expectErrorPage(page: Page, path: string, status: number, ...texts: string[]): Promise<void> {
	const response = await page.goto(url(path));
	expect(response?.status(), path).toBe(status);
	const text = await page.locator('main').innerText();
	for (const expected of texts) expect(text, path).toContain(expected);
}

/**
 * Opens `path` and expects the Dutch 400 page naming `parameter` ("Ongeldige waarde voor
 * parameter 'x'" or "Onbekende parameter 'x'"), with every one of `texts` (e.g. what is allowed).
 */
export function expectDutch400(page: Page, path: string, parameter: string, ...texts: string[]): Promise<void> {
	return expectErrorPage(page, path, 400, `parameter '${parameter}'`, ...texts);
}

let axeSource: string | undefined;

/**
 * Puts axe-core on the page as window.axe (once per document), for a run of rules of one's own;
 * axeViolations does it itself.
 */
export async function injectAxe(page: Page): Promise<void> {
	axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
	// evaluate, not addScriptTag: the app's Content-Security-Policy blocks inline scripts.
	await page.evaluate(axeSource);
}

/**
 * The WCAG 2.1 A/AA violations axe finds on the page as it is now, as readable lines; only
 * those of serious or critical impact unless `seriousOnly` is false.
 */
export async function axeViolations(page: Page, { seriousOnly = true } = {}): Promise<string[]> {
	await injectAxe(page);
	return page.evaluate(async (seriousOnly) => {
		// @ts-expect-error axe is injected above
		const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
		return result.violations
			.filter((v: { impact: string }) => !seriousOnly || v.impact === 'serious' || v.impact === 'critical')
			.map((v: { id: string; help: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
	}, seriousOnly);
}

/** Expects axe to find no serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectNoSeriousAxe(page: Page, message?: string): Promise<void> {
	expect(await axeViolations(page), message).toEqual([]);
}

/** Expects the page as it is now not to scroll sideways. */
export async function expectNoHorizontalScroll(page: Page, message?: string): Promise<void> {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, message).toBeLessThanOrEqual(0);
}
