/**
 * Run a notebook: choice lists first (values_from blocks), then the URL's parameters, then
 * every SQL block in order in the sandbox of the snapshot the request pinned. A block reads
 * earlier blocks as CTEs composed in front of its own SQL; a block that fails gets a Dutch
 * error and the blocks that read it say so, while the rest of the notebook still runs.
 */
import type { ExportSoort } from '../../domain/exports';
import { parseNotebookParams } from '../../notebooks/params';
import { tokenizeSql } from '../../notebooks/sql-tokens';
import type { StoreTable } from '../../domain/store-tables';
import type { Notebook, NotebookParameter, NotebookRun, NotebookSource, QueryResult, SqlBlock } from '../../notebooks/types';
import { bronMeta } from '../../charts/meta';
import { drempel, provenance, summariseBronnen, type ProvenanceRow } from '../db/queries/meta';
import { parseRegio } from '../db/queries/regio';
import { withSnapshot } from '../db/store';
import { snapshotSandbox, type Sandbox, type SandboxLimits, type SandboxParams } from './sandbox';

export type RunOptions = SandboxLimits;

/**
 * The exports behind each store table, for a block's source line. Derived tables name the
 * kinds they are built from (schema.ts CREATE_DERIVED); snapshot_info and provenance describe
 * the store itself.
 */
export const TABLE_SOORTEN: Record<StoreTable, readonly ExportSoort[]> = {
	gemeenten: ['gemeenten'],
	inwoners: ['inwoners'],
	capaciteit: ['capaciteit'],
	wlz_instroom: ['wlz_instroom'],
	hkg_opgave: ['hkg_opgave'],
	hkg_biedingen: ['hkg_biedingen'],
	dagbesteding: ['dagbesteding'],
	projecten: ['projecten'],
	capaciteit_jaar: ['capaciteit', 'gemeenten', 'inwoners'],
	wlz_per_10k: ['wlz_instroom'],
	dagbesteding_aandeel: ['dagbesteding'],
	hkg_fair_share: ['hkg_opgave', 'gemeenten', 'inwoners'],
	snapshot_info: [],
	provenance: [],
	kleine_aantallen: []
};

/**
 * Run every SQL block of `notebook` for the URL's parameters; throws FilterError for an invalid
 * parameter. Every notebook also has `regio` (issue 12), built in: the URL's region, by default
 * the manifest's, bound as $regio for any block that uses it.
 */
export function runNotebook(notebook: Notebook, searchParams: URLSearchParams, options: RunOptions = {}): Promise<NotebookRun> {
	return withSnapshot(async (snapshot) => {
		const { regio } = await parseRegio(new URL(`http://notebook.invalid/?${searchParams}`));
		const sandbox = await snapshotSandbox(snapshot);
		const sqlBlocks = notebook.blocks.filter((b): b is SqlBlock => b.kind === 'sql');
		const { parameters: declared } = notebook.frontMatter;
		const results: Record<string, QueryResult> = {};
		const run = async (block: SqlBlock, values: SandboxParams) => {
			results[block.name] ??= await runBlock(sandbox, block, sqlBlocks, results, values, options);
		};

		// Choice lists do not depend on parameters (the parser checks), so they run first.
		const forLists = dependencies(
			declared.flatMap((p) => (p.valuesFrom ? [p.valuesFrom] : [])),
			sqlBlocks
		);
		for (const block of sqlBlocks) if (forLists.has(block.name)) await run(block, { regio });
		const parameterValues = Object.fromEntries(declared.filter((p) => p.type === 'choice').map((p) => [p.name, choiceValues(p, results)]));

		const parameters = parseNotebookParams(searchParams, declared, parameterValues);
		const values = { ...bindable(declared, parameters), regio };
		for (const block of sqlBlocks) await run(block, values);

		return { notebook, parameters, parameterValues, regio, results, sources: await sourcesOf(results) };
	});
}

async function runBlock(
	sandbox: Sandbox,
	block: SqlBlock,
	blocks: readonly SqlBlock[],
	results: Readonly<Record<string, QueryResult>>,
	values: SandboxParams,
	limits: SandboxLimits
): Promise<QueryResult> {
	const failed = (message: string): QueryResult => ({
		name: block.name,
		columns: [],
		rows: [],
		truncated: false,
		error: `SQL-blok '${block.name}' (regel ${block.line}): ${message}`,
		ms: 0,
		tables: []
	});
	const broken = block.references.find((name) => results[name]?.error !== undefined);
	if (broken) return failed(`leest '${broken}', dat een fout gaf`);
	const composed = composeSql(block, blocks);
	try {
		// The block's own SQL first: a COPY or a second statement is named as such, not as a syntax error of the composition.
		await sandbox.validate(block.sql, { knownTables: [...dependencies([block.name], blocks)] });
		const used = new Set(tokenizeSql(composed.sql).flatMap((t) => (t.kind === 'param' ? [t.text] : [])));
		const params = Object.fromEntries(Object.entries(values).filter(([name]) => used.has(name)));
		const result = await sandbox.query(composed.sql, params, limits);
		return { name: block.name, ...result };
	} catch (error) {
		return failed(duckdbMessage(error, block, composed.offset));
	}
}

/** DuckDB's message without its excerpt of the composed SQL, with the line in the notebook file instead. */
function duckdbMessage(error: unknown, block: SqlBlock, offset: number): string {
	const message = error instanceof Error ? error.message : String(error);
	const excerpt = /\n*LINE (\d+):[\s\S]*$/.exec(message);
	if (!excerpt) return message.trim();
	const ownLine = Number(excerpt[1]) - offset;
	const text = message.slice(0, excerpt.index).trim();
	return ownLine >= 1 ? `${text} (op regel ${block.line + ownLine})` : text;
}

export interface ComposedSql {
	sql: string;
	/** Lines in front of the block's own first line. */
	offset: number;
}

/**
 * A block's SQL with the blocks it reads (transitively, in notebook order) as CTEs. A block
 * that starts with its own WITH gets them in front of its CTEs, so its ORDER BY and LIMIT stay
 * at the top level; a DESCRIBE/SUMMARIZE/PIVOT statement is wrapped as a subquery.
 */
export function composeSql(block: SqlBlock, blocks: readonly SqlBlock[]): ComposedSql {
	const needed = dependencies([block.name], blocks);
	needed.delete(block.name);
	const own = statementBody(block.sql);
	if (needed.size === 0) return { sql: own, offset: 0 };
	const ctes = blocks.filter((b) => needed.has(b.name)).map((b) => `${b.name} AS (\n${statementBody(b.sql)}\n)`);
	const tokens = tokenizeSql(own);
	const word = (i: number) => (tokens[i]?.kind === 'word' ? tokens[i].text.toLowerCase() : tokens[i]?.text);
	let prefix: string;
	let sql: string;
	if (word(0) === 'with') {
		const recursive = word(1) === 'recursive';
		const last = tokens[recursive ? 1 : 0];
		const end = last.offset + last.text.length;
		prefix = `WITH ${recursive ? 'RECURSIVE ' : ''}${ctes.join(',\n')},\n`;
		// Blank out the block's WITH [RECURSIVE] in place, so its lines keep their numbers.
		sql = prefix + own.slice(0, tokens[0].offset) + ' '.repeat(end - tokens[0].offset) + own.slice(end);
	} else if (['select', 'from', 'values', '('].includes(word(0) ?? '')) {
		prefix = `WITH ${ctes.join(',\n')}\n`;
		sql = prefix + own;
	} else {
		prefix = `WITH ${ctes.join(',\n')}\nSELECT * FROM (\n`;
		sql = `${prefix}${own}\n)`;
	}
	return { sql, offset: prefix.split('\n').length - 1 };
}

/** The statement without a trailing semicolon (it would end a CTE body). */
function statementBody(sql: string): string {
	const tokens = tokenizeSql(sql);
	const last = tokens[tokens.length - 1];
	return last?.kind === 'punct' && last.text === ';' ? sql.slice(0, last.offset).trimEnd() : sql.trimEnd();
}

/** `names` and every block they read, directly or through others. */
function dependencies(names: readonly string[], blocks: readonly SqlBlock[]): Set<string> {
	const byName = new Map(blocks.map((b) => [b.name, b]));
	const found = new Set<string>();
	const visit = (name: string) => {
		if (found.has(name)) return;
		found.add(name);
		for (const reference of byName.get(name)?.references ?? []) visit(reference);
	};
	names.forEach(visit);
	return found;
}

/** A choice parameter's values: its list, or the first (value) and second (label) column of its values_from block. */
function choiceValues(parameter: NotebookParameter, results: Readonly<Record<string, QueryResult>>): { value: string; label: string }[] {
	if (!parameter.valuesFrom) return parameter.values ?? [];
	const result = results[parameter.valuesFrom];
	if (!result || result.error || result.columns.length === 0) return [];
	const [value, label] = result.columns;
	const seen = new Set<string>();
	return result.rows.flatMap((row) => {
		const v = row[value.name];
		if (v === null || v === undefined || seen.has(String(v))) return [];
		seen.add(String(v));
		const l = label ? row[label.name] : null;
		return [{ value: String(v), label: l === null || l === undefined ? String(v) : String(l) }];
	});
}

/** Parameter values as SQL sees them: integers as INTEGER, choices as VARCHAR. */
function bindable(declared: readonly NotebookParameter[], values: Record<string, string>): SandboxParams {
	return Object.fromEntries(declared.map((p) => [p.name, p.type === 'integer' ? Number(values[p.name]) : values[p.name]]));
}

/** The source line of each block, from the provenance of the exports behind its tables. */
async function sourcesOf(results: Readonly<Record<string, QueryResult>>): Promise<Record<string, NotebookSource>> {
	const needsProvenance = Object.values(results).some((r) => r.tables.length > 0);
	const [rows, d]: [ProvenanceRow[], number] = await Promise.all([needsProvenance ? provenance() : [], drempel()]);
	return Object.fromEntries(
		Object.values(results).map((result) => {
			const soorten = new Set(result.tables.flatMap((t) => TABLE_SOORTEN[t as StoreTable] ?? []));
			// Like every chart's footer: source, peildatum, illustratief, disclosure rule, the kinds for the link to /bronnen, old figures flagged.
			return [result.name, bronMeta(summariseBronnen(rows.filter((r) => soorten.has(r.soort)), d))];
		})
	);
}
