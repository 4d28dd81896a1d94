/**
 * npm start [-- --workers N]: build the app when its sources changed, ingest data/exports/ when
 * the store is missing or the exports changed (by content hash), serve on http://localhost:3000
 * (PORT overrides), and keep watching data/exports/: a dropped file is ingested in a child
 * process and the server switches to the new snapshot by itself; a failed ingest changes nothing.
 *
 * With N > 1 (the default is one per core) this process only prepares, watches and supervises:
 * N worker processes (node:cluster) share the port and each reads the store on its own. Every
 * worker checks the store's pointer file before its queries, so an ingest or publish by any
 * process switches all of them; accounts, sessions and the audit log are in one SQLite file.
 */
import cluster from 'node:cluster';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isBuildFresh } from './build-freshness';
import { workerCount } from './workers';
import { readPointer, storePaths } from '../src/lib/server/db/layout';
import { STORE_SCHEMA_VERSION } from '../src/lib/server/db/schema';
import { runIngest } from '../src/lib/server/ingest';
import { boundariesFile, exportsFingerprint } from '../src/lib/server/ingest/sources';

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
	const [fingerprint, grenzen] = await Promise.all([exportsFingerprint(paths.exports), boundariesFile(paths.exports)]);
	if (pointer && pointer.exportsHash === fingerprint && (pointer.grenzen ?? null) === (grenzen?.sha256 ?? null) && pointer.schemaVersion === STORE_SCHEMA_VERSION) {
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
	// Recursive: a boundaries file placed in geo/ is part of the snapshot too.
	watch(exports, { recursive: true }, () => {
		if (timer) clearTimeout(timer);
		timer = setTimeout(run, 1500);
		timer.unref();
	}).unref();
}

/** Fork `n` workers that serve the built app; a worker that dies is replaced, until we stop. */
function superviseWorkers(n: number): void {
	let stopping = false;
	const fork = () => cluster.fork({ REGIO_WORKER: '1' });
	cluster.on('exit', (worker, code, signal) => {
		if (stopping) {
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
			return;
		}
		console.error(`Werkproces ${worker.id} is gestopt (${signal ?? `code ${code}`}); er wordt een nieuw gestart.`);
		setTimeout(fork, 500).unref();
	});
	const stop = (signal: NodeJS.Signals) => {
		if (stopping) return;
		stopping = true;
		// adapter-node finishes the requests in flight on SIGTERM, then exits.
		for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
		// adapter-node waits up to SHUTDOWN_TIMEOUT (30 s) for requests in flight; then no longer.
		setTimeout(() => {
			for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
			process.exit(1);
		}, 35_000).unref();
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
	let listening = 0;
	cluster.on('listening', () => {
		if (++listening === n) console.log(`Regiomonitor BW&O draait op http://localhost:${process.env.PORT} (${n} werkprocessen)`);
	});
	for (let i = 0; i < n; i++) fork();
}

async function serve(): Promise<void> {
	await import(pathToFileURL(join(process.cwd(), BUILD_ENTRY)).href);
}

if (cluster.isPrimary) {
	let workers: number;
	try {
		workers = workerCount(process.argv.slice(2));
	} catch (e) {
		console.error((e as Error).message);
		process.exit(2);
	}
	// REGIO_BUILD=0: serve build/ as it is (a benchmark that built it once, then starts it several times).
	if (process.env.REGIO_BUILD !== '0') buildIfStale();
	await ingestIfNeeded();
	process.env.PORT ??= '3000';
	// Uploads of exports are streamed with their own limits per file (src/lib/server/intake); every
	// other route keeps a small limit (src/lib/server/body-limit.ts). adapter-node's single limit
	// would cut uploads at 512 kB.
	process.env.BODY_SIZE_LIMIT ??= 'Infinity';
	if (process.env.REGIO_WATCH !== '0') watchExports();
	if (workers === 1) {
		await serve();
		console.log(`Regiomonitor BW&O draait op http://localhost:${process.env.PORT}`);
	} else superviseWorkers(workers);
} else if (cluster.isWorker) {
	// Once adapter-node has closed the server (SIGTERM, requests in flight done), let go of the
	// supervisor: the channel to it would otherwise keep this process alive.
	process.on('sveltekit:shutdown' as 'exit', () => cluster.worker?.disconnect());
	await serve();
}
