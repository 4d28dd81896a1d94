/**
 * The centrumregio's on a map (/regios, issue 12): each region's outline (its gemeenten's
 * boundaries dissolved, src/lib/server/geo/dissolve.ts) coloured by one figure on a sequential
 * blue ramp in round classes, which the legend names. The projection is fitted to the regions
 * drawn. Each region links to its capaciteit page; a region without a figure, or a hidden one,
 * is white: "geen gegevens". The chosen region is outlined in orange. The colour is never the
 * only carrier: every area has a title with its value, the table lists them, and the page's
 * tiles reach every region with the keyboard.
 */
import * as Plot from '@observablehq/plot';
import { interpolateBlues, rgb, tickStep } from 'd3';
import type { Ring } from '../capaciteit/geo';
import { tekstKleur } from '../capaciteit/tekort-kleur';
import { linksToDataHref } from '../links';
import { REEKS } from '../palette';
import { plotStyle } from '../style';
import { defineChart, type ChartOptions, type ChartTable, type LegendItem } from '../types';
import { MAAT_SPECS, type RegioMaat, type RegioWaarde } from './vergelijking';

export const REGIOS_KAART_ID = 'regios-kaart';

/** One region on the map: its figure and its dissolved outline. */
export interface RegioKaartRij extends RegioWaarde {
	polygonen: Ring[][];
}

export interface RegiosKaartOptions {
	maat: RegioMaat;
}

export const GEEN_GEGEVENS = '#ffffff';
const RAND = '#595959';
const START = 0.2;
const MAX_KLASSEN = 5;
/** More regions than this and their value labels would overlap: the titles and the table carry them. */
const MAX_LABELS = 12;

/** The upper limits of the classes for values up to `max`, in round steps; the last one is `max`. */
export function regioKlassen(max: number): number[] {
	if (!(max > 0)) return [];
	for (let count = 4; count >= 1; count--) {
		const step = tickStep(0, max, count);
		const grenzen: number[] = [];
		for (let limit = step; limit < max - 1e-9; limit = Math.round((limit + step) * 1e6) / 1e6) grenzen.push(limit);
		grenzen.push(max);
		if (grenzen.length <= MAX_KLASSEN) return grenzen;
	}
	return [max];
}

/** The fill of a value in these classes; null (unknown or hidden) is white. */
export function regioKleur(waarde: number | null, grenzen: readonly number[]): string {
	if (waarde === null) return GEEN_GEGEVENS;
	const n = grenzen.length;
	if (n === 0) return rgb(interpolateBlues(START)).formatHex();
	const index = grenzen.findIndex((limit) => waarde <= limit + 1e-9);
	const klasse = index < 0 ? n - 1 : index;
	return rgb(interpolateBlues(START + (1 - START) * (n === 1 ? 1 : klasse / (n - 1)))).formatHex();
}

const klassenOf = (rows: readonly RegioWaarde[]) => regioKlassen(Math.max(0, ...rows.map((r) => r.waarde ?? 0)));
const waardeTekst = (r: RegioWaarde, maat: RegioMaat) => (r.waarde === null ? (r.afgeschermd?.waarde ?? 'geen gegevens') : MAAT_SPECS[maat].format(r.waarde));
const naam = (r: RegioWaarde) => (r.gekozen ? `${r.regionaam} (gekozen)` : r.regionaam);

/** The capaciteit page of a region: where a click on its area goes. */
export const regioHref = (regiocode: string) => `/capaciteit?regio=${encodeURIComponent(regiocode)}`;

function build(rows: readonly RegioKaartRij[], { width = 640, height, document, maat }: ChartOptions & RegiosKaartOptions): SVGSVGElement {
	const grenzen = klassenOf(rows);
	const features = rows
		.filter((r) => r.polygonen.length > 0)
		// The chosen region last, so no neighbour's border covers its outline.
		.sort((a, b) => Number(a.gekozen) - Number(b.gekozen))
		.map((r) => {
			const fill = regioKleur(r.waarde, grenzen);
			return {
				type: 'Feature' as const,
				properties: { row: r, fill, ink: tekstKleur(fill), href: regioHref(r.regiocode), title: `${naam(r)}: ${waardeTekst(r, maat)} (${MAAT_SPECS[maat].label.toLowerCase()})` },
				geometry: { type: 'MultiPolygon' as const, coordinates: r.polygonen }
			};
		});
	type Feature = (typeof features)[number];
	const collection = { type: 'FeatureCollection' as const, features };
	const figure = Plot.plot({
		document,
		width,
		...(height ? { height } : {}),
		margin: 10,
		className: 'chart-regios-kaart',
		style: plotStyle(11),
		projection: { type: 'mercator', domain: collection, inset: 10 },
		color: { type: 'identity' },
		marks: [
			Plot.geo(features, {
				fill: (d: Feature) => d.properties.fill,
				// The chosen region in its orange, as on the ranked charts, around any fill.
				stroke: (d: Feature) => (d.properties.row.gekozen ? REEKS.dezeRegio : RAND),
				strokeWidth: (d: Feature) => (d.properties.row.gekozen ? 3 : 1),
				href: (d: Feature) => d.properties.href,
				title: (d: Feature) => d.properties.title
			}),
			...(features.length <= MAX_LABELS
				? [
						Plot.text(
							features,
							Plot.centroid({
								text: (d: Feature) => `${d.properties.row.regionaam}\n${waardeTekst(d.properties.row, maat)}`,
								fill: (d: Feature) => d.properties.ink,
								stroke: (d: Feature) => d.properties.fill,
								strokeWidth: 3,
								paintOrder: 'stroke',
								lineHeight: 1.1,
								href: (d: Feature) => d.properties.href,
								title: (d: Feature) => d.properties.title
							})
						)
					]
				: [])
		]
	}) as SVGSVGElement;
	return linksToDataHref(figure);
}

/** The legend for these rows: each class with its limits, then "geen gegevens". */
export function regiosKaartLegendOf(rows: readonly RegioWaarde[], { maat }: RegiosKaartOptions): readonly LegendItem[] {
	const grenzen = klassenOf(rows);
	const format = MAAT_SPECS[maat].format;
	const klassen = grenzen.map((upper, i): LegendItem => ({
		label: i === 0 ? `t/m ${format(upper)}` : `${format(grenzen[i - 1])} – ${format(upper)}`,
		colour: regioKleur(upper, grenzen),
		shape: 'bar',
		stroke: RAND
	}));
	return [...klassen, ...(rows.some((r) => r.waarde === null) ? [{ label: 'Geen gegevens', colour: GEEN_GEGEVENS, shape: 'bar' as const, stroke: RAND }] : [])];
}

function describe(rows: readonly RegioWaarde[], { maat }: RegiosKaartOptions): string {
	const spec = MAAT_SPECS[maat];
	const zichtbaar = [...rows].filter((r) => r.waarde !== null).sort((a, b) => (b.waarde as number) - (a.waarde as number));
	if (zichtbaar.length === 0) return `Kaart van ${rows.length} centrumregio’s; voor geen ervan is er een ${spec.label.toLowerCase()}.`;
	const hoogste = zichtbaar.slice(0, 3).map((r) => `${r.regionaam} (${spec.format(r.waarde)})`);
	const gekozen = rows.find((r) => r.gekozen);
	return (
		`De kaart kleurt ${rows.length} centrumregio’s naar ${spec.label.toLowerCase()}: hoe donkerder, hoe hoger. Het hoogst: ${hoogste.join(', ')}.` +
		(gekozen ? ` ${gekozen.regionaam}: ${waardeTekst(gekozen, maat)}.` : '')
	);
}

function table(rows: readonly RegioWaarde[], { maat }: RegiosKaartOptions): ChartTable {
	const spec = MAAT_SPECS[maat];
	return {
		columns: [
			{ label: 'Regio', numeric: false },
			{ label: 'Code', numeric: false },
			{ label: spec.label, numeric: true }
		],
		rows: [...rows]
			.sort((a, b) => a.regionaam.localeCompare(b.regionaam, 'nl'))
			.map((r) => [naam(r), r.regiocode, r.waarde === null ? (r.afgeschermd?.waarde ?? '–') : spec.format(r.waarde)])
	};
}

export const REGIOS_KAART_STANDAARD: RegiosKaartOptions = { maat: 'tekort_per_10k' };

export const regiosKaartChart = defineChart<RegioKaartRij, RegiosKaartOptions>({
	id: REGIOS_KAART_ID,
	defaults: REGIOS_KAART_STANDAARD,
	build,
	describe,
	table,
	legend: [
		{ label: 'Laag', colour: regioKleur(0, [1, 2]), shape: 'bar', stroke: RAND },
		{ label: 'Hoog (donkerder = hoger)', colour: regioKleur(2, [1, 2]), shape: 'bar', stroke: RAND }
	],
	legendOf: regiosKaartLegendOf
});

