import { fail } from '@sveltejs/kit';
import { heeftRol } from '$lib/auth/roles';
import { auditLog } from '$lib/server/app/audit';
import { requireRol } from '$lib/server/auth/guard';
import { StoreInvalidError, StoreMissingError } from '$lib/server/db/errors';
import { storePaths } from '$lib/server/db/layout';
import { provenance, snapshotInfo } from '$lib/server/db/queries';
import { boundariesSummary } from '$lib/server/geo/stored';
import { readLastReport } from '$lib/server/ingest/report';
import { bewaardeSnapshots, IntakeError, terugzetten } from '$lib/server/intake';
import type { Actions, PageServerLoad } from './$types';

/** The report without the server's absolute exports directory: page data reaches every browser. */
function publicReport() {
	const report = readLastReport(storePaths().reports);
	if (!report) return report;
	const { exportsDir: _serverPath, ...rest } = report;
	return rest;
}

/** Beheerders also see the audit log and the kept versions they can switch back to. */
function beheer(locals: App.Locals) {
	if (!heeftRol(locals.gebruiker?.rol, 'beheerder')) return null;
	return { audit: auditLog({ limit: 100 }), snapshots: bewaardeSnapshots() };
}

/** Works without a store: then the last (failed) ingest report is exactly what the user needs to see. */
export const load: PageServerLoad = async ({ locals }) => {
	const report = publicReport();
	try {
		const [info, exports, grenzen] = await Promise.all([snapshotInfo(), provenance(), boundariesSummary()]);
		return { store: { info, exports, grenzen }, storeMelding: null, report, beheer: beheer(locals) };
	} catch (error) {
		if (error instanceof StoreMissingError) {
			return { store: null, storeMelding: 'Er is nog geen gegevensopslag: er zijn nog nooit exports met succes ingelezen.', report, beheer: beheer(locals) };
		}
		if (error instanceof StoreInvalidError) {
			return { store: null, storeMelding: 'De gegevensopslag is onbruikbaar en moet opnieuw worden ingelezen.', report, beheer: beheer(locals) };
		}
		throw error;
	}
};

export const actions: Actions = {
	/** A beheerder switches the site back to a kept version (and its exports); audited. */
	terugzetten: async (event) => {
		const gebruiker = requireRol(event, 'beheerder');
		const snapshot = (await event.request.formData()).get('snapshot');
		if (typeof snapshot !== 'string' || !/^[A-Za-z0-9_-]{1,80}$/.test(snapshot)) return fail(400, { melding: 'Kies een bewaarde gegevensversie om naar terug te gaan.' });
		try {
			const { snapshotId } = await terugzetten(snapshot, gebruiker);
			return { teruggezet: snapshotId };
		} catch (e) {
			if (e instanceof IntakeError) return fail(e.status, { melding: e.message });
			throw e;
		}
	}
};
