import { hkgPage } from '$lib/server/views/hkg';
import { pageData } from '$lib/server/charts/page-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, isDataRequest }) => pageData(await hkgPage(url), { url, isDataRequest });
