/**
 * Every text of an SVG document with the size it is drawn at, in the outer document's user
 * units: the font size it inherits (attribute or style, px, unitless or em), times the scale of
 * each nested <svg> it sits in (its width over its viewBox width). Multiply by the placed width
 * over the outer width to get the size on the page: that is how the deck's layout and its tests
 * know the point size of a tick label on a slide.
 */
import { DOMParser } from 'linkedom';

export interface DrawnText {
	text: string;
	/** Drawn font size in the outer document's user units. */
	size: number;
}

/** Plot's and the SVG default when nothing says otherwise. */
const DEFAULT_SIZE = 16;

/** The texts of an SVG document (string) with their drawn sizes; empty texts are left out. */
export function svgTexts(svg: string): DrawnText[] {
	const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
	const root = doc.documentElement as unknown as Element;
	const out: DrawnText[] = [];
	for (const element of [root, ...root.querySelectorAll('text')]) {
		if (element.tagName.toLowerCase() !== 'text') continue;
		const content = (element.textContent ?? '').trim();
		if (!content) continue;
		out.push({ text: content, size: drawnSize(element, root) });
	}
	return out;
}

/** The outer width of the document (its viewBox width, else its width). */
export function svgWidth(svg: string): number {
	const tag = /^<svg[^>]*>/.exec(svg.trimStart())?.[0] ?? '';
	const viewBox = /\sviewBox="[\d.-]+ [\d.-]+ ([\d.]+) [\d.]+"/.exec(tag);
	return Number(viewBox?.[1] ?? /\swidth="([\d.]+)"/.exec(tag)?.[1] ?? 0);
}

function drawnSize(element: Element, root: Element): number {
	const chain: Element[] = [];
	for (let e: Element | null = element; e; e = e.parentElement) chain.unshift(e);
	let size = DEFAULT_SIZE;
	let scale = 1;
	for (const e of chain) {
		const declared = fontSizeOf(e);
		if (declared) size = declared.unit === 'em' ? size * declared.value : declared.value;
		const transform = e.getAttribute('transform') ?? '';
		if (/scale|matrix|skew/.test(transform)) throw new Error(`svgTexts: a transform that changes sizes is not measured (${transform})`);
		if (e !== root && e.tagName.toLowerCase() === 'svg') scale *= nestedScale(e);
	}
	return size * scale;
}

function fontSizeOf(e: Element): { value: number; unit: 'px' | 'em' } | null {
	const style = /(?:^|;)\s*font-size\s*:\s*([^;]+)/.exec(e.getAttribute('style') ?? '')?.[1];
	const value = (style ?? e.getAttribute('font-size') ?? '').trim();
	const match = /^([\d.]+)(px|em|pt)?$/.exec(value);
	if (!match) return null;
	const n = Number(match[1]);
	if (match[2] === 'em') return { value: n, unit: 'em' };
	return { value: match[2] === 'pt' ? (n * 4) / 3 : n, unit: 'px' };
}

/** How much a nested <svg> scales its content: its width over its viewBox width (1 without a viewBox). */
function nestedScale(e: Element): number {
	const viewBox = (e.getAttribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
	const width = Number(e.getAttribute('width'));
	const height = Number(e.getAttribute('height'));
	if (viewBox.length !== 4 || !(viewBox[2] > 0) || !(width > 0)) return 1;
	// preserveAspectRatio's default (xMidYMid meet) scales by the smaller ratio.
	return height > 0 && viewBox[3] > 0 ? Math.min(width / viewBox[2], height / viewBox[3]) : width / viewBox[2];
}
