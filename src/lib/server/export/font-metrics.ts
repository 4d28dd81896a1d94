/**
 * Text measurement with the shipped font's own metrics (Source Sans 3, fonts.ts): glyph
 * advances from the TTF's cmap and hmtx tables, line height from hhea/OS/2. The server has no
 * layout engine, and the deck's text boxes and slide legends must fit; measuring the file that
 * renders them beats a per-character estimate. Kerning is left out, which only ever makes a
 * measured line a little wider than the rendered one (Source Sans kerns pairs closer).
 */
import { readFileSync } from 'node:fs';
import { fontFiles } from './fonts';

export type FontWeight = 400 | 600 | 700;

interface Metrics {
	unitsPerEm: number;
	/** Advance width by code point, in font units. */
	advance(codePoint: number): number;
	/** Height of a line at single spacing, as a share of the font size (the larger of hhea and OS/2 win metrics). */
	lineHeight: number;
	/** The OS/2 PANOSE classification as 20 hex digits, which PowerPoint uses to substitute a missing font. */
	panose: string;
}

const WEIGHT_FILE: Record<FontWeight, number> = { 400: 0, 600: 1, 700: 2 };
const cache = new Map<FontWeight, Metrics>();

function parse(file: string): Metrics {
	const data = readFileSync(file);
	const tables = new Map<string, number>();
	const numTables = data.readUInt16BE(4);
	for (let i = 0; i < numTables; i++) {
		const record = 12 + 16 * i;
		tables.set(data.toString('latin1', record, record + 4), data.readUInt32BE(record + 8));
	}
	const table = (tag: string) => {
		const offset = tables.get(tag);
		if (offset === undefined) throw new Error(`${file}: no '${tag}' table`);
		return offset;
	};
	const head = table('head');
	const hhea = table('hhea');
	const hmtx = table('hmtx');
	const os2 = table('OS/2');
	const unitsPerEm = data.readUInt16BE(head + 18);
	const ascender = data.readInt16BE(hhea + 4);
	const descender = data.readInt16BE(hhea + 6);
	const lineGap = data.readInt16BE(hhea + 8);
	const numberOfHMetrics = data.readUInt16BE(hhea + 34);
	const winAscent = data.readUInt16BE(os2 + 74);
	const winDescent = data.readUInt16BE(os2 + 76);

	const glyphOf = cmap(data, table('cmap'));
	const advanceOfGlyph = (glyph: number) => data.readUInt16BE(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));
	const notdef = advanceOfGlyph(0);
	return {
		unitsPerEm,
		advance: (codePoint) => {
			const glyph = glyphOf(codePoint);
			return glyph ? advanceOfGlyph(glyph) : notdef;
		},
		lineHeight: Math.max(ascender - descender + lineGap, winAscent + winDescent) / unitsPerEm,
		panose: data.subarray(os2 + 32, os2 + 42).toString('hex').toUpperCase()
	};
}

/** Code point → glyph id from the Unicode cmap subtable (format 12 preferred, else format 4). */
function cmap(data: Buffer, offset: number): (codePoint: number) => number {
	const count = data.readUInt16BE(offset + 2);
	let format4: number | undefined;
	let format12: number | undefined;
	for (let i = 0; i < count; i++) {
		const platform = data.readUInt16BE(offset + 4 + 8 * i);
		const encoding = data.readUInt16BE(offset + 6 + 8 * i);
		const sub = offset + data.readUInt32BE(offset + 8 + 8 * i);
		const format = data.readUInt16BE(sub);
		if (format === 12 && (platform === 0 || (platform === 3 && encoding === 10))) format12 ??= sub;
		if (format === 4 && (platform === 0 || (platform === 3 && encoding === 1))) format4 ??= sub;
	}
	if (format12 !== undefined) {
		const sub = format12;
		const groups = data.readUInt32BE(sub + 12);
		return (cp) => {
			for (let g = 0; g < groups; g++) {
				const start = data.readUInt32BE(sub + 16 + 12 * g);
				const end = data.readUInt32BE(sub + 20 + 12 * g);
				if (cp >= start && cp <= end) return data.readUInt32BE(sub + 24 + 12 * g) + (cp - start);
			}
			return 0;
		};
	}
	if (format4 === undefined) throw new Error('no Unicode cmap');
	const sub = format4;
	const segX2 = data.readUInt16BE(sub + 6);
	const ends = sub + 14;
	const starts = ends + segX2 + 2;
	const deltas = starts + segX2;
	const rangeOffsets = deltas + segX2;
	return (cp) => {
		if (cp > 0xffff) return 0;
		for (let s = 0; s < segX2; s += 2) {
			if (cp > data.readUInt16BE(ends + s)) continue;
			const start = data.readUInt16BE(starts + s);
			if (cp < start) return 0;
			const delta = data.readInt16BE(deltas + s);
			const rangeOffset = data.readUInt16BE(rangeOffsets + s);
			if (rangeOffset === 0) return (cp + delta) & 0xffff;
			const glyph = data.readUInt16BE(rangeOffsets + s + rangeOffset + 2 * (cp - start));
			return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
		}
		return 0;
	};
}

function metrics(weight: FontWeight): Metrics {
	let m = cache.get(weight);
	if (!m) cache.set(weight, (m = parse(fontFiles()[WEIGHT_FILE[weight]])));
	return m;
}

/** Width of `text` on one line at `size` (any unit: points in, points out). */
export function textWidth(text: string, size: number, weight: FontWeight = 400): number {
	const m = metrics(weight);
	let units = 0;
	for (const char of text) units += m.advance(char.codePointAt(0) as number);
	return (units / m.unitsPerEm) * size;
}

/** Height of one line at single spacing, at `size`. */
export function lineHeight(size: number, weight: FontWeight = 400): number {
	return metrics(weight).lineHeight * size;
}

/** The font's PANOSE classification (OS/2), e.g. `020B0303030403020204`. */
export function panose(weight: FontWeight = 400): string {
	return metrics(weight).panose;
}

/** Greedy line breaking on spaces by measured width; a word longer than the line gets a line of its own. */
export function wrapText(text: string, width: number, size: number, weight: FontWeight = 400): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.trim().split(/\s+/)) {
		const candidate = line ? `${line} ${word}` : word;
		if (line && textWidth(candidate, size, weight) > width) {
			lines.push(line);
			line = word;
		} else line = candidate;
	}
	if (line) lines.push(line);
	return lines;
}

export interface FittedText {
	size: number;
	lines: string[];
}

/**
 * The largest size from `max` down to `min` (half-point steps) at which `text`, wrapped to
 * `width`, fits `height` with every line no wider than `width`; at `min` it is the lines that
 * fit, the last one ending in '…' when the text had to be cut.
 */
export function fitText(text: string, { width, height, max, min, weight = 400, spacing = 1 }: { width: number; height: number; max: number; min: number; weight?: FontWeight; spacing?: number }): FittedText {
	for (let size = max; size >= min; size -= 0.5) {
		const lines = wrapText(text, width, size, weight);
		const fits = lines.length * lineHeight(size, weight) * spacing <= height && lines.every((l) => textWidth(l, size, weight) <= width);
		if (fits) return { size, lines };
	}
	const maxLines = Math.max(1, Math.floor(height / (lineHeight(min, weight) * spacing)));
	const lines = wrapText(text, width, min, weight);
	if (lines.length <= maxLines && lines.every((l) => textWidth(l, min, weight) <= width)) return { size: min, lines };
	const kept = lines.slice(0, maxLines);
	let last = kept[maxLines - 1];
	while (last.length > 1 && textWidth(`${last}…`, min, weight) > width) last = last.slice(0, -1).trimEnd();
	kept[maxLines - 1] = `${last}…`;
	return { size: min, lines: kept };
}
