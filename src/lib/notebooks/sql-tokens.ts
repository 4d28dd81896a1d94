/**
 * A small SQL tokeniser for notebook blocks (pure): enough of DuckDB's lexer to find the
 * identifiers, `$parameters` and punctuation of a statement while skipping string literals,
 * quoted identifiers and comments. It does not validate SQL; DuckDB does that when it runs.
 */

export type SqlTokenKind = 'word' | 'quoted' | 'string' | 'param' | 'number' | 'punct';

export interface SqlToken {
	kind: SqlTokenKind;
	/** The token as written (a param without its `$`, a word as written, in its case). */
	text: string;
	/** Offset in the SQL text. */
	offset: number;
	/** 0-based line in the SQL text. */
	line: number;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const PARAM_NAME = /^\$([A-Za-z_][A-Za-z0-9_]*)/;
const DOLLAR_TAG = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/;

/** The tokens of `sql`, without comments and whitespace. Unterminated strings and comments run to the end. */
export function tokenizeSql(sql: string): SqlToken[] {
	const tokens: SqlToken[] = [];
	let i = 0;
	let line = 0;
	const advance = (to: number): void => {
		for (let k = i; k < to; k++) if (sql[k] === '\n') line++;
		i = to;
	};
	const push = (kind: SqlTokenKind, text: string, end: number): void => {
		tokens.push({ kind, text, offset: i, line });
		advance(end);
	};
	while (i < sql.length) {
		const c = sql[i];
		const next = sql[i + 1];
		if (/\s/.test(c)) {
			advance(i + 1);
		} else if (c === '-' && next === '-') {
			const end = sql.indexOf('\n', i);
			advance(end === -1 ? sql.length : end);
		} else if (c === '/' && next === '*') {
			advance(blockCommentEnd(sql, i));
		} else if (c === "'" || ((c === 'E' || c === 'e') && next === "'")) {
			const start = c === "'" ? i : i + 1;
			const end = quotedEnd(sql, start, "'", c !== "'");
			push('string', sql.slice(start + 1, Math.max(start + 1, end - 1)), end);
		} else if (c === '"') {
			const end = quotedEnd(sql, i, '"', false);
			push('quoted', sql.slice(i + 1, Math.max(i + 1, end - 1)).replaceAll('""', '"'), end);
		} else if (c === '$') {
			const tag = DOLLAR_TAG.exec(sql.slice(i));
			const param = PARAM_NAME.exec(sql.slice(i));
			if (tag && !(param && sql[i + param[0].length] !== '$')) {
				// Dollar-quoted string: $$…$$ or $tag$…$tag$.
				const close = sql.indexOf(tag[0], i + tag[0].length);
				const end = close === -1 ? sql.length : close + tag[0].length;
				push('string', sql.slice(i + tag[0].length, close === -1 ? sql.length : close), end);
			} else if (param) {
				push('param', param[1], i + param[0].length);
			} else {
				push('punct', c, i + 1);
			}
		} else if (/[0-9]/.test(c) || (c === '.' && next !== undefined && /[0-9]/.test(next))) {
			let end = i + 1;
			while (end < sql.length && /[0-9._eE]/.test(sql[end])) end++;
			push('number', sql.slice(i, end), end);
		} else if (WORD_START.test(c)) {
			let end = i + 1;
			while (end < sql.length && WORD_PART.test(sql[end])) end++;
			push('word', sql.slice(i, end), end);
		} else {
			push('punct', c, i + 1);
		}
	}
	return tokens;
}

/** End (exclusive) of a `/* … *\/` comment starting at `start`; DuckDB nests them like PostgreSQL. */
function blockCommentEnd(sql: string, start: number): number {
	let depth = 0;
	let i = start;
	while (i < sql.length) {
		if (sql[i] === '/' && sql[i + 1] === '*') {
			depth++;
			i += 2;
		} else if (sql[i] === '*' && sql[i + 1] === '/') {
			depth--;
			i += 2;
			if (depth === 0) return i;
		} else i++;
	}
	return sql.length;
}

/** End (exclusive) of a literal opened by `quote` at `start`; a doubled quote is an escaped one. */
function quotedEnd(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
	let i = start + 1;
	while (i < sql.length) {
		if (backslashEscapes && sql[i] === '\\') i += 2;
		else if (sql[i] === quote) {
			if (sql[i + 1] === quote) i += 2;
			else return i + 1;
		} else i++;
	}
	return sql.length;
}

/** `$name` parameters of a statement in order of first use, each once. */
export function sqlParameters(tokens: readonly SqlToken[]): SqlToken[] {
	const seen = new Set<string>();
	return tokens.filter((t) => t.kind === 'param' && !seen.has(t.text) && seen.add(t.text));
}

/** Keywords after which a table name follows when they open a statement or subquery. */
const LEADING_TABLE_KEYWORDS = new Set(['pivot', 'unpivot', 'describe', 'summarize', 'table']);
/** Keywords that end a FROM list (commas after them separate something else). */
const CLAUSE_ENDS = new Set(['where', 'group', 'having', 'qualify', 'window', 'order', 'limit', 'offset', 'union', 'except', 'intersect', 'select', 'returning', 'with', 'values']);
const BEFORE_TABLE = new Set(['lateral', 'only']);

interface Frame {
	/** Inside a FROM list: a comma introduces another table. */
	fromList: boolean;
	/** The next word is a table name. */
	expectTable: boolean;
	/** A SELECT was seen at this depth, so FROM here is a query's FROM, not `extract(year FROM d)`. */
	query: boolean;
	/** Tokens seen at this depth. */
	seen: number;
}

/**
 * The identifiers in table position: after a query's FROM or after JOIN (and after commas in
 * a FROM list), and after PIVOT, DESCRIBE, SUMMARIZE or TABLE opening a statement; not a
 * table function (`range(…)`), not a qualified name (`store.capaciteit`), not a CTE the
 * statement defines itself (`WITH x AS (…)`). Column names that happen to equal a block name
 * (`sum(tekort) AS tekort`, `extract(year FROM peildatum)`) are not tables.
 */
export function tableReferences(tokens: readonly SqlToken[]): SqlToken[] {
	const ownCtes = definedCtes(tokens);
	const frames: Frame[] = [{ fromList: false, expectTable: false, query: false, seen: 0 }];
	const found: SqlToken[] = [];
	const word = (k: number): string => (tokens[k]?.kind === 'word' ? tokens[k].text.toLowerCase() : '');
	for (let k = 0; k < tokens.length; k++) {
		const token = tokens[k];
		const frame = frames[frames.length - 1];
		const first = frame.seen++ === 0;
		if (token.kind === 'punct') {
			if (token.text === '(') {
				frame.expectTable = false;
				frames.push({ fromList: false, expectTable: false, query: false, seen: 0 });
			} else if (token.text === ')') {
				if (frames.length > 1) frames.pop();
			} else if (token.text === ',' && frame.fromList) {
				frame.expectTable = true;
			} else if (token.text === ';') {
				Object.assign(frame, { fromList: false, expectTable: false, query: false, seen: 0 });
			}
			continue;
		}
		const current = word(k);
		if (!current) {
			frame.expectTable = false;
			continue;
		}
		if (current === 'select' || current === 'with') frame.query = true;
		const distinctFrom = word(k - 1) === 'distinct' && ['is', 'not'].includes(word(k - 2));
		if ((current === 'from' && (frame.query || first) && !distinctFrom) || current === 'join') {
			frame.query = true;
			frame.fromList = true;
			frame.expectTable = true;
			continue;
		}
		if (first && LEADING_TABLE_KEYWORDS.has(current)) {
			frame.expectTable = true;
			continue;
		}
		if (frame.expectTable && !CLAUSE_ENDS.has(current)) {
			if (BEFORE_TABLE.has(current)) continue;
			frame.expectTable = false;
			const after = tokens[k + 1];
			const callOrQualified = after?.kind === 'punct' && (after.text === '(' || after.text === '.');
			if (!callOrQualified && !ownCtes.has(current)) found.push(token);
			continue;
		}
		frame.expectTable = false;
		if (CLAUSE_ENDS.has(current)) frame.fromList = false;
	}
	return found;
}

/** Names the statement defines as CTEs: `name AS (`, `name AS MATERIALIZED (`, `name AS NOT MATERIALIZED (`. */
function definedCtes(tokens: readonly SqlToken[]): Set<string> {
	const names = new Set<string>();
	for (let k = 0; k + 2 < tokens.length; k++) {
		const [name, as, after] = [tokens[k], tokens[k + 1], tokens[k + 2]];
		if (name.kind !== 'word' && name.kind !== 'quoted') continue;
		if (as.kind !== 'word' || as.text.toLowerCase() !== 'as') continue;
		const materialized = after.kind === 'word' && ['materialized', 'not'].includes(after.text.toLowerCase());
		if ((after.kind === 'punct' && after.text === '(') || materialized) names.add(name.text.toLowerCase());
	}
	return names;
}
