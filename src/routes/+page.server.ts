import { overzichtPage } from '$lib/server/views/overzicht';
import { pageData } from '$lib/server/charts/page-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, isDataRequest }) => pageData(await overzichtPage(url), { url, isDataRequest });
