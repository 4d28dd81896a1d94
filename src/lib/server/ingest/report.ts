/**
 * The outcome of an ingest, kept as JSON in the reports directory (outside the store, so a
 * failed ingest leaves the store byte-identical). `/data` shows the last one.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../db/layout';

/** One problem in one export: where it is, what was found, what was expected (Dutch). */
export const ingestErrorSchema = z.object({
	bestand: z.string(),
	/** Row as the user sees it in Excel or a text editor (1 = first line of the file); null for file-level problems. */
	rij: z.number().int().nullable(),
	kolom: z.string().nullable(),
	waarde: z.string().nullable(),
	verwacht: z.string(),
	/** The whole message in one Dutch sentence, naming file, row and column. */
	melding: z.string()
});
export type IngestError = z.infer<typeof ingestErrorSchema>;

export const fileReportSchema = z.object({
	bestand: z.string(),
	soort: z.string(),
	formaat: z.string(),
	rijen: z.number().int(),
	seconden: z.number(),
	fouten: z.number().int()
});
export type FileReport = z.infer<typeof fileReportSchema>;

export const ingestReportSchema = z.object({
	ok: z.boolean(),
	/** Why nothing was built when no new snapshot was needed (`ongewijzigd`); `teruggezet`: a beheerder switched back to a kept snapshot (intake). */
	uitkomst: z.enum(['nieuwe_snapshot', 'ongewijzigd', 'fouten', 'teruggezet']),
	/** For `teruggezet`: who switched back, and when the snapshot made current again was built. */
	terugzetting: z.object({ door: z.string(), gegevensVan: z.string() }).optional(),
	snapshotId: z.string().nullable(),
	exportsDir: z.string(),
	startedAt: z.string(),
	finishedAt: z.string(),
	seconden: z.number(),
	files: z.array(fileReportSchema),
	/** All errors found, capped per file (see MAX_ERRORS_PER_FILE); errorCount is the true total. */
	errors: z.array(ingestErrorSchema),
	errorCount: z.number().int()
});
export type IngestReport = z.infer<typeof ingestReportSchema>;

export const LAST_REPORT_FILE = 'last-ingest.json';

export function writeReport(reportsDir: string, report: IngestReport): void {
	mkdirSync(reportsDir, { recursive: true });
	writeFileAtomic(join(reportsDir, LAST_REPORT_FILE), JSON.stringify(report, null, '\t') + '\n', reportsDir);
}

/** The last ingest's report, or null when none was written (or it cannot be read). */
export function readLastReport(reportsDir: string): IngestReport | null {
	const file = join(reportsDir, LAST_REPORT_FILE);
	if (!existsSync(file)) return null;
	try {
		const parsed = ingestReportSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

/** A cheap fingerprint of the last report (size and modification time), for page caches. */
export function reportVersion(reportsDir: string): string {
	try {
		const stat = statSync(join(reportsDir, LAST_REPORT_FILE));
		return `${stat.size}:${stat.mtimeMs}`;
	} catch {
		return 'geen';
	}
}
