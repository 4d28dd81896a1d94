/**
 * The `regio` filter of every view, chart, download, deck and notebook: a centrumregio of the
 * store (CR + 4 digits), by default the region the manifest names. One schema, made per request
 * from the store's regions, so an unknown code is a Dutch 400 that lists the allowed ones.
 */
import { z } from 'zod';
import type { Voorzieningstype } from './vocabulary';

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

/** A figure that may be hidden by disclosure control: null with the text to show instead. */
export interface Cijfer {
	waarde: number | null;
	afgeschermd?: string;
}

/** One row of the table: a region with every figure. */
export interface RegioRij {
	code: string;
	naam: string;
	gemeenten: number;
	gekozen: boolean;
	standaard: boolean;
	/** Tekort per 10.000 inwoners of all types together and per type (null: no capaciteit rows of that type). */
	tekort: number | null;
	tekortPerType: Partial<Record<Voorzieningstype, number | null>>;
	bodOpgave: number | null;
	wlz: Cijfer;
	dagbesteding: Cijfer;
}

