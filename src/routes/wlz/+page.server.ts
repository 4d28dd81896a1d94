import { wlzPage } from '$lib/server/views/wlz';
import { pageData } from '$lib/server/charts/page-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, isDataRequest }) => pageData(await wlzPage(url), { url, isDataRequest });
