/**
 * The store's tables as notebook SQL sees them (pure, so the parser can run in the browser
 * too). It mirrors SNAPSHOT_TABLES of $lib/server/db/schema.ts, which client code may not
 * import; store-tables.test.ts keeps the two equal.
 */
import { EXPORT_SOORTEN } from '../domain/exports';

export const STORE_TABLES = [
	...EXPORT_SOORTEN,
	'capaciteit_jaar',
	'wlz_per_10k',
	'dagbesteding_aandeel',
	'hkg_fair_share',
	'snapshot_info',
	'provenance'
] as const;
export type StoreTable = (typeof STORE_TABLES)[number];

const storeTables: ReadonlySet<string> = new Set(STORE_TABLES);

export function isStoreTable(name: string): name is StoreTable {
	return storeTables.has(name.toLowerCase());
}
