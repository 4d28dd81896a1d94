/**
 * HKG-bod per gemeente: per gemeente the bids of the rounds (voorlopig → aanvulling →
 * definitief) as dots joined by an arrow, the fair share of the regional opgave as a black
 * tick, and the shortfall of the compared round as a pale band with an orange outline (the
 * outline carries the 3:1 contrast, WCAG 1.4.11) and its size as a label.
 * A what-if bid shows as an orange diamond. Every gemeente's marks carry its page (data-href, see links.ts).
 */
import * as Plot from '@observablehq/plot';
import { formatInteger, opsomming } from '../../domain/format';
import { PALETTE } from '../palette';
import type { ChartDefinition, ChartOptions, ChartTable, LegendItem } from '../types';
import { linksToDataHref } from '../links';
import { formatAandeel, RONDES, rondeLabel, sleutelLabel, type HkgGemeenteBod } from './model';
import { plotStyle } from '../style';
import { barLabels, barRows, countAxis } from '../narrow';

export const HKG_BOD_PER_GEMEENTE_ID = 'hkg-bod-per-gemeente';

/** Rounds differ in colour (lightness rises with time, so greyscale keeps the order) and in symbol. */
const RONDE_STIJL = {
	voorlopig: { colour: '#767676', symbol: 'circle' },
	aanvulling: { colour: '#3b78b5', symbol: 'square' },
	definitief: { colour: PALETTE.blauw, symbol: 'diamond2' }
} as const;
const TEKORT_VLAK = '#f3d9c0';
const TEKORT_RAND = PALETTE.oranje;

const legend: readonly LegendItem[] = [
	...RONDES.map((r) => ({ label: rondeLabel(r), colour: RONDE_STIJL[r].colour, shape: 'dot' as const, symbol: RONDE_STIJL[r].symbol })),
	{ label: 'Redelijk aandeel', colour: PALETTE.inkt, shape: 'tick' },
	{ label: 'Tekort t.o.v. redelijk aandeel', colour: TEKORT_VLAK, stroke: TEKORT_RAND, shape: 'bar' },
	{ label: 'Wat-als-bod', colour: PALETTE.oranje, shape: 'dot', symbol: 'diamond' }
];

const href = (d: { gemeentecode: string }) => `/gemeente/${d.gemeentecode}`;
const eenheden = (n: number) => `${formatInteger(n)} ${n === 1 ? 'eenheid' : 'eenheden'}`;
const aandeel = formatAandeel;
/** The bid that counts in the comparison: what-if when given, otherwise the real bid. */
const telt = (d: HkgGemeenteBod) => d.wat_als ?? d.bod ?? 0;

function build(rows: readonly HkgGemeenteBod[], { width = 720, height, document }: ChartOptions): SVGSVGElement {
	const namen = rows.map((r) => r.naam);
	const dots = rows.flatMap((g) =>
		RONDES.filter((r) => g[r] !== null).map((r) => ({ ...g, rondeNaam: rondeLabel(r), waarde: g[r] as number, stijl: r }))
	);
	const progressie = rows
		.map((g) => ({ ...g, rondes: RONDES.map((r) => g[r]).filter((v): v is number => v !== null) }))
		.filter((g) => g.rondes.length > 1 && g.rondes[0] !== g.rondes.at(-1));
	const watAls = rows.filter((g) => g.wat_als !== null);
	const max = Math.max(1, ...rows.flatMap((g) => [g.fair_share, g.wat_als ?? 0, ...RONDES.map((r) => g[r] ?? 0)]));
	const tekstVan = (d: HkgGemeenteBod) => (d.tekort > 0 ? `tekort ${aandeel(d.tekort)}` : 'aandeel gehaald');
	const layout = barRows({ width, rowHeight: 34, marginLeft: 190, marginRight: 110, padding: 0.2, labels: namen, values: rows.map(tekstVan) });
	const hrefOf = (naam: string) => href(rows.find((r) => r.naam === naam) ?? { gemeentecode: '' });

	const figure = Plot.plot({
		document,
		width,
		height: height ?? (40 + layout.rowHeight * Math.max(rows.length, 1) + 45),
		marginLeft: layout.marginLeft,
		marginRight: layout.marginRight,
		marginBottom: 45,
		className: 'chart-hkg-bod-per-gemeente',
		style: plotStyle(),
		x: countAxis('Eenheden', layout, width, { domain: [0, max * 1.05] }),
		y: { label: null, domain: namen, ...layout.y },
		color: { domain: RONDES.map((r) => rondeLabel(r)), range: RONDES.map((r) => RONDE_STIJL[r].colour) },
		symbol: { domain: RONDES.map((r) => rondeLabel(r)), range: RONDES.map((r) => RONDE_STIJL[r].symbol) },
		marks: [
			Plot.barX(
				rows.filter((g) => g.tekort > 0),
				{
					x1: telt,
					x2: 'fair_share',
					y: 'naam',
					fill: TEKORT_VLAK,
					stroke: TEKORT_RAND,
					strokeWidth: 1,
					insetTop: 4,
					insetBottom: 4,
					href,
					title: (d: HkgGemeenteBod) => `${d.naam}: ${aandeel(d.tekort)} eenheden onder het redelijk aandeel (${rondeLabel(d.wat_als !== null ? 'wat_als' : d.ronde, d.ronde).toLowerCase()})`
				}
			),
			Plot.ruleX([0], { stroke: PALETTE.grijs }),
			Plot.arrow(progressie, {
				x1: (d: (typeof progressie)[number]) => d.rondes[0],
				x2: (d: (typeof progressie)[number]) => d.rondes.at(-1),
				y: 'naam',
				stroke: PALETTE.grijs,
				strokeWidth: 1.5,
				headLength: 6,
				inset: 7
			}),
			Plot.tickX(rows, {
				x: 'fair_share',
				y: 'naam',
				stroke: PALETTE.inkt,
				strokeWidth: 3,
				href,
				title: (d: HkgGemeenteBod) => `${d.naam}: redelijk aandeel ${aandeel(d.fair_share)} eenheden (${sleutelLabel(d.sleutel, d.afgesproken)})`
			}),
			Plot.dot(dots, {
				x: 'waarde',
				y: 'naam',
				fill: 'rondeNaam',
				symbol: 'rondeNaam',
				stroke: 'white',
				r: 5.5,
				href,
				title: (d: (typeof dots)[number]) => `${d.naam}, ${d.rondeNaam.toLowerCase()}: ${eenheden(d.waarde)}`
			}),
			Plot.arrow(watAls, {
				x1: (d: HkgGemeenteBod) => d.bod ?? 0,
				x2: 'wat_als',
				y: 'naam',
				stroke: PALETTE.oranje,
				strokeWidth: 2,
				strokeDasharray: '4 2',
				headLength: 0,
				dy: 9
			}),
			Plot.dot(watAls, {
				x: 'wat_als',
				y: 'naam',
				dy: 9,
				symbol: 'diamond',
				fill: PALETTE.oranje,
				stroke: 'white',
				r: 6,
				href,
				title: (d: HkgGemeenteBod) => `${d.naam}, wat-als: ${eenheden(d.wat_als ?? 0)} (echt bod ${d.bod === null ? 'geen' : formatInteger(d.bod)})`
			}),
			...(layout.narrow
				? barLabels(layout, { href: hrefOf })
				: [
						Plot.text(rows, { x: max * 1.05, y: 'naam', text: tekstVan, textAnchor: 'start', dx: 12, fill: PALETTE.inkt, href }),
						Plot.axisY({ label: null, tickSize: 0, href: hrefOf })
					])
		]
	}) as SVGSVGElement;
	return linksToDataHref(figure);
}

function describe(rows: readonly HkgGemeenteBod[]): string {
	if (rows.length === 0) return 'Er zijn geen biedingen voor deze keuze.';
	const { ronde, sleutel, afgesproken } = rows[0];
	const watAls = rows.some((g) => g.wat_als !== null);
	const onder = rows.filter((g) => g.tekort > 0).sort((a, b) => b.tekort - a.tekort);
	const basis = watAls ? `Met de wat-als-biedingen (in plaats van het ${rondeLabel(ronde).toLowerCase()})` : `In het ${rondeLabel(ronde).toLowerCase()}`;
	const sleutelTekst = `redelijk aandeel ${sleutelLabel(sleutel, afgesproken)}`;
	if (onder.length === 0) return `${basis} bieden alle ${formatInteger(rows.length)} gemeenten minstens hun ${sleutelTekst}.`;
	const grootste = onder[0];
	const som = onder.reduce((s, g) => s + g.tekort, 0);
	const namen = opsomming(onder.map((g) => `${g.naam} (tekort ${aandeel(g.tekort)})`));
	return (
		`${basis} bieden ${formatInteger(onder.length)} van de ${formatInteger(rows.length)} gemeenten minder dan hun ${sleutelTekst}: ${namen}; ` +
		`samen ${aandeel(som)} eenheden. Het grootste tekort heeft ${grootste.naam}: bod ${formatInteger(telt(grootste))}, ` +
		`redelijk aandeel ${aandeel(grootste.fair_share)}, tekort ${aandeel(grootste.tekort)}.`
	);
}

function table(rows: readonly HkgGemeenteBod[]): ChartTable {
	const watAls = rows.some((g) => g.wat_als !== null);
	return {
		columns: [
			{ label: 'Gemeente', numeric: false },
			...RONDES.map((r) => ({ label: rondeLabel(r), numeric: true })),
			...(watAls ? [{ label: 'Wat-als-bod', numeric: true }] : []),
			{ label: 'Redelijk aandeel', numeric: true },
			{ label: 'Tekort', numeric: true }
		],
		rows: rows.map((g) => [
			g.naam,
			...RONDES.map((r) => formatInteger(g[r])),
			...(watAls ? [g.wat_als === null ? '' : formatInteger(g.wat_als)] : []),
			aandeel(g.fair_share),
			aandeel(g.tekort)
		])
	};
}

/** Only what the rows draw: rounds with a bid, the shortfall band when a gemeente falls short, the what-if diamond when there are what-if bids. */
function legendOf(rows: readonly HkgGemeenteBod[]): readonly LegendItem[] {
	const drawn = new Set<string>([
		...RONDES.filter((r) => rows.some((g) => g[r] !== null)).map((r) => rondeLabel(r)),
		'Redelijk aandeel',
		...(rows.some((g) => g.tekort > 0) ? ['Tekort t.o.v. redelijk aandeel'] : []),
		...(rows.some((g) => g.wat_als !== null) ? ['Wat-als-bod'] : [])
	]);
	return legend.filter((item) => drawn.has(item.label));
}

export const hkgBodPerGemeente: ChartDefinition<HkgGemeenteBod> = {
	id: HKG_BOD_PER_GEMEENTE_ID,
	build,
	describe,
	table,
	legend,
	legendOf
};
