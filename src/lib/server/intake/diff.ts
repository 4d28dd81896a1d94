/**
 * What a staged snapshot changes against the current one: per export kind the rows added,
 * removed and changed (by the kind's key columns), and the headline figures that move. Both
 * snapshot files are attached read-only in one in-memory DuckDB; identifiers come only from
 * EXPORT_KINDS and fixed SQL, values are bound.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { EXPORT_KINDS, EXPORT_SOORTEN, type ColumnSpec, type ExportSoort } from '../../domain/exports';
import { formatDate, formatDecimal, formatInteger, formatPeriode, inZin, ONBEKEND } from '../../domain/format';
import { VOCABULARIES, labelOf, type Term } from '../../domain/vocabulary';
import type { Kerncijfer, SoortWijziging, Wijzigingen } from './types';

const VOORBEELDEN = 3;
/** Buckets of key hashes compared before rows (see kindChanges). */
const BUCKETS = 65536;

type Db = 'oud' | 'nieuw';
type Row = Record<string, unknown>;

/** A path as a SQL string literal (ATTACH takes no parameters); our paths never hold a quote, but refuse one anyway. */
function pathLiteral(path: string): string {
	if (/['\0]/.test(path)) throw new Error(`unexpected character in snapshot path ${path}`);
	return `'${path}'`;
}

async function rows(con: DuckDBConnection, sql: string, params: Record<string, string | number> = {}): Promise<Row[]> {
	return (await con.runAndReadAll(sql, params)).getRowObjectsJson() as Row[];
}

/** What a snapshot's provenance says of one export file, as that build read it. */
export interface ProvenanceFile {
	sha256: string;
	bytes: number;
	soort: string;
	formaat: string;
	rijen: number;
	seconden: number;
}

/** The export files a snapshot was built from, by file name, with their sha256, size and rows as that build read them. */
export async function readProvenance(file: string): Promise<Map<string, ProvenanceFile>> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const con = await instance.connect();
	try {
		await con.run(`ATTACH ${pathLiteral(file)} AS basis (READ_ONLY)`);
		const found = await rows(con, 'SELECT bestand, sha256, soort, formaat, CAST(bytes AS DOUBLE) AS bytes, CAST(rijen AS DOUBLE) AS rijen, seconden FROM basis.main.provenance ORDER BY bestand');
		return new Map(found.map((r) => [String(r.bestand), { sha256: String(r.sha256), bytes: Number(r.bytes), soort: String(r.soort), formaat: String(r.formaat), rijen: Number(r.rijen), seconden: Number(r.seconden) }]));
	} finally {
		con.closeSync();
		instance.closeSync();
	}
}

/** Compare the staged snapshot `nieuwFile` with the current `oudFile` (null: there is no current snapshot). */
export async function computeWijzigingen(oudFile: string | null, nieuwFile: string): Promise<Wijzigingen> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
	const con = await instance.connect();
	try {
		await con.run(`ATTACH ${pathLiteral(nieuwFile)} AS nieuw (READ_ONLY)`);
		if (oudFile) await con.run(`ATTACH ${pathLiteral(oudFile)} AS oud (READ_ONLY)`);
		const namen = await gemeenteNamen(con, oudFile !== null);
		const perSoort: SoortWijziging[] = [];
		for (const soort of await changedKinds(con, oudFile !== null)) perSoort.push(await kindChanges(con, soort, oudFile !== null, namen));
		const kerncijfers = await headlineChanges(con, oudFile !== null);
		return { perSoort, kerncijfers };
	} finally {
		con.closeSync();
		instance.closeSync();
	}
}

/** Kinds whose files differ (by sha256 in the provenance of each snapshot): only those can have changed rows. */
async function changedKinds(con: DuckDBConnection, hasOud: boolean): Promise<ExportSoort[]> {
	const files = async (db: Db) => {
		const bySoort = new Map<string, string[]>();
		for (const r of await rows(con, `SELECT soort, sha256 FROM ${db}.main.provenance ORDER BY sha256`)) bySoort.set(String(r.soort), [...(bySoort.get(String(r.soort)) ?? []), String(r.sha256)]);
		return bySoort;
	};
	const nieuw = await files('nieuw');
	const oud = hasOud ? await files('oud') : new Map<string, string[]>();
	return EXPORT_SOORTEN.filter((s) => (nieuw.get(s) ?? []).join() !== (oud.get(s) ?? []).join());
}

async function gemeenteNamen(con: DuckDBConnection, hasOud: boolean): Promise<Map<string, string>> {
	const namen = new Map<string, string>();
	for (const db of hasOud ? (['oud', 'nieuw'] as const) : (['nieuw'] as const)) {
		for (const r of await rows(con, `SELECT gemeentecode, naam FROM ${db}.main.gemeenten`)) namen.set(String(r.gemeentecode), String(r.naam));
	}
	return namen;
}

const q = (name: string) => `"${name}"`;

/**
 * Rows added, removed and changed for one kind. Each side is reduced to a hash of its key
 * columns and a hash of the rest, so the full join of millions of rows joins two integers
 * (keys are unique: the ingest refuses duplicates); only the few example rows are read whole.
 */
async function kindChanges(con: DuckDBConnection, soort: ExportSoort, hasOud: boolean, namen: Map<string, string>): Promise<SoortWijziging> {
	const kind = EXPORT_KINDS[soort];
	const label = kind.label;
	if (!hasOud) {
		const [{ n }] = await rows(con, `SELECT CAST(count(*) AS INTEGER) AS n FROM nieuw.main.${q(soort)}`);
		return { soort, label, toegevoegd: Number(n), verwijderd: 0, gewijzigd: 0, voorbeelden: [] };
	}
	const keys = kind.key;
	const values = kind.columns.map((c) => c.name).filter((c) => !keys.includes(c));
	const keyHash = `hash(${keys.map(q).join(', ')})`;
	const valueHash = values.length ? `hash(${values.map(q).join(', ')})` : '0';
	const side = (db: Db) => `(SELECT ${keyHash} AS _k, ${valueHash} AS _r FROM ${db}.main.${q(soort)})`;
	// First per bucket of key hashes (count and xor of the row hashes): only rows in buckets that
	// differ go into the row-level join. Aggregating into 65.536 buckets is some 3× cheaper than
	// joining millions of rows, and a delivery changes few of them.
	const bucket = (db: Db) => `(SELECT _k % ${BUCKETS} AS _b, bit_xor(hash(_k, _r)) AS _x, count(*) AS _n FROM ${side(db)} GROUP BY ALL)`;
	await con.run(
		`CREATE OR REPLACE TEMP TABLE emmers AS
		SELECT coalesce(o._b, n._b) AS _b FROM ${bucket('oud')} o FULL OUTER JOIN ${bucket('nieuw')} n ON o._b = n._b
		WHERE o._x IS DISTINCT FROM n._x OR o._n IS DISTINCT FROM n._n`
	);
	const inChanged = (db: Db) => `(SELECT * FROM ${side(db)} WHERE _k % ${BUCKETS} IN (SELECT _b FROM emmers))`;
	await con.run(
		`CREATE OR REPLACE TEMP TABLE verschil AS
		SELECT CASE WHEN o._k IS NULL THEN 'toegevoegd' WHEN n._k IS NULL THEN 'verwijderd' ELSE 'gewijzigd' END AS _wat, coalesce(n._k, o._k) AS _k
		FROM ${inChanged('oud')} o FULL OUTER JOIN ${inChanged('nieuw')} n ON o._k = n._k
		WHERE o._k IS NULL OR n._k IS NULL OR o._r <> n._r`
	);
	await con.run('DROP TABLE emmers');
	const counts = new Map((await rows(con, `SELECT _wat, CAST(count(*) AS INTEGER) AS n FROM verschil GROUP BY _wat`)).map((r) => [String(r._wat), Number(r.n)]));
	const select = [
		'v._wat',
		...keys.map((k) => `CAST(coalesce(n.${q(k)}, o.${q(k)}) AS VARCHAR) AS ${q(`k_${k}`)}`),
		...values.flatMap((c) => [`CAST(o.${q(c)} AS VARCHAR) AS ${q(`o_${c}`)}`, `CAST(n.${q(c)} AS VARCHAR) AS ${q(`n_${c}`)}`])
	].join(', ');
	// A semi-join on the few example hashes: each big table is scanned once, nothing large is built.
	const whole = (db: Db) => `(SELECT ${keyHash} AS _k, * FROM ${db}.main.${q(soort)} WHERE ${keyHash} IN (SELECT _k FROM v))`;
	const examples = counts.size
		? await rows(
				con,
				`WITH v AS MATERIALIZED (SELECT * FROM verschil QUALIFY row_number() OVER (PARTITION BY _wat ORDER BY _k) <= ${VOORBEELDEN})
				SELECT ${select} FROM v LEFT JOIN ${whole('oud')} o ON o._k = v._k AND v._wat <> 'toegevoegd' LEFT JOIN ${whole('nieuw')} n ON n._k = v._k AND v._wat <> 'verwijderd'
				ORDER BY list_position(['gewijzigd', 'toegevoegd', 'verwijderd'], v._wat), ${keys.map((k) => q(`k_${k}`)).join(', ')}`
			)
		: [];
	await con.run('DROP TABLE verschil');
	const column = (name: string) => kind.columns.find((c) => c.name === name)!;
	const voorbeelden = examples.map((r) => {
		const key = keys.map((k) => shownValue(column(k), r[`k_${k}`], namen)).join(' · ');
		if (r._wat === 'toegevoegd') return `nieuw: ${key}`;
		if (r._wat === 'verwijderd') return `vervallen: ${key}`;
		const changed = values.filter((c) => r[`o_${c}`] !== r[`n_${c}`]).map((c) => `${c} ${shownValue(column(c), r[`o_${c}`], namen)} → ${shownValue(column(c), r[`n_${c}`], namen)}`);
		return `${key}: ${changed.join(', ')}`;
	});
	return { soort, label, toegevoegd: counts.get('toegevoegd') ?? 0, verwijderd: counts.get('verwijderd') ?? 0, gewijzigd: counts.get('gewijzigd') ?? 0, voorbeelden };
}

/** A stored value as the site shows it: gemeente names, vocabulary labels, nl-NL numbers and dates. */
function shownValue(column: ColumnSpec, value: unknown, namen: Map<string, string>): string {
	if (value === null || value === undefined) return ONBEKEND;
	const text = String(value);
	switch (column.type.kind) {
		case 'gemeentecode':
			return namen.get(text) ?? text;
		case 'enum':
			return labelOf(column.type.vocabulary, text);
		case 'int':
			return formatInteger(Number(text));
		case 'decimal':
			return formatDecimal(Number(text), { digits: 4 });
		case 'date':
			return formatDate(text);
		case 'planperiode':
		case 'periode':
			return formatPeriode(text);
		default:
			return text.length > 40 ? `${text.slice(0, 39)}…` : text;
	}
}

// ---------------------------------------------------------------- headline figures

interface Figure {
	label: string;
	value: number;
	/** Percentages get one decimal and a % sign. */
	procent?: boolean;
}

const STATUS_ORDER = `[${(VOCABULARIES.projectstatus as readonly Term[]).map((t) => `'${t.id}'`).join(', ')}]`;
/** The rounds in order, as a SQL list of the vocabulary's fixed ids (no user input). */
const RONDE_ORDER = `[${(VOCABULARIES.hkg_ronde as readonly Term[]).map((t) => `'${t.id}'`).join(', ')}]`;

/**
 * The parameters that pick "the latest" (peiljaar, HKG periode and round, Wlz year, dagbesteding
 * periode) from the staged snapshot: the figures as they will read after publishing, with the
 * current snapshot's value for the same year or periode beside them.
 */
async function latest(con: DuckDBConnection): Promise<{ peiljaar: number | null; periode: string | null; ronde: string | null; wlzJaar: number | null; dagPeriode: string | null }> {
	const [cap] = await rows(con, 'SELECT max(peiljaar) AS j FROM nieuw.main.capaciteit_jaar');
	const [hkg] = await rows(
		con,
		`SELECT periode, ronde FROM nieuw.main.hkg_biedingen
		ORDER BY CAST(left(periode, 4) AS INTEGER) DESC, list_position(${RONDE_ORDER}, ronde) DESC LIMIT 1`
	);
	const [opgave] = await rows(con, 'SELECT periode FROM nieuw.main.hkg_opgave ORDER BY CAST(left(periode, 4) AS INTEGER) DESC LIMIT 1');
	const [wlz] = await rows(con, `SELECT max(jaar) AS j FROM nieuw.main.wlz_instroom WHERE regiocode = (SELECT regio_code FROM nieuw.main.snapshot_info)`);
	const [dag] = await rows(con, 'SELECT periode FROM nieuw.main.dagbesteding_aandeel ORDER BY periode_start DESC LIMIT 1');
	return {
		peiljaar: cap?.j == null ? null : Number(cap.j),
		periode: hkg ? String(hkg.periode) : opgave ? String(opgave.periode) : null,
		ronde: hkg ? String(hkg.ronde) : null,
		wlzJaar: wlz?.j == null ? null : Number(wlz.j),
		dagPeriode: dag ? String(dag.periode) : null
	};
}

/** Every headline figure of one snapshot, by label. */
async function figures(con: DuckDBConnection, db: Db, at: Awaited<ReturnType<typeof latest>>): Promise<Map<string, Figure>> {
	const out = new Map<string, Figure>();
	const add = (f: Figure) => out.set(f.label, f);
	if (at.peiljaar !== null) {
		for (const r of await rows(con, `SELECT voorzieningstype, CAST(sum(tekort) AS INTEGER) AS tekort FROM ${db}.main.capaciteit_jaar WHERE peiljaar = $jaar GROUP BY voorzieningstype ORDER BY voorzieningstype`, { jaar: at.peiljaar })) {
			add({ label: `tekort ${inZin(labelOf('voorzieningstype', String(r.voorzieningstype)))} ${at.peiljaar}`, value: Number(r.tekort) });
		}
	}
	if (at.periode !== null && at.ronde !== null) {
		const ronde = inZin(labelOf('hkg_ronde', at.ronde));
		const sql = `SELECT b.gemeentecode, coalesce(g.naam, b.gemeentecode) AS naam, b.categorie, CAST(b.bod AS INTEGER) AS bod
			FROM ${db}.main.hkg_biedingen b LEFT JOIN nieuw.main.gemeenten g USING (gemeentecode)
			WHERE b.periode = $periode AND b.ronde = $ronde ORDER BY naam, b.categorie`;
		for (const r of await rows(con, sql, { periode: at.periode, ronde: at.ronde })) {
			add({ label: `${ronde} ${r.naam} (${inZin(labelOf('hkg_categorie', String(r.categorie)))})`, value: Number(r.bod) });
		}
	}
	if (at.periode !== null) {
		for (const r of await rows(con, `SELECT CAST(sum(regionale_opgave) AS INTEGER) AS opgave FROM ${db}.main.hkg_opgave WHERE periode = $periode HAVING count(*) > 0`, { periode: at.periode })) {
			add({ label: `regionale opgave HKG ${formatPeriode(at.periode)}`, value: Number(r.opgave) });
		}
	}
	if (at.wlzJaar !== null) {
		// The region's own total row; without one, the sum of its gemeenten.
		const sql = `SELECT CAST(coalesce(sum(instroom) FILTER (WHERE gemeentecode IS NULL), sum(instroom)) AS INTEGER) AS instroom
			FROM ${db}.main.wlz_instroom WHERE jaar = $jaar AND regiocode = (SELECT regio_code FROM ${db}.main.snapshot_info) HAVING count(*) > 0`;
		for (const r of await rows(con, sql, { jaar: at.wlzJaar })) add({ label: `Wlz-instroom van de regio ${at.wlzJaar}`, value: Number(r.instroom) });
	}
	if (at.dagPeriode !== null) {
		const sql = `SELECT round(sum(met_dagbesteding) * 100.0 / nullif(sum(bw_clienten), 0), 1) AS aandeel FROM ${db}.main.dagbesteding WHERE periode = $periode HAVING count(*) > 0`;
		for (const r of await rows(con, sql, { periode: at.dagPeriode })) {
			if (r.aandeel !== null) add({ label: `aandeel BW-cliënten met dagbesteding ${formatPeriode(at.dagPeriode)}`, value: Number(r.aandeel), procent: true });
		}
	}
	for (const r of await rows(con, `SELECT status, CAST(count(*) AS INTEGER) AS n FROM ${db}.main.projecten GROUP BY status ORDER BY list_position(${STATUS_ORDER}, status)`)) {
		add({ label: `projecten in fase ${inZin(labelOf('projectstatus', String(r.status)))}`, value: Number(r.n) });
	}
	return out;
}

function shownFigure(value: number | null, procent: boolean): string {
	if (value === null) return ONBEKEND;
	return procent ? `${formatDecimal(value, { digits: 1, fixed: true })}%` : formatInteger(value);
}

/** The headline figures whose value differs, in a fixed order (as `figures` produces them). */
async function headlineChanges(con: DuckDBConnection, hasOud: boolean): Promise<Kerncijfer[]> {
	const at = await latest(con);
	const nieuw = await figures(con, 'nieuw', at);
	const oud = hasOud ? await figures(con, 'oud', at) : new Map<string, Figure>();
	const labels = [...nieuw.keys(), ...[...oud.keys()].filter((l) => !nieuw.has(l))];
	const result: Kerncijfer[] = [];
	for (const label of labels) {
		const o = oud.get(label) ?? null;
		const n = nieuw.get(label) ?? null;
		if (o?.value === n?.value) continue;
		const procent = Boolean(o?.procent ?? n?.procent);
		result.push({ label, oud: o?.value ?? null, nieuw: n?.value ?? null, tekst: `${label}: ${shownFigure(o?.value ?? null, procent)} → ${shownFigure(n?.value ?? null, procent)}` });
	}
	return result;
}
