import { describe, expect, it } from 'vitest';
import { normalise } from '$lib/charts/snapshot.test-helpers';
import { tekstKleur } from '$lib/charts/capaciteit/tekort-kleur';
import { PALETTE } from '$lib/charts/palette';
import { renderChart, serverDocument } from '$lib/server/charts/render';
import { ChartSpecError, compileChart, type CompileContext } from './chart-spec';
import { LEEG, NEUTRAAL, SERIES_COLOURS, valueColour } from './charts/colours';
import type { ChartSpec, NotebookChartDefinition, ResultColumn, ResultRow } from './types';

const column = (name: string, type: string): ResultColumn => ({ name, type, numeric: /INT|DOUBLE|DECIMAL|FLOAT/.test(type) });
const snapshot = (mark: string) => `../../../tests/output/notebook-${mark}.svg`;

/** Tekort per gemeente; Alblasserdam has no figure (NULL). */
const TEKORT_COLUMNS = [column('gemeentecode', 'VARCHAR'), column('naam', 'VARCHAR'), column('tekort', 'BIGINT'), column('per_10k', 'DOUBLE')];
const TEKORT: ResultRow[] = [
	{ gemeentecode: 'GM0505', naam: 'Dordrecht', tekort: 1234, per_10k: 0.987 },
	{ gemeentecode: 'GM0512', naam: 'Gorinchem', tekort: 56, per_10k: 1.5 },
	{ gemeentecode: 'GM1978', naam: 'Molenlanden', tekort: -12, per_10k: -0.24 },
	{ gemeentecode: 'GM0482', naam: 'Alblasserdam', tekort: null, per_10k: null }
];

/** Share with dagbesteding per peiljaar and type; skaeve huse has no 2023 figure. */
const TREND_COLUMNS = [column('peiljaar', 'INTEGER'), column('type', 'VARCHAR'), column('aandeel', 'DOUBLE'), column('plekken', 'INTEGER')];
const TREND: ResultRow[] = [
	{ peiljaar: 2022, type: 'crisis', aandeel: 0.6, plekken: 1200 },
	{ peiljaar: 2023, type: 'crisis', aandeel: 0.5, plekken: 1300 },
	{ peiljaar: 2024, type: 'crisis', aandeel: 0.46, plekken: 1450 },
	{ peiljaar: 2022, type: 'skaeve huse', aandeel: 0.2, plekken: 10 },
	{ peiljaar: 2023, type: 'skaeve huse', aandeel: null, plekken: 12 },
	{ peiljaar: 2024, type: 'skaeve huse', aandeel: 0.25, plekken: 14 }
];

const GEMEENTEN: CompileContext['gemeenten'] = [
	{ gemeentecode: 'GM0482', naam: 'Alblasserdam', tegel_x: 1, tegel_y: 0 },
	{ gemeentecode: 'GM0505', naam: 'Dordrecht', tegel_x: 1, tegel_y: 1 },
	{ gemeentecode: 'GM0512', naam: 'Gorinchem', tegel_x: 3, tegel_y: 1 },
	{ gemeentecode: 'GM0523', naam: 'Hardinxveld-Giessendam', tegel_x: 2, tegel_y: 1 },
	{ gemeentecode: 'GM1978', naam: 'Molenlanden', tegel_x: 2, tegel_y: 0 },
	{ gemeentecode: 'GM9999', naam: 'Zonder tegel', tegel_x: null, tegel_y: null }
];

function compile(spec: Omit<ChartSpec, 'query' | 'title'> & Partial<ChartSpec>, context: Partial<CompileContext> & { columns: ResultColumn[] }): NotebookChartDefinition {
	return compileChart(`notebook/test/${spec.mark}`, { query: 'resultaat', title: 'Titel', ...spec } as ChartSpec, context);
}

/** The raw figure (Plot's aria-labels intact, so marks can be found by kind). */
function figure(chart: NotebookChartDefinition, rows: readonly ResultRow[], width = 720): SVGSVGElement {
	return chart.build(rows, { width, document: serverDocument() });
}

/** The visible text of the elements (a mark's <title> tooltip left out). */
const texts = (svg: Element, selector: string) =>
	[...svg.querySelectorAll(selector)].map((e) => [...e.childNodes].filter((n) => n.nodeName.toLowerCase() !== 'title').map((n) => n.textContent).join(''));
/** The dashed reference lines (the style sits on the mark's group, or per panel on a faceted chart). */
const referenceLines = (svg: Element) => svg.querySelectorAll('[aria-label="rule"][stroke-dasharray="4,3"] line, [aria-label="rule"] [stroke-dasharray="4,3"] line');
const titles = (svg: Element, mark: string) => texts(svg, `[aria-label="${mark}"] title`);

describe('compileChart: bar', () => {
	const chart = () => compile({ mark: 'bar', x: 'naam', y: 'tekort', rule: 500 }, { columns: TEKORT_COLUMNS, rows: TEKORT, rule: 500 });

	it('draws one linked bar per category with a value, skipping the row without one', () => {
		const svg = figure(chart(), TEKORT);
		expect(svg.querySelectorAll('[aria-label="bar"] rect')).toHaveLength(3);
		expect(texts(svg, '[aria-label="x-axis tick label"] text')).toEqual(['Dordrecht', 'Gorinchem', 'Molenlanden']);
		expect(titles(svg, 'bar')).toEqual(['Dordrecht: tekort 1.234', 'Gorinchem: tekort 56', 'Molenlanden: tekort -12']);
		expect([...svg.querySelectorAll('[aria-label="bar"] [data-href]')].map((e) => e.getAttribute('data-href'))).toEqual([
			'/gemeente/GM0505',
			'/gemeente/GM0512',
			'/gemeente/GM1978'
		]);
		expect(svg.querySelector('[aria-label="bar"]')?.getAttribute('fill')).toBe(PALETTE.blauw);
	});

	it('writes nl-NL ticks, the values at the bars, the column names as axis titles and the labelled rule', () => {
		const svg = figure(chart(), TEKORT);
		expect(texts(svg, '[aria-label="y-axis tick label"] text')).toContain('1.200');
		expect(texts(svg, '[aria-label="text"] text')).toEqual(expect.arrayContaining(['1.234', '56', '-12', 'referentie 500']));
		expect(texts(svg, '[aria-label="x-axis label"] text')).toEqual(['naam']);
		expect(texts(svg, '[aria-label="y-axis label"] text')).toEqual(['tekort']);
		expect(referenceLines(svg)).toHaveLength(1);
	});

	it('labels a rule from {query.column} with the column and its resolved value, and leaves out an unresolved one', () => {
		const referenced = compile({ mark: 'bar', x: 'naam', y: 'tekort', rule: '{kern.gemiddeld}' }, { columns: TEKORT_COLUMNS, rule: 425.75 });
		expect(texts(figure(referenced, TEKORT), '[aria-label="text"] text')).toContain('gemiddeld 425,8');
		expect(referenced.describe(TEKORT)).toContain('1 van de 3 staven ligt boven de referentielijn (gemiddeld 425,8).');
		const labelled = compile({ mark: 'bar', x: 'naam', y: 'tekort', rule: '{kern.gemiddeld}', ruleLabel: 'gemiddelde gemeente' }, { columns: TEKORT_COLUMNS, rule: 425.75 });
		expect(texts(figure(labelled, TEKORT), '[aria-label="text"] text')).toContain('gemiddelde gemeente 425,8');
		const unresolved = compile({ mark: 'bar', x: 'naam', y: 'tekort', rule: '{kern.gemiddeld}' }, { columns: TEKORT_COLUMNS, rule: null });
		const svg = figure(unresolved, TEKORT);
		expect(referenceLines(svg)).toHaveLength(0);
		expect(unresolved.describe(TEKORT)).not.toContain('referentielijn');
	});

	it('describes the highest and lowest bar, the rule and what was left out', () => {
		expect(chart().describe(TEKORT)).toBe(
			'Tekort per naam, 3 staven: het hoogst is 1.234 bij Dordrecht, het laagst -12 bij Molenlanden. ' +
				'1 van de 3 staven ligt boven de referentielijn (referentie 500). 1 rij zonder waarde is weggelaten.'
		);
	});

	it('tables every column of the result, formatted nl-NL, with the axis titles', () => {
		const table = compile({ mark: 'bar', x: 'naam', y: 'tekort', xLabel: 'Gemeente', yLabel: 'Tekort (plekken)' }, { columns: TEKORT_COLUMNS }).table(TEKORT);
		expect(table.columns).toEqual([
			{ label: 'gemeentecode', numeric: false },
			{ label: 'Gemeente', numeric: false },
			{ label: 'Tekort (plekken)', numeric: true },
			{ label: 'per_10k', numeric: true }
		]);
		expect(table.rows).toEqual([
			['GM0505', 'Dordrecht', '1.234', '0,99'],
			['GM0512', 'Gorinchem', '56', '1,5'],
			['GM1978', 'Molenlanden', '-12', '-0,24'],
			['GM0482', 'Alblasserdam', '–', '–']
		]);
	});

	it('stacks series in the palette with one legend item each, and describes the totals', () => {
		const rows = TREND.filter((r) => r.aandeel !== null);
		const stacked = compile({ mark: 'bar', x: 'peiljaar', y: 'plekken', fill: 'type' }, { columns: TREND_COLUMNS, rows });
		expect(stacked.legend).toEqual([
			{ label: 'crisis', colour: PALETTE.blauw, shape: 'bar' },
			{ label: 'skaeve huse', colour: PALETTE.oranje, shape: 'bar' }
		]);
		const svg = figure(stacked, rows);
		expect(svg.querySelectorAll('[aria-label="bar"] rect')).toHaveLength(5);
		// Years are categories, not thousands: 2024, never 2.024.
		expect(texts(svg, '[aria-label="x-axis tick label"] text')).toEqual(['2022', '2023', '2024']);
		expect(titles(svg, 'bar')).toContain('2024: plekken 14, type skaeve huse');
		const fills = new Set([...svg.querySelectorAll('[aria-label="bar"] rect')].map((r) => r.getAttribute('fill')));
		expect(fills).toEqual(new Set([PALETTE.blauw, PALETTE.oranje]));
		// No values written at stacked segments: the tooltip and table carry them.
		expect(svg.querySelector('[aria-label="text"]')).toBeNull();
		expect(stacked.describe(rows)).toBe(
			'Plekken per peiljaar, 3 staven, opgeteld over 2 reeksen van type: het hoogst is in totaal 1.464 bij 2024, het laagst 1.210 bij 2022.'
		);
	});

	it('matches the committed SVG snapshot', async () => {
		const rendered = renderChart(chart(), TEKORT, { title: 'Tekort per gemeente', width: 720 });
		await expect(normalise(rendered.svg)).toMatchFileSnapshot(snapshot('bar'));
	});
});

describe('compileChart: barh', () => {
	const rows = TREND.filter((r) => r.peiljaar !== 2023);
	const chart = () => compile({ mark: 'barh', x: 'aandeel', y: 'type', facet: 'peiljaar', format: 'procent', rule: 0.5 }, { columns: TREND_COLUMNS, rows, rule: 0.5 });

	it('draws a panel per facet in rows, a bar per category, percent ticks and a vertical rule', () => {
		const svg = figure(chart(), rows);
		expect(svg.querySelectorAll('[aria-label="bar"] rect')).toHaveLength(4);
		expect(texts(svg, '[aria-label="text"] text')).toEqual(expect.arrayContaining(['2022', '2024', '60%', '46%', '25%']));
		expect(texts(svg, '[aria-label="x-axis tick label"] text')).toContain('50%');
		expect(titles(svg, 'bar')).toEqual(['crisis: aandeel 60%, peiljaar 2022', 'skaeve huse: aandeel 20%, peiljaar 2022', 'crisis: aandeel 46%, peiljaar 2024', 'skaeve huse: aandeel 25%, peiljaar 2024']);
		// One panel per row: every bar of 2022 lies above every bar of 2024.
		const panels = [...svg.querySelectorAll('[aria-label="bar"] > g')].map((g) => (g.getAttribute('transform')?.match(/-?[\d.]+/g) ?? []).map(Number));
		expect(panels).toHaveLength(2);
		expect(panels[1][0]).toBe(panels[0][0]);
		expect(panels[1][1]).toBeGreaterThan(panels[0][1]);
		// The line in every panel, its label once.
		expect(referenceLines(svg)).toHaveLength(2);
		expect(texts(svg, '[aria-label="text"] text').filter((t) => t === 'referentie 50%')).toHaveLength(1);
	});

	it('sizes the height by the number of categories and panels', () => {
		expect(figure(chart(), rows).getAttribute('height')).toBe(String(30 + 2 * (2 * 30 + 40) + 45));
		expect(figure(compile({ mark: 'barh', x: 'tekort', y: 'naam' }, { columns: TEKORT_COLUMNS }), TEKORT).getAttribute('height')).toBe(String(30 + 3 * 30 + 45));
		expect(figure(compile({ mark: 'barh', x: 'tekort', y: 'naam', height: 500 }, { columns: TEKORT_COLUMNS }), TEKORT).getAttribute('height')).toBe('500');
	});

	it('describes the extremes per panel in percent', () => {
		expect(chart().describe(rows)).toBe(
			'Aandeel per type, 4 staven: het hoogst is 60% bij crisis (2022), het laagst 20% bij skaeve huse (2022). ' +
				'1 van de 4 staven ligt boven de referentielijn (referentie 50%).'
		);
	});

	it('matches the committed SVG snapshot', async () => {
		const rendered = renderChart(chart(), rows, { title: 'Aandeel per type', width: 720 });
		await expect(normalise(rendered.svg)).toMatchFileSnapshot(snapshot('barh'));
	});
});

describe('compileChart: line', () => {
	const chart = () => compile({ mark: 'line', x: 'peiljaar', y: 'aandeel', fill: 'type', format: 'procent', yLabel: 'Aandeel met dagbesteding' }, { columns: TREND_COLUMNS, rows: TREND });

	it('draws a line per series with a dot per point, breaking at a missing value', () => {
		const svg = figure(chart(), TREND);
		const paths = [...svg.querySelectorAll('[aria-label="line"] path')];
		expect(paths).toHaveLength(2);
		expect(paths.map((p) => p.getAttribute('stroke'))).toEqual([PALETTE.blauw, PALETTE.oranje]);
		// skaeve huse lacks 2023: two separate pieces, not a line through the gap.
		expect(paths[1].getAttribute('d')?.match(/M/g)).toHaveLength(2);
		expect(svg.querySelectorAll('[aria-label="dot"] circle')).toHaveLength(5);
		expect(titles(svg, 'dot')).toContain('crisis: peiljaar 2024, aandeel met dagbesteding 46%');
		expect(texts(svg, '[aria-label="x-axis tick label"] text')).toEqual(['2022', '2023', '2024']);
		expect(texts(svg, '[aria-label="y-axis tick label"] text')).toContain('50%');
		expect(texts(svg, '[aria-label="y-axis label"] text')).toEqual(['Aandeel met dagbesteding']);
		expect(chart().legend).toEqual([
			{ label: 'crisis', colour: PALETTE.blauw, shape: 'line' },
			{ label: 'skaeve huse', colour: PALETTE.oranje, shape: 'line' }
		]);
	});

	it('describes each series from first to last value', () => {
		expect(chart().describe(TREND)).toBe(
			'Aandeel met dagbesteding per peiljaar, 2 reeksen (5 punten): ' +
				'crisis van 60% (2022) naar 46% (2024), een daling van 14 procentpunt; ' +
				'skaeve huse van 20% (2022) naar 25% (2024), een stijging van 5 procentpunt. 1 rij zonder waarde is weggelaten.'
		);
	});

	it('reads DATE columns as dates: Dutch ticks and tooltips, points in date order', () => {
		const columns = [column('peildatum', 'DATE'), column('aantal', 'INTEGER')];
		const rows: ResultRow[] = [
			{ peildatum: '2024-01-01', aantal: 1500 },
			{ peildatum: '2022-01-01', aantal: 1000 },
			{ peildatum: '2023-01-01', aantal: 1250 },
			{ peildatum: null, aantal: 3 }
		];
		const dated = compile({ mark: 'line', x: 'peildatum', y: 'aantal' }, { columns, rows });
		const svg = figure(dated, rows);
		// Plot's own time ticks are English ("Jan 2022", "Apr"); these are Dutch.
		const ticks = texts(svg, '[aria-label="x-axis tick label"] text');
		expect(ticks.slice(0, 4)).toEqual(['jan. 2022', 'apr. 2022', 'jul. 2022', 'okt. 2022']);
		expect(ticks.at(-1)).toBe('jan. 2024');
		expect(texts(figure(dated, rows, 300), '[aria-label="x-axis tick label"] text')).toEqual(['2022', '2023', '2024']);
		expect(titles(svg, 'dot')).toEqual(['peildatum 1 januari 2022, aantal 1.000', 'peildatum 1 januari 2023, aantal 1.250', 'peildatum 1 januari 2024, aantal 1.500']);
		expect(svg.querySelector('[aria-label="line"]')?.getAttribute('stroke')).toBe(PALETTE.blauw);
		expect(dated.legend).toEqual([]);
		expect(dated.describe(rows)).toBe(
			'Aantal per peildatum (3 punten): van 1.000 (1 januari 2022) naar 1.500 (1 januari 2024), een stijging van 500. 1 rij zonder waarde is weggelaten.'
		);
		expect(dated.table(rows).rows[0]).toEqual(['1 januari 2024', '1.500']);
	});

	it('writes month ticks in Dutch for monthly data', () => {
		const columns = [column('maand', 'DATE'), column('aantal', 'INTEGER')];
		const rows = ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01', '2024-06-01'].map((maand, i) => ({ maand, aantal: i }));
		const ticks = texts(figure(compile({ mark: 'line', x: 'maand', y: 'aantal' }, { columns }), rows), '[aria-label="x-axis tick label"] text');
		expect(ticks).toContain('mrt. 2024');
		expect(ticks).toContain('mei 2024');
	});

	it('matches the committed SVG snapshot', async () => {
		const rendered = renderChart(chart(), TREND, { title: 'Aandeel met dagbesteding', width: 720 });
		await expect(normalise(rendered.svg)).toMatchFileSnapshot(snapshot('line'));
	});
});

describe('compileChart: area', () => {
	const rows = TREND.filter((r) => r.aandeel !== null);
	const chart = () => compile({ mark: 'area', x: 'peiljaar', y: 'plekken', fill: 'type' }, { columns: TREND_COLUMNS, rows });

	it('stacks an area per series, with stacked dots carrying the tooltips', () => {
		const svg = figure(chart(), rows);
		expect(svg.querySelectorAll('[aria-label="area"] path')).toHaveLength(2);
		expect(titles(svg, 'area')).toEqual(['crisis', 'skaeve huse']);
		expect(titles(svg, 'dot')).toContain('skaeve huse: peiljaar 2024, plekken 14');
		expect(chart().legend.map((l) => l.shape)).toEqual(['bar', 'bar']);
		expect(chart().describe(rows)).toBe(
			'Plekken per peiljaar, 2 reeksen (5 punten): crisis van 1.200 (2022) naar 1.450 (2024), een stijging van 250; skaeve huse van 10 (2022) naar 14 (2024), een stijging van 4.'
		);
	});

	it('matches the committed SVG snapshot', async () => {
		const rendered = renderChart(chart(), rows, { title: 'Plekken per type', width: 720 });
		await expect(normalise(rendered.svg)).toMatchFileSnapshot(snapshot('area'));
	});
});

describe('compileChart: dot', () => {
	const chart = () => compile({ mark: 'dot', x: 'per_10k', y: 'tekort', label: 'naam', rule: 0 }, { columns: TEKORT_COLUMNS, rows: TEKORT, rule: 0 });

	it('draws a linked dot per row with both values, named by the label column', () => {
		const svg = figure(chart(), TEKORT);
		expect(svg.querySelectorAll('[aria-label="dot"] circle')).toHaveLength(3);
		expect(titles(svg, 'dot')).toEqual(['Dordrecht: per_10k 0,99, tekort 1.234', 'Gorinchem: per_10k 1,5, tekort 56', 'Molenlanden: per_10k -0,24, tekort -12']);
		expect(svg.querySelectorAll('[aria-label="dot"] [data-href]')).toHaveLength(3);
		expect(chart().legend).toEqual([]);
	});

	it('describes the highest and lowest point', () => {
		expect(chart().describe(TEKORT)).toBe(
			'Tekort tegen per_10k, 3 punten: het hoogst is 1.234 bij Dordrecht (per_10k 0,99), het laagst -12 bij Molenlanden (per_10k -0,24). ' +
				'2 van de 3 punten liggen boven de referentielijn (referentie 0). 1 rij zonder waarde is weggelaten.'
		);
	});

	it('matches the committed SVG snapshot', async () => {
		const rendered = renderChart(chart(), TEKORT, { title: 'Tekort tegen tekort per 10.000', width: 720 });
		await expect(normalise(rendered.svg)).toMatchFileSnapshot(snapshot('dot'));
	});
});

describe('compileChart: cell', () => {
	const chart = () => compile({ mark: 'cell', x: 'peiljaar', y: 'type', fill: 'aandeel', format: 'procent' }, { columns: TREND_COLUMNS, rows: TREND });

	it('draws a coloured cell with its value per pair of categories', () => {
		const svg = figure(chart(), TREND);
		const cells = [...svg.querySelectorAll('[aria-label="cell"] rect')];
		expect(cells).toHaveLength(5);
		expect(cells[0].getAttribute('fill')).toBe(valueColour(0.6, [0.2, 0.6]));
		expect(valueColour(0.6, [0.2, 0.6])).toBe(valueColour(1, [0, 1]));
		expect(texts(svg, '[aria-label="text"] text')).toEqual(['60%', '50%', '46%', '20%', '25%']);
		const ink = [...svg.querySelectorAll('[aria-label="text"] text')].map((t) => t.getAttribute('fill'));
		expect(ink[0]).toBe(tekstKleur(valueColour(0.6, [0.2, 0.6])));
		expect(titles(svg, 'cell')[0]).toBe('peiljaar 2022, type crisis, aandeel 60%');
		expect(chart().legend).toEqual([]);
	});

	it('describes the highest and lowest cell', () => {
		expect(chart().describe(TREND)).toBe(
			'Aandeel per peiljaar en type, 5 vakken (hoe donkerder, hoe hoger): het hoogst is 60% bij peiljaar 2022 en type crisis, het laagst 20% bij peiljaar 2022 en type skaeve huse. 1 rij zonder waarde is weggelaten.'
		);
	});

	it('matches the committed SVG snapshot', async () => {
		const rendered = renderChart(chart(), TREND, { title: 'Aandeel per type en jaar', width: 720 });
		await expect(normalise(rendered.svg)).toMatchFileSnapshot(snapshot('cell'));
	});
});

describe('compileChart: tilemap', () => {
	const chart = () => compile({ mark: 'tilemap', fill: 'tekort' }, { columns: TEKORT_COLUMNS, gemeenten: GEMEENTEN, rows: TEKORT });

	it('draws every placed gemeente as a linked tile, coloured by value, blank without one', () => {
		const svg = figure(chart(), TEKORT);
		const tiles = [...svg.querySelectorAll('[aria-label="cell"] rect')];
		expect(tiles).toHaveLength(5);
		expect(svg.querySelectorAll('[aria-label="cell"] [data-href]')).toHaveLength(5);
		expect(svg.querySelector('[data-href="/gemeente/GM0505"] rect')?.getAttribute('fill')).toBe(valueColour(1234, [-12, 1234]));
		expect(svg.querySelector('[data-href="/gemeente/GM0523"] rect')?.getAttribute('fill')).toBe(LEEG);
		expect(titles(svg, 'cell')).toEqual(['Alblasserdam: tekort –', 'Dordrecht: tekort 1.234', 'Gorinchem: tekort 56', 'Hardinxveld-Giessendam: geen gegevens', 'Molenlanden: tekort -12']);
		expect(texts(svg, '[aria-label="text"] text')).toEqual(expect.arrayContaining(['1.234', '-12', 'geen gegevens']));
		// Three tile columns (x 1–3) and two rows of 140 px, plus margins: tiles stay square.
		expect(svg.getAttribute('width')).toBe('440');
		expect(svg.getAttribute('height')).toBe('300');
	});

	it('describes the extremes and the colour key', () => {
		expect(chart().describe(TEKORT)).toBe(
			'De kaart kleurt 3 van de 5 gemeenten naar tekort (oranje boven nul, blauw onder nul; hoe donkerder, hoe verder van nul). ' +
				'Het hoogst is het in Dordrecht (1.234), Gorinchem (56), Molenlanden (-12).'
		);
		const extra: ResultRow[] = [...TEKORT, { gemeentecode: 'GM0505', naam: 'Dordrecht', tekort: 1, per_10k: 0 }, { gemeentecode: 'GM0000', naam: 'Elders', tekort: 5, per_10k: 1 }];
		expect(chart().describe(extra)).toContain('1 rij heeft geen gemeente met een tegel en staat niet op de kaart. 1 rij met een gemeentecode die al op de kaart staat is overgeslagen.');
	});

	it('matches the committed SVG snapshot', async () => {
		const rendered = renderChart(chart(), TEKORT, { title: 'Tekort per gemeente', width: 720 });
		await expect(normalise(rendered.svg)).toMatchFileSnapshot(snapshot('tilemap'));
	});
});

describe('compileChart: no data', () => {
	it.each([
		['bar', { mark: 'bar', x: 'naam', y: 'tekort' }],
		['barh', { mark: 'barh', x: 'tekort', y: 'naam' }],
		['line', { mark: 'line', x: 'per_10k', y: 'tekort' }],
		['dot', { mark: 'dot', x: 'per_10k', y: 'tekort' }],
		['area', { mark: 'area', x: 'per_10k', y: 'tekort' }],
		['cell', { mark: 'cell', x: 'naam', y: 'gemeentecode', fill: 'tekort' }],
		['tilemap', { mark: 'tilemap', fill: 'tekort' }]
	] as const)('%s: says "geen gegevens" for no rows and for rows without values', (_, spec) => {
		const chart = compile(spec, { columns: TEKORT_COLUMNS, gemeenten: GEMEENTEN, rows: [] });
		const nulls: ResultRow[] = [{ gemeentecode: 'GM0505', naam: 'Dordrecht', tekort: null, per_10k: null }];
		for (const rows of [[], nulls]) {
			const svg = figure(chart, rows);
			expect(svg.textContent).toContain('Geen gegevens om te tonen');
			expect(chart.describe(rows)).toMatch(/^Er zijn geen gegevens om te tonen\./);
		}
		expect(chart.table([])).toEqual({ columns: TEKORT_COLUMNS.map((c) => ({ label: c.name, numeric: c.numeric })), rows: [] });
	});
});

describe('compileChart: errors', () => {
	const fails = (spec: Omit<ChartSpec, 'query' | 'title'>, context: Partial<CompileContext> = {}) => () =>
		compileChart('notebook/crisis/tekort', { query: 'tekort_per_gemeente', title: 'T', ...spec } as ChartSpec, { columns: [column('naam', 'VARCHAR'), column('tekort', 'BIGINT')], ...context });

	it('names the chart, the column and the columns there are', () => {
		expect(fails({ mark: 'barh', x: 'tekortt', y: 'naam' })).toThrow(
			new ChartSpecError('tekort', 'x', "kolom 'tekortt' (bij x) bestaat niet in het resultaat van 'tekort_per_gemeente' (kolommen: naam, tekort)")
		);
		expect(fails({ mark: 'barh', x: 'tekortt', y: 'naam' })).toThrow("Grafiek 'tekort': kolom 'tekortt' (bij x) bestaat niet in het resultaat van 'tekort_per_gemeente' (kolommen: naam, tekort)");
		for (const field of ['fill', 'facet', 'label'] as const) expect(fails({ mark: 'bar', x: 'naam', y: 'tekort', [field]: 'x' })).toThrow(`kolom 'x' (bij ${field}) bestaat niet`);
	});

	it('asks for the fields a mark needs, with the right kind of column', () => {
		const cases: [Omit<ChartSpec, 'query' | 'title'>, string][] = [
			[{ mark: 'bar', x: 'naam' }, "mark 'bar' heeft y nodig: een kolom met getallen uit het resultaat van 'tekort_per_gemeente' (kolommen: naam, tekort)"],
			[{ mark: 'bar', y: 'tekort' }, "mark 'bar' heeft x nodig: een kolom met categorieën"],
			[{ mark: 'bar', x: 'naam', y: 'naam' }, "bij mark 'bar' moet y een kolom met getallen zijn; 'naam' is VARCHAR"],
			[{ mark: 'barh', x: 'naam', y: 'tekort' }, "bij mark 'barh' moet x een kolom met getallen zijn; 'naam' is VARCHAR"],
			[{ mark: 'line', x: 'naam', y: 'tekort' }, "bij mark 'line' moet x een kolom met getallen of datums zijn; 'naam' is VARCHAR (gebruik mark 'bar' voor categorieën)"],
			[{ mark: 'dot', x: 'tekort' }, "mark 'dot' heeft y nodig"],
			[{ mark: 'area', x: 'tekort', y: 'naam' }, "bij mark 'area' moet y een kolom met getallen zijn"],
			[{ mark: 'cell', x: 'naam', y: 'naam' }, "mark 'cell' heeft fill nodig: een kolom met getallen"],
			[{ mark: 'cell', x: 'naam', y: 'naam', fill: 'naam' }, "bij mark 'cell' moet fill een kolom met getallen zijn; 'naam' is VARCHAR"],
			[{ mark: 'tilemap', fill: 'naam' }, "bij mark 'tilemap' moet fill een kolom met getallen zijn"],
			[{ mark: 'tilemap' }, "mark 'tilemap' heeft fill nodig"]
		];
		for (const [spec, message] of cases) expect(fails(spec), JSON.stringify(spec)).toThrow(message);
	});

	it('refuses a measured fill as series, and more series than colours', () => {
		const columns = [column('jaar', 'INTEGER'), column('waarde', 'DOUBLE'), column('groep', 'VARCHAR')];
		expect(fails({ mark: 'line', x: 'jaar', y: 'waarde', fill: 'waarde' }, { columns })).toThrow(
			"bij mark 'line' kleurt fill reeksen en moet een kolom met categorieën zijn; 'waarde' is DOUBLE (gebruik mark 'cell' of 'tilemap' om een waarde te kleuren)"
		);
		// A whole-number column (a peiljaar) is a fine series.
		expect(fails({ mark: 'line', x: 'waarde', y: 'waarde', fill: 'jaar' }, { columns })).not.toThrow();
		const rows = Array.from({ length: SERIES_COLOURS.length + 1 }, (_, i) => ({ jaar: 2024, waarde: i, groep: `groep ${i}` }));
		expect(fails({ mark: 'bar', x: 'jaar', y: 'waarde', fill: 'groep' }, { columns, rows })).toThrow(
			`fill 'groep' heeft 9 verschillende waarden; een grafiek houdt er hoogstens 8 met kleur uit elkaar (gebruik facet: groep voor kleine grafieken per waarde)`
		);
		expect(fails({ mark: 'bar', x: 'jaar', y: 'waarde', fill: 'groep' }, { columns, rows: rows.slice(1) })).not.toThrow();
	});

	it('refuses fields the mark does not use', () => {
		const columns = [column('gemeentecode', 'VARCHAR'), column('tekort', 'BIGINT')];
		expect(fails({ mark: 'tilemap', fill: 'tekort', x: 'gemeentecode' }, { columns, gemeenten: GEMEENTEN })).toThrow("mark 'tilemap' gebruikt geen x; laat 'x: gemeentecode' weg");
		expect(fails({ mark: 'tilemap', fill: 'tekort', facet: 'gemeentecode' }, { columns, gemeenten: GEMEENTEN })).toThrow("mark 'tilemap' gebruikt geen facet");
		expect(fails({ mark: 'cell', x: 'naam', y: 'naam', fill: 'tekort', rule: 3 })).toThrow("mark 'cell' gebruikt geen rule; laat 'rule: 3' weg");
	});

	it('needs a gemeentecode column and tile positions for a tilemap', () => {
		expect(fails({ mark: 'tilemap', fill: 'tekort' }, { gemeenten: GEMEENTEN })).toThrow(
			"Grafiek 'tekort': mark 'tilemap' heeft een kolom 'gemeentecode' (tekst, zoals GM0505) in het resultaat van 'tekort_per_gemeente' nodig (kolommen: naam, tekort)"
		);
		const columns = [column('gemeentecode', 'VARCHAR'), column('tekort', 'BIGINT')];
		expect(fails({ mark: 'tilemap', fill: 'tekort' }, { columns })).toThrow("mark 'tilemap' heeft de tegelposities van de gemeenten nodig");
		expect(fails({ mark: 'tilemap', fill: 'tekort' }, { columns, gemeenten: [GEMEENTEN!.at(-1)!] })).toThrow('tegelposities');
	});

	it('is a ChartSpecError with the chart and the field', () => {
		try {
			fails({ mark: 'bar', x: 'naam', y: 'naam' })();
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(ChartSpecError);
			expect(error).toMatchObject({ name: 'ChartSpecError', chart: 'tekort', field: 'y' });
		}
	});
});

describe('compileChart: colours and determinism', () => {
	it('uses the views’ blue and orange first, and colours with at least 3:1 contrast on white', () => {
		expect(SERIES_COLOURS.slice(0, 2)).toEqual([PALETTE.blauw, PALETTE.oranje]);
		const luminance = (hex: string) => {
			const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
			return 0.2126 * r + 0.7152 * g + 0.0722 * b;
		};
		for (const colour of SERIES_COLOURS) expect(1.05 / (luminance(colour) + 0.05), colour).toBeGreaterThanOrEqual(3);
		expect(new Set(SERIES_COLOURS).size).toBe(SERIES_COLOURS.length);
	});

	it('colours values on an orange ramp, negatives blue, zero grey', () => {
		expect(valueColour(0, [-5, 5])).toBe(NEUTRAAL);
		expect(valueColour(null, [0, 5])).toBe(LEEG);
		const ramp = [1, 2, 5].map((v) => valueColour(v, [0, 5]));
		expect(new Set(ramp).size).toBe(3);
		expect(valueColour(-5, [-5, 5])).not.toBe(valueColour(5, [-5, 5]));
		// One scale for both signs: -1 next to 10 is as pale as 1 next to 10.
		expect(valueColour(-1, [-1, 10])).toBe(valueColour(-1, [-10, 10]));
		expect(valueColour(-1, [-1, 10])).not.toBe(valueColour(-10, [-10, 10]));
	});

	it.each([
		['bar', { mark: 'bar', x: 'naam', y: 'tekort', rule: 10 }],
		['barh', { mark: 'barh', x: 'tekort', y: 'naam', facet: 'gemeentecode' }],
		['line', { mark: 'line', x: 'per_10k', y: 'tekort' }],
		['dot', { mark: 'dot', x: 'per_10k', y: 'tekort', fill: 'naam' }],
		['area', { mark: 'area', x: 'per_10k', y: 'tekort' }],
		['cell', { mark: 'cell', x: 'naam', y: 'gemeentecode', fill: 'tekort' }],
		['tilemap', { mark: 'tilemap', fill: 'tekort' }]
	] as const)('%s: the same rows give a byte-identical SVG', (_, spec) => {
		const render = () => renderChart(compile(spec, { columns: TEKORT_COLUMNS, gemeenten: GEMEENTEN, rows: TEKORT, rule: 10 }), TEKORT, { title: 'T', width: 640 }).svg;
		expect(render()).toBe(render());
	});

	it('keeps series colours stable when a series is missing from the drawn rows', () => {
		const chart = compile({ mark: 'line', x: 'peiljaar', y: 'aandeel', fill: 'type' }, { columns: TREND_COLUMNS, rows: TREND });
		const onlySkaeve = TREND.filter((r) => r.type === 'skaeve huse');
		expect(figure(chart, onlySkaeve).querySelector('[aria-label="line"] path')?.getAttribute('stroke')).toBe(PALETTE.oranje);
	});

	it('without rows at compile time: no legend, series still coloured in order of appearance', () => {
		const chart = compile({ mark: 'line', x: 'peiljaar', y: 'aandeel', fill: 'type' }, { columns: TREND_COLUMNS });
		expect(chart.legend).toEqual([]);
		const strokes = [...figure(chart, TREND).querySelectorAll('[aria-label="line"] path')].map((p) => p.getAttribute('stroke'));
		expect(strokes).toEqual([PALETTE.blauw, PALETTE.oranje]);
	});
});

describe('compileChart: facets', () => {
	it('draws small multiples in a grid with a title per panel', () => {
		const chart = compile({ mark: 'line', x: 'peiljaar', y: 'plekken', facet: 'type' }, { columns: TREND_COLUMNS, rows: TREND });
		const svg = figure(chart, TREND);
		expect(svg.querySelectorAll('[aria-label="line"] path')).toHaveLength(2);
		expect(texts(svg, '[aria-label="text"] text')).toEqual(['crisis', 'skaeve huse']);
		expect(titles(svg, 'dot')[0]).toBe('peiljaar 2022, plekken 1.200, type crisis');
		expect(chart.describe(TREND)).toBe(
			'Plekken per peiljaar, 2 reeksen (6 punten): crisis van 1.200 (2022) naar 1.450 (2024), een stijging van 250; skaeve huse van 10 (2022) naar 14 (2024), een stijging van 4.'
		);
	});
});
