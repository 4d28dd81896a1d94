import { hkgPage } from '$lib/server/views/hkg';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => hkgPage(url);
