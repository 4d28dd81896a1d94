/**
 * /hkg against the built app on the shipped example data: bids per gemeente and round against
 * the fair share, the regional total against the opgave (380 eenheden in 2024–2027), and the
 * what-if mode whose bids live in the URL.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chartTable, expectDutch400, expectNoHorizontalScroll, expectNoSeriousAxe, TABLET, useBrowser } from './helpers';

const { withPage, onPage, url } = useBrowser();

/** One gemeente's row in the what-if table: bid, fair share and shortfall as shown. */
async function gemeenteRij(page: Page, code: string) {
	const row = page.locator(`#hkg-biedingen tr[data-gemeentecode="${code}"]`);
	return {
		bod: (await row.locator('[data-kolom="bod"]').textContent())?.trim(),
		fairShare: (await row.locator('[data-kolom="fair-share"]').textContent())?.trim(),
		tekort: (await row.locator('[data-kolom="tekort"]').textContent())?.trim(),
		watAls: await row.locator('input').inputValue()
	};
}

describe('/hkg', () => {
	it('shows the definitive bids of all categorieën against the opgave', async () => {
		await withPage(async (page) => {
			const response = await page.goto(url('/hkg'));
			expect(response?.status()).toBe(200);
			await expect(page.locator('h1').innerText()).resolves.toBe('HKG-biedingen');
			// Definitief bod 2023-12-04: 310 of 380 units, 70 short (data/exports/README.md, "Wat de voorbeelddata laat zien": bids judged too low).
			expect(await chartTable(page, 'hkg-totaal-per-ronde')).toEqual([
				['Voorlopig bod', '189', '380', '50%', '191'],
				['Aanvulling', '257', '380', '68%', '123'],
				['Definitief bod', '310', '380', '82%', '70']
			]);
			const svg = page.locator('figure[data-chart-id="hkg-bod-per-gemeente"] svg[role="img"]');
			await expect(svg.getAttribute('aria-label')).resolves.toBe('HKG-bod per gemeente tegen het redelijk aandeel, 2024–2027');
			// Dordrecht: 102 + 30 + 2 + 8 + 6 = 148 in the definitive round.
			expect(await gemeenteRij(page, 'GM0505')).toMatchObject({ bod: '148', tekort: '0,0' });
			const description = await page.locator('#hkg-bod-per-gemeente-beschrijving').innerText();
			expect(description).toMatch(/^In het definitief bod bieden 7 van de 9 gemeenten minder dan hun redelijk aandeel/);
			await expect(page.locator('figure[data-chart-id="hkg-bod-per-gemeente"] footer').innerText()).resolves.toContain('Illustratief');
			expect(await page.locator('.wat-als-banner').count()).toBe(0);
		});
	});

	it('changes the chart data when a filter changes', async () => {
		await withPage(async (page) => {
			await page.goto(url('/hkg'));
			// A change shows on Toon (WCAG 3.2.2; tests/e2e/filters.test.ts checks that nothing moves before).
			const toon = page.getByRole('button', { name: 'Toon', exact: true });
			await page.selectOption('#hkg-categorie', 'uitstroomwoningen');
			await Promise.all([page.waitForURL(/categorie=uitstroomwoningen/), toon.click()]);
			expect((await chartTable(page, 'hkg-totaal-per-ronde')).at(-1)).toEqual(['Definitief bod', '206', '240', '86%', '34']);
			// Uitstroomwoningen are divided by sociale huurvoorraad: Dordrecht 97,2; by inwoners 76,9.
			expect(await gemeenteRij(page, 'GM0505')).toMatchObject({ bod: '102', fairShare: '97,2', tekort: '0,0' });
			await page.selectOption('#hkg-verdeelsleutel', 'inwoners');
			await Promise.all([page.waitForURL(/verdeelsleutel=inwoners/), toon.click()]);
			expect(await gemeenteRij(page, 'GM0505')).toMatchObject({ fairShare: '76,9' });
			await page.selectOption('#hkg-ronde', 'voorlopig');
			await Promise.all([page.waitForURL(/ronde=voorlopig/), toon.click()]);
			// Voorlopig bod Dordrecht 65 against 76,9: 11,9 short.
			expect(await gemeenteRij(page, 'GM0505')).toMatchObject({ bod: '65', tekort: '11,9' });
		});
	});

	it('recalculates the shortfalls for what-if bids from the URL', async () => {
		await withPage(async (page) => {
			// Skaeve huse: Dordrecht bid 2 against a fair share of 4,5; the region 9 of 14.
			await page.goto(url('/hkg?categorie=skaeve_huse'));
			expect(await gemeenteRij(page, 'GM0505')).toMatchObject({ bod: '2', fairShare: '4,5', tekort: '2,5' });
			expect((await chartTable(page, 'hkg-totaal-per-ronde')).at(-1)).toEqual(['Definitief bod', '9', '14', '64%', '5']);

			await page.goto(url('/hkg?categorie=skaeve_huse&bod_GM0505=999'));
			expect(await gemeenteRij(page, 'GM0505')).toMatchObject({ bod: '2', tekort: '0,0', watAls: '999' });
			expect((await chartTable(page, 'hkg-totaal-per-ronde')).at(-1)).toEqual(['Wat-als (definitief bod)', '1.006', '14', '7.186%', '0']);
			const banner = page.locator('.wat-als-banner');
			await expect(banner.innerText()).resolves.toContain('niet de echte biedingen');
			const table = await chartTable(page, 'hkg-bod-per-gemeente');
			expect(table.find((r) => r[0] === 'Dordrecht')).toEqual(['Dordrecht', '0', '2', '2', '999', '4,5', '0,0']);

			// The reset link drops the what-if bids and keeps the filters.
			await Promise.all([page.waitForURL((u) => !u.search.includes('bod_')), banner.getByRole('link', { name: 'Terug naar de echte biedingen' }).click()]);
			expect(page.url()).toContain('categorie=skaeve_huse');
			expect(await gemeenteRij(page, 'GM0505')).toMatchObject({ tekort: '2,5' });
		});
	});

	it('takes a what-if bid typed into the form (JavaScript on)', async () => {
		await withPage(async (page) => {
			await page.goto(url('/hkg'));
			await page.getByLabel('Wat-als-bod Hendrik-Ido-Ambacht (alle categorieën samen)').fill('40');
			await Promise.all([page.waitForURL(/bod_GM0531=40/), page.keyboard.press('Enter')]);
			expect((await chartTable(page, 'hkg-totaal-per-ronde')).at(-1)).toEqual(['Wat-als (definitief bod)', '337', '380', '89%', '43']);
			await expect(page.locator('.wat-als-banner').count()).resolves.toBe(1);
		});
	});

	it.each([false, true])('JavaScript %s: the filters’ Toon keeps the what-if bids for another verdeelsleutel, drops them for another categorie', async (javaScript) => {
		await withPage(
			async (page) => {
				await page.goto(url('/hkg?bod_GM0590=30'));
				const filters = page.locator('form.filters');
				await filters.getByLabel('Redelijk aandeel').selectOption('inwoners');
				await Promise.all([page.waitForURL(/verdeelsleutel=inwoners/), filters.getByRole('button', { name: 'Toon' }).click()]);
				expect(new URL(page.url()).searchParams.get('bod_GM0590')).toBe('30');
				await expect(page.locator('.wat-als-banner').count()).resolves.toBe(1);
				await expect(page.getByLabel('Wat-als-bod Papendrecht (alle categorieën samen)').inputValue()).resolves.toBe('30');
				expect((await chartTable(page, 'hkg-totaal-per-ronde')).at(-1)?.[0]).toBe('Wat-als (definitief bod)');
				// Another categorie: the bids were typed for all categorieën together, and do not apply.
				await filters.getByLabel('Categorie').selectOption('skaeve_huse');
				await Promise.all([page.waitForURL(/categorie=skaeve_huse/), filters.getByRole('button', { name: 'Toon' }).click()]);
				await expect(page.locator('.wat-als-banner').count()).resolves.toBe(0);
				expect((await chartTable(page, 'hkg-totaal-per-ronde')).map((r) => r[0])).not.toContain('Wat-als (definitief bod)');
			},
			{ javaScript }
		);
	});

	it('opens a gemeente from the chart', async () => {
		await withPage(async (page) => {
			await page.goto(url('/hkg'));
			// The gemeente's name on the axis; its dots, tick and label carry the same data-href.
			const link = page.locator('figure[data-chart-id="hkg-bod-per-gemeente"] svg [data-href="/gemeente/GM0505"] text', { hasText: 'Dordrecht' });
			await Promise.all([page.waitForURL(url('/gemeente/GM0505')), link.click()]);
			await expect(page.locator('h1').innerText()).resolves.toContain('Dordrecht');
		});
	});

	it('works without JavaScript: SVG in the HTML and the what-if form submits', async () => {
		await withPage(
			async (page) => {
				await page.goto(url('/hkg'));
				const svg = page.locator('figure[data-chart-id="hkg-bod-per-gemeente"] svg[role="img"]');
				await expect(svg.count()).resolves.toBe(1);
				await expect(svg.locator('[data-href="/gemeente/GM0512"]').count()).resolves.toBeGreaterThan(0);
				await expect(page.locator('figure[data-chart-id="hkg-totaal-per-ronde"] svg[role="img"] rect').count()).resolves.toBe(3);
				await page.getByLabel('Wat-als-bod Papendrecht (alle categorieën samen)').fill('30');
				await Promise.all([page.waitForURL(/bod_GM0590=30/), page.getByRole('button', { name: 'Doorrekenen' }).click()]);
				// Papendrecht 18 → 30: the region 310 → 322.
				expect((await chartTable(page, 'hkg-totaal-per-ronde')).at(-1)).toEqual(['Wat-als (definitief bod)', '322', '380', '85%', '58']);
			},
			{ javaScript: false }
		);
	});

	it.each([
		['verdeelsleutel=x', 'verdeelsleutel', 'inwoners, sociale_huurwoningen'],
		['bod_GM9999=1', 'bod_GM9999', 'bod_GM0505'],
		['bod_GM0505=abc', 'bod_GM0505', 'een geheel getal'],
		['bod_GM0505=-4', 'bod_GM0505', 'van 0 t/m'],
		['ronde=laatste', 'ronde', 'voorlopig, aanvulling, definitief']
	])('answers %s with a Dutch 400 naming the parameter', (query, parameter, allowed) =>
		withPage((page) => expectDutch400(page, `/hkg?${query}`, parameter, allowed))
	);

	describe('accessibility', () => {
		for (const path of ['/hkg', '/hkg?categorie=skaeve_huse&verdeelsleutel=inwoners&bod_GM0505=999']) {
			it(`has no serious or critical axe violations on ${path}`, () => onPage(path, expectNoSeriousAxe));
		}

		it('fits 768 px without horizontal scrolling of the page', () => onPage('/hkg?bod_GM0505=200', expectNoHorizontalScroll, { viewport: TABLET }));
	});
});
