/**
 * What a page's HTML is made of, in bytes (UTF-8): inline chart SVG, tables, the hydration
 * data SvelteKit writes for the browser (the inline script that starts the app, with the page
 * data in it), inline style, and the markup around them. Issue 12 asks for this split per view,
 * so a page that repeats its charts in the hydration data shows it.
 */

export interface HtmlSplit {
	/** Everything else: elements, text, attributes, other scripts. */
	opmaak: number;
	svg: number;
	tabellen: number;
	hydratie: number;
	stijl: number;
	totaal: number;
}

type Part = Exclude<keyof HtmlSplit, 'opmaak' | 'totaal'>;

const TAG = /<(\/?)(svg|table|style|script)\b[^>]*>/gi;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * Split `html` by its outermost svg, table, style and script elements (a chart's SVG inside a
 * table counts as table, a table in an SVG's foreignObject as SVG). Script and style content is
 * skipped, so a `<table` inside a script's string does not open a table.
 */
export function htmlSplit(html: string): HtmlSplit {
	const split: HtmlSplit = { opmaak: 0, svg: 0, tabellen: 0, hydratie: 0, stijl: 0, totaal: bytes(html) };
	let open: { name: string; start: number; depth: number } | null = null;
	TAG.lastIndex = 0;
	for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
		const [tag, closing, rawName] = match;
		const name = rawName.toLowerCase();
		if (!open) {
			if (closing) continue;
			if (name === 'script' || name === 'style') {
				const end = html.toLowerCase().indexOf(`</${name}>`, match.index + tag.length);
				const stop = end < 0 ? html.length : end + name.length + 3;
				const element = html.slice(match.index, stop);
				const part: Part | null = name === 'style' ? 'stijl' : /\bkit\.start\(/.test(element) ? 'hydratie' : null;
				if (part) split[part] += bytes(element);
				TAG.lastIndex = stop;
				continue;
			}
			if (tag.endsWith('/>')) continue;
			open = { name, start: match.index, depth: 1 };
			continue;
		}
		if (name !== open.name) continue;
		if (closing) open.depth--;
		else if (!tag.endsWith('/>')) open.depth++;
		if (open.depth === 0) {
			split[open.name === 'svg' ? 'svg' : 'tabellen'] += bytes(html.slice(open.start, match.index + tag.length));
			open = null;
		}
	}
	split.opmaak = split.totaal - split.svg - split.tabellen - split.hydratie - split.stijl;
	return split;
}
