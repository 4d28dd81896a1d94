import { gemeentePage } from '$lib/server/views/gemeente';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => gemeentePage(params.code);
