/**
 * npm run users -- <opdracht>: local accounts and API tokens in the app database (REGIO_APP_DIR,
 * default data/app). The contract of these commands is used by outside checks; keep it.
 *   add <naam> --rol <lezer|aanleverder|beheerder> --wachtwoord-stdin
 *   list · remove <naam> · rol <naam> <rol> · wachtwoord <naam> --wachtwoord-stdin
 *   token <naam>   (prints the new token as the last line) · revoke-token <naam> [--prefix <p>]
 * Errors are one Dutch line on stderr: exit 2 for a wrong command, 1 when it could not be done.
 */
import { parseArgs } from 'node:util';
import { ROLLEN } from '../src/lib/auth/roles';
import { appDbFile, appDb, closeAppDb } from '../src/lib/server/app/db';
import { WachtwoordError } from '../src/lib/server/auth/passwords';
import { createToken, revokeTokens } from '../src/lib/server/auth/tokens';
import { addUser, GebruikerError, listUsers, removeUser, setRol, setWachtwoord } from '../src/lib/server/auth/users';

const GEBRUIK = `Gebruik:
  npm run users -- add <naam> --rol <${ROLLEN.join('|')}> --wachtwoord-stdin
  npm run users -- list
  npm run users -- remove <naam>
  npm run users -- rol <naam> <${ROLLEN.join('|')}>
  npm run users -- wachtwoord <naam> --wachtwoord-stdin
  npm run users -- token <naam>
  npm run users -- revoke-token <naam> [--prefix <prefix>]
Het wachtwoord komt van standaardinvoer, bijvoorbeeld: printf '%s' "$WACHTWOORD" | npm run users -- add anna --rol lezer --wachtwoord-stdin`;

class GebruikFout extends Error {}

async function readPassword(flag: boolean | undefined): Promise<string> {
	if (!flag) throw new GebruikFout('Geef het wachtwoord via standaardinvoer met --wachtwoord-stdin.');
	if (process.stdin.isTTY) process.stderr.write('Wachtwoord (wordt getoond; beëindig met Enter en Ctrl-D): ');
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	// One trailing newline is how echo and here-strings end input, not part of the password.
	return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function datum(iso: string | null): string {
	if (!iso) return 'nooit';
	return new Date(iso).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' });
}

function table(rows: string[][]): string {
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
	return rows.map((r) => r.map((cell, i) => cell + ' '.repeat(widths[i] - [...cell].length)).join('  ').trimEnd()).join('\n');
}

function expect(positionals: string[], count: number, what: string): void {
	if (positionals.length !== count) throw new GebruikFout(`Verwacht: ${what}.`);
}

async function main(argv: string[]): Promise<void> {
	const { values, positionals } = parseArgs({
		args: argv,
		options: { rol: { type: 'string' }, 'wachtwoord-stdin': { type: 'boolean' }, prefix: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
		allowPositionals: true,
		strict: true
	});
	const [opdracht, ...rest] = positionals;
	if (values.help || !opdracht) {
		console.log(GEBRUIK);
		if (!values.help) process.exitCode = 2;
		return;
	}
	const door = null;
	switch (opdracht) {
		case 'add': {
			expect(rest, 1, 'add <naam> --rol <rol> --wachtwoord-stdin');
			if (!values.rol) throw new GebruikFout(`Geef een rol met --rol (${ROLLEN.join(', ')}).`);
			const wachtwoord = await readPassword(values['wachtwoord-stdin']);
			const gebruiker = await addUser({ naam: rest[0], rol: values.rol, wachtwoord, door });
			console.log(`Gebruiker ${gebruiker.naam} toegevoegd met rol ${gebruiker.rol}.`);
			break;
		}
		case 'list': {
			expect(rest, 0, 'list (zonder verdere argumenten)');
			const users = listUsers();
			if (users.length === 0) {
				console.log(`Nog geen gebruikers in ${appDbFile() ?? 'de app-database'}.`);
				break;
			}
			const rows = users.map((u) => [u.naam, u.rol, u.bron, datum(u.laatstIngelogd), u.tokens.join(', ') || '-']);
			console.log(table([['naam', 'rol', 'bron', 'laatst ingelogd', 'tokens'], ...rows]));
			break;
		}
		case 'remove': {
			expect(rest, 1, 'remove <naam>');
			const gebruiker = removeUser({ naam: rest[0], door });
			console.log(`Gebruiker ${gebruiker.naam} verwijderd, met zijn sessies en tokens.`);
			break;
		}
		case 'rol': {
			expect(rest, 2, `rol <naam> <${ROLLEN.join('|')}>`);
			const gebruiker = setRol({ naam: rest[0], rol: rest[1], door });
			console.log(`Gebruiker ${gebruiker.naam} heeft nu rol ${gebruiker.rol}.`);
			break;
		}
		case 'wachtwoord': {
			expect(rest, 1, 'wachtwoord <naam> --wachtwoord-stdin');
			const wachtwoord = await readPassword(values['wachtwoord-stdin']);
			await setWachtwoord({ naam: rest[0], wachtwoord, door });
			console.log(`Wachtwoord van ${rest[0].trim()} gewijzigd; open sessies van deze gebruiker zijn beëindigd.`);
			break;
		}
		case 'token': {
			expect(rest, 1, 'token <naam>');
			const { token, prefix } = createToken({ naam: rest[0], door });
			console.log(`Nieuw API-token voor ${rest[0].trim()} (prefix ${prefix}). Het wordt maar één keer getoond; bewaar het veilig.`);
			console.log(`Gebruik: curl -H "Authorization: Bearer <token>" …`);
			console.log(token);
			break;
		}
		case 'revoke-token': {
			expect(rest, 1, 'revoke-token <naam> [--prefix <prefix>]');
			const aantal = revokeTokens({ naam: rest[0], prefix: values.prefix, door });
			if (values.prefix !== undefined && aantal === 0) throw new GebruikerError(`Geen actief token met prefix '${values.prefix}' voor ${rest[0].trim()}.`);
			console.log(aantal === 1 ? '1 token ingetrokken.' : `${aantal} tokens ingetrokken.`);
			break;
		}
		default:
			throw new GebruikFout(`Onbekende opdracht '${opdracht.slice(0, 40)}'.`);
	}
}

try {
	appDb();
	await main(process.argv.slice(2));
} catch (e) {
	if (e instanceof GebruikerError || e instanceof WachtwoordError) {
		console.error(`Fout: ${e.message}`);
		process.exitCode = 1;
	} else if (e instanceof GebruikFout || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
		const optie = /'(-[^']*)'/.exec((e as Error).message)?.[1];
		const message = e instanceof GebruikFout ? e.message : `Onbekende of onvolledige optie${optie ? ` '${optie.slice(0, 40)}'` : ''}.`;
		console.error(`Fout: ${message}\n${GEBRUIK}`);
		process.exitCode = 2;
	} else {
		console.error(`Fout: ${(e as Error)?.message ?? String(e)}`);
		process.exitCode = 1;
	}
} finally {
	closeAppDb();
}
