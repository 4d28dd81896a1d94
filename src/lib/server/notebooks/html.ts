/**
 * A notebook page as one self-contained HTML file (`npm run notebook -- … --html uit.html`):
 * the prose, every chart as inline SVG with its title, subtitle, legend, text alternative,
 * table and source line, and the SQL blocks folded. No scripts, no external files: it opens
 * from a mail attachment or a USB stick, and prints on A4 landscape like the site.
 */
import { footerText } from '$lib/charts/meta';
import { formatDate, formatInteger } from '$lib/domain/format';
import type { ViewChart } from '$lib/server/charts/common';
import type { NotebookPage, PageBlock } from './page';

const escape = (value: string): string =>
	value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
body { font-family: 'Source Sans 3', 'Segoe UI', Arial, sans-serif; color: #1a1a1a; max-width: 62rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
h1 { color: #154273; }
a { color: #01689b; }
.meta, .bron, .parameters { color: #4a4a4a; }
figure { margin: 1.5rem 0; padding: 1rem 1.25rem; border: 1px solid #ccc; }
figcaption h2 { margin: 0; font-size: 1.2rem; }
figcaption p { margin: 0.2rem 0 0; color: #4a4a4a; }
.legend { list-style: none; padding: 0; display: flex; gap: 1rem; flex-wrap: wrap; }
.legend span { display: inline-block; width: 0.9rem; height: 0.9rem; margin-right: 0.3rem; vertical-align: -0.1rem; }
svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border-bottom: 1px solid #ccc; padding: 0.2rem 0.6rem; text-align: left; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
pre { background: #f3f3f3; padding: 0.5rem; white-space: pre-wrap; }
.fout { border-left: 4px solid #a90061; background: #fbeef4; padding: 0.5rem 1rem; }
.illustratief { font-weight: 700; }
@page { size: A4 landscape; margin: 12mm; }
@media print { details { display: none; } figure { break-inside: avoid; } }
`;

function table(columns: { label: string; numeric: boolean }[], rows: string[][], caption: string): string {
	const head = columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escape(c.label)}</th>`).join('');
	const body = rows.map((row) => `<tr>${row.map((cell, i) => `<td${columns[i]?.numeric ? ' class="num"' : ''}>${escape(cell)}</td>`).join('')}</tr>`).join('\n');
	return `<table><caption>${escape(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function chart({ meta, chart: rendered }: ViewChart): string {
	const legend = rendered.legend.length
		? `<ul class="legend">${rendered.legend.map((l) => `<li><span style="background:${escape(l.colour)}"></span>${escape(l.label)}</li>`).join('')}</ul>`
		: '';
	return `<figure>
<figcaption><h2>${escape(meta.title)}</h2>${meta.subtitle ? `<p>${escape(meta.subtitle)}</p>` : ''}</figcaption>
${legend}
${rendered.svg}
<p>${escape(rendered.description)}</p>
<details><summary>De cijfers als tabel</summary>${table(rendered.table.columns, rendered.table.rows, meta.title)}</details>
<p class="bron">${escape(footerText(meta))}</p>
</figure>`;
}

function block(b: PageBlock): string {
	if (b.kind === 'markdown') return b.html;
	if (b.kind === 'chart') return b.chart ? chart(b.chart) : `<div class="fout"><p><strong>Grafiek ‘${escape(b.name)}’ kan niet worden getekend.</strong></p><p>${escape(b.error ?? '')}</p></div>`;
	if (b.error) return `<div class="fout"><p><strong>SQL-blok ‘${escape(b.name)}’ gaf een fout.</strong></p><p>${escape(b.error)}</p></div>`;
	const columns = b.columns.map((c) => ({ label: c.name, numeric: c.numeric }));
	const deel = b.shownRows < b.rowCount ? `<p>De eerste ${formatInteger(b.shownRows)} van ${formatInteger(b.rowCount)} rijen staan hier.</p>` : '';
	return `<details><summary>SQL: ${escape(b.name)} — ${formatInteger(b.rowCount)} ${b.rowCount === 1 ? 'rij' : 'rijen'}</summary><pre><code>${escape(b.sql)}</code></pre>${table(columns, b.rows, `Resultaat van ${b.name}`)}${deel}</details>`;
}

export function notebookHtml(page: NotebookPage, { file }: { file: string }): string {
	const meta = [page.author, page.date ? formatDate(page.date) : null].filter(Boolean).join(' · ');
	return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(page.title)} — Regiomonitor BW&amp;O</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escape(page.title)}</h1>
${meta ? `<p class="meta">${escape(meta)}</p>` : ''}
${page.description ? `<p>${escape(page.description)}</p>` : ''}
${page.parametersInWords ? `<p class="parameters">Keuzes: ${escape(page.parametersInWords)}</p>` : ''}
${page.blocks.map(block).join('\n')}
<p class="meta">Regiomonitor BW&amp;O — notebook <code>${escape(file)}</code>.</p>
</main>
</body>
</html>
`;
}
