import { expect, test } from 'vitest';
import { isStoreTable } from './store-tables';

test('isStoreTable ignores case, as unquoted SQL identifiers do', () => {
	expect(isStoreTable('Capaciteit_Jaar')).toBe(true);
	expect(isStoreTable('tekort')).toBe(false);
});
