/**
 * Projects as the planning view orders them: by status, then expected date, then name. Free of
 * chart code, so the project table in the browser does not pull in Plot.
 */
import { PROJECTSTATUSSEN, type Projectstatus, type Voorzieningstype } from '../../domain/vocabulary';

/** One project; the query's ProjectRow fits this shape. */
export interface TijdlijnProject {
	project_id: string;
	naam: string;
	type: Voorzieningstype;
	gemeentecode: string;
	gemeentenaam: string;
	eenheden: number;
	status: Projectstatus;
	/** ISO date since when the project has its status. */
	status_datum: string;
	verwachte_oplevering: string | null;
	toelichting: string | null;
}

export const STATUS_ORDER = PROJECTSTATUSSEN.map((s) => s.id);

/** `alle=projecten`: the project list of /planning or a gemeente page whole (no chart id is this, see $lib/charts/table-html). */
export const PROJECTEN_ALLE = 'projecten';

/**
 * The date a project is placed at: its expected delivery, or for a project already in use
 * without one the date it got that status (it is delivered, not "unknown").
 */
export function tijdlijnDatum(p: TijdlijnProject): string | null {
	return p.verwachte_oplevering ?? (p.status === 'in_gebruik' ? p.status_datum : null);
}

/** Status order first, then by date (unknown last), then by name. */
export function orderedProjects(rows: readonly TijdlijnProject[]): TijdlijnProject[] {
	return [...rows].sort((a, b) => {
		const byStatus = STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status);
		if (byStatus !== 0) return byStatus;
		const da = tijdlijnDatum(a) ?? '9999';
		const db = tijdlijnDatum(b) ?? '9999';
		return da.localeCompare(db) || a.naam.localeCompare(b.naam, 'nl');
	});
}
