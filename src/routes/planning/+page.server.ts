import { planningPage } from '$lib/server/views/planning';
import { pageData } from '$lib/server/charts/page-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, isDataRequest }) => pageData(await planningPage(url), { url, isDataRequest });
