/**
 * Whether build/ (vite build, adapter-node) is newer than everything it is built from. Shared
 * by `npm start`, the browser tests' global setup and the views benchmark, so all three agree.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What a build depends on, relative to the project root. */
export const BUILD_INPUTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json', 'package-lock.json'];

/** The newest modification time of a file, or of anything below a directory (0 when absent). */
export function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
	return newest;
}

/** True when build/index.js exists and build/ was written after the newest build input. */
export function isBuildFresh(root: string): boolean {
	if (!existsSync(join(root, 'build', 'index.js'))) return false;
	return newestMtime(join(root, 'build')) > Math.max(...BUILD_INPUTS.map((p) => newestMtime(join(root, p))));
}
