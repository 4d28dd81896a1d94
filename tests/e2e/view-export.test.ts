/**
 * "Exporteer weergave": every view offers its charts, with its current filters, as one deck,
 * and a print/PDF button once the page is interactive.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './helpers';

const { withPage, onPage, url } = useBrowser();

async function deckOf(href: string) {
	const response = await fetch(url(href));
	expect(response.status, href).toBe(200);
	expect(response.headers.get('content-type')).toContain('presentationml');
	const zip = await JSZip.loadAsync(await response.arrayBuffer());
	const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
	const text = (await Promise.all(slides.map((f) => zip.file(f)!.async('string')))).join('\n');
	return { slides: slides.length, text };
}

describe('exporteer weergave', () => {
	it('turns /capaciteit with its filters into a deck of its charts', async () => {
		await onPage('/capaciteit?type=skaeve_huse', async (page) => {
			const link = page.getByRole('link', { name: 'Exporteer weergave als PowerPoint' });
			const href = (await link.getAttribute('href'))!;
			expect(href).toBe(`/deck.pptx?weergave=${encodeURIComponent('/capaciteit?type=skaeve_huse')}&titel=${encodeURIComponent('Capaciteit — Regiomonitor BW&O').replace(/%20/g, '+')}`);
			const charts = await page.locator('figure[data-chart-id]').evaluateAll((figures) => figures.map((f) => f.getAttribute('data-chart-id')).filter((id) => id !== 'capaciteit-ranglijst'));
			const deck = await deckOf(href);
			expect(deck.slides).toBe(charts.length + 1); // title slide + one per chart
			expect(deck.text).toContain('Skaeve huse');
			expect(deck.text).toContain('Capaciteit — Regiomonitor BW&amp;O');
			await expect(page.getByRole('button', { name: 'Afdrukken of opslaan als PDF' }).count()).resolves.toBe(1);
		});
	});

	it('works for the gemeente page and the overzicht too', async () => {
		for (const path of ['/gemeente/GM0505', '/']) {
			await onPage(path, async (page) => {
				const href = (await page.getByRole('link', { name: 'Exporteer weergave als PowerPoint' }).getAttribute('href'))!;
				const deck = await deckOf(href);
				expect(deck.slides, path).toBeGreaterThan(1);
			});
		}
	});

	it('offers the deck link without JavaScript, and the print hint instead of the button', async () => {
		await withPage(
			async (page) => {
				await page.goto(url('/hkg'));
				await expect(page.getByRole('link', { name: 'Exporteer weergave als PowerPoint' }).count()).resolves.toBe(1);
				await expect(page.getByText('PDF: kies Afdrukken in uw browser (A4 liggend).').count()).resolves.toBe(1);
			},
			{ javaScript: false }
		);
	});
});
