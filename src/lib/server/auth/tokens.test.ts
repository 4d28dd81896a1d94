import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appDb } from '../app/db';
import { auditLog } from '../app/audit';
import { createToken, listTokens, resolveToken, revokeTokens } from './tokens';
import { addUser, removeUser, setRol } from './users';
import { tempAppDb } from './test-helpers';

let db: ReturnType<typeof tempAppDb>;
beforeEach(async () => {
	db = tempAppDb();
	await addUser({ naam: 'script', rol: 'aanleverder', wachtwoord: 'een lang wachtwoord', door: null });
});
afterEach(() => db.cleanup());

describe('API tokens', () => {
	it('creates rm_ + 32 random bytes, stores only the sha256 and a prefix, and resolves it to its user', () => {
		const { token, prefix } = createToken({ naam: 'script', door: 'root' });
		expect(token).toMatch(/^rm_[A-Za-z0-9_-]{43}$/);
		expect(token.startsWith(prefix)).toBe(true);
		expect(prefix).toHaveLength(11);
		const stored = appDb().prepare('SELECT hash, prefix FROM tokens').all();
		expect(stored).toEqual([{ hash: createHash('sha256').update(token).digest('hex'), prefix }]);
		expect(JSON.stringify(appDb().prepare('SELECT * FROM tokens').all())).not.toContain(token.slice(prefix.length));
		expect(resolveToken(token)).toMatchObject({ naam: 'script', rol: 'aanleverder' });
		expect(auditLog()[0]).toMatchObject({ actie: 'token_gemaakt', gebruiker: 'root', details: { naam: 'script', prefix } });
	});

	it('records the last use at most once a minute', () => {
		const { token } = createToken({ naam: 'script', door: null });
		const t0 = new Date('2026-01-01T10:00:00Z');
		resolveToken(token, t0);
		resolveToken(token, new Date(t0.getTime() + 30_000));
		expect(listTokens('script')[0].laatstGebruikt).toBe(t0.toISOString());
		const later = new Date(t0.getTime() + 61_000);
		resolveToken(token, later);
		expect(listTokens('script')[0].laatstGebruikt).toBe(later.toISOString());
	});

	it('answers null for unknown, malformed, revoked tokens and those of removed users; the role is live', async () => {
		const a = createToken({ naam: 'script', door: null });
		const b = createToken({ naam: 'script', door: null });
		expect(resolveToken('rm_' + 'A'.repeat(43))).toBeNull();
		expect(resolveToken(a.token + 'x')).toBeNull();
		expect(resolveToken('')).toBeNull();
		setRol({ naam: 'script', rol: 'lezer', door: null });
		expect(resolveToken(a.token)?.rol).toBe('lezer');

		expect(revokeTokens({ naam: 'script', prefix: a.prefix, door: null })).toBe(1);
		expect(resolveToken(a.token)).toBeNull();
		expect(resolveToken(b.token)).not.toBeNull();
		expect(revokeTokens({ naam: 'script', prefix: 'rm_onbekend', door: null })).toBe(0);
		expect(revokeTokens({ naam: 'script', door: null })).toBe(1);
		expect(resolveToken(b.token)).toBeNull();
		expect(auditLog().filter((e) => e.actie === 'token_ingetrokken')).toHaveLength(2);

		const c = createToken({ naam: 'script', door: null });
		removeUser({ naam: 'script', door: null });
		expect(resolveToken(c.token)).toBeNull();
		expect(() => createToken({ naam: 'script', door: null })).toThrow("Er is geen gebruiker 'script'");
	});
});
