import { overzichtPage } from '$lib/server/views/overzicht';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => overzichtPage(url);
