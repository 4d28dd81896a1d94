/**
 * npm start: build the app when its sources changed, ingest data/exports/ when the store is
 * missing or the exports changed (by content hash), serve on http://localhost:3000 (PORT
 * overrides), and keep watching data/exports/: a dropped file is ingested in a child process
 * and the server switches to the new snapshot by itself; a failed ingest changes nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isBuildFresh } from './build-freshness';
import { readPointer, storePaths } from '../src/lib/server/db/layout';
import { STORE_SCHEMA_VERSION } from '../src/lib/server/db/schema';
import { runIngest } from '../src/lib/server/ingest';
import { exportsFingerprint } from '../src/lib/server/ingest/sources';

const BUILD_ENTRY = 'build/index.js';
function buildIfStale(): void {
	if (isBuildFresh(process.cwd())) return;
	console.log('App bouwen (vite build)…');
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (result.status !== 0) {
		console.error('Het bouwen van de app is mislukt; zie de meldingen hierboven.');
		process.exit(1);
	}
}

async function ingestIfNeeded(): Promise<void> {
	const paths = storePaths();
	const pointer = readPointer(paths.store);
	const fingerprint = await exportsFingerprint(paths.exports);
	if (pointer && pointer.exportsHash === fingerprint && pointer.schemaVersion === STORE_SCHEMA_VERSION) {
		console.log(`Gegevens actueel (snapshot ${pointer.snapshotId}).`);
		return;
	}
	console.log(pointer ? 'Exports gewijzigd: opnieuw inlezen…' : 'Nog geen gegevensopslag: exports inlezen…');
	const report = await runIngest({ paths, force: true, log: (line) => console.log(line) });
	if (report.ok) return;
	for (const e of report.errors) console.error(`- ${e.melding}`);
	if (!pointer) {
		console.error('\nInlezen mislukt en er is nog geen eerdere opslag: de app kan niet starten. Herstel de exports en probeer opnieuw.');
		process.exit(1);
	}
	console.error(`\nInlezen mislukt (${report.errorCount} fout(en)); de app toont de vorige gegevens (snapshot ${pointer.snapshotId}). Zie ook /data.`);
}

/** Re-ingest in a child process when data/exports/ changes (debounced), one at a time. */
function watchExports(): void {
	const { exports } = storePaths();
	if (!existsSync(exports)) return;
	let timer: NodeJS.Timeout | null = null;
	let running = false;
	let again = false;
	const run = () => {
		if (running) {
			again = true;
			return;
		}
		running = true;
		console.log('Wijziging in de exports gezien: inlezen…');
		const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts'], { stdio: 'inherit', env: process.env });
		child.on('exit', () => {
			running = false;
			if (again) {
				again = false;
				run();
			}
		});
	};
	// Unreferenced: the watcher must not keep the process alive once the server has shut down
	// (Ctrl+C, SIGTERM), otherwise npm start would never exit.
	watch(exports, () => {
		if (timer) clearTimeout(timer);
		timer = setTimeout(run, 1500);
		timer.unref();
	}).unref();
}

buildIfStale();
await ingestIfNeeded();
process.env.PORT ??= '3000';
// Uploads of exports are streamed with their own limits per file (src/lib/server/intake); every
// other route keeps a small limit (src/lib/server/body-limit.ts). adapter-node's single limit
// would cut uploads at 512 kB.
process.env.BODY_SIZE_LIMIT ??= 'Infinity';
if (process.env.REGIO_WATCH !== '0') watchExports();
await import(pathToFileURL(join(process.cwd(), BUILD_ENTRY)).href);
console.log(`Regiomonitor BW&O draait op http://localhost:${process.env.PORT}`);
