/**
 * Intake benchmark (issue 10): upload + preview + publish of the national capaciteit file
 * against `npm run ingest` of the same export set, in the same run. Two pairs per round, each on
 * a fresh store built from the national set:
 *  - as a user does it (the target): `npm run ingest -- --force` as a command, against the
 *    changed capaciteit.csv streamed over HTTP to the built app's POST /api/aanleveringen with an
 *    API token, then POST …/publiceer, timed until the publish answers;
 *  - in one process (stricter: no process start, no HTTP): runIngest against receiveAanlevering
 *    and publiceerAanlevering called directly.
 * Target: intake ÷ ingest ≤ 1,2 for the first pair; the second is printed beside it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeAppDb, useAppDb } from '../src/lib/server/app/db';
import { runIngest } from '../src/lib/server/ingest';
import { publiceerAanlevering, receiveAanlevering } from '../src/lib/server/intake';
import { streamedUpload } from '../src/lib/server/intake/test-env';
import { DATA_DIR, generated, withApp } from './app';
import { childEnv, ROOT } from '../tests/e2e/server';
import { dec, int, mb, ratio, seconds, table } from './format';
import type { Suite } from './suite';

export const INTAKE_TARGET_RATIO = 1.2;

export interface IntakeBenchResult {
	dir: string;
	bytes: number;
	gewijzigdeRijen: number;
	/** Wall-clock seconds per round, and CPU seconds of this process (DuckDB's threads included): on a shared machine the CPU time is the steadier figure. */
	ingest: { seconden: number[]; cpu: number[] };
	aanleveren: { seconden: number[]; cpu: number[]; ontvangen: number[]; publiceren: number[]; toegevoegd: number; verwijderd: number; gewijzigd: number; kerncijfers: number };
	/** As a user does it: the command `npm run ingest -- --force`, and the upload over HTTP to the built app until its publish answered. */
	opdracht: { ingest: number[]; aanleveren: number[]; ontvangen: number[]; publiceren: number[] };
	/** Fastest HTTP intake ÷ fastest `npm run ingest` (the target). */
	verhouding: number;
	/** Fastest in-process intake ÷ fastest in-process runIngest (no process start, no HTTP). */
	verhoudingInProces: number;
	/** Least CPU time of the intake ÷ least of the ingest. */
	verhoudingCpu: number;
	doel: number;
	gehaald: boolean;
}

/** Every this-many-th capaciteit row gets one more place of behoefte: a delivery with some corrections, moving some tekorten. */
const CHANGE_EVERY = 10_000;
/** Position of behoefte in the generated capaciteit.csv (checked against its header). */
let BEHOEFTE = -1;

/**
 * The national capaciteit.csv with a few hundred rows changed (behoefte + 1),
 * written once next to the national set.
 */
async function changedCapaciteit(exportsDir: string): Promise<{ file: string; changed: number }> {
	const source = join(exportsDir, 'capaciteit.csv');
	const dir = join(DATA_DIR, `${exportsDir.split('/').pop()}-intake`);
	const file = join(dir, 'capaciteit.csv');
	const facts = join(dir, 'gewijzigd.json');
	if (existsSync(file) && existsSync(facts) && statSync(file).mtimeMs > statSync(source).mtimeMs) return { file, changed: JSON.parse(readFileSync(facts, 'utf8')).changed };
	mkdirSync(dir, { recursive: true });
	const out = createWriteStream(file);
	let n = 0;
	let changed = 0;
	for await (const line of createInterface({ input: createReadStream(source), crlfDelay: Infinity })) {
		if (n === 0) BEHOEFTE = line.split(';').indexOf('behoefte');
		if (BEHOEFTE < 0) throw new Error(`capaciteit.csv zonder kolom behoefte: ${line}`);
		let text = line;
		if (n > 0 && n % CHANGE_EVERY === 0 && line) {
			const cells = line.split(';');
			cells[BEHOEFTE] = String(Number(cells[BEHOEFTE]) + 1);
			text = cells.join(';');
			changed++;
		}
		if (!out.write(`${text}\n`)) await once(out, 'drain');
		n++;
	}
	out.end();
	await once(out, 'finish');
	writeFileSync(facts, JSON.stringify({ changed }) + '\n');
	return { file, changed };
}

/** A round's directories: the national exports hard-linked (publish renames over them, never writes into them), store, reports, app. */
function roundDirs(exportsDir: string): { root: string; exports: string; store: string; reports: string; app: string } {
	const root = mkdtempSync(join(tmpdir(), 'bench-intake-'));
	const dirs = { root, exports: join(root, 'exports'), store: join(root, 'store'), reports: join(root, 'reports'), app: join(root, 'app') };
	mkdirSync(dirs.exports);
	for (const name of readdirSync(exportsDir)) linkSync(join(exportsDir, name), join(dirs.exports, name));
	return dirs;
}

const cpuSeconds = (since: NodeJS.CpuUsage): number => {
	const used = process.cpuUsage(since);
	return (used.user + used.system) / 1e6;
};

const ENV_KEYS = ['REGIO_STORE_DIR', 'REGIO_EXPORTS_DIR', 'REGIO_REPORTS_DIR', 'REGIO_APP_DIR'] as const;

type Dirs = ReturnType<typeof roundDirs>;
const storeEnv = (dirs: Dirs) => ({ REGIO_STORE_DIR: dirs.store, REGIO_EXPORTS_DIR: dirs.exports, REGIO_REPORTS_DIR: dirs.reports, REGIO_APP_DIR: dirs.app });

/** `npm run ingest -- --force` on a round's directories, as a command; its wall-clock seconds. */
async function ingestCommand(dirs: Dirs): Promise<number> {
	const started = performance.now();
	const child = spawn('npm', ['run', '--silent', 'ingest', '--', '--force'], { cwd: ROOT, env: childEnv(storeEnv(dirs)), stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.on('data', (c) => (output += c));
	child.stderr.on('data', (c) => (output += c));
	const [code] = (await once(child, 'exit')) as [number | null];
	if (code !== 0) throw new Error(`npm run ingest mislukt (exit ${code}):\n${output.slice(-2000)}`);
	return (performance.now() - started) / 1000;
}

/** An aanleverder with an API token in the round's app database, made with `npm run users` (not timed). */
function apiToken(dirs: Dirs): string {
	const users = (args: string[], input?: string) => {
		const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/users.ts', ...args], { cwd: ROOT, env: childEnv(storeEnv(dirs)), input, encoding: 'utf8' });
		if (r.status !== 0) throw new Error(`npm run users -- ${args.join(' ')} mislukt: ${r.stderr}`);
		return r.stdout;
	};
	users(['add', 'bench', '--rol', 'aanleverder', '--wachtwoord-stdin'], 'bench-wachtwoord-lang-genoeg\n');
	return users(['token', 'bench']).trim().split('\n').at(-1)!;
}

/** Upload `file` over HTTP and publish it; wall-clock seconds of both steps, and the delivery's changes. */
async function intakeOverHttp(baseURL: string, token: string, file: string): Promise<{ ontvangen: number; publiceren: number; body: { status: string; wijzigingen?: { perSoort: { soort: string; gewijzigd: number }[] } } }> {
	const { request } = streamedUpload([{ naam: 'capaciteit.csv', bytes: () => createReadStream(file, { highWaterMark: 1 << 20 }) }], { bron: 'Capaciteitsonderzoek (bench)', peildatum: '2026-11-01' });
	const authorization = `Bearer ${token}`;
	const started = performance.now();
	const response = await fetch(new URL('/api/aanleveringen', baseURL), {
		method: 'POST',
		headers: { authorization, 'content-type': request.headers.get('content-type')! },
		body: request.body,
		duplex: 'half'
	} as RequestInit);
	const body = await response.json();
	const received = performance.now();
	if (response.status !== 201 || body.status !== 'klaar') throw new Error(`aanlevering over HTTP: ${response.status} ${JSON.stringify(body).slice(0, 500)}`);
	const publish = await fetch(new URL(`/api/aanleveringen/${body.id}/publiceer`, baseURL), { method: 'POST', headers: { authorization } });
	if (!publish.ok) throw new Error(`publiceren over HTTP: ${publish.status} ${(await publish.text()).slice(0, 500)}`);
	await publish.json();
	const done = performance.now();
	return { ontvangen: (received - started) / 1000, publiceren: (done - received) / 1000, body };
}

export const intakeSuite: Suite<IntakeBenchResult> = {
	name: 'intake',
	title: ({ gemeenten }) => `Aanleveren: upload + controle + publiceren van de landelijke capaciteit (${gemeenten} gemeenten) tegen npm run ingest van dezelfde set`,
	async run({ gemeenten, runs }) {
		const exportsDir = generated({ gemeenten });
		const { file, changed } = await changedCapaciteit(exportsDir);
		const bytes = statSync(file).size;
		const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
		const ingest: number[] = [];
		const ingestCpu: number[] = [];
		const aanleverenCpu: number[] = [];
		const aanleveren: number[] = [];
		const ontvangen: number[] = [];
		const publiceren: number[] = [];
		let counts = { toegevoegd: 0, verwijderd: 0, gewijzigd: 0, kerncijfers: 0 };
		const opdracht = { ingest: [] as number[], aanleveren: [] as number[], ontvangen: [] as number[], publiceren: [] as number[] };
		try {
			for (let round = 1; round <= runs; round++) {
				const dirs = roundDirs(exportsDir);
				try {
					const paths = { store: dirs.store, exports: dirs.exports, reports: dirs.reports };
					let started = performance.now();
					let cpu = process.cpuUsage();
					const report = await runIngest({ paths, force: true });
					ingest.push((performance.now() - started) / 1000);
					ingestCpu.push(cpuSeconds(cpu));
					if (!report.ok) throw new Error(`ingest mislukt: ${report.errors[0]?.melding}`);

					process.env.REGIO_STORE_DIR = dirs.store;
					process.env.REGIO_EXPORTS_DIR = dirs.exports;
					process.env.REGIO_REPORTS_DIR = dirs.reports;
					process.env.REGIO_APP_DIR = dirs.app;
					useAppDb(dirs.app);
					const { request } = streamedUpload([{ naam: 'capaciteit.csv', bytes: () => createReadStream(file, { highWaterMark: 1 << 20 }) }], { bron: 'Capaciteitsonderzoek (bench)', peildatum: '2026-11-01' });
					const gebruiker = { id: 1, naam: 'bench', rol: 'aanleverder' as const, bron: 'lokaal' as const };
					started = performance.now();
					cpu = process.cpuUsage();
					// The national capaciteit file is larger than the default 200 MB (REGIO_UPLOAD_MAX_MB=300 on such a deployment).
					const a = await receiveAanlevering(request, gebruiker, { limits: { maxBytesPerFile: 512 * 1024 * 1024, maxFiles: 20, maxUnpackedBytes: 1024 ** 3 } });
					const received = performance.now();
					if (process.env.BENCH_VERBOSE) console.log(a.voortgang.join('\n'));
					if (a.status !== 'klaar') throw new Error(`aanlevering ${a.status}: ${a.fouten[0]?.melding}`);
					await publiceerAanlevering(a.id, gebruiker);
					const done = performance.now();
					aanleverenCpu.push(cpuSeconds(cpu));
					ontvangen.push((received - started) / 1000);
					publiceren.push((done - received) / 1000);
					aanleveren.push((done - started) / 1000);
					const cap = a.wijzigingen?.perSoort.find((s) => s.soort === 'capaciteit');
					counts = { toegevoegd: cap?.toegevoegd ?? 0, verwijderd: cap?.verwijderd ?? 0, gewijzigd: cap?.gewijzigd ?? 0, kerncijfers: a.wijzigingen?.kerncijfers.length ?? 0 };
					console.log(`  ronde ${round}: npm run ingest ${dec(ingest.at(-1)!, 2)} s (cpu ${dec(ingestCpu.at(-1)!, 2)} s), aanleveren ${dec(aanleveren.at(-1)!, 2)} s (cpu ${dec(aanleverenCpu.at(-1)!, 2)} s; upload + controle ${dec(ontvangen.at(-1)!, 2)} s, publiceren ${dec(publiceren.at(-1)!, 2)} s)`);
				} finally {
					closeAppDb();
					rmSync(dirs.root, { recursive: true, force: true });
				}
				// As a user does it, on a fresh store: the command, then the upload over HTTP.
				const http = roundDirs(exportsDir);
				try {
					opdracht.ingest.push(await ingestCommand(http));
					const token = apiToken(http);
					// The national capaciteit file is larger than the default 200 MB: such a deployment sets REGIO_UPLOAD_MAX_MB.
					const over = await withApp({ store: http.store, exports: http.exports, reports: http.reports, app: http.app }, (app) => intakeOverHttp(app.baseURL, token, file), { env: { REGIO_UPLOAD_MAX_MB: '512' } });
					opdracht.ontvangen.push(over.ontvangen);
					opdracht.publiceren.push(over.publiceren);
					opdracht.aanleveren.push(over.ontvangen + over.publiceren);
					const gewijzigd = over.body.wijzigingen?.perSoort.find((w) => w.soort === 'capaciteit')?.gewijzigd;
					if (gewijzigd !== counts.gewijzigd) throw new Error(`de aanlevering over HTTP vond ${gewijzigd} gewijzigde rijen, in het proces ${counts.gewijzigd}`);
					console.log(`  ronde ${round}, als opdracht: npm run ingest ${dec(opdracht.ingest.at(-1)!, 2)} s, aanleveren over HTTP ${dec(opdracht.aanleveren.at(-1)!, 2)} s (upload + controle ${dec(over.ontvangen, 2)} s, publiceren ${dec(over.publiceren, 2)} s)`);
				} finally {
					rmSync(http.root, { recursive: true, force: true });
				}
			}
		} finally {
			for (const k of ENV_KEYS) {
				if (saved[k] === undefined) delete process.env[k];
				else process.env[k] = saved[k];
			}
		}
		const verhouding = Math.min(...opdracht.aanleveren) / Math.min(...opdracht.ingest);
		const verhoudingInProces = Math.min(...aanleveren) / Math.min(...ingest);
		const verhoudingCpu = Math.min(...aanleverenCpu) / Math.min(...ingestCpu);
		return { dir: exportsDir, bytes, gewijzigdeRijen: changed, ingest: { seconden: ingest, cpu: ingestCpu }, aanleveren: { seconden: aanleveren, cpu: aanleverenCpu, ontvangen, publiceren, ...counts }, opdracht, verhouding, verhoudingInProces, verhoudingCpu, doel: INTAKE_TARGET_RATIO, gehaald: verhouding <= INTAKE_TARGET_RATIO };
	},
	print(r) {
		console.log(`capaciteit.csv ${mb(r.bytes)}, ${int(r.gewijzigdeRijen)} rijen aangepast; de controle vond ${int(r.aanleveren.gewijzigd)} rijen gewijzigd (${int(r.aanleveren.toegevoegd)} toegevoegd, ${int(r.aanleveren.verwijderd)} verwijderd) en ${int(r.aanleveren.kerncijfers)} kerncijfers die bewegen`);
		const best = r.aanleveren.seconden.indexOf(Math.min(...r.aanleveren.seconden));
		const bestHttp = r.opdracht.aanleveren.indexOf(Math.min(...r.opdracht.aanleveren));
		console.log(
			table(
				['meting', 'beste tijd', 'minste cpu'],
				[
					['als opdracht: npm run ingest -- --force (hele landelijke set)', seconds(Math.min(...r.opdracht.ingest)), ''],
					['als opdracht: upload + controle over HTTP (POST /api/aanleveringen)', seconds(r.opdracht.ontvangen[bestHttp]), ''],
					['als opdracht: publiceren over HTTP', seconds(r.opdracht.publiceren[bestHttp]), ''],
					['als opdracht: aanleveren totaal', seconds(r.opdracht.aanleveren[bestHttp]), ''],
					['in het proces: runIngest', seconds(Math.min(...r.ingest.seconden)), seconds(Math.min(...r.ingest.cpu))],
					['in het proces: upload + controle', seconds(r.aanleveren.ontvangen[best]), ''],
					['in het proces: publiceren', seconds(r.aanleveren.publiceren[best]), ''],
					['in het proces: aanleveren totaal', seconds(r.aanleveren.seconden[best]), seconds(Math.min(...r.aanleveren.cpu))]
				]
			)
		);
		console.log(`verhouding als opdracht (aanleveren over HTTP / npm run ingest): ${ratio(r.verhouding)} — doel ≤ ${ratio(r.doel)}: ${r.gehaald ? 'gehaald' : 'NIET gehaald'}`);
		console.log(`verhouding in het proces (zonder processtart en HTTP): ${ratio(r.verhoudingInProces)}; in cpu-tijd ${ratio(r.verhoudingCpu)}`);
	},
	summary: (r) => [
		{
			meting: 'Aanleveren landelijke capaciteit over HTTP (upload + controle + publiceren)',
			waarde: seconds(Math.min(...r.opdracht.aanleveren)),
			referentie: `${seconds(Math.min(...r.opdracht.ingest))} npm run ingest`,
			verhouding: r.verhouding,
			doel: `≤ ${ratio(r.doel)}`,
			gehaald: r.gehaald
		}
	]
};
