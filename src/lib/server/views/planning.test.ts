import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildProjectenStore, EXTRA_PROJECTEN, FIXTURE_PROJECTEN } from '../../../../tests/helpers/projecten-store';
import type { FixtureStore } from '../../../../tests/helpers/fixture-store';
import { orderedProjects } from '$lib/charts/planning/projects';
import { PAGE_ROWS } from '$lib/server/charts/page-data';
import { closeStore, useStore } from '$lib/server/db/store';
import { gemeentePage } from './gemeente';
import { planningPage, planningView } from './planning';

let fixture: FixtureStore;
beforeAll(async () => {
	fixture = await buildProjectenStore();
	await useStore(fixture.paths.store, { checkIntervalMs: 0 });
}, 60_000);
afterAll(async () => {
	await closeStore();
	fixture?.cleanup();
});

const url = (path: string, query = '') => new URL(`http://test${path}${query}`);
const ids = (rows: readonly { project_id: string }[]) => rows.map((p) => p.project_id);

describe('the project list of /planning (issue 12: pages that do not grow)', () => {
	test(`shows the first ${PAGE_ROWS} projects in the planning order and says how many there are`, async () => {
		const alle = orderedProjects((await planningView.fromUrl(url('/planning'))).projecten);
		expect(alle).toHaveLength(FIXTURE_PROJECTEN + EXTRA_PROJECTEN);
		const { projecten } = await planningPage(url('/planning'));
		expect(projecten.totalRows).toBe(FIXTURE_PROJECTEN + EXTRA_PROJECTEN);
		expect(ids(projecten.rows)).toEqual(ids(alle).slice(0, PAGE_ROWS));
	});

	test('all of them with alle=projecten, for the filters of the URL', async () => {
		const { projecten } = await planningPage(url('/planning', '?type=skaeve_huse&alle=projecten'));
		// 56 generated Skaeve huse and the fixture's three.
		expect(projecten.totalRows).toBe(59);
		expect(projecten.rows).toHaveLength(59);
		expect(projecten.rows.every((p) => p.type === 'skaeve_huse')).toBe(true);
		const cut = await planningPage(url('/planning', '?type=skaeve_huse'));
		expect([cut.projecten.rows.length, cut.projecten.totalRows]).toEqual([PAGE_ROWS, 59]);
		expect(ids(cut.projecten.rows)).toEqual(ids(projecten.rows).slice(0, PAGE_ROWS));
	});

	test('a short list stays whole', async () => {
		const { projecten } = await planningPage(url('/planning', '?type=crisisopvang'));
		// 14 generated crisisopvang projects and the fixture's two.
		expect([projecten.rows.length, projecten.totalRows]).toEqual([16, 16]);
	});

	test("the timeline's table keeps every project for its downloads", async () => {
		const { charts } = await planningView.fromUrl(url('/planning'));
		expect(charts['planning-tijdlijn'].rows).toHaveLength(FIXTURE_PROJECTEN + EXTRA_PROJECTEN);
	});
});

describe('the project list of a gemeente page', () => {
	test(`is cut to its first ${PAGE_ROWS} the same way, and whole with alle=projecten`, async () => {
		// Dordrecht: the fixture's three projects and the 70 generated ones.
		const cut = await gemeentePage('GM0505', url('/gemeente/GM0505'));
		expect([cut.projecten.rows.length, cut.projecten.totalRows]).toEqual([PAGE_ROWS, 73]);
		const whole = await gemeentePage('GM0505', url('/gemeente/GM0505', '?alle=projecten'));
		expect(whole.projecten.rows).toHaveLength(73);
		expect(ids(cut.projecten.rows)).toEqual(ids(whole.projecten.rows).slice(0, PAGE_ROWS));
		expect(ids(whole.projecten.rows)).toEqual(ids(orderedProjects(whole.projecten.rows)));
		const gorinchem = await gemeentePage('GM0512', url('/gemeente/GM0512'));
		expect(gorinchem.projecten).toMatchObject({ totalRows: 2 });
	});
});
