import { json } from '@sveltejs/kit';
import { chartListing } from '$lib/server/charts';
import type { RequestHandler } from './$types';

/** Every chart id with its title, view and the filter parameters it takes (allowed values from the data). */
export const GET: RequestHandler = async () => json({ charts: await chartListing() });
