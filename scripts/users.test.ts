/**
 * `npm run users` as an administrator runs it (a child process with tsx) on a temporary
 * REGIO_APP_DIR: accounts, roles and tokens end up in the database the app reads; mistakes give
 * one Dutch line and a non-zero exit code, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeAppDb, useAppDb, type AppDb } from '../src/lib/server/app/db';
import { verifyWachtwoord } from '../src/lib/server/auth/passwords';
import { resolveToken } from '../src/lib/server/auth/tokens';

const ROOT = resolve(import.meta.dirname, '..');
let dir: string;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'regio-users-cli-'));
});
afterAll(() => {
	closeAppDb();
	rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[], input?: string) {
	const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/users.ts'), ...args], {
		cwd: ROOT,
		env: { ...process.env, REGIO_APP_DIR: dir },
		input: input ?? '',
		encoding: 'utf8',
		timeout: 60_000
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The database as the app sees it, opened after the child process wrote it. */
function db(): AppDb {
	return useAppDb(dir);
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('npm run users', () => {
	test('add reads the password from stdin without its trailing newline; list shows the user', async () => {
		const added = cli(['add', 'Anna de Vries', '--rol', 'aanleverder', '--wachtwoord-stdin'], 'een lang wachtwoord\n');
		expect(added.stderr).toBe('');
		expect(added.code).toBe(0);
		expect(added.stdout).toContain('Anna de Vries toegevoegd met rol aanleverder');
		const row = db().prepare("SELECT rol, wachtwoord_hash FROM gebruikers WHERE naam = 'Anna de Vries'").get() as { rol: string; wachtwoord_hash: string };
		expect(row.rol).toBe('aanleverder');
		expect(await verifyWachtwoord(row.wachtwoord_hash, 'een lang wachtwoord')).toBe(true);
		closeAppDb();

		const list = cli(['list']);
		expect(list.code).toBe(0);
		expect(list.stdout).toMatch(/Anna de Vries\s+aanleverder\s+lokaal\s+nooit/);
	});

	test('npm run users -- … is the same command (package.json)', () => {
		const result = spawnSync('npm', ['run', '-s', 'users', '--', 'list'], { cwd: ROOT, env: { ...process.env, REGIO_APP_DIR: dir }, encoding: 'utf8', timeout: 60_000 });
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('Anna de Vries');
	});

	test('rol and wachtwoord change the account', async () => {
		expect(cli(['rol', 'anna de vries', 'beheerder']).code).toBe(0);
		expect(cli(['wachtwoord', 'Anna de Vries', '--wachtwoord-stdin'], 'nog een lang wachtwoord\r\n').code).toBe(0);
		const row = db().prepare('SELECT rol, wachtwoord_hash FROM gebruikers').get() as { rol: string; wachtwoord_hash: string };
		expect(row.rol).toBe('beheerder');
		expect(await verifyWachtwoord(row.wachtwoord_hash, 'nog een lang wachtwoord')).toBe(true);
		closeAppDb();
	});

	test('token prints a working token as the last line, stored as sha256 only; revoke-token ends it', () => {
		const first = cli(['token', 'Anna de Vries']);
		expect(first.code).toBe(0);
		const token = first.stdout.trimEnd().split('\n').at(-1)!;
		expect(token).toMatch(/^rm_[A-Za-z0-9_-]{43}$/);
		const second = cli(['token', 'Anna de Vries']).stdout.trimEnd().split('\n').at(-1)!;
		db();
		expect(resolveToken(token)?.naam).toBe('Anna de Vries');
		const hashes = db().prepare('SELECT hash FROM tokens ORDER BY id').all();
		expect(hashes).toEqual([token, second].map((t) => ({ hash: createHash('sha256').update(t).digest('hex') })));
		closeAppDb();

		const one = cli(['revoke-token', 'Anna de Vries', '--prefix', token.slice(0, 11)]);
		expect(one.code).toBe(0);
		expect(one.stdout).toContain('1 token ingetrokken');
		db();
		expect(resolveToken(token)).toBeNull();
		expect(resolveToken(second)).not.toBeNull();
		closeAppDb();
		expect(cli(['revoke-token', 'Anna de Vries']).stdout).toContain('1 token ingetrokken');
		db();
		expect(resolveToken(second)).toBeNull();
		closeAppDb();
	});

	test.each([
		[['add', 'bert', '--rol', 'lezer', '--wachtwoord-stdin'], 'kort\n', 1, 'minstens 12 tekens'],
		[['add', 'bert', '--rol', 'baas', '--wachtwoord-stdin'], 'een lang wachtwoord', 1, "Onbekende rol 'baas'"],
		[['add', 'bert', '--rol', 'lezer'], '', 2, '--wachtwoord-stdin'],
		[['add', 'anna de vries', '--rol', 'lezer', '--wachtwoord-stdin'], 'een lang wachtwoord', 1, 'Er is al een gebruiker'],
		[['remove', 'niemand'], '', 1, "Er is geen gebruiker 'niemand'"],
		[['token', 'niemand'], '', 1, "Er is geen gebruiker 'niemand'"],
		[['revoke-token', 'Anna de Vries', '--prefix', 'rm_bestaatniet'], '', 1, "Geen actief token met prefix 'rm_bestaatniet'"],
		[['rol', 'Anna de Vries'], '', 2, 'Verwacht: rol <naam>'],
		[['verwijder', 'x'], '', 2, "Onbekende opdracht 'verwijder'"],
		[['list', '--onzin'], '', 2, "Onbekende of onvolledige optie '--onzin'"]
	])('%j with input %j fails in Dutch with exit %i', (args, input, code, message) => {
		const result = cli(args as string[], input as string);
		expect(result.code).toBe(code);
		expect(result.stderr).toContain(`Fout: `);
		expect(result.stderr).toContain(message);
		noStackTrace(result.stderr);
		expect(db().prepare("SELECT count(*) AS n FROM gebruikers WHERE naam = 'bert'").get()).toEqual({ n: 0 });
		closeAppDb();
	});

	test('remove deletes the user with their tokens', () => {
		cli(['token', 'Anna de Vries']);
		const removed = cli(['remove', 'Anna de Vries']);
		expect(removed.code).toBe(0);
		expect(db().prepare('SELECT (SELECT count(*) FROM gebruikers) + (SELECT count(*) FROM tokens) AS n').get()).toEqual({ n: 0 });
		closeAppDb();
		expect(cli(['list']).stdout).toContain('Nog geen gebruikers');
	});
});
