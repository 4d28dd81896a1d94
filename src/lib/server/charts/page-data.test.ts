import * as devalue from 'devalue';
import { describe, expect, it } from 'vitest';
import { PROJECTEN_ALLE } from '$lib/charts/planning/projects';
import { alleRowsHref, sqlAlleId } from '$lib/charts/table-html';
import type { RenderedChart } from '$lib/charts/types';
import { CHARTS } from '$lib/server/views';
import { pageData, PAGE_ROWS, pageRows } from './page-data';

const chart = (id: string, rows = 2): RenderedChart => ({
	id,
	svg: `<svg aria-label="${id}"><rect width="10" height="5"/></svg>`,
	description: `De grafiek ${id}.`,
	table: { columns: [{ label: 'Gemeente', numeric: false }, { label: 'Plekken', numeric: true }], rows: Array.from({ length: rows }, (_, i) => [`Gemeente ${i + 1}`, String(i * 7)]) },
	legend: [{ label: 'Bestaand', colour: '#154273', shape: 'bar' }]
});

const views = () => ({
	filters: { peiljaar: 2024 },
	charts: { a: { meta: { title: 'A' }, chart: chart('a') }, lang: { meta: { title: 'Lang' }, chart: chart('lang', 63) }, b: null },
	tegels: [{ id: 't', trend: chart('trend') }]
});
const page = (query = '') => ({ url: new URL(`http://regiomonitor.test/capaciteit${query}`), isDataRequest: false });
const data = (query = '') => ({ url: new URL(`http://regiomonitor.test/capaciteit${query}`), isDataRequest: true });

describe('pageData', () => {
	it('on a page request leaves every SVG and table row out of the serialised data, and keeps them for the render', () => {
		const out = pageData(views(), page());
		const serialised = devalue.uneval(out);
		expect(serialised).not.toContain('<svg');
		expect(serialised).not.toContain('Gemeente 1');
		// What the HTML does not hold travels: ids, descriptions, columns, legends, counts, filters.
		for (const text of ['De grafiek a.', 'De grafiek trend.', 'Plekken', 'Bestaand', 'totalRows:63', 'peiljaar']) expect(serialised).toContain(text);
		// The server's render still reads them.
		expect(out.charts.a.chart.svg).toBe(chart('a').svg);
		expect(out.tegels[0].trend.table.rows).toEqual(chart('trend').table.rows);
		expect(devalue.parse(devalue.stringify(out)).charts.a.chart.svg).toBeUndefined();
	});

	it('on a data request (a client-side navigation) keeps everything but the rows past the first', () => {
		const out = devalue.parse(devalue.stringify(pageData(views(), data())));
		expect(out.charts.a).toEqual(views().charts.a);
		expect(out.tegels).toEqual(views().tegels);
		expect(out.charts.lang.chart.svg).toBe(chart('lang').svg);
	});

	it(`cuts a table to its first ${PAGE_ROWS} rows and says how many there are, unless the URL asks for all of that chart's`, () => {
		const cut = pageData(views(), data()).charts.lang.chart.table;
		expect(cut.rows).toEqual(chart('lang', 63).table.rows.slice(0, PAGE_ROWS));
		expect([cut.totalRows, cut.shownRows]).toEqual([63, PAGE_ROWS]);
		const whole = pageData(views(), data('?peiljaar=2024&alle=lang')).charts.lang.chart.table;
		expect(whole.rows).toHaveLength(63);
		expect(whole.totalRows).toBeUndefined();
		// Another chart's alle does not open this one.
		expect(pageData(views(), data('?alle=a')).charts.lang.chart.table.rows).toHaveLength(PAGE_ROWS);
	});
});

describe('pageData of a notebook', () => {
	it("leaves a SQL block's rows out of the serialised data on a page request, keeping their number", () => {
		const notebook = () => ({ page: { blocks: [{ kind: 'sql', name: 'per_gemeente', columns: [{ name: 'gemeente', numeric: false }], rows: [['Dordrecht'], ['Gorinchem']], shownRows: 2, rowCount: 2 }] } });
		const out = pageData(notebook(), page());
		expect(out.page.blocks[0].rows).toEqual([['Dordrecht'], ['Gorinchem']]);
		const serialised = devalue.uneval(out);
		expect(serialised).not.toContain('Gorinchem');
		expect(serialised).toContain('shownRows:2');
		expect(devalue.parse(devalue.stringify(pageData(notebook(), data())))).toEqual(notebook());
	});
});

describe('pageData of a notebook: long SQL results', () => {
	const block = (name: string, rows: number) => ({ kind: 'sql', name, columns: [{ name: 'n', numeric: true }], rows: Array.from({ length: rows }, (_, i) => [String(i)]), shownRows: rows, alleRows: rows, rowCount: rows });
	const notebook = () => ({ page: { blocks: [block('lang', 120), block('ander', 80), block('kort', PAGE_ROWS)] } });
	const at = (query: string) => ({ url: new URL(`http://regiomonitor.test/notebooks/nb${query}`), isDataRequest: true });

	it(`cuts a result to its first ${PAGE_ROWS} rows, keeping how many it has, unless the URL asks for all of that block's`, () => {
		const [lang, ander, kort] = pageData(notebook(), at('')).page.blocks;
		expect(lang.rows).toEqual(block('lang', 120).rows.slice(0, PAGE_ROWS));
		expect([lang.shownRows, lang.alleRows, lang.rowCount]).toEqual([PAGE_ROWS, 120, 120]);
		expect(ander.rows).toHaveLength(PAGE_ROWS);
		expect(kort).toEqual(block('kort', PAGE_ROWS));
		const [whole, stillCut] = pageData(notebook(), at(`?alle=${sqlAlleId('lang')}`)).page.blocks;
		expect(whole).toEqual(block('lang', 120));
		expect(stillCut.rows).toHaveLength(PAGE_ROWS);
		// The block's bare name is a chart's alle, not this block's.
		expect(pageData(notebook(), at('?alle=lang')).page.blocks[0].rows).toHaveLength(PAGE_ROWS);
	});

	it('a data request (a client-side navigation) carries the shown rows only', () => {
		const out = devalue.parse(devalue.stringify(pageData(notebook(), at(''))));
		expect(out.page.blocks[0].rows.at(-1)).toEqual([String(PAGE_ROWS - 1)]);
		expect(devalue.stringify(out)).not.toContain(`"${PAGE_ROWS}"`);
	});
});

describe('pageRows', () => {
	const rows = Array.from({ length: 63 }, (_, i) => ({ id: i }));
	const at = (query: string) => new URL(`http://regiomonitor.test/planning${query}`);

	it(`gives the first ${PAGE_ROWS} rows and how many there are, or all rows when the URL names the list in alle`, () => {
		expect(pageRows(rows, { url: at('?type=skaeve_huse'), id: PROJECTEN_ALLE })).toEqual({ rows: rows.slice(0, PAGE_ROWS), totalRows: 63 });
		expect(pageRows(rows, { url: at('?type=skaeve_huse&alle=projecten'), id: PROJECTEN_ALLE })).toEqual({ rows, totalRows: 63 });
		// A chart's alle leaves the list cut.
		expect(pageRows(rows, { url: at('?alle=planning-tijdlijn'), id: PROJECTEN_ALLE }).rows).toHaveLength(PAGE_ROWS);
	});

	it(`leaves a list of ${PAGE_ROWS} rows or fewer whole, as a copy`, () => {
		const kort = rows.slice(0, PAGE_ROWS);
		const out = pageRows(kort, { url: at(''), id: PROJECTEN_ALLE });
		expect(out).toEqual({ rows: kort, totalRows: PAGE_ROWS });
		expect(out.rows).not.toBe(kort);
		expect(pageRows([], { url: at(''), id: PROJECTEN_ALLE })).toEqual({ rows: [], totalRows: 0 });
	});

	it('the lists’ alle values are no chart id', () => {
		const ids = Object.keys(CHARTS);
		expect(ids.length).toBeGreaterThan(10);
		expect(ids).not.toContain(PROJECTEN_ALLE);
		expect(ids.filter((id) => id.startsWith('sql.'))).toEqual([]);
	});
});

describe('alleRowsHref', () => {
	const url = new URL('http://regiomonitor.test/dagbesteding?maat=aandeel&alle=x');
	it('adds or removes one chart in alle, keeping the filters and the other charts, at that table', () => {
		expect(alleRowsHref(url, 'per-aanbieder', true)).toBe('/dagbesteding?maat=aandeel&alle=x&alle=per-aanbieder#per-aanbieder-tabel');
		expect(alleRowsHref(new URL(alleRowsHref(url, 'per-aanbieder', true), url), 'per-aanbieder', false)).toBe('/dagbesteding?maat=aandeel&alle=x#per-aanbieder-tabel');
		expect(alleRowsHref(new URL('http://regiomonitor.test/hkg?alle=y'), 'y', false)).toBe('/hkg#y-tabel');
	});

	it('takes another place to land at, for the lists that are no chart', () => {
		expect(alleRowsHref(new URL('http://regiomonitor.test/planning?type=skaeve_huse'), PROJECTEN_ALLE, true, 'projecten-deel')).toBe('/planning?type=skaeve_huse&alle=projecten#projecten-deel');
		expect(alleRowsHref(new URL('http://regiomonitor.test/notebooks/nb?peiljaar=2024'), sqlAlleId('per_gemeente'), true, 'sql-per_gemeente')).toBe('/notebooks/nb?peiljaar=2024&alle=sql.per_gemeente#sql-per_gemeente');
	});
});
