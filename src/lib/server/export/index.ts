/**
 * One loaded chart → a downloadable file in one of the export formats, with the headers the
 * endpoint sends. The endpoint (/charts/<id>.<format>) and the deck use this.
 */
import type { LoadedChart } from '../charts/types';
import { csv } from './csv';
import { png, type PngFormaat } from './png';
import { standaloneSvg } from './svg';
import { xlsx } from './xlsx';

export const EXPORT_FORMATS = ['svg', 'png', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
	return (EXPORT_FORMATS as readonly string[]).includes(value);
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
	svg: 'image/svg+xml; charset=utf-8',
	png: 'image/png',
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

export interface ExportedFile {
	body: Uint8Array;
	contentType: string;
	fileName: string;
}

export interface ExportOptions {
	/** Only for PNG: '16x9' gives a 1920×1080 slide image. */
	formaat?: PngFormaat;
	/** Only for XLSX: the snapshot's creation time, the workbook's dates (byte-stable files). */
	snapshotDate?: Date;
}

/** The chart in the given format. */
export async function exportChart(chart: LoadedChart, format: ExportFormat, { formaat, snapshotDate }: ExportOptions = {}): Promise<ExportedFile> {
	const body = await render(chart, format, formaat, snapshotDate);
	const words = format === 'png' && formaat ? [...chart.fileWords, formaat] : chart.fileWords;
	return { body, contentType: CONTENT_TYPES[format], fileName: `${fileStem(words, chart.definition.id)}.${format}` };
}

async function render(chart: LoadedChart, format: ExportFormat, formaat: PngFormaat | undefined, snapshotDate: Date | undefined): Promise<Uint8Array> {
	switch (format) {
		case 'svg':
			return new TextEncoder().encode(standaloneSvg(chart));
		case 'png':
			return png(chart, { formaat });
		case 'csv':
			return new TextEncoder().encode(csv(chart));
		case 'xlsx':
			return xlsx(chart, { date: snapshotDate });
	}
}

/**
 * A file name that says what is in it: `capaciteit-per-gemeente-2024-skaeve-huse`. ASCII
 * only (ë → e), so it survives every mail client and the Content-Disposition header as is.
 */
export function fileStem(words: readonly string[], fallback: string): string {
	const stem = words
		.join('-')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 120)
		.replace(/-+$/, '');
	return stem || fallback;
}
