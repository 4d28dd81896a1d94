import { dagbestedingPage } from '$lib/server/views/dagbesteding';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => dagbestedingPage(url);
