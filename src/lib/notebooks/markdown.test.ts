import { describe, expect, test } from 'vitest';
import type { InlineContext } from './inline';
import { headingDepths, isSafeHref, proseReferences, renderMarkdown } from './markdown';

const context: InlineContext = {
	parameters: { peiljaar: '2024' },
	results: {
		kern: {
			name: 'kern',
			columns: [
				{ name: 'tekort', type: 'BIGINT', numeric: true },
				{ name: 'aandeel', type: 'DOUBLE', numeric: true },
				{ name: 'naam', type: 'VARCHAR', numeric: false }
			],
			rows: [{ tekort: 1234, aandeel: 0.458, naam: '<b>Dordrecht</b> & co' }],
			truncated: false,
			ms: 1,
			tables: []
		}
	}
};

const html = (text: string) => renderMarkdown(text, context).trim();

describe('renderMarkdown', () => {
	test('CommonMark with GFM tables', () => {
		expect(html('Een *nadruk* en **vet**.')).toBe('<p>Een <em>nadruk</em> en <strong>vet</strong>.</p>');
		expect(html('| a | b |\n|---|---|\n| 1 | 2 |')).toContain('<td>1</td>');
	});

	test('headings move one level down: the page title is the only h1', () => {
		expect(html('# Kop\n\n## Sub\n\n###### Diep')).toBe('<h2>Kop</h2>\n<h3>Sub</h3>\n<h6>Diep</h6>');
	});

	test('with topDepth, the shallowest heading of a notebook of ## sections is an h2 (no h1 → h3 jump)', () => {
		expect(renderMarkdown('## Sectie\n\n### Deel', context, { topDepth: 2 }).trim()).toBe('<h2>Sectie</h2>\n<h3>Deel</h3>');
		expect(headingDepths('Tekst\n\n## Een\n\n```\n# geen kop\n```\n\n### Twee')).toEqual([2, 3]);
	});

	test('raw HTML is shown as text, inline and as a block', () => {
		expect(html('Tekst <script>alert(1)</script> <b>vet</b>')).toBe('<p>Tekst &lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;vet&lt;/b&gt;</p>');
		expect(html('<div onclick="x()">\nblok\n</div>')).toBe('<p>&lt;div onclick=&quot;x()&quot;&gt;\nblok\n&lt;/div&gt;</p>');
		expect(html('<img src=x onerror=alert(1)>')).not.toContain('<img');
	});

	test('links only to http(s), mailto and relative addresses; others become their text', () => {
		expect(html('[bron](https://cbs.nl/a?b=1&c=2 "CBS")')).toBe('<p><a href="https://cbs.nl/a?b=1&amp;c=2" title="CBS">bron</a></p>');
		expect(html('[mail](mailto:team@example.nl) [pagina](/capaciteit?peiljaar=2024) [hier](#kop)')).toBe(
			'<p><a href="mailto:team@example.nl">mail</a> <a href="/capaciteit?peiljaar=2024">pagina</a> <a href="#kop">hier</a></p>'
		);
		expect(html('[klik](javascript:alert(1)) [data](data:text/html,x) [vb](VBScript:x)')).toBe('<p>klik data vb</p>');
		expect(html('<javascript:alert(1)>')).not.toContain('href');
		expect(html('![plaatje](javascript:alert(1))')).toBe('<p>plaatje</p>');
		expect(html('![grafiek](/charts/x.png)')).toBe('<p><img src="/charts/x.png" alt="grafiek"></p>');
	});

	test('inline values are filled in and HTML-escaped', () => {
		expect(html('Tekort {kern.tekort} ({kern.aandeel|procent}) in {peiljaar}: {kern.naam}')).toBe(
			'<p>Tekort 1.234 (45,8%) in 2024: &lt;b&gt;Dordrecht&lt;/b&gt; &amp; co</p>'
		);
		expect(html('| a |\n|---|\n| {kern.aandeel\\|procent} |')).toContain('<td>45,8%</td>');
		expect(html('**{kern.tekort}** [{peiljaar}](/x)')).toBe('<p><strong>1.234</strong> <a href="/x">2024</a></p>');
	});

	test('not inside code, and \\{ is a literal brace', () => {
		expect(html('`{kern.tekort}` en \\{peiljaar}')).toBe('<p><code>{kern.tekort}</code> en {peiljaar}</p>');
		expect(html('```\n{kern.tekort}\n```')).toBe('<pre><code>{kern.tekort}\n</code></pre>');
		expect(html('    {kern.tekort}')).toBe('<pre><code>{kern.tekort}\n</code></pre>');
	});

	test('an unresolved value is [?] with the reason as tooltip', () => {
		expect(html('{kern.x} {nergens.y}')).toBe(
			`<p><span class="notebook-onbekend" title="SQL-blok &#39;kern&#39; heeft geen kolom &#39;x&#39;">[?]</span> <span class="notebook-onbekend" title="SQL-blok &#39;nergens&#39; bestaat niet">[?]</span></p>`
		);
	});

	test('a resolve function works too', () => {
		expect(renderMarkdown('{a.b}', () => ({ ok: true, text: '<x>' })).trim()).toBe('<p>&lt;x&gt;</p>');
	});
});

describe('isSafeHref', () => {
	test('refuses other schemes, also disguised', () => {
		for (const href of ['javascript:x', 'JavaScript:x', 'java\tscript:x', ' javascript:x', 'data:x', 'file:///etc/passwd', '//evil.example/x', 'vbscript:x']) {
			expect(isSafeHref(href), href).toBe(false);
		}
		for (const href of ['https://a.nl', 'http://a.nl', 'mailto:a@b.nl', '/x', 'x/y', '#a', '?peiljaar=2024', '../x']) {
			expect(isSafeHref(href), href).toBe(true);
		}
	});
});

describe('proseReferences', () => {
	test('references outside code with their lines', () => {
		const text = 'Eerste {kern.tekort}\n\n`{niet.dit}`\n\n- punt {peiljaar}\n\n| a |\n|---|\n| {kern.aandeel\\|procent} |\n\n```\n{ook.niet}\n```\n\n\\{nee}';
		expect(proseReferences(text).map((r) => [r.reference.raw, r.line])).toEqual([
			['{kern.tekort}', 1],
			['{peiljaar}', 5],
			['{kern.aandeel|procent}', 9]
		]);
	});
});
