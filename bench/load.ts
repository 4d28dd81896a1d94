/**
 * Load on one URL with autocannon: requests/s and latency percentiles computed from every
 * response time (autocannon's own percentiles have no p95), errors, timeouts and non-2xx.
 */
import { createRequire } from 'node:module';
import { latency, type Latency } from './stats';

export interface LoadOptions {
	connections: number;
	/** Seconds of measured load. */
	duration: number;
	/** Seconds of load before the measurement, discarded (JIT, sockets, caches). */
	warmup?: number;
}

export interface LoadResult {
	requestsPerSecond: number;
	latencyMs: Latency;
	requests: number;
	errors: number;
	timeouts: number;
	non2xx: number;
}

/** autocannon has no type declarations; this is the part of its API used here. */
interface AutocannonResult {
	requests: { average: number; total: number };
	errors: number;
	timeouts: number;
	non2xx: number;
}
interface AutocannonInstance {
	on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
	then: Promise<AutocannonResult>['then'];
}
type Autocannon = (options: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => AutocannonInstance;

/** What a browser sends: the server may answer compressed, and a browser always accepts gzip. */
export const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

async function run(url: string, connections: number, duration: number): Promise<LoadResult> {
	const times: number[] = [];
	const instance = autocannon({ url, connections, duration, headers: BROWSER_HEADERS });
	instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
	const result = await instance;
	return {
		requestsPerSecond: result.requests.average,
		latencyMs: latency(times),
		requests: result.requests.total,
		errors: result.errors,
		timeouts: result.timeouts,
		non2xx: result.non2xx
	};
}

/** Load `url` with `connections` concurrent connections for `duration` seconds, after a discarded warm-up. */
export async function load(url: string, { connections, duration, warmup = 1 }: LoadOptions): Promise<LoadResult> {
	if (warmup > 0) await run(url, connections, warmup);
	return run(url, connections, duration);
}

/** True when every answer was a 2xx, without errors or timeouts. */
export const clean = (r: LoadResult): boolean => r.errors === 0 && r.timeouts === 0 && r.non2xx === 0;
