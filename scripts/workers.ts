/** The number of server processes `npm start` runs (scripts/start.ts). */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

/** `--workers N` (1–64), default one per core; throws a Dutch message for anything else. */
export function workerCount(argv: string[], cores = availableParallelism()): number {
	let values: { workers?: string };
	try {
		({ values } = parseArgs({ args: argv, options: { workers: { type: 'string' } }, strict: true }));
	} catch (e) {
		throw new Error(`${(e as Error).message}\nGebruik: npm start -- [--workers AANTAL]`);
	}
	if (values.workers === undefined) return Math.max(1, Math.min(64, cores));
	const n = Number(values.workers);
	if (!/^\d+$/.test(values.workers) || n < 1 || n > 64) throw new Error(`--workers ${values.workers}: geef een aantal processen van 1 tot en met 64 (standaard één per processorkern, hier ${cores}).`);
	return n;
}

