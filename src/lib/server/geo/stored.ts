/**
 * Gemeente boundaries in the snapshot (issue 12: "dissolve gemeente boundaries per region on
 * ingest"). The ingest reads the boundaries file of the exports once (./boundaries.ts), keeps
 * the polygons of the store's gemeenten and dissolves them per centrumregio (./dissolve.ts);
 * both go into the snapshot with the file's name, sha256 and any Dutch message. Pages read them
 * from the snapshot they pinned: an app server needs only the store (no exports directory), a
 * boundaries file placed later takes effect with the next ingest like any export, and a page
 * never parses or dissolves GeoJSON.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { GemeenteGrens, Ring } from '../../charts/capaciteit/geo';
import { formatInteger } from '../../domain/format';
import { GRENZEN_BRON } from '../../charts/capaciteit/kaart';
import type { Snapshot } from '../db/snapshot';
import { withSnapshot } from '../db/store';
import { missingMessage, readBoundariesFile, type BoundariesResult } from './boundaries';
import { dissolveRegios, type RegioGrens } from './dissolve';

export type { RegioGrens } from './dissolve';

/** The boundaries file an ingest read: where it is, and its fingerprint as the ingest hashed it. */
export interface BoundariesFile {
	bestand: string;
	path: string;
	sha256: string;
	bytes: number;
}

/**
 * Read the boundaries file (if any) for the gemeenten of the snapshot being built and store their
 * polygons and the outline of every region whose gemeenten the file all has. Returns what the
 * ingest says about it: a line for its log, and the message when the file cannot be used.
 */
export async function storeBoundaries(con: DuckDBConnection, file: BoundariesFile | null): Promise<{ regel: string; melding: string | null } | null> {
	if (!file) return null;
	const gemeenten = (await con.runAndReadAll(`SELECT gemeentecode, centrumregio FROM gemeenten ORDER BY gemeentecode`)).getRowObjectsJson() as { gemeentecode: string; centrumregio: string }[];
	const read = readBoundariesFile(file, gemeenten.map((g) => g.gemeentecode));
	let melding: string | null = null;
	let bron: string | null = null;
	let regios: RegioGrens[] = [];
	let grenzen: GemeenteGrens[] = [];
	if (read.status === 'invalid') melding = read.melding;
	else {
		grenzen = read.grenzen;
		bron = read.bron;
		const ontbrekend = new Set(read.ontbrekend);
		const compleet = gemeenten.filter((g) => !gemeenten.some((o) => o.centrumregio === g.centrumregio && ontbrekend.has(o.gemeentecode)));
		try {
			regios = dissolveRegios(grenzen, new Map(compleet.map((g) => [g.gemeentecode, g.centrumregio])));
		} catch (e) {
			melding = `De gemeentegrenzen in ${file.bestand} konden niet per regio worden samengevoegd: ${(e as Error).message}.`;
		}
		if (read.ontbrekend.length > 0 && grenzen.length === 0) melding ??= missingMessage(file.bestand, read.ontbrekend, read.ontbrekend);
	}
	await con.run(`INSERT INTO grenzen_bestand VALUES ($bestand, $sha, CAST($bytes AS BIGINT), $bron, $melding)`, { bestand: file.bestand, sha: file.sha256, bytes: String(file.bytes), bron, melding });
	const appender = await con.createAppender('grenzen');
	const append = (soort: string, code: string, polygonen: Ring[][]) => {
		appender.appendVarchar(soort);
		appender.appendVarchar(code);
		appender.appendVarchar(JSON.stringify(polygonen));
		appender.endRow();
	};
	for (const g of grenzen) append('gemeente', g.gemeentecode, g.polygonen);
	for (const r of regios) append('regio', r.regiocode, r.polygonen);
	appender.closeSync();
	const missing = read.status === 'ok' ? read.ontbrekend.length : 0;
	return {
		regel: melding
			? `Gemeentegrenzen ${file.bestand} niet gebruikt: ${melding}`
			: `Gemeentegrenzen ${file.bestand}: ${grenzen.length} gemeenten, ${regios.length} regio’s samengevoegd${missing ? `; ${missing} gemeenten zonder grens` : ''}`,
		melding
	};
}

/** The boundaries of one snapshot, as its pages read them. */
export interface SnapshotBoundaries {
	/** The file the ingest read (`geo/gemeenten.geojson`), or null when there was none. */
	bestand: string | null;
	/** Its sha256 as the ingest read it. */
	sha256: string | null;
	/** Its attribution for the charts' source line. */
	bron: string;
	/** Why the file could not be used, when it could not. */
	melding: string | null;
	gemeenten: ReadonlyMap<string, Ring[][]>;
	regios: ReadonlyMap<string, Ring[][]>;
}

const RESOURCE = Symbol('grenzen');

/** Read once per snapshot: polygons are parsed from JSON on first use, not per request. */
async function readStored(snapshot: Snapshot): Promise<SnapshotBoundaries & { close(): void }> {
	const [bestanden, rows] = await Promise.all([
		snapshot.rows(`SELECT bestand, sha256, bron, melding FROM grenzen_bestand`),
		snapshot.rows(`SELECT soort, code, polygonen FROM grenzen ORDER BY soort, code`)
	]);
	const gemeenten = new Map<string, Ring[][]>();
	const regios = new Map<string, Ring[][]>();
	for (const r of rows) (r.soort === 'regio' ? regios : gemeenten).set(String(r.code), JSON.parse(String(r.polygonen)) as Ring[][]);
	const file = bestanden[0];
	return { bestand: file ? String(file.bestand) : null, sha256: file ? String(file.sha256) : null, bron: file?.bron ? String(file.bron) : GRENZEN_BRON, melding: file?.melding ? String(file.melding) : null, gemeenten, regios, close() {} };
}

/** The boundaries of the snapshot the request pinned. */
export function snapshotBoundaries(): Promise<SnapshotBoundaries> {
	return withSnapshot((snapshot) => snapshot.resource(RESOURCE, readStored));
}

/** The polygons of `gemeentecodes` in their order, for a map of just those: every one must have its boundary. */
export function gemeenteBoundaries(stored: SnapshotBoundaries, gemeentecodes: readonly string[]): BoundariesResult {
	if (!stored.bestand) return { status: 'absent' };
	if (stored.melding) return { status: 'invalid', bestand: stored.bestand, melding: stored.melding };
	const missing = gemeentecodes.filter((c) => !stored.gemeenten.has(c));
	if (missing.length > 0) return { status: 'invalid', bestand: stored.bestand, melding: missingMessage(stored.bestand, missing, gemeentecodes) };
	return { status: 'ok', bestand: stored.bestand, bron: stored.bron, grenzen: gemeentecodes.map((c) => ({ gemeentecode: c, polygonen: stored.gemeenten.get(c)! })) };
}

export type RegioBoundariesResult =
	| { status: 'absent' }
	| { status: 'ok'; bestand: string; bron: string; regios: RegioGrens[] }
	| { status: 'invalid'; bestand: string; melding: string };

/** The outline of every region of the store, in the order of `regiocodes`: a map of the regions needs them all. */
export function regioBoundaries(stored: SnapshotBoundaries, gemeenten: readonly { gemeentecode: string; centrumregio: string }[]): RegioBoundariesResult {
	if (!stored.bestand) return { status: 'absent' };
	if (stored.melding) return { status: 'invalid', bestand: stored.bestand, melding: stored.melding };
	const codes = gemeenten.map((g) => g.gemeentecode);
	const missing = codes.filter((c) => !stored.gemeenten.has(c));
	if (missing.length > 0) return { status: 'invalid', bestand: stored.bestand, melding: missingMessage(stored.bestand, missing, codes) };
	const regiocodes = [...new Set(gemeenten.map((g) => g.centrumregio))];
	return { status: 'ok', bestand: stored.bestand, bron: stored.bron, regios: regiocodes.flatMap((regiocode) => (stored.regios.has(regiocode) ? [{ regiocode, polygonen: stored.regios.get(regiocode)! }] : [])) };
}

/** What /data says about the boundaries of the current snapshot (Dutch, one sentence), with the file's sha256 when there was one. */
export async function boundariesSummary(): Promise<{ zin: string; sha256: string | null }> {
	const b = await snapshotBoundaries();
	if (!b.bestand) return { zin: 'Zonder bestand met gemeentegrenzen ingelezen: de kaarten staan als tegels.', sha256: null };
	if (b.melding) return { zin: `Gemeentegrenzen ${b.bestand} niet gebruikt: ${b.melding}`, sha256: b.sha256 };
	return { zin: `Gemeentegrenzen uit ${b.bestand}: ${formatInteger(b.gemeenten.size)} gemeenten, samengevoegd tot ${formatInteger(b.regios.size)} ${b.regios.size === 1 ? 'regio' : 'regio’s'}.`, sha256: b.sha256 };
}
