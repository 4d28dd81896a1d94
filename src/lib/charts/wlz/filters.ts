/**
 * The /wlz view's URL: maat (per 10.000 inwoners or absolute), jaar for the per-gemeente
 * chart and the scenario, and the reduction percentage of the scenario (default 20, as the
 * region was asked to consider).
 */
import { z } from 'zod';
import { maatSchema } from '../../domain/maat';
import { parseSearchParams } from '../../filters';

export const REDUCTIE_STANDAARD = 20;
export const REDUCTIE_MAX = 50;

/** The schema of the view's parameters, given the years in the store (ascending): by default the latest. */
export function wlzFilterSchema(jaren: readonly number[]) {
	const jaar = z.coerce.number().int();
	const laatste = jaren.at(-1);
	return z.object({
		maat: maatSchema.default('per_10k').meta({ label: 'Maat' }),
		jaar: (laatste === undefined ? jaar.optional() : jaar.refine((j) => jaren.includes(j), { message: `een van: ${jaren.join(', ')}` }).default(laatste)).meta({
			label: 'Jaar',
			values: jaren.map(String)
		}),
		// A whole percentage; listed so a client can offer the same choices as the view's slider.
		reductie: z.coerce
			.number()
			.int()
			.min(0)
			.max(REDUCTIE_MAX)
			.default(REDUCTIE_STANDAARD)
			.meta({ label: `Reductie van de instroom in procenten (0 t/m ${REDUCTIE_MAX})`, values: Array.from({ length: REDUCTIE_MAX + 1 }, (_, i) => String(i)) })
	});
}

export type WlzFilters = z.infer<ReturnType<typeof wlzFilterSchema>>;

/** Parse the view's parameters; throws a FilterError (→ Dutch 400) for an invalid value. */
export function parseWlzFilters(url: URL, jaren: readonly number[]): WlzFilters {
	return parseSearchParams(url, wlzFilterSchema(jaren));
}
