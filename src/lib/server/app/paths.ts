/**
 * Where the app keeps its own state, apart from the analytics store: the SQLite database
 * (accounts, sessions, tokens, audit log, deliveries), the staging areas of uploads and the
 * archive of replaced exports. REGIO_APP_DIR moves all of it (default data/app).
 */
import { join, resolve } from 'node:path';

export interface AppPaths {
	/** The app directory itself. */
	dir: string;
	/** The SQLite database file. */
	db: string;
	/** One staging directory per delivery (aanlevering), never inside data/exports. */
	aanleveringen: string;
	/** Replaced export files by sha256, and the export set of every published snapshot. */
	archief: string;
}

export function appPaths(env: Record<string, string | undefined> = process.env): AppPaths {
	const dir = resolve(env.REGIO_APP_DIR ?? 'data/app');
	return { dir, db: join(dir, 'regiomonitor.sqlite'), aanleveringen: join(dir, 'aanleveringen'), archief: join(dir, 'archief') };
}
