/**
 * A fixture store with two centrumregio's: the small fixture set (CR0505 Dordrecht, the
 * manifest's region) plus CR0344 Utrecht with two gemeenten, figures in every export kind, so
 * tests can check that every view shows one region and compares it with the others.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeStore, useStore } from '../../src/lib/server/db/store';
import { buildFixtureStore, FIXTURE_EXPORTS, type FixtureStore } from './fixture-store';

export const TWEEDE_REGIO = { code: 'CR0344', naam: 'Utrecht', gemeenten: ['GM0344', 'GM0356'] } as const;

/** Rows of the second region, per export file of tests/fixtures/store-small. */
const EXTRA: Record<string, string[]> = {
	'gemeenten.csv': ['GM0344;Utrecht;Stad Utrecht;CR0344;52,0907;5,1214;6;0', 'GM0356;Nieuwegein;Lekstroom;CR0344;52,0290;5,0805;6;1'],
	'inwoners.csv': ['GM0344;2023;300000;60000', 'GM0356;2023;100000;15000', 'GM0344;2024;310000;61000', 'GM0356;2024;100000;15000'],
	'capaciteit.csv': [
		'2023;2023-01-01;GM0344;crisisopvang;algemeen;20;18;4;30;5',
		'2023;2023-01-01;GM0344;skaeve_huse;algemeen;2;2;;5;0',
		'2023;2023-01-01;GM0356;crisisopvang;algemeen;3;3;1;6;0',
		'2024;2024-01-01;GM0344;crisisopvang;algemeen;22;20;6;31;4',
		'2024;2024-01-01;GM0344;skaeve_huse;algemeen;2;2;;6;2',
		'2024;2024-01-01;GM0356;crisisopvang;algemeen;3;3;2;7;1'
	],
	'wlz_instroom.csv': ['2023;CR0344;Utrecht;GM0344;50;1000;300000', '2023;CR0344;Utrecht;GM0356;14;250;100000'],
	'hkg_biedingen.csv': [
		'2024-2027;voorlopig;2023-11-15;GM0344;uitstroomwoningen;60;',
		'2024-2027;voorlopig;2023-11-15;GM0356;uitstroomwoningen;10;',
		'2024-2027;definitief;2023-12-04;GM0344;uitstroomwoningen;150;',
		'2024-2027;definitief;2023-12-04;GM0356;uitstroomwoningen;40;',
		'2024-2027;definitief;2023-12-04;GM0344;skaeve_huse;4;'
	],
	'projecten.csv': ['CR-UTR-01;Crisisplekken Utrecht;crisisopvang;GM0344;6;realisatie;2024-03-01;2025-03-01;'],
	// With the optional centrumregio column (added below): an aanbieder delivering region-wide in Utrecht, in 2021 only.
	'dagbesteding.csv': ['2020;Aanbieder U;GM0344;80;48;', '2021;Aanbieder U;GM0344;80;40;', '2021;Aanbieder R;;30;12;CR0344', '2022;Aanbieder U;GM0344;90;36;', '2022;Aanbieder U;GM0356;30;15;']
};

/** Copy the fixture exports to a new directory and add the second region's rows. */
export function regiosExports(): { dir: string; cleanup: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'regio-exports-'));
	cpSync(FIXTURE_EXPORTS, dir, { recursive: true });
	// The dagbesteding export of several regions names the region of its rows without gemeente.
	const dagbesteding = join(dir, 'dagbesteding.csv');
	const [header, ...lines] = readFileSync(dagbesteding, 'utf8').trimEnd().split('\n');
	writeFileSync(dagbesteding, `${[`${header};centrumregio`, ...lines.map((l) => `${l};`)].join('\n')}\n`);
	for (const [file, rows] of Object.entries(EXTRA)) appendFileSync(join(dir, file), `${rows.join('\n')}\n`);
	return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A store built from the two-region exports (after `prepare` edited them). */
export async function buildRegiosStore({ prepare }: { prepare?: (exportsDir: string) => void } = {}): Promise<FixtureStore> {
	const exports = regiosExports();
	const store = await buildFixtureStore({ exports: exports.dir, prepare });
	exports.cleanup();
	return store;
}

/** beforeAll/afterAll hooks that make the two-region store the shared store; returns a getter. */
export function useRegiosStore(hooks: { beforeAll: (fn: () => Promise<void>) => void; afterAll: (fn: () => Promise<void>) => void }): () => FixtureStore {
	let fixture: FixtureStore | undefined;
	hooks.beforeAll(async () => {
		fixture = await buildRegiosStore();
		await useStore(fixture.paths.store, { checkIntervalMs: 0 });
	});
	hooks.afterAll(async () => {
		await closeStore();
		fixture?.cleanup();
	});
	return () => {
		if (!fixture) throw new Error('regios store not built yet');
		return fixture;
	};
}
