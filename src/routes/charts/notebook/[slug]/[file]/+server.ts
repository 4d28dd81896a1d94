/** GET /charts/notebook/<slug>/<chart>.<svg|png|csv|xlsx>?<parameters>: a notebook's chart as a file. */
import { chartFileResponse } from '$lib/server/export/respond';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => chartFileResponse(`notebook/${params.slug}/`, params.file, url);
