/** A tile's chart on a slide (a frame of fixed height): axes with Dutch ticks and its headline number; on the tile, neither. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { overzichtHkgRondes } from './hkg-rondes';
import { SPARKLINE_HEIGHT } from './sparkline';
import { overzichtTekortTrend } from './tekort-trend';
import { overzichtWlzTrend } from './wlz-trend';

const texts = (svg: SVGSVGElement) => [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');
const document = () => parseHTML('<html></html>').document;

describe('overzicht tiles on a slide', () => {
	it('draw axes, years and the headline number in a slide frame, and stay bare sparklines on the tile', () => {
		const rows = [2022, 2023, 2024].map((peiljaar, i) => ({ voorzieningstype: 'crisisopvang' as const, peiljaar, tekort: [9, 12, 1600][i] }));
		const slide = texts(overzichtTekortTrend.build(rows, { width: 560, height: 300, document: document() }));
		expect(slide).toEqual(expect.arrayContaining(['2022', '2023', '2024', '1.600 plekken tekort in 2024']));
		expect(slide.some((t) => /^\d{1,3}(\.\d{3})*$/.test(t) && t !== '2022')).toBe(true);
		expect(texts(overzichtTekortTrend.build(rows, { width: 240, height: SPARKLINE_HEIGHT, document: document() }))).toEqual([]);
		expect(texts(overzichtTekortTrend.build(rows, { width: 240, document: document() }))).toEqual([]);

		const wlz = texts(overzichtWlzTrend.build([{ jaar: 2023, instroom_per_10k: 0.792, mediaan_andere_regios: 1.2 }], { width: 560, height: 300, document: document() }));
		expect(wlz).toContain('0,79 per 10.000 inwoners in 2023');
		expect(wlz.some((t) => /^\d,\d+$/.test(t))).toBe(true);

		const hkg = texts(overzichtHkgRondes.build([{ ronde: 'definitief', ronde_datum: '2023-12-04', bod: 310, opgave: 380 }], { width: 560, height: 300, document: document() }));
		expect(hkg).toContain('310 van 380 geboden');
	});
});
