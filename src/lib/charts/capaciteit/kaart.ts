/**
 * Choropleth of the gemeenten by tekort, drawn from the boundaries file the user placed in
 * the exports (CBS gemeentegrenzen). The projection is fitted to the region's features, so
 * the same builder serves any region. Each area shows its value and links to its page.
 */
import * as Plot from '@observablehq/plot';
import { defineChart, type ChartOptions } from '../types';
import { toFeature, type GemeenteGrens } from './geo';
import { linksToDataHref } from '../links';
import { kaartDescribe, kaartLegendOf, kaartTable, kleur, type Gekleurd } from './kaart-common';
import { labelRenders, type LabelLayout } from './kaart-labels';
import { CAPACITEIT_STANDAARD, type CapaciteitOptions, type GemeenteCapaciteit } from './rows';
import { tegelNaam } from './tegelkaart';
import { KAART_LEGEND } from './tekort-kleur';
import { plotStyle } from '../style';

export const CAPACITEIT_KAART_ID = 'capaciteit-kaart';

/**
 * The boundaries' attribution for the source line: CBS/PDOK gemeentegrenzen are published by
 * CBS and Kadaster under CC-BY 4.0, which asks for the makers and the licence, not a file name.
 * A boundaries file that names its own maker (`bron`, $lib/server/geo/boundaries) gets that.
 */
export const GRENZEN_BRON = 'gemeentegrenzen © CBS/Kadaster, CC-BY 4.0';

export type KaartRow = GemeenteCapaciteit & Pick<GemeenteGrens, 'polygonen'>;

/** The labels' text size and where they sit: the name above the centroid, the value under it. */
const LABELS: LabelLayout = { fontSize: 11, gapAbove: 6, gapBelow: 2, lineHeight: 1.05 };

function build(rows: readonly KaartRow[], { width = 640, height, document, maat }: ChartOptions & CapaciteitOptions): SVGSVGElement {
	const features = kleur(rows, maat).map((g) => toFeature({ gemeentecode: g.row.gemeentecode, polygonen: g.row.polygonen }, g));
	type Feature = (typeof features)[number];
	const p = (d: Feature) => d.properties as Gekleurd<KaartRow>;
	const collection = { type: 'FeatureCollection' as const, features };
	const label = (options: Record<string, unknown>) =>
		Plot.text(features, Plot.centroid({ fill: (d: Feature) => p(d).ink, href: (d: Feature) => p(d).href, title: (d: Feature) => p(d).title, stroke: (d: Feature) => p(d).fill, strokeWidth: 3, paintOrder: 'stroke', ...options }));
	// Small gemeenten side by side: no label runs into another (the largest tekort is labelled first).
	const renders = labelRenders(
		features.map((d) => ({ naam: tegelNaam(p(d).row.naam).split('\n'), waarde: p(d).waarde, voorrang: p(d).row.tekort ?? -1 })),
		LABELS
	);

	const figure = Plot.plot({
		document,
		width,
		...(height ? { height } : {}),
		margin: 10,
		className: 'chart-capaciteit-kaart',
		style: plotStyle(LABELS.fontSize),
		projection: { type: 'mercator', domain: collection, inset: 10 },
		color: { type: 'identity' },
		marks: [
			Plot.geo(features, {
				fill: (d: Feature) => p(d).fill,
				stroke: 'white',
				strokeWidth: 1.5,
				href: (d: Feature) => p(d).href,
				title: (d: Feature) => p(d).title
			}),
			label({ text: (d: Feature) => tegelNaam(p(d).row.naam), dy: -LABELS.gapAbove, fontWeight: 'bold', lineAnchor: 'bottom', lineHeight: LABELS.lineHeight, render: renders.naam }),
			label({ text: (d: Feature) => p(d).waarde, dy: LABELS.gapBelow, lineAnchor: 'top', render: renders.waarde })
		]
	}) as SVGSVGElement;
	return linksToDataHref(figure);
}

export const capaciteitKaartChart = defineChart<KaartRow, CapaciteitOptions>({
	id: CAPACITEIT_KAART_ID,
	defaults: CAPACITEIT_STANDAARD,
	build,
	describe: kaartDescribe,
	table: kaartTable,
	legend: KAART_LEGEND,
	legendOf: kaartLegendOf
});
