import { json } from '@sveltejs/kit';
import { chartListing } from '$lib/server/charts';
import type { RequestHandler } from './$types';

/** Every chart id with its title, view, the filter parameters it takes (allowed values from the data) and whether it is available now (`available`, and `reason` in Dutch when not). */
export const GET: RequestHandler = async () => json({ charts: await chartListing() });
