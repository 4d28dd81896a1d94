import { capaciteitPage } from '$lib/server/views/capaciteit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => capaciteitPage(url);
