import { describe, expect, it } from 'vitest';
import { exportChart, fileStem } from './index';
import { tekortChart } from './fixtures.test-helpers';

describe('exportChart', () => {
	it('names files after the chart and its filters', async () => {
		const chart = tekortChart({ fileWords: ['capaciteit', 'per', 'gemeente', '2024', 'skaeve-huse'] });
		expect((await exportChart(chart, 'png')).fileName).toBe('capaciteit-per-gemeente-2024-skaeve-huse.png');
		expect((await exportChart(chart, 'png', { formaat: '16x9' })).fileName).toBe('capaciteit-per-gemeente-2024-skaeve-huse-16x9.png');
		const csv = await exportChart(chart, 'csv');
		expect(csv.fileName).toBe('capaciteit-per-gemeente-2024-skaeve-huse.csv');
		expect(csv.contentType).toBe('text/csv; charset=utf-8');
		expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	});

	it('makes ASCII file names', () => {
		expect(fileStem(['Hoeksche Waard', 'crisisopvang & één'], 'x')).toBe('hoeksche-waard-crisisopvang-een');
		expect(fileStem([], 'tekort-per-type')).toBe('tekort-per-type');
	});
});
