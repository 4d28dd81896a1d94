/** Temporary export directories and stores for ingest tests. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { StorePaths } from '../../src/lib/server/db/layout';

export const SMALL_EXPORTS = new URL('../fixtures/store-small/', import.meta.url).pathname;

/** A fresh temp root with exports/ (a copy of `from`), store/ and reports/ paths. */
export function tempPaths(from: string = SMALL_EXPORTS): StorePaths & { root: string; cleanup: () => void } {
	const root = mkdtempSync(join(tmpdir(), 'regio-test-'));
	const exports = join(root, 'exports');
	cpSync(from, exports, { recursive: true });
	rmSync(join(exports, 'README.md'), { force: true });
	return { root, exports, store: join(root, 'store'), reports: join(root, 'reports'), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** sha256 over every file's path and bytes below dir: equal hashes mean a byte-identical tree. */
export function treeHash(dir: string): string {
	const hash = createHash('sha256');
	const walk = (d: string) => {
		for (const name of readdirSync(d).sort()) {
			const p = join(d, name);
			if (statSync(p).isDirectory()) walk(p);
			else hash.update(`${relative(dir, p)}\0`).update(readFileSync(p));
		}
	};
	walk(dir);
	return hash.digest('hex');
}
