import { StoreInvalidError, StoreMissingError } from '$lib/server/db/errors';
import { storePaths } from '$lib/server/db/layout';
import { provenance, snapshotInfo } from '$lib/server/db/queries';
import { readLastReport } from '$lib/server/ingest/report';
import type { PageServerLoad } from './$types';

/** The report without the server's absolute exports directory: page data reaches every browser. */
function publicReport() {
	const report = readLastReport(storePaths().reports);
	if (!report) return report;
	const { exportsDir: _serverPath, ...rest } = report;
	return rest;
}

/** Works without a store: then the last (failed) ingest report is exactly what the user needs to see. */
export const load: PageServerLoad = async () => {
	const report = publicReport();
	try {
		const [info, exports] = await Promise.all([snapshotInfo(), provenance()]);
		return { store: { info, exports }, storeMelding: null, report };
	} catch (error) {
		if (error instanceof StoreMissingError) {
			return { store: null, storeMelding: 'Er is nog geen gegevensopslag: er zijn nog nooit exports met succes ingelezen.', report };
		}
		if (error instanceof StoreInvalidError) {
			return { store: null, storeMelding: 'De gegevensopslag is onbruikbaar en moet opnieuw worden ingelezen.', report };
		}
		throw error;
	}
};
