/** The records of the intake, as the pages and the API show them. */
import type { ExportSoort } from '../../domain/exports';
import type { IngestError } from '../ingest/report';

export type Formaat = 'csv' | 'xlsx' | 'parquet';

export interface AanleveringBestand {
	index: number;
	/** The client's file name: for display only, never used as a path. */
	naam: string;
	/** The name it gets in the exports. */
	bestand: string;
	formaat: Formaat;
	bytes: number;
	/** sha256 of the bytes received; '' until the first check has read the file (the check hashes it anyway, once). */
	sha256: string;
	/** The kind recognised from the headers. */
	herkend: ExportSoort | null;
	/** The kind used: corrected by the user, or recognised. */
	soort: ExportSoort | null;
	/** The export files of that kind it replaces. */
	vervangt: string[];
	/** XLSX: the sheet whose headers were recognised, when it is not the first. */
	blad?: string;
}

export interface SoortWijziging {
	soort: ExportSoort;
	label: string;
	toegevoegd: number;
	verwijderd: number;
	gewijzigd: number;
	/** A few Dutch lines. */
	voorbeelden: string[];
}

export interface Kerncijfer {
	/** "tekort crisisplekken 2026" */
	label: string;
	oud: number | null;
	nieuw: number | null;
	/** "tekort crisisplekken 2026: 16 → 19" */
	tekst: string;
}

export type AanleveringStatus = 'controleren' | 'fouten' | 'klaar' | 'gepubliceerd' | 'verlopen';

export interface Wijzigingen {
	perSoort: SoortWijziging[];
	kerncijfers: Kerncijfer[];
}

export interface Aanlevering {
	id: string;
	aangemaakt: string;
	gebruiker: string;
	status: AanleveringStatus;
	/** Progress lines while checking. */
	voortgang: string[];
	basisSnapshot: string | null;
	stagedSnapshot: string | null;
	bron: string;
	peildatum: string;
	illustratief: boolean;
	bestanden: AanleveringBestand[];
	fouten: IngestError[];
	foutenTotaal: number;
	wijzigingen: Wijzigingen | null;
	gepubliceerd: { snapshotId: string; tijd: string; door: string } | null;
	/** basisSnapshot differs from the current snapshot. */
	verouderd: boolean;
}
