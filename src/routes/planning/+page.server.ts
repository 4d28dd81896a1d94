import { planningPage } from '$lib/server/views/planning';
import { hydrationData } from '$lib/server/charts/hydration';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, isDataRequest }) => hydrationData(await planningPage(url), { isDataRequest });
