import { describe, expect, it } from 'vitest';
import { htmlSplit } from '../../bench/html-split';

const svg = '<svg viewBox="0 0 10 10"><g><svg x="1"><rect/></svg></g><text>é</text></svg>';
const table = '<table><tr><td><svg><circle/></svg></td></tr><tr><td><table><tr><td>1</td></tr></table></td></tr></table>';
const hydration = '<script>\n{ __sveltekit_x = {}; kit.start(app, element, { data: [{ svg: "<svg>" , t: "<table>" }] }); }\n</script>';
const other = '<script src="./thema.js"></script><script type="application/json">{"a":"<table>"}</script>';
const style = '<style>.a { color: red }</style>';

describe('htmlSplit', () => {
	it('counts outermost svg, table, hydration script and style, the rest as markup, in UTF-8 bytes', () => {
		const markup = ['<!doctype html><html><head>', '</head><body><main><h1>Capaciteit</h1><figure>', '</figure>', '<p>Dordrecht – één</p>', '</main></body></html>'];
		const html = markup[0] + style + other + markup[1] + svg + markup[2] + table + markup[3] + hydration + markup[4];
		const split = htmlSplit(html);
		expect(split.svg).toBe(Buffer.byteLength(svg));
		expect(split.tabellen).toBe(Buffer.byteLength(table));
		expect(split.hydratie).toBe(Buffer.byteLength(hydration));
		expect(split.stijl).toBe(Buffer.byteLength(style));
		expect(split.opmaak).toBe(Buffer.byteLength(markup.join('') + other));
		expect(split.totaal).toBe(Buffer.byteLength(html));
	});

	it('reads a page without charts as markup only', () => {
		expect(htmlSplit('<p>Geen gegevens</p>')).toEqual({ opmaak: 20, svg: 0, tabellen: 0, hydratie: 0, stijl: 0, totaal: 20 });
	});
});
