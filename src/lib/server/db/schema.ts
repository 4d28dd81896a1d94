/**
 * The layout of a store snapshot: one table per export kind (columns as declared in
 * domain/exports.ts, normalised), derived tables that the views read, and provenance.
 * Ingest creates it; query functions read it. Derived figures are materialised at ingest so
 * that a page never aggregates millions of monthly rows.
 */
import { EXPORT_KINDS, type ColumnSpec, type ExportSoort } from '../../domain/exports';
import { STORE_TABLES } from '../../domain/store-tables';
import { DREMPEL_STANDAARD, isNullable, type Manifest } from '../../domain/schemas';

/** Bump when the snapshot layout changes: `npm start` re-ingests a store of another version. */
export const STORE_SCHEMA_VERSION = 6;

export function sqlType(column: ColumnSpec): string {
	switch (column.type.kind) {
		case 'int':
		case 'year':
			return 'INTEGER';
		case 'decimal':
			return 'DOUBLE';
		case 'date':
			return 'DATE';
		default:
			return 'VARCHAR';
	}
}

/** CREATE TABLE for the normalised rows of one export kind. */
export function createKindTable(soort: ExportSoort, table: string = soort): string {
	const columns = EXPORT_KINDS[soort].columns.map(
		(c) => `"${c.name}" ${sqlType(c)}${isNullable(c) ? '' : ' NOT NULL'}`
	);
	return `CREATE TABLE "${table}" (${columns.join(', ')})`;
}

export const CREATE_META_TABLES = [
	`CREATE TABLE snapshot_info (
		snapshot_id VARCHAR NOT NULL,
		created_at TIMESTAMP NOT NULL,
		exports_hash VARCHAR NOT NULL,
		schema_version INTEGER NOT NULL,
		regio_code VARCHAR NOT NULL,
		regio_naam VARCHAR NOT NULL
	)`,
	`CREATE TABLE provenance (
		bestand VARCHAR NOT NULL,
		soort VARCHAR NOT NULL,
		sha256 VARCHAR NOT NULL,
		bytes BIGINT NOT NULL,
		rijen BIGINT NOT NULL,
		formaat VARCHAR NOT NULL,
		bron VARCHAR NOT NULL,
		peildatum DATE NOT NULL,
		illustratief BOOLEAN NOT NULL,
		toelichting VARCHAR,
		ingelezen_op TIMESTAMP NOT NULL,
		seconden DOUBLE NOT NULL
	)`,
	// The disclosure threshold of this snapshot (manifest "kleine_aantallen"), see $lib/server/disclosure.
	`CREATE TABLE kleine_aantallen (drempel INTEGER NOT NULL)`,
	// The hidden cells of this snapshot, computed at ingest over the full tables (patterns.ts), so
	// a fresh server reads them instead of computing them on its first request. Filled after the
	// derived tables, sorted so a part of a pattern (`deel`, patterns.ts) is read from few row
	// groups; not a table for notebooks (not in STORE_TABLES).
	`CREATE TABLE verborgen_cellen (patroon VARCHAR NOT NULL, deel VARCHAR NOT NULL, sleutel VARCHAR NOT NULL, kolom VARCHAR NOT NULL, reden VARCHAR NOT NULL)`,
	// The gemeente boundaries file of the exports (geo/*.geojson), if there was one: its name,
	// sha256, its attribution for the source lines and, when it could not be used, why (Dutch). The polygons of the store's gemeenten and
	// the outline of every region dissolved from them ($lib/server/geo/stored.ts): soort
	// 'gemeente' (code GM…) or 'regio' (code CR…), polygonen as JSON, exteriors clockwise for d3-geo.
	`CREATE TABLE grenzen_bestand (bestand VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, bytes BIGINT NOT NULL, bron VARCHAR, melding VARCHAR)`,
	`CREATE TABLE grenzen (soort VARCHAR NOT NULL, code VARCHAR NOT NULL, polygonen VARCHAR NOT NULL)`
];

/** The INSERT that stores a manifest's disclosure threshold (default 5; 0 only when set explicitly). */
export function kleineAantallenInsert(manifest: Pick<Manifest, 'kleine_aantallen'>): [string, { drempel: string }] {
	const drempel = manifest.kleine_aantallen?.drempel ?? DREMPEL_STANDAARD;
	return ['INSERT INTO kleine_aantallen VALUES (CAST($drempel AS INTEGER))', { drempel: String(drempel) }];
}

/**
 * Derived tables, built after all kinds are loaded and validated. Inwoners of a year are
 * taken from the most recent inwoners year at or before it (ASOF join), so a peiljaar ahead
 * of the CBS figures still gets a per-10,000 figure.
 */
export const CREATE_DERIVED = [
	// The latest peildatum of each peiljaar per gemeente: monthly exports reduce to one row per year.
	`CREATE TABLE capaciteit_jaar AS
	WITH laatste AS (
		SELECT peiljaar, gemeentecode, max(peildatum) AS peildatum FROM capaciteit GROUP BY ALL
	), rijen AS (
		SELECT c.* FROM capaciteit c JOIN laatste USING (peiljaar, gemeentecode, peildatum)
	)
	SELECT r.peiljaar, r.peildatum, r.gemeentecode, g.naam, g.subregio, r.voorzieningstype, r.doelgroep,
		r.bestaand, r.bezet, r.wachtlijst, r.behoefte, r.gepland,
		greatest(r.behoefte - r.bestaand, 0) AS tekort,
		greatest(r.behoefte - r.bestaand - r.gepland, 0) AS tekort_na_plan,
		i.inwoners,
		round(r.bestaand * 10000.0 / nullif(i.inwoners, 0), 3) AS bestaand_per_10k,
		round(r.behoefte * 10000.0 / nullif(i.inwoners, 0), 3) AS behoefte_per_10k,
		round(r.gepland * 10000.0 / nullif(i.inwoners, 0), 3) AS gepland_per_10k,
		round(greatest(r.behoefte - r.bestaand, 0) * 10000.0 / nullif(i.inwoners, 0), 3) AS tekort_per_10k
	FROM rijen r
	JOIN gemeenten g USING (gemeentecode)
	ASOF LEFT JOIN inwoners i ON i.gemeentecode = r.gemeentecode AND r.peiljaar >= i.jaar
	ORDER BY r.peiljaar, r.gemeentecode, r.voorzieningstype, r.doelgroep`,

	`CREATE TABLE wlz_per_10k AS
	SELECT w.*, round(w.instroom * 10000.0 / w.inwoners, 3) AS instroom_per_10k,
		round(w.instroom * 100.0 / nullif(w.bw_clienten, 0), 2) AS instroom_pct_bw,
		w.regiocode = (SELECT regio_code FROM snapshot_info) AS eigen_regio
	FROM wlz_instroom w
	ORDER BY jaar, regiocode, gemeentecode NULLS FIRST`,

	// Quarter periods start on the first day of the quarter; year periods on 1 January. The
	// region of a row: its gemeente's, else the export's centrumregio (an aanbieder delivering
	// region-wide in an export of several regions), else the manifest's region.
	`CREATE TABLE dagbesteding_aandeel AS
	SELECT d.*,
		make_date(CAST(left(d.periode, 4) AS INTEGER),
			CASE WHEN length(d.periode) = 7 THEN (CAST(right(d.periode, 1) AS INTEGER) - 1) * 3 + 1 ELSE 1 END, 1) AS periode_start,
		round(d.met_dagbesteding * 1.0 / nullif(d.bw_clienten, 0), 4) AS aandeel,
		coalesce(g.centrumregio, d.centrumregio, (SELECT regio_code FROM snapshot_info)) AS regiocode
	FROM dagbesteding d LEFT JOIN gemeenten g USING (gemeentecode)
	ORDER BY periode_start, aanbieder`,

	// Fair share of the regional opgave per gemeente, by both verdeelsleutels, using the
	// inwoners and sociale huurvoorraad of the first year of the periode (or the latest before).
	`CREATE TABLE hkg_fair_share AS
	WITH periodes AS (
		SELECT periode, categorie, regionale_opgave, verdeelsleutel, CAST(left(periode, 4) AS INTEGER) AS startjaar
		FROM hkg_opgave
	), basis AS (
		SELECT p.*, g.gemeentecode, g.naam, i.inwoners, i.sociale_huurwoningen
		FROM periodes p CROSS JOIN gemeenten g
		ASOF LEFT JOIN inwoners i ON i.gemeentecode = g.gemeentecode AND p.startjaar >= i.jaar
	)
	SELECT periode, categorie, regionale_opgave, verdeelsleutel, gemeentecode, naam, inwoners, sociale_huurwoningen,
		round(regionale_opgave * 1.0 * inwoners / sum(inwoners) OVER (PARTITION BY periode, categorie), 2) AS fair_share_inwoners,
		round(regionale_opgave * 1.0 * sociale_huurwoningen / sum(sociale_huurwoningen) OVER (PARTITION BY periode, categorie), 2) AS fair_share_sociale_huur
	FROM basis
	ORDER BY periode, categorie, gemeentecode`
];

/** Every table a complete snapshot has; the query layer checks a snapshot against this list. */
export const SNAPSHOT_TABLES: readonly string[] = [...STORE_TABLES, 'verborgen_cellen', 'grenzen_bestand', 'grenzen'];
