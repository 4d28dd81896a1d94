/**
 * The /wlz view's URL: measure (per 10.000 inwoners or absolute), jaar for the per-gemeente
 * chart and the scenario, and the reduction percentage of the scenario (default 20, as the
 * region was asked to consider).
 */
import { z } from 'zod';
import { parseSearchParams } from '../../filters';

export const REDUCTIE_STANDAARD = 20;
export const REDUCTIE_MAX = 50;

/** The schema of the view's parameters, given the years in the store. */
export function wlzFilterSchema(jaren: readonly number[]) {
	const jaar = z.coerce.number().int();
	return z.object({
		measure: z.enum(['per_10k', 'absolute']).default('per_10k'),
		jaar: (jaren.length > 0 ? jaar.refine((j) => jaren.includes(j), { message: `een van: ${jaren.join(', ')}` }) : jaar).optional(),
		reductie: z.coerce.number().int().min(0).max(REDUCTIE_MAX).default(REDUCTIE_STANDAARD)
	});
}

export type WlzFilters = z.infer<ReturnType<typeof wlzFilterSchema>>;

/** Parse the view's parameters; throws a FilterError (→ Dutch 400) for an invalid value. */
export function parseWlzFilters(url: URL, jaren: readonly number[]): WlzFilters {
	return parseSearchParams(url, wlzFilterSchema(jaren));
}
