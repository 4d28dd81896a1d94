/**
 * Real Chromium for the browser tests, driven by playwright-core. `npx playwright install`
 * cannot download here, so the Debian package is used (`apt-get install -y chromium`).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a quiet, sandbox-free headless run in containers and CI. Playwright gives every
 * launch a fresh temporary --user-data-dir itself (and refuses one in `args`).
 */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export async function launchBrowser(): Promise<Browser> {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`Chromium not found at ${CHROMIUM_PATH}. Install it with \`apt-get update && apt-get install -y chromium\` ` +
				'or point CHROMIUM_PATH at a Chromium/Chrome binary. (`npx playwright install` cannot download here.)'
		);
	}
	return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** A context with Dutch locale and a desktop viewport; pass `javaScriptEnabled: false` for the no-JS checks. */
export function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
	return browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1280, height: 900 }, ...options });
}
