import { dagbestedingPage } from '$lib/server/views/dagbesteding';
import { hydrationData } from '$lib/server/charts/hydration';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, isDataRequest }) => hydrationData(await dagbestedingPage(url), { isDataRequest });
