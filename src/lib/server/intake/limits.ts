/**
 * Limits of an upload. The per-file size is configurable (REGIO_UPLOAD_MAX_MB, default 200 MB,
 * issue 10); the number of files per upload and the unpacked size of an XLSX (against zip
 * bombs) are fixed defaults that tests may lower.
 */
import { z } from 'zod';

export interface IntakeLimits {
	maxBytesPerFile: number;
	maxFiles: number;
	/** Total inflated size of the entries of one XLSX. */
	maxUnpackedBytes: number;
}

export const DEFAULT_MAX_MB = 200;
export const DEFAULT_MAX_FILES = 20;
export const DEFAULT_MAX_UNPACKED_BYTES = 1024 ** 3;

const mbSchema = z.coerce
	.number({ message: 'REGIO_UPLOAD_MAX_MB moet een getal zijn (megabytes per bestand)' })
	.positive('REGIO_UPLOAD_MAX_MB moet groter dan 0 zijn')
	.max(100_000, 'REGIO_UPLOAD_MAX_MB is onwaarschijnlijk groot (meer dan 100.000 MB)');

/** The limits from the environment; throws with a Dutch message when REGIO_UPLOAD_MAX_MB is not a positive number. */
export function intakeLimits(env: Record<string, string | undefined> = process.env): IntakeLimits {
	const raw = env.REGIO_UPLOAD_MAX_MB?.trim();
	let mb = DEFAULT_MAX_MB;
	if (raw) {
		const parsed = mbSchema.safeParse(raw.replace(',', '.'));
		if (!parsed.success) throw new Error(`${parsed.error.issues[0].message} (nu: '${raw}').`);
		mb = parsed.data;
	}
	const maxBytesPerFile = Math.round(mb * 1024 * 1024);
	return { maxBytesPerFile, maxFiles: DEFAULT_MAX_FILES, maxUnpackedBytes: DEFAULT_MAX_UNPACKED_BYTES };
}

/** Real spreadsheets inflate some 5–20×; more than 100× (above a floor for small files) is a zip bomb. */
export const MAX_INFLATE_RATIO = 100;
const RATIO_FLOOR_BYTES = 64 * 1024 * 1024;

/** The unpacked size one XLSX of `bytes` may have: at most the limit, and at most 100× the file (but 64 MB is always allowed). */
export function unpackedLimit(limits: IntakeLimits, bytes: number): number {
	return Math.min(limits.maxUnpackedBytes, Math.max(MAX_INFLATE_RATIO * bytes, RATIO_FLOOR_BYTES));
}
