import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { snapshotInfo } from '$lib/server/db/queries';
import { useFixtureStore } from '../../../../tests/helpers/fixture-store';
import { chartFileResponse } from './respond';

useFixtureStore({ beforeAll, afterAll });

const download = async (file: string, query = '') => {
	const response = await chartFileResponse('', file, new URL(`/charts/${file}${query}`, 'http://localhost'));
	return Buffer.from(await response.arrayBuffer());
};

describe('GET /charts/<id>.xlsx', () => {
	afterEach(() => vi.useRealTimers());

	it('gives the same bytes for the same chart and snapshot, whenever it is asked, dated by the snapshot', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2026-12-03T08:00:00Z'));
		const first = await download('capaciteit-per-gemeente.xlsx', '?peiljaar=2024');
		vi.setSystemTime(new Date('2028-06-30T23:59:58Z'));
		const second = await download('capaciteit-per-gemeente.xlsx', '?peiljaar=2024');
		expect(first.length).toBeGreaterThan(1000);
		expect(Buffer.compare(first, second)).toBe(0);

		const { created_at } = await snapshotInfo();
		const core = await (await JSZip.loadAsync(first)).file('docProps/core.xml')!.async('string');
		expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${created_at}Z</dcterms:created>`);
		expect(core).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${created_at}Z</dcterms:modified>`);
	});
});
