import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { tekortChart } from './fixtures.test-helpers';
import { FONT_FAMILY } from './fonts';
import { standaloneSvg, wrap } from './svg';

function parse(svg: string): Document {
	return new DOMParser().parseFromString(svg, 'image/svg+xml') as unknown as Document;
}

describe('standaloneSvg', () => {
	it('is a self-contained SVG document with title, filters, legend and source inside', () => {
		const svg = standaloneSvg(tekortChart());
		const root = parse(svg).documentElement;
		expect(root.tagName.toLowerCase()).toBe('svg');
		expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
		expect(root.getAttribute('font-family')).toContain(FONT_FAMILY);
		expect(root.querySelector('title')?.textContent).toBe('Tekort per voorzieningstype in de regio, peiljaar 2024');
		const texts = [...root.querySelectorAll('text')].map((t) => t.textContent);
		expect(texts).toContain('Tekort per voorzieningstype in de regio, peiljaar 2024');
		expect(texts).toContain('Peiljaar 2024 · alle gemeenten');
		expect(texts).toContain('Tekort, ook na geplande plekken');
		// The footer wraps at the image width: read its lines back as one text.
		expect(texts.join(' ')).toContain('Bron: Capaciteitsonderzoek regio; CBS. Peildatum 1 januari 2024. Illustratief: voorbeeldgegevens. Aantallen onder 5 zijn afgeschermd (AVG).');
		expect(texts).toContain('Crisisplekken');
		expect(svg).not.toMatch(/<figure|<div|<style|style=|system-ui/);
		expect(root.querySelector('svg svg')?.getAttribute('font-size')).toBe('13px');
		// the chart nests as an <svg> inside the image, with room for the header above it
		const inner = root.querySelector('svg svg');
		expect(Number(inner?.getAttribute('y'))).toBeGreaterThan(60);
		expect(Number(root.getAttribute('width'))).toBe(640 + 32);
	});

	it('says nothing of illustrative data when the data is real', () => {
		const svg = standaloneSvg(tekortChart({ meta: { title: 'T', bron: 'CBS', peildatum: '2024-01-01', illustratief: false, afscherming: 'Aantallen onder 5 zijn afgeschermd (AVG).' } }));
		expect(svg).toContain('Bron: CBS. Peildatum 1 januari 2024.');
		expect(svg).not.toContain('Illustratief');
	});

	it('gives byte-identical output for the same input, with coordinates rounded', () => {
		const first = standaloneSvg(tekortChart());
		expect(standaloneSvg(tekortChart())).toBe(first);
		expect(first).not.toMatch(/\d\.\d{3,}/);
	});

	it('escapes text and lays out at the width asked for', () => {
		const svg = standaloneSvg(tekortChart({ meta: { title: 'A & B <c>', bron: 'x', peildatum: null, illustratief: false, afscherming: 'Aantallen onder 5 zijn afgeschermd (AVG).' } }), { width: 928 });
		expect(svg).toContain('A &amp; B &lt;c&gt;');
		expect(parse(svg).documentElement.getAttribute('width')).toBe('960');
	});

	it('breaks long lines on words', () => {
		const lines = wrap('een twee drie vier vijf zes zeven acht negen tien elf twaalf', 100, 10);
		expect(lines.length).toBeGreaterThan(1);
		expect(lines.join(' ')).toBe('een twee drie vier vijf zes zeven acht negen tien elf twaalf');
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(20);
	});
});
