/**
 * Tegelkaart: every gemeente as an equal square at its tile position from the gemeenten
 * export (tegel_x, tegel_y), coloured by tekort, with its name and value, linking to its page.
 * Equal tiles keep small gemeenten as visible as Dordrecht; positions are data, not code.
 */
import * as Plot from '@observablehq/plot';
import { PALETTE } from '../palette';
import { defineChart, type ChartOptions } from '../types';
import { linksToDataHref } from '../links';
import { kaartDescribe, kaartLegendOf, kaartTable, kleur, type Gekleurd } from './kaart-common';
import { CAPACITEIT_STANDAARD, type CapaciteitOptions, type GemeenteCapaciteit } from './rows';
import { KAART_LEGEND } from './tekort-kleur';
import { plotStyle } from '../style';
import { narrowTilePositions } from '../narrow';

export const CAPACITEIT_TEGELKAART_ID = 'capaciteit-tegelkaart';

/** `Hardinxveld-Giessendam` → two lines, so long names fit a tile. */
export function tegelNaam(naam: string): string {
	if (naam.length <= 12) return naam;
	const cut = naam.lastIndexOf('-', 13);
	return cut > 0 ? `${naam.slice(0, cut + 1)}\n${naam.slice(cut + 1)}` : naam;
}

const range = (from: number, to: number) => Array.from({ length: Math.max(to - from + 1, 0) }, (_, i) => from + i);

function build(rows: readonly GemeenteCapaciteit[], { width = 640, height, document, maat }: ChartOptions & CapaciteitOptions): SVGSVGElement {
	const tiles = kleur(rows, maat);
	const margin = 10;
	const narrow = height ? null : narrowTilePositions(rows, (r) => ({ x: r.tegel_x, y: r.tegel_y }), width, margin);
	const xs = narrow ? [...narrow.values()].map((p) => p.x) : rows.map((r) => r.tegel_x);
	const ys = narrow ? [...narrow.values()].map((p) => p.y) : rows.map((r) => r.tegel_y);
	const xDomain = rows.length ? range(Math.min(...xs), Math.max(...xs)) : [0];
	const yDomain = rows.length ? range(Math.min(...ys), Math.max(...ys)) : [0];
	// A fixed height (slides) fills the whole frame: tiles as wide and as high as it allows.
	const tile = height || narrow ? Math.floor((width - 2 * margin) / xDomain.length) : Math.max(60, Math.min(140, Math.floor((width - 2 * margin) / xDomain.length)));
	const tileHeight = height ? Math.floor((height - 2 * margin) / yDomain.length) : narrow ? 72 : tile;
	// Wide, low tiles (a slide) keep a two-line name and the value inside: both closer to the middle.
	const offset = height ? { name: -2, value: 4 } : { name: -10, value: 8 };
	type Tile = Gekleurd<GemeenteCapaciteit>;
	const x = (d: Tile) => narrow?.get(d.row)?.x ?? d.row.tegel_x;
	const y = (d: Tile) => narrow?.get(d.row)?.y ?? d.row.tegel_y;
	const text = (options: Record<string, unknown>) =>
		Plot.text(tiles, { x, y, fill: (d: Tile) => d.ink, href: 'href', title: 'title', ...options });

	const figure = Plot.plot({
		document,
		width: tile * xDomain.length + 2 * margin,
		height: tileHeight * yDomain.length + 2 * margin,
		margin,
		className: 'chart-capaciteit-tegelkaart',
		style: plotStyle(12),
		x: { domain: xDomain, axis: null, padding: 0 },
		y: { domain: yDomain, axis: null, padding: 0 },
		color: { type: 'identity' },
		marks: [
			Plot.cell(tiles, { x, y, fill: 'fill', stroke: PALETTE.grijs, strokeWidth: 1, inset: 3, href: 'href', title: 'title' }),
			text({ text: (d: Tile) => tegelNaam(d.row.naam), dy: offset.name, fontWeight: 'bold', lineHeight: 1.1, lineAnchor: 'bottom' }),
			text({ text: 'waarde', dy: offset.value, fontSize: 15, lineAnchor: 'top' })
		]
	}) as SVGSVGElement;
	return linksToDataHref(figure);
}

export const capaciteitTegelkaartChart = defineChart<GemeenteCapaciteit, CapaciteitOptions>({
	id: CAPACITEIT_TEGELKAART_ID,
	defaults: CAPACITEIT_STANDAARD,
	build,
	describe: kaartDescribe,
	table: kaartTable,
	legend: KAART_LEGEND,
	legendOf: kaartLegendOf
});
