/**
 * Every table a complete snapshot has: one per export kind plus the derived and meta tables.
 * Pure (no server code), so the notebook parser may use it anywhere; the query layer checks a
 * snapshot against it (SNAPSHOT_TABLES of $lib/server/db/schema.ts is this list).
 */
import { EXPORT_SOORTEN } from './exports';

export const STORE_TABLES = [
	...EXPORT_SOORTEN,
	'capaciteit_jaar',
	'wlz_per_10k',
	'dagbesteding_aandeel',
	'hkg_fair_share',
	'snapshot_info',
	'provenance',
	'kleine_aantallen'
] as const;
export type StoreTable = (typeof STORE_TABLES)[number];

const storeTables: ReadonlySet<string> = new Set(STORE_TABLES);

export function isStoreTable(name: string): name is StoreTable {
	return storeTables.has(name.toLowerCase());
}
