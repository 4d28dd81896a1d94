/** Run `fn` and return what it threw; fails when it does not throw. */
export async function thrown(fn: () => Promise<unknown>): Promise<unknown> {
	try {
		await fn();
	} catch (e) {
		return e;
	}
	throw new Error('expected an error');
}
