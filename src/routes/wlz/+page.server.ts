import { wlzPage } from '$lib/server/views/wlz';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => wlzPage(url);
