import { expect, test } from 'vitest';
import { SNAPSHOT_TABLES } from '$lib/server/db/schema';
import { isStoreTable, STORE_TABLES } from './store-tables';

test('the notebook list of store tables is the snapshot layout', () => {
	expect([...STORE_TABLES].sort()).toEqual([...SNAPSHOT_TABLES].sort());
});

test('isStoreTable ignores case, as unquoted SQL identifiers do', () => {
	expect(isStoreTable('Capaciteit_Jaar')).toBe(true);
	expect(isStoreTable('tekort')).toBe(false);
});
