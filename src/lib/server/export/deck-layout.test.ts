/**
 * Decks as PowerPoint shows them (issue 16): every slide of every view deck, read back from the
 * PPTX (not from the layout that wrote it), with every text box's text wrapped at the box's
 * width with the shipped font's metrics at the run's size and weight and stacked at the
 * paragraph's line spacing. It fails on a line wider than its box, lines higher than their box,
 * a box off the slide, two boxes (text or picture) that overlap, a run or paragraph end not
 * tagged nl-NL or without its font, on slides and in the notes, and on a view deck that shows
 * a chart its view does not (the tile map beside the map).
 *
 * The example exports have no boundaries file; one of made-up squares is added, so /capaciteit
 * can draw the map and its deck must leave the tile map out, as the page does.
 * REGIO_DECK_LAYOUT_DIR keeps the decks there to look at.
 */
import JSZip from 'jszip';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listNotebooks } from '$lib/server/notebooks/catalog';
import { squares, writeBoundaries } from '../../../../tests/helpers/boundaries';
import { useExampleStore } from './example-store.test-helpers';
import { buildDeck, parseDeckQuery } from './deck';
import { FONT_FAMILY } from './fonts';
import { lineHeight, textWidth, wrapText, type FontWeight } from './font-metrics';
import { SLIDE } from './slide-layout';

const EMU = 914400;

useExampleStore({
	// A boundaries file of made-up squares, so /capaciteit shows the real map (and drops the tile map).
	prepare(exportsDir) {
		const codes = readFileSync(join(exportsDir, 'gemeenten.csv'), 'utf8').match(/GM\d{4}/g) ?? [];
		writeBoundaries(exportsDir, squares([...new Set(codes)]));
	}
});

interface Shape {
	kind: 'text' | 'picture';
	x: number;
	y: number;
	w: number;
	h: number;
	xml: string;
}

const decode = (s: string) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');

/** The text boxes and pictures of a slide with their place in points. */
function shapes(xml: string): Shape[] {
	return [...xml.matchAll(/<p:(sp|pic)>([\s\S]*?)<\/p:\1>/g)].map(([, tag, body]) => {
		const [, x, y, cx, cy] = /<a:off x="(-?\d+)" y="(-?\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(body)!.map(Number);
		const pt = (emu: number) => (emu / EMU) * 72;
		return { kind: tag === 'pic' ? 'picture' : 'text', x: pt(x), y: pt(y), w: pt(cx), h: pt(cy), xml: body };
	});
}

/** What a text box's text needs, measured: problems in words, none when it fits. */
function measure(box: Shape): { problems: string[]; text: string } {
	const problems: string[] = [];
	const insets = /<a:bodyPr[^>]*lIns="(\d+)"[^>]*tIns="(\d+)"[^>]*rIns="(\d+)"[^>]*bIns="(\d+)"/.exec(box.xml)?.slice(1).map((v) => (Number(v) / EMU) * 72) ?? [7.2, 3.6, 7.2, 3.6];
	const width = box.w - insets[0] - insets[2];
	let height = 0;
	const texts: string[] = [];
	for (const [, paragraph] of box.xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
		const runs = [...paragraph.matchAll(/<a:r><a:rPr([^>]*)>[\s\S]*?<\/a:rPr><a:t>([^<]*)<\/a:t><\/a:r>/g)];
		if (runs.length === 0) continue;
		const attrs = runs[0][1];
		const size = Number(/sz="(\d+)"/.exec(attrs)?.[1] ?? 1800) / 100;
		const weight: FontWeight = /\sb="1"/.test(attrs) ? 700 : 400;
		const text = decode(runs.map((r) => r[2]).join(''));
		texts.push(text);
		const spacing = /<a:spcPts val="(\d+)"\/>/.exec(paragraph);
		const line = spacing ? Number(spacing[1]) / 100 : lineHeight(size, weight);
		const lines = wrapText(text, width, size, weight);
		for (const l of lines) {
			const w = textWidth(l, size, weight);
			if (w > width + 0.01) problems.push(`'${l}' is ${w.toFixed(1)} pt wide in ${width.toFixed(1)} pt`);
		}
		height += lines.length * line;
	}
	if (height > box.h - insets[1] - insets[3] + 0.01) problems.push(`${height.toFixed(1)} pt of text in ${box.h.toFixed(1)} pt: '${texts.join(' ').slice(0, 60)}'`);
	return { problems, text: texts.join(' ') };
}

const overlap = (a: Shape, b: Shape) => a.x < b.x + b.w - 0.01 && b.x < a.x + a.w - 0.01 && a.y < b.y + b.h - 0.01 && b.y < a.y + a.h - 0.01;

/** Run properties and paragraph ends that are not Dutch or name no font. */
function untagged(xml: string): string[] {
	const bad: string[] = [];
	for (const [tag] of xml.matchAll(/<a:(rPr|endParaRPr)\b[^>]*?(\/>|>[\s\S]*?<\/a:\1>)/g)) {
		if (!/\slang="nl-NL"/.test(tag)) bad.push(`not nl-NL: ${tag.slice(0, 80)}`);
		if (!tag.includes(`<a:latin typeface="${FONT_FAMILY}"`)) bad.push(`no ${FONT_FAMILY}: ${tag.slice(0, 80)}`);
	}
	return bad;
}

const VIEWS = ['/capaciteit', '/planning', '/wlz', '/dagbesteding', '/hkg', '/gemeente/GM0505', '/'];

describe('view decks as PowerPoint lays them out', () => {
	it('every text box of every slide of every view deck holds its measured text, nothing overlaps, every run is nl-NL in Source Sans 3', async () => {
		const views = [...VIEWS, ...listNotebooks().map((n) => `/notebooks/${n.slug}`)];
		expect(views.length).toBeGreaterThanOrEqual(10);
		const problems: string[] = [];
		let slides = 0;
		let boxes = 0;
		const keep = process.env.REGIO_DECK_LAYOUT_DIR;
		if (keep) mkdirSync(keep, { recursive: true });
		for (const view of views) {
			const deck = await buildDeck(parseDeckQuery(new URL(`http://localhost/deck.pptx?weergave=${encodeURIComponent(view)}`)));
			if (keep) writeFileSync(join(keep, `${view.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'overzicht'}.pptx`), deck.body);
			const zip = await JSZip.loadAsync(deck.body);
			const names = Object.keys(zip.files);
			const slideNames = names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
			expect(slideNames.length, view).toBe(deck.slides);
			for (const name of names.filter((n) => /^ppt\/(slides|notesSlides)\/[^/]+\.xml$/.test(n))) {
				const xml = await zip.file(name)!.async('string');
				problems.push(...untagged(xml).map((p) => `${view} ${name}: ${p}`));
				if (!name.startsWith('ppt/slides/')) continue;
				slides++;
				const found = shapes(xml);
				for (const s of found) {
					const where = `${view} ${name}`;
					if (s.x < -0.01 || s.y < -0.01 || s.x + s.w > SLIDE.w * 72 + 0.01 || s.y + s.h > SLIDE.h * 72 + 0.01) problems.push(`${where}: a ${s.kind} off the slide`);
					if (s.kind !== 'text') continue;
					boxes++;
					const m = measure(s);
					problems.push(...m.problems.map((p) => `${where}: ${p}`));
					if (/…$/.test(m.text)) problems.push(`${where}: '${m.text.slice(0, 60)}' is cut`);
				}
				for (let i = 0; i < found.length; i++)
					for (let j = i + 1; j < found.length; j++) if (overlap(found[i], found[j])) problems.push(`${view} ${name}: ${found[i].kind} ${i} overlaps ${found[j].kind} ${j}`);
			}
			if (view === '/capaciteit') {
				const notes = await Promise.all(names.filter((n) => /^ppt\/notesSlides\/[^/]+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
				const ids = notes.flatMap((n) => [.../Grafiek: ([a-z0-9/-]+)/.exec(n) ?? []].slice(1));
				expect(ids).toContain('capaciteit-kaart');
				expect(ids).not.toContain('capaciteit-tegelkaart');
			}
		}
		expect(problems).toEqual([]);
		expect(slides).toBeGreaterThanOrEqual(35);
		expect(boxes).toBeGreaterThanOrEqual(3 * slides - 10);
		console.info(`deck layout: ${views.length} view decks, ${slides} slides, ${boxes} text boxes measured`);
	}, 240_000);

	it('catches what it is for: an overflowing box, an overlap and an en-US run', () => {
		const sp = (y: number, h: number, text: string, lang = 'nl-NL') =>
			`<p:sp><a:off x="0" y="${y}"/><a:ext cx="${2 * EMU}" cy="${h}"/><a:bodyPr lIns="0" tIns="0" rIns="0" bIns="0"/><a:p><a:r><a:rPr lang="${lang}" sz="2400" b="1"><a:latin typeface="${FONT_FAMILY}"/></a:rPr><a:t>${text}</a:t></a:r></a:p></p:sp>`;
		const xml = sp(0, 0.3 * EMU, 'Een titel die op twee regels komt te staan') + sp(0.2 * EMU, 0.5 * EMU, 'Ondertitel', 'en-US');
		const [title, subtitle] = shapes(xml);
		expect(measure(title).problems.join()).toMatch(/pt of text in/);
		expect(measure(subtitle).problems).toEqual([]);
		expect(overlap(title, subtitle)).toBe(true);
		expect(untagged(xml)).toEqual([expect.stringContaining('not nl-NL')]);
	});
});
