/**
 * Notebook prose → HTML (pure). CommonMark with GFM tables via marked, restricted for a page
 * that anyone with write access to notebooks/ can fill: raw HTML is shown as text, links and
 * images only to http(s), mailto and relative addresses, and `{…}` inline values are filled
 * in (HTML-escaped) from the run, never inside code. Headings move down so that the notebook's
 * shallowest heading is an h2: the page has the notebook title as its only h1, and a notebook
 * written with `##` sections gets no h1 → h3 jump (axe: heading-order).
 */
import { Marked, type MarkedExtension, type Token, type Tokens } from 'marked';
import { referenceAt, resolveReference, UNRESOLVED, type InlineContext, type InlineReference, type Resolved } from './inline';

/** The inline token marked produces for a `{…}` reference. */
interface ReferenceToken extends Tokens.Generic {
	type: 'notebookRef';
	raw: string;
	reference: InlineReference;
}

export type ResolveReference = (reference: InlineReference) => Resolved;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const referenceExtension: MarkedExtension = {
	extensions: [
		{
			name: 'notebookRef',
			level: 'inline',
			start: (src: string) => {
				const index = src.indexOf('{');
				return index === -1 ? undefined : index;
			},
			tokenizer(src: string): ReferenceToken | undefined {
				const reference = src.startsWith('{') ? referenceAt(src) : null;
				return reference ? { type: 'notebookRef', raw: reference.raw, reference } : undefined;
			}
		}
	]
};

/** A lexer-only instance: token positions for the parser's checks. */
const lexing = new Marked({ gfm: true }, referenceExtension);

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Only http(s), mailto and relative links; `javascript:`, `data:` and the like are refused. */
export function isSafeHref(href: string): boolean {
	// Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
	const compact = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
	const scheme = SCHEME.exec(compact);
	if (!scheme) return !compact.startsWith('//') && !compact.startsWith('\\\\');
	return ['http', 'https', 'mailto'].includes(scheme[1].toLowerCase());
}

function cleanHref(href: string): string | null {
	if (!isSafeHref(href)) return null;
	try {
		return encodeURI(href).replace(/%25/g, '%');
	} catch {
		return null;
	}
}

/** The depths (1–6) of the headings in prose, in order (`## Sub` → 2). */
export function headingDepths(text: string): number[] {
	const depths: number[] = [];
	lexing.walkTokens(lexing.lexer(text), (token) => {
		if (token.type === 'heading') depths.push((token as Tokens.Heading).depth);
	});
	return depths;
}

export interface MarkdownOptions {
	/** The markdown depth that becomes an h2 (the shallowest heading of the whole notebook); default 1. */
	topDepth?: number;
}

/** The HTML level of a markdown heading: `topDepth` becomes 2, deeper ones follow, at most 6. */
export function headingLevel(depth: number, topDepth = 1): number {
	return Math.min(Math.max(depth - topDepth + 2, 2), 6);
}

/** Render prose as HTML, filling `{…}` references from a run (or through a resolve function). */
export function renderMarkdown(text: string, values: InlineContext | ResolveReference, { topDepth = 1 }: MarkdownOptions = {}): string {
	const resolve: ResolveReference = typeof values === 'function' ? values : (reference) => resolveReference(reference, values);
	const marked = new Marked({ gfm: true, async: false }, referenceExtension, {
		extensions: [
			{
				name: 'notebookRef',
				renderer(token) {
					const resolved = resolve((token as ReferenceToken).reference);
					if (resolved.ok) return escapeHtml(resolved.text);
					return `<span class="notebook-onbekend" title="${escapeHtml(resolved.reason)}">${UNRESOLVED}</span>`;
				}
			}
		],
		renderer: {
			html({ text, block }: Tokens.HTML | Tokens.Tag) {
				const shown = escapeHtml(text);
				return block ? `<p>${shown.trimEnd()}</p>\n` : shown;
			},
			heading({ tokens, depth }: Tokens.Heading) {
				const level = headingLevel(depth, topDepth);
				return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
			},
			link({ href, title, tokens }: Tokens.Link) {
				const inner = this.parser.parseInline(tokens);
				const clean = cleanHref(href);
				if (clean === null) return inner;
				return `<a href="${escapeHtml(clean)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${inner}</a>`;
			},
			image({ href, title, text }: Tokens.Image) {
				const clean = cleanHref(href);
				if (clean === null) return escapeHtml(text);
				return `<img src="${escapeHtml(clean)}" alt="${escapeHtml(text)}"${title ? ` title="${escapeHtml(title)}"` : ''}>`;
			}
		}
	});
	return marked.parse(text, { async: false });
}

/** The `{…}` references of prose outside code, with their 1-based line in `text`. */
export function proseReferences(text: string): { reference: InlineReference; line: number }[] {
	const found: { reference: InlineReference; line: number }[] = [];
	let offset = 0;
	for (const token of lexing.lexer(text)) {
		const position = text.indexOf(token.raw, offset);
		const start = position === -1 ? offset : position;
		let cursor = 0;
		lexing.walkTokens([token as Token], (inner) => {
			if (inner.type !== 'notebookRef') return;
			const { reference } = inner as ReferenceToken;
			// Table cells unescape `\|`, so look for the start of the reference only.
			const head = `{${reference.kind === 'value' ? reference.block : reference.name}`;
			const at = token.raw.indexOf(head, cursor);
			if (at !== -1) cursor = at + head.length;
			found.push({ reference, line: lineAt(text, start + Math.max(at, 0)) });
		});
		offset = start + token.raw.length;
	}
	return found;
}

function lineAt(text: string, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
	return line;
}
