import { overzichtPage } from '$lib/server/views/overzicht';
import { hydrationData } from '$lib/server/charts/hydration';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, isDataRequest }) => hydrationData(await overzichtPage(url), { isDataRequest });
