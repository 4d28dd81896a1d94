/**
 * The URL filters of /capaciteit (and of its chart exports): peiljaar, voorzieningstypen,
 * doelgroep and maat. The peiljaren come from the store, so the schema is made per request.
 */
import { z } from 'zod';
import { MATEN, maatSchema, type Maat } from '../../domain/maat';
import { ids, labelOf, VOCABULARIES, type Doelgroep, type Voorzieningstype } from '../../domain/vocabulary';

export const ALLE_DOELGROEPEN = 'alle';
export { MATEN };
export const MAAT_LABELS: Record<Maat, string> = {
	absolute: 'Aantal plekken',
	per_10k: 'Per 10.000 inwoners'
};

/** The filter schema, with peiljaar limited to the peiljaren in the store (ascending; default the latest). */
export function capaciteitFilterSchema(peiljaren: readonly number[]) {
	const allowed = new Set(peiljaren);
	const peiljaar = z.coerce
		.number()
		.int()
		.refine((j) => allowed.size === 0 || allowed.has(j), { message: `een peiljaar uit de gegevens: ${[...allowed].join(', ')}` });
	const laatste = peiljaren.at(-1);
	return z.object({
		peiljaar: (laatste === undefined ? peiljaar.optional() : peiljaar.default(laatste)).meta({ label: 'Peiljaar', values: peiljaren.map(String) }),
		type: z.array(z.enum(ids(VOCABULARIES.voorzieningstype))).optional().meta({ label: 'Voorzieningstype' }),
		doelgroep: z.enum([ALLE_DOELGROEPEN, ...ids(VOCABULARIES.doelgroep)]).default(ALLE_DOELGROEPEN).meta({ label: 'Doelgroep' }),
		maat: maatSchema.default('absolute').meta({ label: 'Maat' })
	});
}
export type CapaciteitFilters = z.infer<ReturnType<typeof capaciteitFilterSchema>>;

/** The filters resolved: all types when none or every type is picked; null without a peiljaar (an empty store). */
export interface CapaciteitKeuze {
	peiljaar: number;
	/** Empty: all types. */
	typen: Voorzieningstype[];
	doelgroep: Doelgroep | undefined;
	maat: Maat;
}

export function resolveFilters(filters: CapaciteitFilters): CapaciteitKeuze | null {
	const { peiljaar } = filters;
	if (peiljaar === undefined) return null;
	const unique = [...new Set(filters.type ?? [])];
	const alle = unique.length === VOCABULARIES.voorzieningstype.length;
	return {
		peiljaar,
		typen: alle ? [] : unique,
		doelgroep: filters.doelgroep === ALLE_DOELGROEPEN ? undefined : filters.doelgroep,
		maat: filters.maat
	};
}

function list(values: readonly string[]): string {
	return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} en ${values.at(-1)}`;
}

/** The active filters in Dutch for subtitles: "Peiljaar 2026 · Skaeve huse · alle doelgroepen · aantal plekken". */
export function capaciteitSubtitle(keuze: CapaciteitKeuze): string {
	const typen = keuze.typen.length ? list(keuze.typen.map((t) => labelOf('voorzieningstype', t))) : 'alle voorzieningstypen';
	const doelgroep = keuze.doelgroep ? `doelgroep ${labelOf('doelgroep', keuze.doelgroep).toLowerCase()}` : 'alle doelgroepen';
	return `Peiljaar ${keuze.peiljaar} · ${typen} · ${doelgroep} · ${MAAT_LABELS[keuze.maat].toLowerCase()}`;
}
