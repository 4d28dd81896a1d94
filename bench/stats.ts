/** Order statistics of timings, shared by the suites. */

/** Exact percentile (nearest rank) of values sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function median(values: readonly number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface Latency {
	p50: number;
	p95: number;
	p99: number;
	max: number;
}

/** p50/p95/p99/max of timings in milliseconds, in any order. */
export function latency(values: readonly number[]): Latency {
	const sorted = [...values].sort((a, b) => a - b);
	return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

/** Milliseconds `fn` takes, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const started = performance.now();
	const value = await fn();
	return { ms: performance.now() - started, value };
}

/** The item with the largest key (the first of equals). */
export function maxBy<T>(items: readonly T[], key: (item: T) => number): T {
	return items.reduce((a, b) => (key(b) > key(a) ? b : a));
}
