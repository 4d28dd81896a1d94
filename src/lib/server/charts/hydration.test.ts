import * as devalue from 'devalue';
import { describe, expect, it } from 'vitest';
import type { RenderedChart } from '$lib/charts/types';
import { hydrationData } from './hydration';

const chart = (id: string): RenderedChart => ({
	id,
	svg: `<svg aria-label="${id}"><rect width="10" height="5"/></svg>`,
	description: `De grafiek ${id}.`,
	table: { columns: [{ label: 'Gemeente', numeric: false }, { label: 'Plekken', numeric: true }], rows: [['Dordrecht', '1.234'], ['Gorinchem', '56']], totalRows: 900 },
	legend: [{ label: 'Bestaand', colour: '#154273', shape: 'bar' }]
});

const pageData = () => ({
	filters: { peiljaar: 2024 },
	charts: { a: { meta: { title: 'A' }, chart: chart('a') }, b: null },
	tegels: [{ id: 't', trend: chart('trend') }]
});

describe('hydrationData', () => {
	it('on a page request leaves every SVG and table row out of the serialised data, and keeps them for the render', () => {
		const data = hydrationData(pageData(), { isDataRequest: false });
		const serialised = devalue.uneval(data);
		expect(serialised).not.toContain('<svg');
		expect(serialised).not.toContain('Dordrecht');
		// What the HTML does not hold travels: ids, descriptions, columns, legends, counts, filters.
		for (const text of ['De grafiek a.', 'De grafiek trend.', 'Plekken', 'Bestaand', '900', 'peiljaar']) expect(serialised).toContain(text);
		// The server's render still reads them.
		expect(data.charts.a.chart.svg).toBe(chart('a').svg);
		expect(data.tegels[0].trend.table.rows).toEqual(chart('trend').table.rows);
		expect(devalue.parse(devalue.stringify(data)).charts.a.chart.svg).toBeUndefined();
	});

	it('on a data request (a client-side navigation) keeps everything', () => {
		const data = hydrationData(pageData(), { isDataRequest: true });
		expect(devalue.parse(devalue.stringify(data))).toEqual(pageData());
	});
});
