import type { RequestEvent } from '@sveltejs/kit';

/**
 * The client's address as the adapter sees it (adapter-node: the socket, or ADDRESS_HEADER
 * behind a proxy); 'onbekend' where there is none, so throttling still has a key.
 */
export function clientAdres(event: Pick<RequestEvent, 'getClientAddress'>): string {
	try {
		return event.getClientAddress() || 'onbekend';
	} catch {
		return 'onbekend';
	}
}
