/**
 * The `regio` filter of every view, chart, download, deck and notebook: a centrumregio of the
 * store (CR + 4 digits), by default the region the manifest names. One schema, made per request
 * from the store's regions, so an unknown code is a Dutch 400 that lists the allowed ones.
 */
import { z } from 'zod';

export const REGIO_PARAM = 'regio';

export interface RegioKeuze {
	code: string;
	naam: string;
}

/** The field `regio` of a view's filters: one of `codes`, default `standaard`. */
export function regioField(codes: readonly string[], standaard: string) {
	const allowed = codes.length > 0 ? codes : [standaard];
	return z
		.enum(allowed as [string, ...string[]])
		.default(standaard)
		.meta({ label: 'Regio', values: allowed });
}

/** The schema with only the regio field (parsed before a view's own facts, which depend on it). */
export function regioFilterSchema(codes: readonly string[], standaard: string) {
	return z.object({ [REGIO_PARAM]: regioField(codes, standaard) });
}

/** A region's name without the word "centrumregio" ("Centrumregio Dordrecht" → "Dordrecht"), for "centrumregio …" in text. */
export function kaleRegioNaam(naam: string): string {
	return naam.replace(/^centrumregio\s+/i, '').trim() || naam;
}
