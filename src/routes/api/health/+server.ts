/**
 * Liveness and the snapshot in use, for monitoring and the browser tests; 503 without a store.
 * Under `npm start -- --workers N` it also says which worker (1…N, not a process id) answered.
 */
import cluster from 'node:cluster';
import { json } from '@sveltejs/kit';
import { StoreInvalidError, StoreMissingError } from '$lib/server/db/errors';
import { snapshotInfo } from '$lib/server/db/queries';
import type { RequestHandler } from './$types';

const NO_STORE = { 'cache-control': 'no-store' };

/** The store writes UTC timestamps without an offset; the API says so explicitly. */
const utc = (timestamp: string) => (/[zZ]|[+-]\d{2}:?\d{2}$/.test(timestamp) ? timestamp : `${timestamp}Z`);

export const GET: RequestHandler = async () => {
	try {
		const info = await snapshotInfo();
		return json(
			{ status: 'ok', snapshotId: info.snapshot_id, createdAt: utc(info.created_at), exportsHash: info.exports_hash, ...(cluster.isWorker ? { werkproces: cluster.worker!.id } : {}) },
			{ headers: NO_STORE }
		);
	} catch (error) {
		if (!(error instanceof StoreMissingError || error instanceof StoreInvalidError)) throw error;
		return json(
			{
				status: 'unavailable',
				melding:
					error instanceof StoreMissingError
						? 'Er is nog geen gegevensopslag. Lees de exports in met `npm run ingest`.'
						: 'De gegevensopslag is onbruikbaar. Lees de exports opnieuw in met `npm run ingest`.'
			},
			{ status: 503, headers: NO_STORE }
		);
	}
};
