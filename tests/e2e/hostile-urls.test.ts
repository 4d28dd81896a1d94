/**
 * Hostile URLs (issue 5): for every route and every parameter, property-based values — SQL
 * injection, path traversal (also in chart ids and gemeentecodes), huge/negative/NaN numbers,
 * unicode (emoji, RTL, NUL, encoded lone surrogates, malformed escapes), empty, repeated and very
 * long values — only ever get 200, 400 or 404 (or a same-site 308: the gemeente lowercase and
 * trailing-slash redirects), never a 500 or a stack trace, and the store is unchanged afterwards.
 *
 * Bounded and reproducible: a fixed seed (override with HOSTILE_SEED) and a fixed number of runs
 * per route group; a failure prints the seed, the shrunk URL and the response.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, inject, it } from 'vitest';

const baseURL = inject('baseURL');
const paths = inject('paths');
const SEED = Number(process.env.HOSTILE_SEED ?? 20261122);
const ALLOWED = new Set([200, 400, 404]);

interface Listing {
	id: string;
	view: string;
	parameters: { name: string; values?: string[] }[];
}

/** Values written into the URL exactly as they are (already percent-encoded, or deliberately malformed). */
const RAW_VALUES = [
	'%2e%2e%2f%2e%2e%2fetc%2fpasswd',
	'..%2F..%2F..%2Fetc%2Fpasswd',
	'%00',
	'a%00b',
	'%ED%A0%80', // lone high surrogate, UTF-8 encoded
	'%ED%B0%80', // lone low surrogate
	'%E0%A4%A', // truncated escape
	'%',
	'%zz',
	'%FF%FE',
	'%C0%AE%C0%AE%2F', // overlong '.'
	'%252e%252e%252f' // double encoded
];

/** Values that get percent-encoded normally. */
const PLAIN_VALUES = [
	"' OR 1=1 --",
	'"; DROP TABLE capaciteit; --',
	"1; DELETE FROM snapshots WHERE '1'='1",
	"GM0505' UNION SELECT * FROM sqlite_master --",
	'../../etc/passwd',
	'..\\..\\windows\\win.ini',
	'/etc/passwd',
	'1e309',
	'-1e309',
	'-1',
	'0',
	'-0',
	'99999999999999999999',
	'9007199254740993',
	'NaN',
	'Infinity',
	'-Infinity',
	'0x10',
	'1.5',
	' 2024 ',
	'2024,2025',
	',,,',
	'',
	'true',
	'null',
	'undefined',
	'[]',
	'{}',
	'__proto__',
	'constructor',
	'<script>alert(1)</script>',
	'😀🏳️‍🌈',
	'\u202Eevil\u202C',
	'مرحبا',
	'\u0000',
	'\r\nSet-Cookie: x=1',
	'x'.repeat(10_000)
];

/** Longest generated query string / URL: a 10 kB value and change, below Node's 16 kB request-head limit (431 above it). */
const MAX_QUERY = 12_000;
const MAX_URL = 14_000;
const bounded = (arb: fc.Arbitrary<string>) => arb.filter((url) => url.length <= MAX_URL);

const encode = (value: string): string => {
	try {
		return encodeURIComponent(value);
	} catch {
		// a lone surrogate cannot be encoded by the platform: write its UTF-8 bytes by hand
		return [...value]
			.map((ch) => {
				const c = ch.charCodeAt(0);
				if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) return `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`;
				return encodeURIComponent(ch);
			})
			.join('');
	}
};

/** A URL component: either raw (inserted as is) or plain (percent-encoded). */
const hostileComponent = (extra: string[] = []): fc.Arbitrary<string> =>
	fc.oneof(
		{ weight: 3, arbitrary: fc.constantFrom(...PLAIN_VALUES, ...extra).map(encode) },
		{ weight: 2, arbitrary: fc.constantFrom(...RAW_VALUES) },
		{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }).map(encode) },
		{ weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map((n) => encode(String(n))) },
		{ weight: 1, arbitrary: fc.constantFrom(...extra.length ? extra : ['x']).map((v) => encode(`${v}' OR '1'='1`)) }
	);

/** A query string from the given parameter names (plus an unknown one), with hostile values. */
const hostileQuery = (names: string[], valid: string[] = []): fc.Arbitrary<string> =>
	fc
		.array(
			fc.tuple(fc.constantFrom(...names, 'onbekend', '__proto__', ''), hostileComponent(valid), fc.constantFrom('=', '=', '=', '')),
			{ maxLength: 5 }
		)
		.chain((pairs) =>
			// sometimes repeat a parameter verbatim
			fc.boolean().map((repeat) => (repeat && pairs.length ? [...pairs, pairs[0]] : pairs))
		)
		.map((pairs) => pairs.map(([k, v, eq]) => (eq ? `${encode(k)}=${v}` : encode(k))).join('&'))
		// Node refuses request heads over 16 kB itself (431); one 10 kB value per URL stays below that
		.filter((q) => q.length <= MAX_QUERY);

let charts: Listing[] = [];
let snapshotBefore: string;
let storeBefore: string;
/** Parameter names and known values per view path. */
const viewParams = new Map<string, { names: Set<string>; values: Set<string> }>();

function storeHash(dir: string): string {
	const hash = createHash('sha256');
	const walk = (d: string) => {
		for (const entry of readdirSync(d).sort()) {
			const p = join(d, entry);
			if (statSync(p).isDirectory()) walk(p);
			else hash.update(entry).update(readFileSync(p));
		}
	};
	walk(dir);
	return hash.digest('hex');
}

async function snapshotId(): Promise<string> {
	const response = await fetch(new URL('/api/health', baseURL));
	expect(response.status).toBe(200);
	return ((await response.json()) as { snapshotId: string }).snapshotId;
}

const TEXTUAL = /text\/|json|svg|csv|javascript/;
const LEAKS: [string, RegExp][] = [
	['stack frame', /\bat [\w$.<>[\] ]*\(?[^\s()]*:\d+:\d+\)?/],
	['error name', /\b\w*Error: /],
	['node_modules', /node_modules/],
	['server path', /\/work\/|\/tmp\/regiomonitor|src\/lib|src\/routes|\.ts:\d+/]
];

/** Fetch a path+query and check status and body; returns a description on failure. */
async function check(pathAndQuery: string): Promise<void> {
	const url = baseURL.replace(/\/$/, '') + pathAndQuery;
	const response = await fetch(url, { redirect: 'manual' });
	const type = response.headers.get('content-type') ?? '';
	const body = TEXTUAL.test(type) ? await response.text() : (await response.arrayBuffer(), '');
	const context = `${pathAndQuery.slice(0, 300)} → ${response.status} ${type}\n${body.slice(0, 500)}`;
	if (response.status === 308) {
		// SvelteKit's trailing-slash and the gemeente lowercase redirects: never off-site (no open redirect)
		const location = response.headers.get('location') ?? '';
		if (new URL(location, url).origin !== new URL(baseURL).origin) throw new Error(`redirect leaves the site (${location}): ${context}`);
	} else if (!ALLOWED.has(response.status)) throw new Error(`unexpected status: ${context}`);
	for (const [what, pattern] of LEAKS) {
		const m = pattern.exec(body);
		if (m) throw new Error(`body leaks a ${what} ('${m[0].slice(0, 80)}'): ${context}`);
	}
}

const params = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: true });

/** Run a property and make sure the seed is in the failure message. */
async function assertWithSeed(property: fc.IAsyncProperty<[string]>, numRuns: number): Promise<void> {
	const details = await fc.check(property, params(numRuns));
	if (details.failed) {
		const [url] = details.counterexample ?? [''];
		const why = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
		throw new Error(
			`hostile URL failed after ${details.numRuns} runs (seed ${SEED}, path ${details.counterexamplePath}; rerun with HOSTILE_SEED=${SEED}):\n` +
				`${url.length > 400 ? `${url.slice(0, 400)}… (${url.length} chars)` : url}\n${why.slice(0, 1500)}`
		);
	}
}

describe('hostile URLs', () => {
	beforeAll(async () => {
		snapshotBefore = await snapshotId();
		storeBefore = storeHash(paths.store);
		const response = await fetch(new URL('/charts', baseURL));
		charts = ((await response.json()) as { charts: Listing[] }).charts;
		expect(charts.length).toBeGreaterThan(0);
		for (const chart of charts) {
			const view = chart.view === '/gemeente/[code]' ? '/gemeente' : chart.view;
			const entry = viewParams.get(view) ?? { names: new Set(), values: new Set() };
			for (const p of chart.parameters) {
				entry.names.add(p.name);
				for (const v of p.values ?? []) entry.values.add(v);
			}
			viewParams.set(view, entry);
		}
		// what-if bids on /hkg, per gemeente
		const gemeenten = [...(viewParams.get('/gemeente')?.values ?? [])].filter((v) => /^GM\d{4}$/.test(v));
		const hkg = viewParams.get('/hkg') ?? { names: new Set<string>(), values: new Set<string>() };
		for (const code of gemeenten) hkg.names.add(`bod_${code}`);
		hkg.names.add('bod_GM9999');
		hkg.names.add('bod_');
		viewParams.set('/hkg', hkg);
	});

	const views = ['/', '/capaciteit', '/planning', '/wlz', '/hkg', '/dagbesteding', '/gemeente', '/data', '/notebooks', '/presentatiemap', '/api/health', '/charts'];

	it('pages and APIs with hostile query strings', async () => {
		const all = new Set<string>(['map', 'jaar', 'periode', 'ronde', 'type', 'gemeente', 'formaat']);
		for (const { names } of viewParams.values()) for (const n of names) all.add(n);
		// the notebooks' pages take their parameters (listed with their charts in GET /charts)
		const notebooks = [...viewParams.keys()].filter((v) => v.startsWith('/notebooks/'));
		expect(notebooks.length).toBeGreaterThan(0);
		const arb = fc.constantFrom(...views, ...notebooks).chain((view) => {
			const own = viewParams.get(view);
			const names = own ? [...own.names] : [...all];
			return hostileQuery(names.length ? names : [...all], [...(own?.values ?? [])]).map((q) => `${view}?${q}`);
		});
		await assertWithSeed(fc.asyncProperty(bounded(arb), (url) => check(url)), 400);
	});

	it('data requests (__data.json) with hostile query strings', async () => {
		const arb = fc.constantFrom('/capaciteit', '/planning', '/wlz', '/hkg', '/dagbesteding', '/gemeente/GM0505').chain((view) => {
			const own = viewParams.get(view.startsWith('/gemeente') ? '/gemeente' : view);
			return hostileQuery([...(own?.names ?? ['x'])], [...(own?.values ?? [])]).map((q) => `${view}/__data.json?${q}`);
		});
		await assertWithSeed(fc.asyncProperty(bounded(arb), (url) => check(url)), 150);
	});

	it('gemeente pages with hostile codes', async () => {
		const arb = fc
			.oneof(hostileComponent(['GM0505', 'gm0505', 'GM9999', 'GM', '..', '.']), fc.constantFrom('..%2F..', '..%2F..%2Fetc%2Fpasswd', '%2e%2e', 'GM0505%2F..', 'GM0505%00'))
			.filter((code) => code !== '' && code !== '.' && code !== '..')
			.map((code) => `/gemeente/${code}`);
		await assertWithSeed(fc.asyncProperty(bounded(arb), (url) => check(url)), 150);
	});

	it('chart files with hostile ids, formats and filters', async () => {
		const ids = charts.map((c) => c.id);
		const arb = fc
			.tuple(
				fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids).map(encode) }, { weight: 2, arbitrary: hostileComponent() }, { weight: 1, arbitrary: fc.constantFrom('..%2F..%2Fetc%2Fpasswd', '..%2F..%2Fpackage', '%2e%2e%2f%2e%2e%2fsrc%2Fhooks.server') }),
				fc.constantFrom('svg', 'csv', 'xlsx', 'png', 'svg', 'csv', 'exe', 'SVG', 'svg%00', ''),
				fc.constantFrom(...ids)
			)
			.chain(([id, format, forParams]) => {
				const chart = charts.find((c) => c.id === forParams)!;
				const names = [...chart.parameters.map((p) => p.name), 'formaat'];
				const values = chart.parameters.flatMap((p) => p.values ?? []);
				return hostileQuery(names, [...values, '16x9']).map((q) => `/charts/${id}.${format}?${q}`);
			});
		await assertWithSeed(fc.asyncProperty(bounded(arb), (url) => check(url)), 250);
	});

	it('deck.pptx with hostile charts, views and titles', async () => {
		const ids = charts.map((c) => c.id);
		const chartValue = fc.oneof(
			fc.tuple(fc.constantFrom(...ids), hostileQuery(['jaar', 'type', 'gemeente', 'periode', 'ronde', 'bod_GM0505'])).map(([id, q]) => encode(`${id}?${decodeSafe(q)}`)),
			hostileComponent(ids)
		);
		const weergave = fc.oneof(
			fc.tuple(fc.constantFrom(...views, '/gemeente/GM0505', '/gemeente/%E0%A4%A', '/gemeente/..%2F..'), hostileQuery(['jaar', 'type', 'gemeente'])).map(([v, q]) => encode(`${v}?${decodeSafe(q)}`)),
			hostileComponent(['/capaciteit', '/gemeente/GM0505'])
		);
		const arb = fc
			.tuple(
				fc.array(
					fc.oneof(
						chartValue.map((v) => `chart=${v}`),
						weergave.map((v) => `weergave=${v}`),
						fc.tuple(fc.constantFrom('chart', 'weergave', 'titel', 'slidetitel', 'notitie', 'onbekend'), hostileComponent()).map(([k, v]) => `${k}=${v}`)
					),
					{ minLength: 1, maxLength: 4 }
				)
			)
			.map(([pairs]) => `/deck.pptx?${pairs.join('&')}`);
		await assertWithSeed(fc.asyncProperty(bounded(arb), (url) => check(url)), 80);
	});

	it.each([
		'/charts/..%2F..%2Fetc%2Fpasswd.svg',
		'/charts/..%2F..%2F..%2Fpackage.json',
		'/charts/%2e%2e%2f%2e%2e%2fetc%2fpasswd.csv',
		'/charts/%E0%A4%A.svg',
		'/charts/%00.png',
		'/gemeente/..%2F..',
		'/gemeente/%E0%A4%A',
		'/gemeente/%ED%A0%80',
		'/gemeente/gm0505%00',
		`/gemeente/${'9'.repeat(5000)}`,
		'/capaciteit?jaar=1e309',
		'/capaciteit?jaar=99999999999999999999&jaar=-1',
		`/hkg?bod_GM0505=99999999999999999999&bod_GM0505=-1`,
		'/hkg?bod_GM0505=NaN&bod_%00=1',
		'/presentatiemap?map=%E0%A4%A',
		`/presentatiemap?map=${'A'.repeat(10_000)}`,
		'/deck.pptx?weergave=%2Fgemeente%2F%25E0%25A4%25A',
		'/deck.pptx?weergave=%2Fgemeente%2F..%252F..',
		'/deck.pptx?chart=..%2F..%2Fetc%2Fpasswd',
		'/deck.pptx?chart=capaciteit-per-jaar%3Fjaar%3D%25E0%25A4%25A',
		"/deck.pptx?titel=%27%20OR%201%3D1%20--&chart=",
		'/deck.pptx'
	])('%s is answered without a 500 or a stack trace', async (path) => {
		await check(path);
	});

	it('a request head over Node’s 16 kB limit is refused with a 4xx, not a 500', async () => {
		const response = await fetch(`${baseURL.replace(/\/$/, '')}/capaciteit?jaar=${'9'.repeat(20_000)}`);
		expect(response.status).toBeGreaterThanOrEqual(400);
		expect(response.status).toBeLessThan(500);
	});

	it('leaves the store unchanged', async () => {
		expect(await snapshotId()).toBe(snapshotBefore);
		expect(storeHash(paths.store)).toBe(storeBefore);
	});
});

/** A raw query back to text for nesting it inside another parameter (malformed escapes stay as they are). */
function decodeSafe(q: string): string {
	try {
		return decodeURIComponent(q);
	} catch {
		return q;
	}
}
