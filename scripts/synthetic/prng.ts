/**
 * Seeded pseudo-random numbers, so the same seed and options give byte-identical exports.
 * mulberry32 is tiny and fast (one multiply-xorshift per draw), which matters at millions
 * of rows; it is not for cryptography.
 */

/** A source of uniform numbers in [0, 1) with a few derived draws. */
export interface Random {
	/** Uniform in [0, 1). */
	next(): number;
	/** Uniform in [min, max). */
	uniform(min: number, max: number): number;
	/** Uniform integer in [min, max] (inclusive). */
	int(min: number, max: number): number;
	/** Standard normal draw (Box–Muller). */
	normal(mean?: number, sd?: number): number;
	/** One element of a non-empty list. */
	pick<T>(list: readonly T[]): T;
	/** True with probability p. */
	chance(p: number): boolean;
}

/** mulberry32 by Tommy Ettinger; returns uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** 32-bit FNV-1a hash of a string, to derive independent streams from one seed. */
export function hashString(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/**
 * A random stream for one purpose (e.g. 'capaciteit'). Each export kind draws from its
 * own stream, so changing one generator never shifts the numbers of another.
 */
export function randomStream(seed: number, purpose: string): Random {
	const next = mulberry32(hashString(`${seed}:${purpose}`));
	const random: Random = {
		next,
		uniform: (min, max) => min + (max - min) * next(),
		int: (min, max) => min + Math.floor((max - min + 1) * next()),
		normal: (mean = 0, sd = 1) => {
			const u = 1 - next(); // (0, 1]: log(0) must not happen
			return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
		},
		pick: (list) => list[Math.floor(list.length * next())],
		chance: (p) => next() < p
	};
	return random;
}
