import { regiosPage } from '$lib/server/views/regios';
import { hydrationData } from '$lib/server/charts/hydration';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, isDataRequest }) => hydrationData(await regiosPage(url), { isDataRequest });
