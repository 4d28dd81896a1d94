import { regiosPage } from '$lib/server/views/regios';
import { pageData } from '$lib/server/charts/page-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, isDataRequest }) => pageData(await regiosPage(url), { url, isDataRequest });
