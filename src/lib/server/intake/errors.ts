/** A refused intake request: an HTTP status, a stable code for scripts and a Dutch message for people. */
export class IntakeError extends Error {
	constructor(
		readonly status: 400 | 404 | 409 | 413 | 415 | 422,
		readonly code: string,
		melding: string
	) {
		super(melding);
		this.name = 'IntakeError';
	}
}
