import { gemeentePage } from '$lib/server/views/gemeente';
import { hydrationData } from '$lib/server/charts/hydration';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, isDataRequest }) => hydrationData(await gemeentePage(params.code), { isDataRequest });
