import { describe, expect, it } from 'vitest';
import { layoutWidthFor, minDisplayWidth, svgTextLayout } from './text-size';

describe('svgTextLayout', () => {
	it('reads the viewBox width and lets the root style win over its font-size attribute', () => {
		const svg = '<svg style="font-size:13px;color:#000" viewBox="0 0 760 300" width="760" font-size="10"><text>a</text></svg>';
		expect(svgTextLayout(svg)).toEqual({ width: 760, minFontSize: 13 });
	});
	it('takes the smallest font-size attribute inside', () => {
		const svg = '<svg style="font-size:13px" viewBox="0 0 600 200"><g font-size="11"><text>a</text></g><g font-size="15"></g></svg>';
		expect(svgTextLayout(svg)).toEqual({ width: 600, minFontSize: 11 });
	});
	it('falls back to the width attribute and the root attribute', () => {
		expect(svgTextLayout('<svg width="300" font-size="12"></svg>')).toEqual({ width: 300, minFontSize: 12 });
	});
	it('is null for markup that is no SVG', () => {
		expect(svgTextLayout('<div></div>')).toBeNull();
		expect(svgTextLayout('<svg></svg>')).toBeNull();
	});
});

describe('minDisplayWidth', () => {
	it('keeps 13 px text at 12 px or more', () => {
		expect(minDisplayWidth('<svg style="font-size:13px" viewBox="0 0 760 300"></svg>')).toBe(702);
		expect(minDisplayWidth('<svg style="font-size:12px" viewBox="0 0 250 300"></svg>')).toBe(250);
	});
});

describe('layoutWidthFor', () => {
	it('asks for a render a step below the box when the chart would be scaled down', () => {
		expect(layoutWidthFor(246, 760)).toBe(240);
		expect(layoutWidthFor(100, 760)).toBe(200);
	});
	it('asks for nothing when the chart fits', () => {
		expect(layoutWidthFor(760, 760)).toBeNull();
		expect(layoutWidthFor(900, 760)).toBeNull();
		expect(layoutWidthFor(0, 760)).toBeNull();
	});
});
