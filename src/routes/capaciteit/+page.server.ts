import { capaciteitPage } from '$lib/server/views/capaciteit';
import { hydrationData } from '$lib/server/charts/hydration';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, isDataRequest }) => hydrationData(await capaciteitPage(url), { isDataRequest });
