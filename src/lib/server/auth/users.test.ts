import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appDb } from '../app/db';
import { auditLog } from '../app/audit';
import { verifyWachtwoord } from './passwords';
import { addUser, findByNaam, GebruikerError, listUsers, normaliseerNaam, removeUser, setRol, setWachtwoord } from './users';
import { tempAppDb } from './test-helpers';

let db: ReturnType<typeof tempAppDb>;
beforeEach(() => {
	db = tempAppDb();
});
afterEach(() => db.cleanup());

describe('users', () => {
	it('adds a user with a trimmed name and an argon2id hash, audited', async () => {
		const added = await addUser({ naam: '  Marieke  ', rol: 'aanleverder', wachtwoord: 'geheim wachtwoord 1', door: null });
		expect(added).toMatchObject({ naam: 'Marieke', rol: 'aanleverder', bron: 'lokaal' });
		const found = findByNaam('marieke');
		expect(found?.id).toBe(added.id);
		expect(await verifyWachtwoord(found!.wachtwoordHash, 'geheim wachtwoord 1')).toBe(true);
		expect(auditLog()[0]).toMatchObject({ actie: 'gebruiker_toegevoegd', gebruiker: null, details: { naam: 'Marieke', rol: 'aanleverder' } });
	});

	it('refuses bad names, roles, passwords and duplicates without writing', async () => {
		await addUser({ naam: 'anna', rol: 'lezer', wachtwoord: 'twaalf tekens', door: null });
		await expect(addUser({ naam: 'ANNA', rol: 'lezer', wachtwoord: 'twaalf tekens', door: null })).rejects.toThrow("Er is al een gebruiker 'ANNA'");
		await expect(addUser({ naam: 'x', rol: 'lezer', wachtwoord: 'twaalf tekens', door: null })).rejects.toThrow('2 tot 64 tekens');
		await expect(addUser({ naam: 'a'.repeat(65), rol: 'lezer', wachtwoord: 'twaalf tekens', door: null })).rejects.toThrow(GebruikerError);
		await expect(addUser({ naam: 'bert', rol: 'baas', wachtwoord: 'twaalf tekens', door: null })).rejects.toThrow("Onbekende rol 'baas'");
		await expect(addUser({ naam: 'bert', rol: 'lezer', wachtwoord: 'te kort', door: null })).rejects.toThrow('minstens 12');
		expect(listUsers().map((u) => u.naam)).toEqual(['anna']);
		expect(auditLog()).toHaveLength(1);
		expect(() => normaliseerNaam('a\u0007b')).toThrow('stuurtekens');
	});

	it('changes roles, sets passwords (ending sessions) and removes users with their sessions and tokens', async () => {
		const anna = await addUser({ naam: 'anna', rol: 'lezer', wachtwoord: 'twaalf tekens', door: null });
		expect(setRol({ naam: 'Anna', rol: 'beheerder', door: 'root' }).rol).toBe('beheerder');
		expect(findByNaam('anna')?.rol).toBe('beheerder');
		expect(() => setRol({ naam: 'niemand', rol: 'lezer', door: null })).toThrow("Er is geen gebruiker 'niemand'");

		const insertSession = appDb().prepare('INSERT INTO sessies (id_hash, gebruiker_id, aangemaakt, laatst_gezien, verloopt) VALUES (?, ?, 0, 0, 0)');
		insertSession.run('s1', anna.id);
		await setWachtwoord({ naam: 'anna', wachtwoord: 'een nieuw wachtwoord', door: null });
		expect(await verifyWachtwoord(findByNaam('anna')!.wachtwoordHash, 'een nieuw wachtwoord')).toBe(true);
		expect(appDb().prepare('SELECT count(*) AS n FROM sessies').get()).toEqual({ n: 0 });

		insertSession.run('s2', anna.id);
		appDb().prepare("INSERT INTO tokens (gebruiker_id, hash, prefix, aangemaakt) VALUES (?, 'h', 'rm_x', '')").run(anna.id);
		expect(listUsers()[0].tokens).toEqual(['rm_x']);
		removeUser({ naam: 'ANNA', door: 'root' });
		expect(findByNaam('anna')).toBeNull();
		expect(appDb().prepare('SELECT (SELECT count(*) FROM sessies) + (SELECT count(*) FROM tokens) AS n').get()).toEqual({ n: 0 });
		expect(auditLog().map((e) => e.actie)).toEqual(['gebruiker_verwijderd', 'wachtwoord_gewijzigd', 'rol_gewijzigd', 'gebruiker_toegevoegd']);
		expect(() => removeUser({ naam: 'anna', door: null })).toThrow(GebruikerError);
	});
});
