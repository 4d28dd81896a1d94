import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { tableRowsHtml } from './table-html';

describe('tableRowsHtml', () => {
	const table = {
		columns: [
			{ label: 'Gemeente', numeric: false },
			{ label: 'Plekken', numeric: true },
			{ label: 'Toelichting', numeric: false }
		],
		rows: [
			['Dordrecht', '1.234', 'Budget <€ 1,2 mln> & "meer"'],
			["'s-Gravendeel", '< 5', '<script>alert(1)</script>']
		]
	};

	it('writes a row per row, the first cell as row header, numeric cells with class num, every text escaped', () => {
		const { document } = parseHTML(`<table><tbody>${tableRowsHtml(table)}</tbody></table>`);
		const rows = [...document.querySelectorAll('tbody tr')];
		expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual(table.rows);
		expect(rows.map((r) => r.children[0].outerHTML.slice(0, 16))).toEqual(['<th scope="row">', '<th scope="row">']);
		expect(rows.map((r) => r.children[1].getAttribute('class'))).toEqual(['num', 'num']);
		expect(rows.map((r) => r.children[2].hasAttribute('class'))).toEqual([false, false]);
		expect(document.querySelectorAll('script')).toHaveLength(0);
	});

	it('without row headers every cell is a td', () => {
		const { document } = parseHTML(`<table><tbody>${tableRowsHtml(table, false)}</tbody></table>`);
		expect(document.querySelectorAll('th')).toHaveLength(0);
		expect(document.querySelectorAll('td')).toHaveLength(6);
	});
});
