/**
 * Every state-changing route checks who is asking, and a refused request writes nothing
 * (issue 10). Property-based: fast-check picks a route, a kind of wrong caller and an Accept
 * header; the answer must be 401/403 (or, for a page asked by a browser without a session, the
 * redirect to the login page), and the store, the exports, the staging areas and the app
 * database's rows must be exactly as before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_EXPORTS, startIntakeApp, WACHTWOORD, type AppState, type IntakeApp } from './intake-app';

let intake: IntakeApp;
/** A checked delivery ready to publish, and the snapshot before the current one (for roll back). */
let klaarId = '';
let vorigeSnapshot = '';
const callers: Record<string, { headers: Record<string, string> }> = {};

const projecten = readFileSync(join(EXAMPLE_EXPORTS, 'projecten.csv'));
const changedProjecten = Buffer.concat([projecten, Buffer.from('SH-ACC-01;Toegangstest;skaeve_huse;Dordrecht;2;Idee;15-01-2026;;\r\n', 'latin1')]);

function upload(): FormData {
	const body = new FormData();
	body.append('bestand', new Blob([changedProjecten]), 'projecten.csv');
	body.append('bron', 'Toegangstest');
	body.append('peildatum', '2026-02-01');
	return body;
}

function formBody(fields: Record<string, string>): URLSearchParams {
	return new URLSearchParams(fields);
}

/** The state-changing routes: path and a body that the right caller would get accepted; `beheerder`: only beheerders may. */
const routes: { name: string; path: () => string; body: () => BodyInit; beheerder?: boolean }[] = [
	{ name: 'API: aanleveren', path: () => '/api/aanleveringen', body: upload },
	{ name: 'API: publiceren', path: () => `/api/aanleveringen/${klaarId}/publiceer`, body: () => '' },
	{ name: 'formulier: aanleveren', path: () => '/beheer/aanleveren/nieuw', body: upload },
	{ name: 'formulier: publiceren', path: () => `/beheer/aanleveren/${klaarId}?/publiceer`, body: () => formBody({}) },
	{ name: 'formulier: opnieuw controleren', path: () => `/beheer/aanleveren/${klaarId}?/controleer`, body: () => formBody({ 'soort-0': 'projecten' }) },
	{ name: 'formulier: terugzetten', path: () => '/data?/terugzetten', body: () => formBody({ snapshot: vorigeSnapshot }), beheerder: true },
	{ name: 'gebruikers: toevoegen', path: () => '/beheer/gebruikers?/toevoegen', body: () => formBody({ naam: 'indringer', rol: 'beheerder', wachtwoord: WACHTWOORD }), beheerder: true },
	{ name: 'gebruikers: rol', path: () => '/beheer/gebruikers?/rol', body: () => formBody({ naam: 'lezer1', rol: 'beheerder' }), beheerder: true },
	{ name: 'gebruikers: verwijderen', path: () => '/beheer/gebruikers?/verwijderen', body: () => formBody({ naam: 'aanlever1' }), beheerder: true },
	{ name: 'gebruikers: token', path: () => '/beheer/gebruikers?/token', body: () => formBody({ naam: 'lezer1' }), beheerder: true },
	{ name: 'gebruikers: intrekken', path: () => '/beheer/gebruikers?/intrekken', body: () => formBody({ naam: 'aanlever1' }), beheerder: true }
];

function comparable(state: AppState) {
	// An expired session may be cleaned up when it is presented; nothing may be added.
	const { sessies, ...rows } = state.rows;
	return { ...state, rows, sessies };
}

beforeAll(async () => {
	intake = await startIntakeApp();
	const { users } = intake;
	users(['add', 'lezer1', '--rol', 'lezer', '--wachtwoord-stdin'], `${WACHTWOORD}\n`);
	users(['add', 'aanlever1', '--rol', 'aanleverder', '--wachtwoord-stdin'], `${WACHTWOORD}\n`);
	users(['add', 'verlopen1', '--rol', 'beheerder', '--wachtwoord-stdin'], `${WACHTWOORD}\n`);
	users(['add', 'ingetrokken1', '--rol', 'beheerder', '--wachtwoord-stdin'], `${WACHTWOORD}\n`);
	const base = intake.app.baseURL;

	// A published delivery (so there is an earlier snapshot to roll back to), then a checked one.
	const token = users(['token', 'aanlever1']).trim().split('\n').at(-1)!;
	const auth = { authorization: `Bearer ${token}` };
	vorigeSnapshot = (await (await fetch(new URL('/api/health', base))).json()).snapshotId;
	const first = await (await fetch(new URL('/api/aanleveringen', base), { method: 'POST', headers: auth, body: upload() })).json();
	expect(first.status, JSON.stringify(first)).toBe('klaar');
	expect((await fetch(new URL(`/api/aanleveringen/${first.id}/publiceer`, base), { method: 'POST', headers: auth })).status).toBe(200);
	await new Promise((r) => setTimeout(r, 500)); // the server sees the new pointer within 250 ms
	const body = new FormData();
	body.append('bestand', new Blob([Buffer.concat([changedProjecten, Buffer.from('SH-ACC-02;Tweede;skaeve_huse;Dordrecht;1;Idee;16-01-2026;;\r\n', 'latin1')])]), 'projecten.csv');
	body.append('bron', 'Toegangstest 2');
	body.append('peildatum', '2026-02-02');
	const second = await (await fetch(new URL('/api/aanleveringen', base), { method: 'POST', headers: auth, body })).json();
	expect(second.status, JSON.stringify(second)).toBe('klaar');
	klaarId = second.id;

	callers['geen sessie'] = { headers: {} };
	callers['lezer-sessie'] = { headers: { cookie: await intake.login('lezer1') } };
	const expired = await intake.login('verlopen1');
	const db = new Database(join(intake.paths.app, 'regiomonitor.sqlite'));
	db.prepare("UPDATE sessies SET aangemaakt = 1, laatst_gezien = 1, verloopt = 1 WHERE gebruiker_id = (SELECT id FROM gebruikers WHERE naam = 'verlopen1')").run();
	db.close();
	callers['verlopen sessie'] = { headers: { cookie: expired } };
	const revoked = users(['token', 'ingetrokken1']).trim().split('\n').at(-1)!;
	users(['revoke-token', 'ingetrokken1']);
	callers['ingetrokken token'] = { headers: { authorization: `Bearer ${revoked}` } };
	callers['onbekend token'] = { headers: { authorization: 'Bearer rm_dezebestaatniet0000000000000000000000000' } };
	const aanleverSessie = await intake.login('aanlever1');
	callers['andere website'] = { headers: { cookie: aanleverSessie, origin: 'https://evil.example' } };
	callers['aanleverder-sessie'] = { headers: { cookie: aanleverSessie } };
}, 180_000);

afterAll(async () => {
	await intake?.stop();
});

describe('every state-changing route refuses wrong callers and writes nothing', () => {
	it('property: route × caller × Accept → 401/403 or the login redirect; state unchanged', async () => {
		const before = comparable(intake.state());
		const seen = new Set<string>();
		await fc.assert(
			fc.asyncProperty(
				fc
					.constantFrom(...routes)
					// An aanleverder is a wrong caller only where beheerders alone may act.
					.chain((route) => fc.tuple(fc.constant(route), fc.constantFrom(...Object.keys(callers).filter((c) => c !== 'aanleverder-sessie' || route.beheerder)))),
				fc.constantFrom('application/json', 'text/html,application/xhtml+xml', '*/*'),
				async ([route, caller], accept) => {
					seen.add(`${route.name} / ${caller}`);
					const headers = { origin: intake.app.baseURL, accept, ...callers[caller].headers };
					const response = await fetch(new URL(route.path(), intake.app.baseURL), { method: 'POST', headers, body: route.body(), redirect: 'manual' });
					await response.arrayBuffer();
					const where = `${route.name} as '${caller}' (Accept ${accept}): ${response.status} ${response.headers.get('location') ?? ''}`;
					const toLogin = response.status === 303 && (response.headers.get('location') ?? '').startsWith('/login');
					expect([401, 403].includes(response.status) || toLogin, where).toBe(true);
					// A caller with a valid session but from another website, a lezer, and an aanleverder where
					// beheerders alone may act, are never sent to log in.
					if (['andere website', 'lezer-sessie', 'aanleverder-sessie'].includes(caller)) expect(response.status, where).toBe(403);
				}
			),
			{ numRuns: 150, seed: 20261203 }
		);
		const after = comparable(intake.state());
		expect(after.sessies).toBeLessThanOrEqual(before.sessies);
		expect({ ...after, sessies: 0 }).toEqual({ ...before, sessies: 0 });
		expect(seen.size).toBeGreaterThan(40);
	}, 120_000);

	it('an aanleverder may not roll back (beheerder only), and nothing changes', async () => {
		const before = comparable(intake.state());
		const response = await fetch(new URL('/data?/terugzetten', intake.app.baseURL), {
			method: 'POST',
			headers: { origin: intake.app.baseURL, cookie: await intake.login('aanlever1'), accept: 'application/json' },
			body: formBody({ snapshot: vorigeSnapshot }),
			redirect: 'manual'
		});
		expect(response.status).toBe(403);
		const after = comparable(intake.state());
		// The login itself adds a session and an audit line; the store and the exports stay.
		expect({ store: after.store, exports: after.exports, pointer: after.pointer }).toEqual({ store: before.store, exports: before.exports, pointer: before.pointer });
	});
});
