/**
 * The `maat` filter of /capaciteit and /wlz: figures as absolute counts or per 10.000 inwoners.
 * One schema; each view gives its own default. (The dagbesteding view's `maat` is another
 * choice: aandeel or aantallen.)
 */
import { z } from 'zod';

export const MATEN = ['absolute', 'per_10k'] as const;
export type Maat = (typeof MATEN)[number];
export const maatSchema = z.enum(MATEN);
