/** The checks across a notebook's blocks: names, references between blocks, parameters and inline values. */
import { findReferences, INLINE_FORMATS, isInlineFormat, referenceAt, type InlineReference } from './inline';
import { proseReferences } from './markdown';
import { chartLines, type ChartLines } from './parse-blocks';
import { CHART_NAME, SQL_BLOCK_NAME, type Report } from './parse-common';
import { sqlParameters, tableReferences, tokenizeSql } from './sql-tokens';
import { REGIO_PARAM } from '../domain/regio';
import { isStoreTable } from '../domain/store-tables';
import type { ChartBlock, NotebookBlock, NotebookParameter, SqlBlock } from './types';

/** `declared` is null when the front matter's parameters could not be read: then their uses are not checked. */
export function checkNotebook(declared: NotebookParameter[] | null, blocks: NotebookBlock[], report: Report): void {
	const sqlBlocks = blocks.filter((b): b is SqlBlock => b.kind === 'sql');
	const charts = blocks.filter((b): b is ChartBlock => b.kind === 'chart');
	const parameters = new Map((declared ?? []).map((p) => [p.name, p]));
	// `regio` is built in (issue 12): every notebook may use $regio, none declares it.
	const known = (name: string) => name === REGIO_PARAM || declared === null || parameters.has(name);
	for (const parameter of parameters.values())
		if (parameter.name === REGIO_PARAM) report(parameter.line, `parameter '${REGIO_PARAM}' is ingebouwd (de regio van de pagina, $${REGIO_PARAM} in SQL); geef deze parameter een andere naam`);
	const order = new Map<string, number>();

	for (const [i, block] of sqlBlocks.entries()) {
		if (!SQL_BLOCK_NAME.test(block.name)) report(block.line, `ongeldige naam '${block.name}' voor een SQL-blok: gebruik kleine letters, cijfers en _ (beginnend met een letter)`);
		else if (isStoreTable(block.name)) report(block.line, `SQL-blok '${block.name}' heeft de naam van een tabel van de gegevensopslag; kies een andere naam`);
		const earlier = sqlBlocks.find((b) => b.name === block.name);
		if (earlier !== block && earlier) report(block.line, `er is al een SQL-blok '${block.name}' (regel ${earlier.line})`);
		else order.set(block.name, i);
		if (block.sql.trim() === '') report(block.line, `SQL-blok '${block.name}' is leeg`);
	}
	for (const block of charts) {
		if (!CHART_NAME.test(block.name)) report(block.line, `ongeldige naam '${block.name}' voor een grafiek: gebruik kleine letters, cijfers en - (beginnend met een letter)`);
		const earlier = charts.find((b) => b.name === block.name);
		if (earlier !== block && earlier) report(block.line, `er is al een grafiek '${block.name}' (regel ${earlier.line})`);
	}

	// References between SQL blocks and parameters, in notebook order.
	const usesParameters = new Map<string, string[]>();
	for (const [i, block] of sqlBlocks.entries()) {
		const tokens = tokenizeSql(block.sql);
		const lineOf = (tokenLine: number) => block.line + 1 + tokenLine;
		const references = new Set<string>();
		for (const token of tableReferences(tokens)) {
			const target = token.text.toLowerCase();
			const at = order.get(target);
			if (at === undefined) continue;
			if (target === block.name) report(lineOf(token.line), `SQL-blok '${block.name}' leest zichzelf`);
			else if (at > i) report(lineOf(token.line), `SQL-blok '${block.name}' leest '${target}', maar dat blok staat verderop of bestaat niet`);
			else references.add(target);
		}
		block.references = sqlBlocks.map((b) => b.name).filter((n) => references.has(n));
		block.parameters = sqlParameters(tokens).map((t) => t.text);
		for (const token of sqlParameters(tokens)) {
			if (!known(token.text))
				report(lineOf(token.line), `SQL-blok '${block.name}' gebruikt $${token.text}, maar die parameter staat niet in de front matter`);
		}
		const transitive = new Set(block.parameters);
		for (const ref of block.references) for (const p of usesParameters.get(ref) ?? []) transitive.add(p);
		usesParameters.set(block.name, [...transitive]);
	}

	for (const parameter of parameters.values()) {
		if (parameter.valuesFrom === undefined) continue;
		const used = usesParameters.get(parameter.valuesFrom);
		if (!used) report(parameter.line, `parameter '${parameter.name}': values_from '${parameter.valuesFrom}' is geen SQL-blok in deze notebook`);
		else if (used.length > 0)
			report(
				parameter.line,
				`parameter '${parameter.name}': values_from '${parameter.valuesFrom}' gebruikt parameters (${used.map((p) => `$${p}`).join(', ')}); de keuzelijst moet zonder parameters te bepalen zijn`
			);
	}

	const checkReference = (reference: InlineReference, line: number, where: string) => {
		if (reference.kind === 'parameter') {
			if (!known(reference.name)) report(line, `${where}: '${reference.raw}' verwijst naar parameter '${reference.name}', maar die staat niet in de front matter`);
			if (reference.format !== undefined) report(line, `${where}: '${reference.raw}': opmaak kan alleen bij een waarde {blok.kolom}`);
			return;
		}
		if (!order.has(reference.block)) report(line, `${where}: '${reference.raw}' verwijst naar SQL-blok '${reference.block}', maar dat bestaat niet`);
		if (reference.format !== undefined && !isInlineFormat(reference.format))
			report(line, `${where}: onbekende opmaak '${reference.format}' in '${reference.raw}' (toegestaan: ${INLINE_FORMATS.join(', ')})`);
	};

	for (const block of blocks) {
		if (block.kind === 'markdown') {
			for (const { reference, line } of proseReferences(block.text)) checkReference(reference, block.line + line - 1, 'tekst');
		}
		if (block.kind !== 'chart' || !chartLines.has(block.spec)) continue;
		const where = `grafiek '${block.name}'`;
		const lines = chartLines.get(block.spec) as ChartLines;
		const { spec } = block;
		if (!order.has(spec.query)) report(lines.lineOf(['query']), `${where}: query '${spec.query}' is geen SQL-blok in deze notebook`);
		for (const field of ['title', 'subtitle', 'source', 'ruleLabel'] as const) {
			const value = spec[field];
			if (value !== undefined) for (const { reference } of findReferences(value)) checkReference(reference, lines.lineOf([field]), where);
		}
		if (spec.ruleLabel !== undefined && spec.rule === undefined) report(lines.lineOf(['ruleLabel']), `${where}: 'ruleLabel' zonder 'rule': er is geen lijn om te benoemen`);
		if (typeof spec.rule === 'string') {
			const reference = referenceAt(spec.rule.trim());
			if (!reference || reference.raw !== spec.rule.trim() || reference.kind !== 'value')
				report(lines.lineOf(['rule']), `${where}: 'rule' moet een getal zijn of een verwijzing {blok.kolom} (gevonden: '${spec.rule}')`);
			else checkReference(reference, lines.lineOf(['rule']), where);
		}
	}
}

