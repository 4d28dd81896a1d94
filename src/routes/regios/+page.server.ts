import { regiosPage } from '$lib/server/views/regios';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => regiosPage(url);
