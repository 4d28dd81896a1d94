import { describe, expect, it, vi } from 'vitest';
import { hashWachtwoord, verifyWachtwoord, WachtwoordError, wachtwoordProbleem } from './passwords';

// The real argon2, watched: which hashes a verification really runs against.
const argon2 = vi.hoisted(() => ({ verified: [] as string[] }));
vi.mock('@node-rs/argon2', async (original) => {
	const real = await original<typeof import('@node-rs/argon2')>();
	return {
		...real,
		verify: (hashed: string, ...rest: Parameters<typeof real.verify> extends [unknown, ...infer R] ? R : never) => {
			argon2.verified.push(hashed);
			return real.verify(hashed, ...rest);
		}
	};
});

describe('passwords', () => {
	it('hashes with argon2id and verifies only the same password', async () => {
		const hash = await hashWachtwoord('correct paard batterij');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyWachtwoord(hash, 'correct paard batterij')).toBe(true);
		expect(await verifyWachtwoord(hash, 'correct paard batterij ')).toBe(false);
		expect(await hashWachtwoord('correct paard batterij')).not.toBe(hash);
	});

	it('refuses passwords shorter than 12 characters, in Dutch', async () => {
		expect(wachtwoordProbleem('elf tekens!')).toContain('minstens 12 tekens');
		expect(wachtwoordProbleem('twaalf tekens')).toBeNull();
		// Characters, not UTF-16 units: 11 emoji are 11 characters.
		expect(wachtwoordProbleem('😀'.repeat(11))).toContain('minstens 12');
		expect(wachtwoordProbleem(' '.repeat(12))).toContain('spaties');
		await expect(hashWachtwoord('kort')).rejects.toThrow(WachtwoordError);
	});

	it('answers false for a missing or malformed hash, after the same amount of work', async () => {
		const hash = await hashWachtwoord('een goed wachtwoord');
		const params = (phc: string) => phc.split('$').slice(1, 4).join('$'); // argon2id$v=19$m=…,t=…,p=…
		argon2.verified.length = 0;
		expect(await verifyWachtwoord(hash, 'een fout wachtwoord')).toBe(false);
		expect(await verifyWachtwoord(null, 'een fout wachtwoord')).toBe(false);
		expect(await verifyWachtwoord(undefined, 'een goed wachtwoord')).toBe(false);
		// An unknown account costs one real argon2 verification too, with the same algorithm and
		// parameters as a stored hash (so its answer takes as long), against a hash of its own.
		expect(argon2.verified).toHaveLength(3);
		expect(argon2.verified[0]).toBe(hash);
		for (const dummy of argon2.verified.slice(1)) {
			expect(params(dummy)).toBe(params(hash));
			expect(dummy).not.toBe(hash);
		}
		expect(await verifyWachtwoord('geen hash', 'een fout wachtwoord')).toBe(false);
	});
});
