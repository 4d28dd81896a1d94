/**
 * The filters of every view, as WCAG 2.1 AA asks (issue 15, points 1, 2 and 6):
 * - 3.2.2 On input: arrow keys in a select, a radio group, a checkbox or a what-if number field
 *   change nothing until the user asks (Toon, Doorrekenen, Enter): no request, no new URL, no
 *   history entry;
 * - 4.1.3 Status messages: after a change a polite live region (the same element, so screen
 *   readers announce it) says the filters and the first chart's finding, and the page title
 *   names the active filters;
 * - one rule for every multi-select filter: nothing ticked is all, ticked is only those, with
 *   "alleen deze" and "alle …" links that work without JavaScript.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxe, useBrowser } from './helpers';

const { withPage, url } = useBrowser();

const SITE = ' — Regiomonitor BW&O';

/** Counts the page's data requests (SvelteKit fetches __data.json for a client-side navigation). */
function countNavigations(page: Page): () => number {
	let n = 0;
	page.on('request', (request) => {
		if (request.url().includes('__data.json') || request.isNavigationRequest()) n++;
	});
	return () => n;
}

const where = (page: Page) => page.evaluate(() => ({ href: location.href, history: history.length }));

/** Presses keys on a field, one by one, the way a keyboard user walks through the options. */
async function press(page: Page, selector: string, keys: string[]): Promise<void> {
	await page.focus(selector);
	for (const key of keys) await page.keyboard.press(key);
}

/** Gives a change handler time to navigate, were there one. */
const settle = (page: Page) => page.waitForTimeout(400);

const status = (page: Page) => page.locator('[data-filter-status]');
const toon = (page: Page) => page.getByRole('button', { name: 'Toon', exact: true });

describe('filters change the view only when asked (WCAG 3.2.2)', () => {
	it('/capaciteit: arrow keys in the selects and radios and Space on a checkbox change nothing until Toon; then the result is announced', async () => {
		await withPage(async (page) => {
			await page.goto(url('/capaciteit'));
			const navigations = countNavigations(page);
			const before = await where(page);
			const peiljaren = (await page.locator('#filter-peiljaar option').allTextContents()).map(Number);
			expect(peiljaren.length).toBeGreaterThan(2);
			const peiljaar = peiljaren.at(-1)!;
			await press(page, '#filter-peiljaar', ['ArrowUp', 'ArrowUp', 'ArrowDown']);
			await press(page, '#filter-doelgroep', ['ArrowDown', 'ArrowDown', 'ArrowUp']);
			await press(page, 'input[name="maat"][value="absolute"]', ['ArrowRight']);
			await press(page, 'input[name="type"][value="skaeve_huse"]', ['Space']);
			await settle(page);
			expect(await where(page)).toEqual(before);
			expect(navigations()).toBe(0);
			// The fields did change: the form holds the choice, the view waits for Toon.
			await expect(page.locator('#filter-peiljaar').inputValue()).resolves.toBe(String(peiljaar - 1));
			await expect(page.locator('input[name="maat"][value="per_10k"]').isChecked()).resolves.toBe(true);

			// The live region is there from the start, says nothing new yet, and is the same element after the change.
			await expect(status(page).getAttribute('aria-live')).resolves.toBe('polite');
			await status(page).evaluate((el) => el.setAttribute('data-zelfde', 'ja'));
			await Promise.all([page.waitForURL(/type=skaeve_huse/), toon(page).click()]);
			const search = new URL(page.url()).searchParams;
			expect(Object.fromEntries(search)).toMatchObject({ peiljaar: String(peiljaar - 1), doelgroep: 'algemeen', maat: 'per_10k', type: 'skaeve_huse' });
			expect((await where(page)).history).toBe(before.history + 1);

			const finding = await page.locator('#capaciteit-per-gemeente-beschrijving').innerText();
			await expect.poll(() => status(page).innerText()).toBe(`Capaciteit, peiljaar ${peiljaar - 1}, Skaeve huse, doelgroep algemeen, per 10.000 inwoners. ${finding}`);
			await expect(status(page).getAttribute('data-zelfde')).resolves.toBe('ja');
			await expect(page.title()).resolves.toBe(`Capaciteit · peiljaar ${peiljaar - 1} · Skaeve huse · doelgroep algemeen · per 10.000 inwoners${SITE}`);
			await expectNoSeriousAxe(page);
		});
	});

	it('/hkg: arrow keys in the selects and in a what-if field change nothing until Toon or Doorrekenen', async () => {
		await withPage(async (page) => {
			await page.goto(url('/hkg'));
			const navigations = countNavigations(page);
			const before = await where(page);
			await press(page, '#hkg-categorie', ['ArrowDown', 'ArrowDown']);
			await press(page, '#hkg-ronde', ['ArrowUp']);
			await press(page, '#bod_GM0505', ['ArrowUp', 'ArrowUp', 'ArrowUp', 'Tab']);
			await settle(page);
			expect(await where(page)).toEqual(before);
			expect(navigations()).toBe(0);
			await expect(page.locator('#bod_GM0505').inputValue()).resolves.toBe('151');

			// Doorrekenen (Enter in the field does the same) applies the what-if bid.
			await page.focus('#bod_GM0505');
			await Promise.all([page.waitForURL(/bod_GM0505=151/), page.keyboard.press('Enter')]);
			expect((await where(page)).history).toBe(before.history + 1);
			await expect.poll(() => page.title()).toContain('· wat-als-biedingen — ');
			// The filter form shows what the view shows again, not the choices left there without Toon (as a page load without JavaScript does).
			await expect.poll(() => page.locator('#hkg-ronde').inputValue()).toBe('definitief');
			await expect(page.locator('#hkg-categorie').inputValue()).resolves.toBe('alle');

			// Toon applies the filters.
			await page.selectOption('#hkg-categorie', 'uitstroomwoningen');
			await Promise.all([page.waitForURL(/categorie=uitstroomwoningen/), toon(page).click()]);
			expect(new URL(page.url()).searchParams.get('ronde')).toBe('definitief');
			const finding = await page.locator('#hkg-bod-per-gemeente-beschrijving').innerText();
			const sleutel = 'naar sociale huurvoorraad (afgesproken)';
			await expect.poll(() => status(page).innerText()).toBe(
				`HKG-biedingen, planperiode 2024–2027, woningen voor uitstroom, definitief bod, redelijk aandeel ${sleutel}. ${finding}`
			);
			await expect(page.title()).resolves.toBe(
				`HKG-biedingen · planperiode 2024–2027 · woningen voor uitstroom · definitief bod · redelijk aandeel ${sleutel}${SITE}`
			);
		});
	});

	it('/wlz: arrow keys and typing in the selects and the reduction field change nothing until Toon or Doorrekenen', async () => {
		await withPage(async (page) => {
			await page.goto(url('/wlz'));
			const navigations = countNavigations(page);
			const before = await where(page);
			await press(page, '#wlz-maat', ['ArrowDown']);
			await press(page, '#wlz-jaar', ['ArrowUp', 'ArrowUp']);
			await press(page, '#wlz-reductie', ['ArrowUp', 'ArrowUp', 'Backspace', 'Backspace', '1', '5', 'Tab']);
			await settle(page);
			expect(await where(page)).toEqual(before);
			expect(navigations()).toBe(0);
			await expect(page.locator('#wlz-reductie').inputValue()).resolves.toBe('15');

			await Promise.all([page.waitForURL(/jaar=2024/), toon(page).click()]);
			expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({ maat: 'absolute', jaar: '2024' });
			expect((await where(page)).history).toBe(before.history + 1);
			const finding = await page.locator('#wlz-instroom-per-jaar-beschrijving').innerText();
			await expect.poll(() => status(page).innerText()).toBe(`Wlz-instroom, aantal cliënten, jaar 2024, reductie 20%. ${finding}`);
			await expect(page.title()).resolves.toBe(`Wlz-instroom · aantal cliënten · jaar 2024 · reductie 20%${SITE}`);
			// The reduction typed but not recalculated is set back to the one shown.
			await expect.poll(() => page.locator('#wlz-reductie').inputValue()).toBe('20');

			await page.fill('#wlz-reductie', '15');
			await Promise.all([page.waitForURL(/reductie=15/), page.getByRole('button', { name: 'Doorrekenen' }).click()]);
			await expect.poll(() => page.title()).toBe(`Wlz-instroom · aantal cliënten · jaar 2024 · reductie 15%${SITE}`);
		});
	});
});

describe('the page title names the active filters, the live region the finding (WCAG 2.4.2, 4.1.3)', () => {
	it.each([
		['/capaciteit', /^Capaciteit · peiljaar \d{4} · alle voorzieningstypen · alle doelgroepen · aantal plekken — Regiomonitor BW&O$/, 'capaciteit-per-gemeente'],
		['/planning?type=skaeve_huse&gemeente=GM0512', /^Planning · Skaeve huse · alle statussen · gemeente Gorinchem — Regiomonitor BW&O$/, 'planning-tijdlijn'],
		['/dagbesteding?van=2021-K1&aanbieder=Aanbieder+C', /^Dagbesteding · 2021 K1 t\/m 2026 K3 · aanbieder Aanbieder C · aandeel .+ — Regiomonitor BW&O$/, 'dagbesteding-regio'],
		['/wlz', /^Wlz-instroom · per 10\.000 inwoners · jaar 2026 · reductie 20% — Regiomonitor BW&O$/, 'wlz-instroom-per-jaar'],
		['/hkg?ronde=voorlopig', /^HKG-biedingen · planperiode 2024–2027 · alle categorieën samen · voorlopig bod · redelijk aandeel .+ — Regiomonitor BW&O$/, 'hkg-bod-per-gemeente']
	])('%s', async (path, title, chartId) => {
		await withPage(
			async (page) => {
				await page.goto(url(path));
				await expect(page.title()).resolves.toMatch(title);
				const finding = await page.locator(`#${chartId}-beschrijving`).innerText();
				const view = (await page.title()).split(' · ')[0];
				await expect(status(page).innerText()).resolves.toMatch(new RegExp(`^${view}, .+\\. `));
				await expect(status(page).innerText()).resolves.toContain(finding);
			},
			{ javaScript: false }
		);
	});
});

/** The "alleen deze" link of one value (its hidden rest of the name says which: "alleen deze: Domus plus"). */
const alleenDeze = (scope: Page | Locator, label: string) => scope.getByRole('link', { name: new RegExp(`^alleen deze\\W+${label}$`) });

/** The values of a checkbox group that are ticked. */
const ticked = (page: Page, name: string) =>
	page.locator(`input[type="checkbox"][name="${name}"]`).evaluateAll((boxes) => (boxes as HTMLInputElement[]).filter((b) => b.checked).map((b) => b.value));

describe('one rule for multi-select filters: nothing ticked is all, "alleen deze" and "alle"', () => {
	it.each([
		['/capaciteit', 'type', 'Skaeve huse', 'skaeve_huse', 'alle voorzieningstypen'],
		['/planning', 'type', 'Domus plus', 'domus_plus', 'alle voorzieningstypen'],
		['/planning', 'status', 'Realisatie', 'realisatie', 'alle statussen'],
		['/dagbesteding', 'aanbieder', 'Aanbieder C', 'Aanbieder C', 'alle aanbieders']
	])('%s %s, without JavaScript', async (path, name, label, value, alle) => {
		await withPage(
			async (page) => {
				const group = page.locator(`[data-filter-keuzes="${name}"]`);
				await page.goto(url(path));
				// All shown: no box ticked, and the legend says what that means.
				expect(await ticked(page, name)).toEqual([]);
				await expect(group.locator('legend').innerText()).resolves.toContain('(niets aangevinkt: alle)');

				// "alleen deze" shows that one value, with one click.
				await Promise.all([page.waitForURL((u) => u.searchParams.getAll(name).join() === value), alleenDeze(group, label).click()]);
				expect(await ticked(page, name)).toEqual([value]);

				// "alle" shows all again.
				await Promise.all([page.waitForURL((u) => !u.searchParams.has(name)), group.getByRole('link', { name: alle, exact: true }).click()]);
				expect(await ticked(page, name)).toEqual([]);

				// Ticking one shows only that one; unticking the last shows all, and the boxes say so.
				await page.getByLabel(label, { exact: true }).check();
				await Promise.all([page.waitForURL((u) => u.searchParams.getAll(name).join() === value), toon(page).click()]);
				expect(await ticked(page, name)).toEqual([value]);
				await page.getByLabel(label, { exact: true }).uncheck();
				await Promise.all([page.waitForURL((u) => !u.searchParams.has(name)), toon(page).click()]);
				expect(await ticked(page, name)).toEqual([]);
			},
			{ javaScript: false }
		);
	});

	it('with JavaScript "alleen deze" takes the other fields along as they are in the form, and keeps focus', async () => {
		await withPage(async (page) => {
			await page.goto(url('/capaciteit?type=crisisopvang&type=nachtopvang'));
			expect(await ticked(page, 'type')).toEqual(['crisisopvang', 'nachtopvang']);
			const before = await where(page);
			await page.selectOption('#filter-doelgroep', 'autisme');
			const link = alleenDeze(page, 'Domus plus');
			await Promise.all([page.waitForURL(/type=domus_plus/), link.click()]);
			const search = new URL(page.url()).searchParams;
			expect(search.getAll('type')).toEqual(['domus_plus']);
			expect(search.get('doelgroep')).toBe('autisme');
			expect((await where(page)).history).toBe(before.history + 1);
			await expect.poll(() => ticked(page, 'type')).toEqual(['domus_plus']);
			await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toContain('alleen deze');
			await expect(page.locator('figure[data-chart-id="capaciteit-per-gemeente"] .chart__subtitle').innerText()).resolves.toContain('Domus plus · doelgroep autisme');

			// A choice left in the form without Toon does not survive Back: the form shows the view it goes back to.
			await page.check('input[name="maat"][value="per_10k"]');
			await page.goBack();
			await page.waitForURL((u) => u.searchParams.getAll('type').join() === 'crisisopvang,nachtopvang');
			await expect.poll(() => page.locator('input[name="maat"][value="absolute"]').isChecked()).toBe(true);
			await expect.poll(() => ticked(page, 'type')).toEqual(['crisisopvang', 'nachtopvang']);
			await expect(page.locator('#filter-doelgroep').inputValue()).resolves.toBe('alle');
		});
	});
});
