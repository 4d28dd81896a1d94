/**
 * Every statement of the query modules is EXPLAINed against a real snapshot (Mosaic-style), so
 * a typo fails here; and hostile text in filters stays a value, never SQL.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useFixtureStore } from '../../../../../tests/helpers/fixture-store';
import { referencedParams } from '../params';
import { withSnapshot } from '../store';
import * as queries from './index';
import { CAPACITEIT_SORT, capaciteitPerGemeenteSql } from './capaciteit';

useFixtureStore({ beforeAll, afterAll });

const statements: [string, string][] = [
	...Object.entries(queries)
		.filter(([name, value]) => name.endsWith('_SQL') && typeof value === 'string')
		.map(([name, value]) => [name, value as string] as [string, string]),
	...Object.keys(CAPACITEIT_SORT).map((sort) => [`capaciteitPerGemeenteSql(${sort})`, capaciteitPerGemeenteSql(sort as keyof typeof CAPACITEIT_SORT)] as [string, string])
];

describe('every query statement', () => {
	test('the registry found the statements of every module', () => {
		expect(statements.length).toBeGreaterThanOrEqual(20);
	});

	test.each(statements)('%s is valid SQL (EXPLAIN with all parameters NULL)', async (_name, sql) => {
		const params = Object.fromEntries(referencedParams(sql).map((p) => [p, null]));
		const plan = await withSnapshot((snapshot) => snapshot.explain(sql, params));
		expect(plan.length).toBeGreaterThan(0);
	});

	test.each(statements)('%s interpolates nothing: no quotes around parameters', (_name, sql) => {
		expect(sql).not.toMatch(/'\$|\$\{/);
	});
});

describe('bound parameters', () => {
	const hostile = "GM0505' OR 1=1 --";

	test('a hostile gemeentecode matches nothing and raises no error', async () => {
		const results = await Promise.all([
			queries.capaciteitPerGemeente({ peiljaar: 2024, gemeentecode: hostile }),
			queries.capaciteitTotalen({ gemeentecode: hostile }),
			queries.grootsteTekorten({ peiljaar: 2024, gemeentecode: hostile }),
			queries.projecten({ gemeentecode: hostile }),
			queries.planVsTekort({ peiljaar: 2024, gemeentecode: hostile }),
			queries.wlzPerGemeente({ gemeentecode: hostile }),
			queries.hkgBiedingen({ periode: '2024-2027', gemeentecode: hostile }),
			queries.dagbestedingRegio({ gemeentecode: hostile }),
			queries.dagbestedingPerAanbieder({ gemeentecode: hostile })
		]);
		expect(results.map((r) => r.length)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
		expect(await queries.gemeenteProfiel(hostile)).toBeNull();
	});

	test('hostile list values and periodes are values too', async () => {
		expect(await queries.capaciteitPerGemeente({ peiljaar: 2024, voorzieningstypen: ["crisisopvang') OR 1=1 --" as never] })).toEqual([]);
		expect(await queries.hkgBiedingen({ periode: "2024-2027' OR '1'='1" })).toEqual([]);
		expect(await queries.dagbestedingPerAanbieder({ aanbieders: ["x' OR 1=1 --"] })).toEqual([]);
	});
});
