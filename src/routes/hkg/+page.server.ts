import { hkgPage } from '$lib/server/views/hkg';
import { hydrationData } from '$lib/server/charts/hydration';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, isDataRequest }) => hydrationData(await hkgPage(url), { isDataRequest });
