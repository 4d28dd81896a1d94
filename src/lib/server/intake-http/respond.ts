/**
 * What the API routes and the pages of the intake share: the public JSON of a delivery, and
 * turning an IntakeError into a Dutch answer (JSON for scripts, a message for the page).
 */
import { json } from '@sveltejs/kit';
import { IntakeError, type Aanlevering } from '../intake';

/** The delivery as `POST/GET /api/aanleveringen` answer it (README: "API voor scripts"). */
export function aanleveringJson(a: Aanlevering) {
	return {
		id: a.id,
		status: a.status,
		aangemaakt: a.aangemaakt,
		gebruiker: a.gebruiker,
		basisSnapshot: a.basisSnapshot,
		verouderd: a.verouderd,
		bestanden: a.bestanden.map((b) => ({ naam: b.naam, bestand: b.bestand, formaat: b.formaat, bytes: b.bytes, sha256: b.sha256, herkend: b.herkend, soort: b.soort, vervangt: b.vervangt })),
		fouten: a.fouten,
		foutenTotaal: a.foutenTotaal,
		wijzigingen: a.wijzigingen,
		voortgang: a.voortgang,
		gepubliceerd: a.gepubliceerd
	};
}

/** An IntakeError as JSON `{ fout, code }` with its status; anything else is rethrown (500 via handleError). */
export function intakeErrorJson(e: unknown): Response {
	if (e instanceof IntakeError) return json({ fout: e.message, code: e.code }, { status: e.status });
	throw e;
}
