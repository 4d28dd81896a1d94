import { asPageError } from '$lib/server/charts/common';
import { gemeenten } from '$lib/server/db/queries';
import { parseRegio } from '$lib/server/views/define';
import type { PageServerLoad } from './$types';

/** The gemeenten of the URL's region (default the manifest's). */
export const load: PageServerLoad = async ({ url }) => asPageError(async () => ({ gemeenten: await gemeenten({ regio: (await parseRegio(url)).regio }) }));
