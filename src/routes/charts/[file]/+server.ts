/** GET /charts/<id>.<svg|png|csv|xlsx>?<filters>: one chart as a file (see $lib/server/export/respond). */
import { chartFileResponse } from '$lib/server/export/respond';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => chartFileResponse('', params.file, url);
