import * as devalue from 'devalue';
import { describe, expect, it } from 'vitest';
import { alleRowsHref } from '$lib/charts/table-html';
import type { RenderedChart } from '$lib/charts/types';
import { pageData, PAGE_ROWS } from './page-data';

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

describe('alleRowsHref', () => {
	const url = new URL('http://regiomonitor.test/dagbesteding?maat=aandeel&alle=x');
	it('adds or removes one chart in alle, keeping the filters and the other charts, at that table', () => {
		expect(alleRowsHref(url, 'per-aanbieder', true)).toBe('/dagbesteding?maat=aandeel&alle=x&alle=per-aanbieder#per-aanbieder-tabel');
		expect(alleRowsHref(new URL(alleRowsHref(url, 'per-aanbieder', true), url), 'per-aanbieder', false)).toBe('/dagbesteding?maat=aandeel&alle=x#per-aanbieder-tabel');
		expect(alleRowsHref(new URL('http://regiomonitor.test/hkg?alle=y'), 'y', false)).toBe('/hkg#y-tabel');
	});
});
