import { describe, expect, it } from 'vitest';
import { fetchDownload, fileNameOf, type DownloadState } from './download';

const run = async (response: Response | Error) => {
	const states: DownloadState[] = [];
	const fakeFetch = (async () => {
		if (response instanceof Error) throw response;
		return response;
	}) as typeof fetch;
	const file = await fetchDownload('/deck.pptx?weergave=%2Fhkg', { onState: (s) => states.push(s), fallbackName: 'presentatie.pptx', fetch: fakeFetch });
	return { file, states };
};

describe('fileNameOf', () => {
	it('reads the plain and the UTF-8 form of Content-Disposition, else the fallback', () => {
		expect(fileNameOf('attachment; filename="hkg-2024.pptx"', 'x.pptx')).toBe('hkg-2024.pptx');
		expect(fileNameOf("attachment; filename*=UTF-8''r%C3%A9gio.pptx", 'x.pptx')).toBe('régio.pptx');
		expect(fileNameOf(null, 'x.pptx')).toBe('x.pptx');
	});
});

describe('fetchDownload', () => {
	it('goes from building to downloading (with the share when the length is known) to done, and returns the file', async () => {
		const body = new Uint8Array(3000).fill(7);
		const { file, states } = await run(
			new Response(body, { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'content-length': '3000', 'content-disposition': 'attachment; filename="hkg.pptx"' } })
		);
		expect(states[0]).toEqual({ phase: 'bouwen' });
		expect(states.filter((s) => s.phase === 'downloaden').every((s) => s.phase === 'downloaden' && s.total === 3000)).toBe(true);
		expect(states.at(-1)).toEqual({ phase: 'klaar', fileName: 'hkg.pptx', bytes: 3000 });
		expect(file?.fileName).toBe('hkg.pptx');
		expect(new Uint8Array(await file!.blob.arrayBuffer())).toEqual(body);
	});

	it('ends in the server’s Dutch reason for a refusal, and returns nothing', async () => {
		const { file, states } = await run(new Response(JSON.stringify({ message: 'Er is geen weergave ‘/x’ met grafieken.' }), { status: 404, headers: { 'content-type': 'application/json' } }));
		expect(file).toBeNull();
		expect(states.at(-1)).toEqual({ phase: 'fout', message: 'Er is geen weergave ‘/x’ met grafieken.' });
	});

	it('names the status when the refusal has no message, and says so in Dutch when the server cannot be reached', async () => {
		expect((await run(new Response('<html>', { status: 502 }))).states.at(-1)).toEqual({ phase: 'fout', message: 'De server antwoordde met status 502.' });
		expect((await run(new TypeError('fetch failed'))).states.at(-1)).toMatchObject({ phase: 'fout', message: expect.stringContaining('niet bereikbaar') });
	});
});
