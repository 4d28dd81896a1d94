/** Fixtures and decoders for the export tests: a hand-made tekort-per-type chart, PNG/CSV/XLSX readers. */
import { Resvg } from '@resvg/resvg-js';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { tekortPerType, type TekortPerTypeRow } from '$lib/charts/tekort-per-type';
import type { LoadedChart } from '../charts/types';

export const TEKORT_ROWS: TekortPerTypeRow[] = [
	{ voorzieningstype: 'crisisopvang', bestaand: 28, gepland: 4, behoefte: 40, tekort: 12, tekort_na_plan: 8 },
	{ voorzieningstype: 'skaeve_huse', bestaand: 5, gepland: 6, behoefte: 14, tekort: 9, tekort_na_plan: 3 },
	{ voorzieningstype: 'bw_intramuraal', bestaand: 1240, gepland: 0, behoefte: 1180, tekort: 0, tekort_na_plan: 0 }
];

export function tekortChart(overrides: Partial<LoadedChart<TekortPerTypeRow>> = {}): LoadedChart {
	return {
		definition: tekortPerType,
		rows: TEKORT_ROWS,
		meta: {
			title: 'Tekort per voorzieningstype in de regio, peiljaar 2024',
			subtitle: 'Peiljaar 2024 · alle gemeenten',
			bron: 'Capaciteitsonderzoek regio; CBS',
			peildatum: '2024-01-01',
			illustratief: true,
			afscherming: 'Aantallen onder 5 zijn afgeschermd (AVG).'
		},
		width: 640,
		fileWords: ['tekort', 'per', 'type', '2024'],
		...overrides
	} as LoadedChart;
}

/** Width and height from the PNG's IHDR chunk, after checking the signature. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
	const buffer = Buffer.from(bytes);
	expect(buffer.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
	expect(buffer.subarray(12, 16).toString('ascii')).toBe('IHDR');
	return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/** Share of pixels that are not (near) white, from an RGBA buffer. */
export function inkShare(pixels: Uint8Array): number {
	let ink = 0;
	for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 240 || pixels[i + 1] < 240 || pixels[i + 2] < 240) ink++;
	return ink / (pixels.length / 4);
}

/** Decode a PNG back to pixels with resvg (an SVG that shows the PNG as its only image). */
export function decodePng(bytes: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
	const { width, height } = pngSize(bytes);
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" xlink:href="data:image/png;base64,${Buffer.from(bytes).toString('base64')}"/></svg>`;
	const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
	return { width: image.width, height: image.height, pixels: image.pixels };
}

/** Split CSV text into records and fields, honouring quotes (RFC 4180 with ';'). */
export function parseCsv(text: string): string[][] {
	const records: string[][] = [];
	let fields: string[] = [];
	let value = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') (value += '"'), i++;
			else if (c === '"') quoted = false;
			else value += c;
		} else if (c === '"') quoted = true;
		else if (c === ';') fields.push(value), (value = '');
		else if (c === '\r' && text[i + 1] === '\n') {
			fields.push(value);
			records.push(fields);
			(fields = []), (value = ''), i++;
		} else value += c;
	}
	if (value || fields.length) records.push([...fields, value]);
	return records;
}

export async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(Buffer.from(bytes) as never);
	return workbook;
}
