/**
 * The presentatiemap as plain data: the charts a user collected across views, in slide order.
 * Pure functions only (no browser, no runes), so the state module (state.svelte.ts), the page
 * and the tests share one validation, one share-link format and one deck-URL format.
 *
 * An item's `query` is the chart's filters as a URL query string WITHOUT the leading '?'
 * (e.g. `peiljaar=2024&type=crisisopvang`); empty for the view's defaults.
 */
import { z } from 'zod';

/** A share link holds at most this many charts (a deck of 40 slides is already long). */
export const MAX_ITEMS = 40;
const MAX_TEXT = 500;
const MAX_QUERY = 1000;

export interface PresentatieItem {
	/** Local id of the item (the same chart may not be added twice, but ids keep keyed lists stable). */
	id: string;
	/** The chart registry id, as in GET /charts and /charts/<id>.<ext>. */
	chartId: string;
	/** The chart's filters: a query string without '?'. */
	query: string;
	/** The chart's title as the view showed it. */
	title: string;
	/** The slide's own title (instead of the chart title), if the user gave one. */
	slideTitle?: string;
	/** Speaker note for the slide. */
	note?: string;
}

export interface Presentatiemap {
	/** Title of the deck (title slide). */
	titel: string;
	items: PresentatieItem[];
}

/** A view chart's id (`capaciteit-per-type`) or a notebook chart's (`notebook/<slug>/<chart>`). */
const chartIdSchema = z.string().regex(/^(?:notebook\/[a-z0-9][a-z0-9-]{0,79}\/[a-z][a-z0-9-]{0,79}|[a-z0-9][a-z0-9-]{0,79})$/);
const querySchema = z
	.string()
	.max(MAX_QUERY)
	.transform((q) => q.replace(/^\?/, ''));
const textSchema = z.string().max(MAX_TEXT);

const itemSchema = z.object({
	id: z.string().min(1).max(40),
	chartId: chartIdSchema,
	query: querySchema,
	title: textSchema,
	slideTitle: textSchema.optional(),
	note: z.string().max(5000).optional()
});

/** What localStorage holds (version 1). */
const storedSchema = z.object({
	versie: z.literal(1),
	titel: textSchema.default(''),
	items: z.array(itemSchema).max(MAX_ITEMS * 5)
});

export const STORAGE_KEY = 'regiomonitor.presentatiemap';

export const emptyMap = (): Presentatiemap => ({ titel: '', items: [] });

/** What to write to localStorage. */
export function serialize(map: Presentatiemap): string {
	return JSON.stringify({ versie: 1, titel: map.titel, items: map.items });
}

/** What was read back from localStorage: garbage (or nothing) gives an empty map, never an exception. */
export function deserialize(raw: string | null | undefined): Presentatiemap {
	if (!raw) return emptyMap();
	try {
		const parsed = storedSchema.safeParse(JSON.parse(raw));
		if (!parsed.success) return emptyMap();
		return { titel: parsed.data.titel, items: dedupeIds(parsed.data.items.map(cleanItem)) };
	} catch {
		return emptyMap();
	}
}

function cleanItem(item: PresentatieItem): PresentatieItem {
	const out: PresentatieItem = { id: item.id, chartId: item.chartId, query: item.query, title: item.title };
	if (item.slideTitle) out.slideTitle = item.slideTitle;
	if (item.note) out.note = item.note;
	return out;
}

function dedupeIds(items: PresentatieItem[]): PresentatieItem[] {
	const seen = new Set<string>();
	return items.map((item) => {
		if (!seen.has(item.id)) {
			seen.add(item.id);
			return item;
		}
		const id = newItemId();
		seen.add(id);
		return { ...item, id };
	});
}

let counter = 0;
/** A local item id; not crypto.randomUUID, which plain-HTTP intranet hosts lack. */
export function newItemId(): string {
	counter += 1;
	return `${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

/** The query of a page URL's search ('?a=1' or ''), normalised to 'a=1' without the export's own `formaat`. */
export function normalizeQuery(search: string): string {
	const params = new URLSearchParams(search.replace(/^\?/, ''));
	params.delete('formaat');
	return params.toString();
}

/** Same chart with the same filters already in the map? */
export function findItem(map: Presentatiemap, chartId: string, query: string): PresentatieItem | undefined {
	return map.items.find((i) => i.chartId === chartId && i.query === query);
}

export type AddResult = 'toegevoegd' | 'bestaat' | 'vol';

/** Adds a chart at the end, unless it is already there or the map is full. */
export function addItem(map: Presentatiemap, item: Omit<PresentatieItem, 'id'>): { map: Presentatiemap; result: AddResult } {
	if (findItem(map, item.chartId, item.query)) return { map, result: 'bestaat' };
	if (map.items.length >= MAX_ITEMS) return { map, result: 'vol' };
	return { map: { ...map, items: [...map.items, { ...item, id: newItemId() }] }, result: 'toegevoegd' };
}

export function removeItem(map: Presentatiemap, id: string): Presentatiemap {
	return { ...map, items: map.items.filter((i) => i.id !== id) };
}

/** Moves an item `delta` places (−1 up, +1 down); unchanged at the ends. */
export function moveItem(map: Presentatiemap, id: string, delta: number): Presentatiemap {
	const from = map.items.findIndex((i) => i.id === id);
	const to = from + delta;
	if (from < 0 || to < 0 || to >= map.items.length) return map;
	const items = [...map.items];
	const [item] = items.splice(from, 1);
	items.splice(to, 0, item);
	return { ...map, items };
}

export function updateItem(map: Presentatiemap, id: string, patch: Partial<Pick<PresentatieItem, 'slideTitle' | 'note'>>): Presentatiemap {
	return {
		...map,
		items: map.items.map((i) => {
			if (i.id !== id) return i;
			const next = { ...i, ...patch };
			if (!next.slideTitle) delete next.slideTitle;
			if (!next.note) delete next.note;
			return next;
		})
	};
}

// ---------------------------------------------------------------------------------------------
// Share link: /presentatiemap?map=<base64url of {"t":titel,"c":[[chartId,query,title,slideTitle,note],…]}>
// (trailing empty strings of a tuple are left off; `t` only when there is a deck title).

type SharedTuple = [string, string, string?, string?, string?];

const sharedSchema = z.object({
	t: textSchema.optional(),
	c: z
		.array(z.tuple([chartIdSchema, querySchema, textSchema.optional(), textSchema.optional(), z.string().max(5000).optional()]))
		.min(1)
		.max(MAX_ITEMS)
});

function toBase64Url(text: string): string {
	const bytes = new TextEncoder().encode(text);
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(value: string): string {
	const b64 = value.replace(/-/g, '+').replace(/_/g, '/');
	const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
	return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The `map` parameter of a share link (the first MAX_ITEMS charts). */
export function encodeShare(map: Presentatiemap): string {
	const c = map.items.slice(0, MAX_ITEMS).map((i) => {
		const tuple: SharedTuple = [i.chartId, i.query, i.title, i.slideTitle ?? '', i.note ?? ''];
		while (tuple.length > 2 && !tuple[tuple.length - 1]) tuple.pop();
		return tuple;
	});
	return toBase64Url(JSON.stringify(map.titel ? { t: map.titel, c } : { c }));
}

/** The share link's path and query. */
export function shareHref(map: Presentatiemap): string {
	return `/presentatiemap?map=${encodeShare(map)}`;
}

/** A shared map from the `map` parameter, or null when it is not a valid one. */
export function decodeShare(value: string): Presentatiemap | null {
	if (!value || value.length > 60_000 || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
	try {
		const parsed = sharedSchema.safeParse(JSON.parse(fromBase64Url(value)));
		if (!parsed.success) return null;
		const items = parsed.data.c.map(([chartId, query, title, slideTitle, note]) =>
			cleanItem({ id: newItemId(), chartId, query, title: title || chartId, slideTitle, note })
		);
		return { titel: parsed.data.t ?? '', items };
	} catch {
		return null;
	}
}

/** Adds the shared items that are not in `map` yet (up to MAX_ITEMS in all). */
export function mergeMaps(map: Presentatiemap, shared: Presentatiemap): Presentatiemap {
	let out = map;
	for (const item of shared.items) out = addItem(out, item).map;
	return { ...out, titel: out.titel || shared.titel };
}

// ---------------------------------------------------------------------------------------------
/**
 * The deck URL, for the GET /deck.pptx endpoint:
 *
 *   /deck.pptx?titel=<deck title>&chart=<id>?<query>&slidetitel=<text>&notitie=<text>&chart=…
 *
 * - `chart` is repeated, one per slide in slide order; its value is encodeURIComponent of
 *   `<chart id>?<query>` (e.g. `capaciteit-per-gemeente?peiljaar=2024&type=crisisopvang`,
 *   or just `<chart id>` when the query is empty) — read it with url.searchParams.getAll('chart').
 * - `slidetitel` and `notitie` are repeated exactly as often as `chart`, in the same order; an
 *   empty value means "none" (use the chart's title / no note). They are left off altogether when
 *   no slide has a title or note respectively.
 * - `titel` (optional, at most once) is the title of the title slide.
 */
export function deckHref(map: Presentatiemap): string {
	const parts: string[] = [];
	if (map.titel.trim()) parts.push(`titel=${encodeURIComponent(map.titel.trim())}`);
	const anyTitle = map.items.some((i) => i.slideTitle?.trim());
	const anyNote = map.items.some((i) => i.note?.trim());
	for (const item of map.items) {
		parts.push(`chart=${encodeURIComponent(item.query ? `${item.chartId}?${item.query}` : item.chartId)}`);
		if (anyTitle) parts.push(`slidetitel=${encodeURIComponent(item.slideTitle?.trim() ?? '')}`);
		if (anyNote) parts.push(`notitie=${encodeURIComponent(item.note?.trim() ?? '')}`);
	}
	return `/deck.pptx?${parts.join('&')}`;
}

/** The filters of a query in words, e.g. "peiljaar 2024 · type crisisopvang, skaeve_huse". */
export function filtersInWords(query: string): string {
	const params = new URLSearchParams(query);
	const byName = new Map<string, string[]>();
	for (const [k, v] of params) byName.set(k, [...(byName.get(k) ?? []), v]);
	if (byName.size === 0) return 'Standaardfilters van de pagina';
	return [...byName].map(([k, vs]) => `${k}: ${vs.join(', ')}`).join(' · ');
}
