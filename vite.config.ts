import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Browser tests that change what a server holds (a new snapshot, accounts, sessions, login
 * attempts) or measure it under load: one at a time, after all others, on a server of their own
 * project (its global setup starts one more).
 */
const E2E_ONE_AT_A_TIME = ['aanleveren', 'access', 'app', 'auth', 'load-during-ingest', 'oidc', 'page-cache', 'workers'].map((name) => `tests/e2e/${name}.test.ts`);

/** Test files that take a minute or more: started first, so the others run beside them rather than after. */
const LONGEST = ['tests/disclosure/disclosure.property.test.ts', 'tests/e2e/theme.test.ts'];

/** Vitest's order (its cache first, then size), with the longest files moved to the front of their group. */
class LongestFirst extends BaseSequencer {
	async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sorted = await super.sort(files);
		const long = (file: TestSpecification) => LONGEST.some((name) => file.moduleId.endsWith(name));
		return [...sorted.filter(long), ...sorted.filter((file) => !long(file))];
	}
}

export default defineConfig({
	plugins: [sveltekit()],
	ssr: {
		// Native and CommonJS-heavy server packages stay external: adapter-node must not bundle them.
		external: ['@duckdb/node-api', '@duckdb/node-bindings', '@resvg/resvg-js', 'exceljs', 'linkedom', 'better-sqlite3', '@node-rs/argon2']
	},
	test: {
		// Two files at a time: vitest's default on two cores is one, and most test files wait on
		// DuckDB, child processes or the browser rather than on the CPU.
		maxWorkers: 2,
		sequence: { sequencer: LongestFirst },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
					exclude: ['tests/e2e/**', 'node_modules/**'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					exclude: [...E2E_ONE_AT_A_TIME, 'node_modules/**'],
					environment: 'node',
					globalSetup: ['tests/e2e/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					// Beside the unit tests, two files at a time against one server: these only read it.
					maxWorkers: 2
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e-serieel',
					include: E2E_ONE_AT_A_TIME,
					environment: 'node',
					globalSetup: ['tests/e2e/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false,
					sequence: { groupOrder: 1 }
				}
			}
		]
	}
});
