/**
 * npm run ingest [-- --dir DIR] [--force]
 * Reads the exports (default data/exports/), validates them and switches the store to a new
 * snapshot; on any error lists every problem and leaves the current store untouched (exit 1).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { storePaths } from '../src/lib/server/db/layout';
import { runIngest, summaryTable } from '../src/lib/server/ingest';

function usage(message: string): never {
	console.error(`${message}\nGebruik: npm run ingest -- [--dir MAP_MET_EXPORTS] [--force]`);
	process.exit(2);
}

let values: { dir?: string; force?: boolean };
try {
	({ values } = parseArgs({ options: { dir: { type: 'string' }, force: { type: 'boolean' } }, strict: true }));
} catch (e) {
	usage((e as Error).message);
}
const paths = storePaths();
if (values.dir) paths.exports = resolve(values.dir);
console.log(`Inlezen van ${paths.exports} naar ${paths.store}`);
const report = await runIngest({ paths, force: values.force ?? Boolean(values.dir), log: (line) => console.log(line) });
if (!report.ok) {
	if (report.files.length) console.log(summaryTable(report));
	console.error(`\n${report.errorCount} fout(en) gevonden${report.errors.length < report.errorCount ? ` (de eerste ${report.errors.length} staan hieronder)` : ''}:`);
	for (const e of report.errors) console.error(`- ${e.melding}`);
	console.error('\nDe opslag is niet gewijzigd; de app blijft de vorige gegevens tonen.');
	process.exit(1);
}
