/** Pieces shared by the query modules: filter normalisation, vocabulary order, number schemas. */
import { z } from 'zod';
import { EXPORT_SOORTEN } from '../../../domain/exports';
import { ids, VOCABULARIES } from '../../../domain/vocabulary';

export const int = z.number().int();
export const count = z.number().int().min(0);
/**
 * Per hidden column the text shown instead (`< 5`, `afgeschermd`); absent when nothing in the
 * row is hidden. Set by the disclosure control of the store ($lib/server/disclosure).
 */
export const afgeschermdSchema = z.record(z.string(), z.string()).optional();
/** A person count after disclosure control: null when hidden (see the row's `afgeschermd`). */
export const personCount = z.number().int().min(0).nullable();

/** A measure that is absolute (integral) or per 10,000 inwoners (decimal); null when inwoners are unknown. */
export const measureValue = z.number().nullable();

export const voorzieningstypeSchema = z.enum(ids(VOCABULARIES.voorzieningstype));
export const doelgroepSchema = z.enum(ids(VOCABULARIES.doelgroep));
export const projectstatusSchema = z.enum(ids(VOCABULARIES.projectstatus));
export const hkgRondeSchema = z.enum(ids(VOCABULARIES.hkg_ronde));
export const hkgCategorieSchema = z.enum(ids(VOCABULARIES.hkg_categorie));
export const verdeelsleutelSchema = z.enum(ids(VOCABULARIES.verdeelsleutel));
export const exportSoortSchema = z.enum(EXPORT_SOORTEN);


/** An optional list filter: absent or empty means no filter (bound as NULL). */
export function listFilter(values: readonly string[] | undefined): readonly string[] | null {
	return values && values.length > 0 ? values : null;
}

/** Vocabulary ids in their canonical order, bound as `$…Order` lists for ORDER BY list_position(…). */
export const ORDER = {
	typeOrder: ids(VOCABULARIES.voorzieningstype),
	doelgroepOrder: ids(VOCABULARIES.doelgroep),
	statusOrder: ids(VOCABULARIES.projectstatus),
	rondeOrder: ids(VOCABULARIES.hkg_ronde),
	categorieOrder: ids(VOCABULARIES.hkg_categorie)
} as const;
