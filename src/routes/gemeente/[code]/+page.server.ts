import { gemeentePage } from '$lib/server/views/gemeente';
import { pageData } from '$lib/server/charts/page-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, isDataRequest }) => pageData(await gemeentePage(params.code, url), { url, isDataRequest });
