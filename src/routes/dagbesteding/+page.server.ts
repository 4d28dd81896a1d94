import { dagbestedingPage } from '$lib/server/views/dagbesteding';
import { pageData } from '$lib/server/charts/page-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, isDataRequest }) => pageData(await dagbestedingPage(url), { url, isDataRequest });
