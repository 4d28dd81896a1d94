import { describe, expect, it } from 'vitest';
import { hashWachtwoord, verifyWachtwoord, WachtwoordError, wachtwoordProbleem } from './passwords';

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
		await verifyWachtwoord(null, 'warm-up of the dummy hash');
		const time = async (fn: () => Promise<boolean>) => {
			const start = performance.now();
			const result = await fn();
			return { result, ms: performance.now() - start };
		};
		const known = await time(() => verifyWachtwoord(hash, 'een fout wachtwoord'));
		const unknown = await time(() => verifyWachtwoord(null, 'een fout wachtwoord'));
		expect(known.result).toBe(false);
		expect(unknown.result).toBe(false);
		// An argon2 verification takes milliseconds; skipping it would take microseconds.
		expect(unknown.ms).toBeGreaterThan(known.ms / 4);
		expect(await verifyWachtwoord('geen hash', 'een fout wachtwoord')).toBe(false);
	});
});
