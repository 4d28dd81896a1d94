import { wlzPage } from '$lib/server/views/wlz';
import { hydrationData } from '$lib/server/charts/hydration';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, isDataRequest }) => hydrationData(await wlzPage(url), { isDataRequest });
