import { capaciteitPage } from '$lib/server/views/capaciteit';
import { pageData } from '$lib/server/charts/page-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, isDataRequest }) => pageData(await capaciteitPage(url), { url, isDataRequest });
