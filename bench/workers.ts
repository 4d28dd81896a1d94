/**
 * Workers benchmark (issue 12): requests/s per view on the national store, served by
 * `npm start -- --workers 2` against `--workers 1`, in the same run, at the same load
 * (32 connections, the pages suite's measurement). On this 2-core machine the load generator
 * shares the cores with the servers, so the ratio is what a second process adds here, not what
 * it adds on a server of its own.
 */
import { spawn } from 'node:child_process';
import { nationalStore, viewPaths, buildIfStale } from './app';
import { dec, int, ms, ratio, table } from './format';
import { measurePages, type PageLoad } from './pages';
import type { Suite } from './suite';
import { childEnv, freePort, ROOT, type AppPaths } from '../tests/e2e/server';

export interface WorkersBenchResult {
	paths: string[];
	/** Per worker count, per view. */
	perAantal: { workers: number; pages: PageLoad[] }[];
}

/** `npm start -- --workers n` on the store (the build made once beforehand, no watching, no ingest needed), until `fn` is done. */
async function withWorkers<T>(paths: AppPaths, n: number, fn: (baseURL: string) => Promise<T>): Promise<T> {
	const port = await freePort();
	const baseURL = `http://127.0.0.1:${port}`;
	const server = spawn('npm', ['start', '--silent', '--', '--workers', String(n)], {
		cwd: ROOT,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: childEnv({ NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ORIGIN: baseURL, REGIO_STORE_DIR: paths.store, REGIO_EXPORTS_DIR: paths.exports, REGIO_REPORTS_DIR: paths.reports, REGIO_WATCH: '0', REGIO_BUILD: '0' })
	});
	let output = '';
	server.stdout!.on('data', (c) => (output += c));
	server.stderr!.on('data', (c) => (output += c));
	const ready = n === 1 ? 'draait op' : `(${n} werkprocessen)`;
	const deadline = Date.now() + 120_000;
	try {
		while (!output.includes(ready)) {
			if (server.exitCode !== null) throw new Error(`npm start -- --workers ${n} stopte (exit ${server.exitCode}):\n${output.slice(-2000)}`);
			if (Date.now() > deadline) throw new Error(`npm start -- --workers ${n} kwam niet op:\n${output.slice(-2000)}`);
			await new Promise((r) => setTimeout(r, 100));
		}
		return await fn(baseURL);
	} finally {
		if (server.exitCode === null && server.signalCode === null) {
			const exited = new Promise((r) => server.once('exit', r));
			process.kill(-server.pid!, 'SIGTERM');
			await exited;
		}
	}
}

export const workersSuite: Suite<WorkersBenchResult> = {
	name: 'workers',
	title: ({ gemeenten }) => `Werkprocessen: requests/s per pagina op de landelijke opslag (${gemeenten} gemeenten) met npm start -- --workers 2 tegen --workers 1`,
	async run({ gemeenten, connections, duration }) {
		buildIfStale();
		const store = await nationalStore(gemeenten);
		const paths = viewPaths(store.exports);
		const options = { connections, duration: Math.min(duration, 3) };
		const perAantal: WorkersBenchResult['perAantal'] = [];
		for (const workers of [1, 2]) {
			console.log(`--workers ${workers}:`);
			perAantal.push({ workers, pages: await withWorkers(store, workers, (baseURL) => measurePages(baseURL, paths, options)) });
		}
		return { paths, perAantal };
	},
	print(r) {
		const [een, twee] = r.perAantal;
		console.log(
			table(
				['pagina', 'req/s, 1 proces', 'req/s, 2 processen', 'verhouding', 'p95, 1', 'p95, 2', 'fouten (1 / 2)'],
				r.paths.map((path, i) => {
					const a = een.pages[i];
					const b = twee.pages[i];
					return [path, int(a.requestsPerSecond), int(b.requestsPerSecond), ratio(b.requestsPerSecond / a.requestsPerSecond), ms(a.latencyMs.p95), ms(b.latencyMs.p95), `${int(a.errors + a.non2xx + a.timeouts)} / ${int(b.errors + b.non2xx + b.timeouts)}`];
				})
			)
		);
		const sum = (pages: PageLoad[]) => pages.reduce((n, p) => n + p.requestsPerSecond, 0);
		console.log(`samen: ${int(sum(een.pages))} tegen ${int(sum(twee.pages))} req/s (${dec(sum(twee.pages) / sum(een.pages), 2)}×)`);
	},
	summary(r) {
		const [een, twee] = r.perAantal;
		const rates = r.paths.map((_, i) => twee.pages[i].requestsPerSecond / een.pages[i].requestsPerSecond);
		const worst = rates.indexOf(Math.min(...rates));
		const errors = [...een.pages, ...twee.pages].reduce((n, p) => n + p.errors + p.non2xx + p.timeouts, 0);
		return [
			{
				meting: `Requests/s met 2 werkprocessen, minst winnende pagina (${r.paths[worst]})`,
				waarde: `${int(twee.pages[worst].requestsPerSecond)} req/s`,
				referentie: `${int(een.pages[worst].requestsPerSecond)} req/s met 1`,
				verhouding: rates[worst],
				doel: '0 fouten',
				gehaald: errors === 0
			}
		];
	}
};
