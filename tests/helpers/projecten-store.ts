/**
 * A fixture store with a long project list (issue 12: pages that do not grow): the small fixture
 * set (tests/fixtures/store-small, 6 projects) plus {@link EXTRA_PROJECTEN} generated projects in
 * Dordrecht, so /planning and Dordrecht's page have more than the 50 a page shows by default,
 * also when filtered on Skaeve huse.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFixtureStore, FIXTURE_EXPORTS, type FixtureStore } from './fixture-store';

/** Projects added to the fixture set: every fifth a crisisopvang, the others Skaeve huse (56), all in GM0505. */
export const EXTRA_PROJECTEN = 70;
/** Projects in the fixture set before: SH-DOR-01, SH-GOR-01, SH-MOL-01, DP-REG-01, CR-DOR-01, CR-GOR-01. */
export const FIXTURE_PROJECTEN = 6;

/** `projecten.csv` rows: `LP-001;Lang project 001;skaeve_huse;GM0505;2;realisatie;2024-01-01;2027-01-01;`, … with spread delivery dates. */
export function extraProjectRows(count = EXTRA_PROJECTEN): string[] {
	return Array.from({ length: count }, (_, i) => {
		const n = String(i + 1).padStart(3, '0');
		const type = (i + 1) % 5 === 0 ? 'crisisopvang' : 'skaeve_huse';
		const oplevering = `${2026 + (i % 4)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
		return `LP-${n};Lang project ${n};${type};GM0505;${(i % 3) + 1};realisatie;2024-01-01;${oplevering};`;
	});
}

/** Copy the fixture exports to a new directory and add the generated projects. */
export function projectenExports(count = EXTRA_PROJECTEN): { dir: string; cleanup: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'projecten-exports-'));
	cpSync(FIXTURE_EXPORTS, dir, { recursive: true });
	appendFileSync(join(dir, 'projecten.csv'), `${extraProjectRows(count).join('\n')}\n`);
	return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A store built from the fixture exports with the generated projects. */
export async function buildProjectenStore(count = EXTRA_PROJECTEN): Promise<FixtureStore> {
	const exports = projectenExports(count);
	try {
		return await buildFixtureStore({ exports: exports.dir });
	} finally {
		exports.cleanup();
	}
}
