/**
 * Errors of the store runtime that the UI shows to users (Dutch messages). Routes can test
 * `error instanceof StoreMissingError` or the `code` to render a friendly page instead of a 500.
 */

/** There is no store yet (no current.json, or it names a missing snapshot). */
export class StoreMissingError extends Error {
	readonly code = 'STORE_MISSING';
	constructor(readonly storeDir: string) {
		super('Er is nog geen gegevensopslag: voer `npm run ingest` uit.');
		this.name = 'StoreMissingError';
	}
}

/** The current snapshot is incomplete or of another schema version. */
export class StoreInvalidError extends Error {
	readonly code = 'STORE_INVALID';
	constructor(
		readonly snapshotId: string,
		readonly detail: string
	) {
		super(`De gegevensopslag (snapshot ${snapshotId}) is onbruikbaar: ${detail}. Voer \`npm run ingest\` opnieuw uit.`);
		this.name = 'StoreInvalidError';
	}
}

/** A query result did not match its row schema: a bug in the query, not in the data. */
export class QueryResultError extends Error {
	readonly code = 'QUERY_RESULT';
	constructor(
		readonly sql: string,
		readonly issues: string
	) {
		super(`Query result does not match its row schema: ${issues}\n${sql}`);
		this.name = 'QueryResultError';
	}
}
