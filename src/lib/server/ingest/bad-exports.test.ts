/**
 * The corpus of bad exports in tests/fixtures/bad/: each must fail the ingest with the
 * message in its verwacht.txt, and leave the store directory byte-identical.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempPaths, treeHash } from '../../../../tests/helpers/exports-dir';
import { readLastReport } from './report';
import { runIngest } from './index';

const BAD = new URL('../../../../tests/fixtures/bad/', import.meta.url).pathname;
const cases = readdirSync(BAD).filter((name) => existsSync(join(BAD, name, 'verwacht.txt')));

describe('bad exports', () => {
	const paths = tempPaths();
	let storeHash = '';
	beforeAll(async () => {
		const report = await runIngest({ paths });
		expect(report.errors).toEqual([]);
		storeHash = treeHash(paths.store);
	});
	afterAll(() => paths.cleanup());

	it('has at least 15 cases', () => {
		expect(cases.length).toBeGreaterThanOrEqual(15);
	});

	it.each(cases)('%s: clear message, store untouched', async (name) => {
		const base = tempPaths();
		try {
			const dir = join(BAD, name);
			const manifestPath = join(base.exports, 'manifest.json');
			const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
			const patchFile = join(dir, 'manifest-vervang.json');
			if (existsSync(patchFile)) {
				const patch = JSON.parse(readFileSync(patchFile, 'utf8')) as Record<string, string>;
				for (const [from, to] of Object.entries(patch)) {
					if (from === 'blad') continue;
					if (from === 'verwijder') {
						rmSync(join(base.exports, to));
						continue;
					}
					const entry = manifest.bestanden.find((e: { bestand: string }) => e.bestand === from);
					entry.bestand = to;
					if (patch.blad) entry.blad = patch.blad;
					rmSync(join(base.exports, from));
				}
				writeFileSync(manifestPath, JSON.stringify(manifest));
			}
			for (const f of readdirSync(dir)) {
				if (f === 'verwacht.txt' || f === 'manifest-vervang.json') continue;
				cpSync(join(dir, f), join(base.exports, f));
			}
			const report = await runIngest({ paths: { ...paths, exports: base.exports } });
			expect(report.ok).toBe(false);
			const messages = report.errors.map((e) => e.melding);
			for (const expected of readFileSync(join(dir, 'verwacht.txt'), 'utf8').split('\n').filter(Boolean)) {
				expect(messages.some((m) => m.includes(expected)), `expected "${expected}" in:\n${messages.join('\n')}`).toBe(true);
			}
			for (const e of report.errors) {
				expect(e.melding).not.toMatch(/\n\s+at |Error:/); // no stack traces, no raw exception names
			}
			expect(treeHash(paths.store)).toBe(storeHash);
			expect(readLastReport(paths.reports)?.errors.length).toBe(report.errors.length);
		} finally {
			base.cleanup();
		}
	});
});
