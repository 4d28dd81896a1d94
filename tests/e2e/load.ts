/**
 * Load against one or more running apps while something happens (an ingest swapping the
 * snapshot): `concurrency` loops request the paths in turn, each on a new connection (so
 * node:cluster spreads them over its workers), and record status, the snapshot /api/health
 * reports and which worker answered.
 */
import { get } from 'node:http';

export interface Sample {
	base: string;
	path: string;
	started: number;
	status: number | string;
	snapshotId?: string;
	werkproces?: number;
}

function request(url: URL): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const req = get(url, { agent: false, headers: { connection: 'close' } }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => (body += chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.setTimeout(20_000, () => req.destroy(new Error('timeout')));
	});
}

export interface LoadPhases {
	concurrency?: number;
	/** Load for at least this long before `during`, and after it. */
	beforeMs?: number;
	afterMs?: number;
	/**
	 * Keep loading (up to `maxMs` per phase) until these hold: on a machine busy with other work
	 * a fixed time may see too few answers to check anything.
	 */
	readyBefore?: (samples: Sample[]) => boolean;
	readyAfter?: (samples: Sample[], swappedAt: number) => boolean;
	maxMs?: number;
}

export async function underLoad(
	bases: string[],
	paths: string[],
	during: () => Promise<void>,
	{ concurrency = 8, beforeMs = 1_000, afterMs = 2_000, readyBefore = () => true, readyAfter = () => true, maxMs = 20_000 }: LoadPhases = {}
): Promise<{ samples: Sample[]; swappedAt: number }> {
	const samples: Sample[] = [];
	let stop = false;
	const loop = async (w: number) => {
		for (let i = w; !stop; i++) {
			const base = bases[i % bases.length];
			const path = paths[Math.floor(i / bases.length) % paths.length];
			const started = performance.now();
			try {
				const { status, body } = await request(new URL(path, base));
				const sample: Sample = { base, path, started, status };
				if (path === '/api/health' && status === 200) {
					const health = JSON.parse(body);
					sample.snapshotId = health.snapshotId;
					if (typeof health.werkproces === 'number') sample.werkproces = health.werkproces;
				}
				samples.push(sample);
			} catch (e) {
				samples.push({ base, path, started, status: e instanceof Error ? e.message : String(e) });
			}
		}
	};
	const loops = Array.from({ length: concurrency }, (_, w) => loop(w));
	try {
		const phase = async (minMs: number, ready: () => boolean) => {
			const start = performance.now();
			await new Promise((r) => setTimeout(r, minMs));
			while (!ready() && performance.now() - start < maxMs) await new Promise((r) => setTimeout(r, 50));
		};
		await phase(beforeMs, () => readyBefore(samples));
		await during();
		const swappedAt = performance.now();
		await phase(afterMs, () => readyAfter(samples, swappedAt));
		return { samples, swappedAt };
	} finally {
		stop = true;
		await Promise.all(loops);
	}
}

/** The failed samples, as lines for an assertion message. */
export const failures = (samples: Sample[]) => samples.filter((s) => s.status !== 200).map((s) => `${s.base}${s.path}: ${s.status}`);
