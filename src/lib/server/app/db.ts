/**
 * The app database: one embedded SQLite file (better-sqlite3) for state that is not analytics
 * data — accounts, sessions, API tokens, login attempts, the audit log and deliveries. WAL mode
 * and a busy timeout let several server processes share it; migrations run on open, in order,
 * and are recorded in PRAGMA user_version.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { appPaths } from './paths';

export type AppDb = Database.Database;

/** Each entry migrates from version i to i + 1; append, never edit a released one. */
const MIGRATIONS: string[] = [
	`
	CREATE TABLE gebruikers (
		id INTEGER PRIMARY KEY,
		naam TEXT NOT NULL UNIQUE COLLATE NOCASE,
		rol TEXT NOT NULL CHECK (rol IN ('lezer', 'aanleverder', 'beheerder')),
		-- argon2id hash; NULL for accounts that log in only through OIDC
		wachtwoord_hash TEXT,
		bron TEXT NOT NULL DEFAULT 'lokaal' CHECK (bron IN ('lokaal', 'oidc')),
		oidc_issuer TEXT,
		oidc_subject TEXT,
		aangemaakt TEXT NOT NULL,
		laatst_ingelogd TEXT,
		UNIQUE (oidc_issuer, oidc_subject)
	);
	-- The session id itself is only in the user's cookie; the table holds its sha256.
	CREATE TABLE sessies (
		id_hash TEXT PRIMARY KEY,
		gebruiker_id INTEGER NOT NULL REFERENCES gebruikers (id) ON DELETE CASCADE,
		aangemaakt INTEGER NOT NULL,
		laatst_gezien INTEGER NOT NULL,
		verloopt INTEGER NOT NULL,
		adres TEXT
	);
	CREATE INDEX sessies_gebruiker ON sessies (gebruiker_id);
	CREATE TABLE tokens (
		id INTEGER PRIMARY KEY,
		gebruiker_id INTEGER NOT NULL REFERENCES gebruikers (id) ON DELETE CASCADE,
		hash TEXT NOT NULL UNIQUE,
		-- the first characters, so a user can tell tokens apart without the secret
		prefix TEXT NOT NULL,
		aangemaakt TEXT NOT NULL,
		laatst_gebruikt TEXT,
		ingetrokken TEXT
	);
	-- Failed logins per key ('account:<naam>' or 'adres:<ip>'): slows down and locks.
	CREATE TABLE inlogpogingen (
		sleutel TEXT PRIMARY KEY,
		mislukt INTEGER NOT NULL,
		eerste INTEGER NOT NULL,
		laatste INTEGER NOT NULL,
		geblokkeerd_tot INTEGER
	);
	CREATE TABLE audit (
		id INTEGER PRIMARY KEY,
		tijd TEXT NOT NULL,
		gebruiker TEXT,
		actie TEXT NOT NULL,
		snapshot TEXT,
		adres TEXT,
		details TEXT NOT NULL DEFAULT '{}'
	);
	CREATE INDEX audit_tijd ON audit (tijd);
	-- One row per delivery (upload → preview → publish); 'gegevens' is its JSON record.
	CREATE TABLE aanleveringen (
		id TEXT PRIMARY KEY,
		gebruiker TEXT NOT NULL,
		aangemaakt TEXT NOT NULL,
		status TEXT NOT NULL,
		basis_snapshot TEXT,
		snapshot TEXT,
		gepubliceerd TEXT,
		gegevens TEXT NOT NULL DEFAULT '{}'
	);
	`,
	// Single sign-on sessions keep the provider's ID token, so logging out can end the
	// session at the provider too (OpenID Connect RP-initiated logout, id_token_hint).
	`ALTER TABLE sessies ADD COLUMN id_token TEXT;`
];

function migrate(db: AppDb): void {
	const version = db.pragma('user_version', { simple: true }) as number;
	for (let v = version; v < MIGRATIONS.length; v++) {
		db.transaction(() => {
			db.exec(MIGRATIONS[v]);
			db.pragma(`user_version = ${v + 1}`);
		}).immediate();
	}
}

/** Open (creating when missing) an app database file and bring it to the latest schema. */
export function openAppDb(file: string): AppDb {
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.pragma('busy_timeout = 5000');
	db.pragma('foreign_keys = ON');
	db.pragma('synchronous = NORMAL');
	migrate(db);
	return db;
}

let shared: AppDb | undefined;
let sharedFile: string | undefined;

/** The process's app database, opened lazily from REGIO_APP_DIR (or data/app). */
export function appDb(): AppDb {
	if (!shared) {
		const paths = appPaths();
		mkdirSync(paths.dir, { recursive: true });
		shared = openAppDb(paths.db);
		sharedFile = paths.db;
	}
	return shared;
}

/** Use another app directory (tests, scripts); closes the previous database. */
export function useAppDb(dir: string): AppDb {
	closeAppDb();
	mkdirSync(dir, { recursive: true });
	shared = openAppDb(`${dir}/regiomonitor.sqlite`);
	sharedFile = `${dir}/regiomonitor.sqlite`;
	return shared;
}

export function closeAppDb(): void {
	shared?.close();
	shared = undefined;
	sharedFile = undefined;
}

/** The file of the shared database, if open (for messages). */
export function appDbFile(): string | undefined {
	return sharedFile;
}
