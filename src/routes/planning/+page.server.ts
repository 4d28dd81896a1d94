import { planningPage } from '$lib/server/views/planning';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => planningPage(url);
