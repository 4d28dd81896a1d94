/**
 * Geplande eenheden tegen het tekort: per voorzieningstype the units in projects that are not
 * yet in use, as a narrow bar inside a wide bar of the shortage of the same type in the latest
 * peiljaar. Shows at a glance whether the pipeline closes the gap (README, "Wat is dit?").
 */
import * as Plot from '@observablehq/plot';
import { formatInteger } from '../../domain/format';
import { labelOf, VOORZIENINGSTYPEN, type Voorzieningstype } from '../../domain/vocabulary';
import { PALETTE } from '../palette';
import type { ChartDefinition, ChartOptions, ChartTable, LegendItem } from '../types';
import { plotStyle } from '../style';
import { barLabels, barRows, countAxis } from '../narrow';

export interface PlanVsTekortPunt {
	peiljaar: number;
	voorzieningstype: Voorzieningstype;
	/** Projects (of the chosen statuses) not yet in use, and their units. */
	projecten: number;
	eenheden_gepland: number;
	/** Shortage of the type in the peiljaar (capaciteit export); null when the type has no capaciteit rows. */
	tekort: number | null;
}

export const PLANNING_PLAN_VS_TEKORT_ID = 'planning-plan-vs-tekort';

const TYPE_ORDER = VOORZIENINGSTYPEN.map((t) => t.id);
const label = (row: PlanVsTekortPunt) => labelOf('voorzieningstype', row.voorzieningstype);

/**
 * Combine the (filtered) projects with the per-type shortage: planned units count projects
 * that are not yet in use. Types with neither a shortage nor planned units are left out.
 */
export function planTegenTekort(
	projects: readonly { type: Voorzieningstype; status: string; eenheden: number }[],
	tekorten: readonly { peiljaar: number; voorzieningstype: Voorzieningstype; tekort: number | null }[],
	peiljaar: number
): PlanVsTekortPunt[] {
	const types = new Set<Voorzieningstype>([...projects.map((p) => p.type), ...tekorten.map((t) => t.voorzieningstype)]);
	return TYPE_ORDER.filter((type) => types.has(type))
		.map((type) => {
			const planned = projects.filter((p) => p.type === type && p.status !== 'in_gebruik');
			return {
				peiljaar,
				voorzieningstype: type,
				projecten: planned.length,
				eenheden_gepland: planned.reduce((sum, p) => sum + p.eenheden, 0),
				tekort: tekorten.find((t) => t.voorzieningstype === type)?.tekort ?? null
			};
		})
		.filter((row) => row.eenheden_gepland > 0 || (row.tekort ?? 0) > 0);
}

const SERIES = {
	tekort: { label: 'Tekort aan plekken (peiljaar)', colour: PALETTE.blauw },
	gepland: { label: 'Eenheden in projecten (nog niet in gebruik)', colour: PALETTE.oranje }
} as const;

const legend: readonly LegendItem[] = [
	{ label: SERIES.tekort.label, colour: SERIES.tekort.colour, shape: 'bar' },
	{ label: SERIES.gepland.label, colour: SERIES.gepland.colour, shape: 'bar' }
];

function verdict(row: PlanVsTekortPunt): string {
	if (row.tekort === null) return `gepland ${formatInteger(row.eenheden_gepland)}, tekort onbekend`;
	return `gepland ${formatInteger(row.eenheden_gepland)} / tekort ${formatInteger(row.tekort)}`;
}

function build(rows: readonly PlanVsTekortPunt[], { width = 720, height, document }: ChartOptions): SVGSVGElement {
	const barHeight = 38;
	const types = rows.map(label);
	const layout = barRows({ width, rowHeight: barHeight, marginLeft: 160, marginRight: 170, padding: 0.25, labels: types, values: rows.map(verdict) });
	return Plot.plot({
		document,
		width,
		height: height ?? (20 + layout.rowHeight * Math.max(rows.length, 1) + 45),
		marginTop: 20,
		marginBottom: 45,
		marginLeft: layout.marginLeft,
		marginRight: layout.marginRight,
		className: 'chart-planning-plan-vs-tekort',
		style: plotStyle(),
		x: countAxis('Plekken of eenheden', layout, width),
		y: { label: null, domain: types, ...layout.y },
		marks: [
			Plot.barX(rows, {
				x: (d: PlanVsTekortPunt) => d.tekort ?? 0,
				y: label,
				fill: SERIES.tekort.colour,
				title: (d: PlanVsTekortPunt) => `${label(d)}: tekort ${d.tekort === null ? 'onbekend' : `${formatInteger(d.tekort)} plekken`} in ${d.peiljaar}`
			}),
			// The planned units as a narrower bar on top: readable by length and by width, also in greyscale.
			Plot.barX(rows, {
				x: 'eenheden_gepland',
				y: label,
				fill: SERIES.gepland.colour,
				stroke: 'white',
				insetTop: 9,
				insetBottom: 9,
				title: (d: PlanVsTekortPunt) => `${label(d)}: ${formatInteger(d.eenheden_gepland)} eenheden in ${formatInteger(d.projecten)} project(en) die nog niet in gebruik zijn`
			}),
			...(layout.narrow
				? barLabels(layout)
				: [
						Plot.text(rows, {
							x: (d: PlanVsTekortPunt) => Math.max(d.tekort ?? 0, d.eenheden_gepland),
							y: label,
							text: verdict,
							textAnchor: 'start',
							dx: 8,
							fill: PALETTE.inkt
						})
					]),
			Plot.ruleX([0], { stroke: PALETTE.grijs })
		]
	}) as SVGSVGElement;
}

function describe(rows: readonly PlanVsTekortPunt[]): string {
	if (rows.length === 0) return 'Voor de gekozen filters is er geen tekort en zijn er geen geplande eenheden.';
	const peiljaar = rows[0].peiljaar;
	const short = rows.filter((r) => r.tekort !== null && r.eenheden_gepland < r.tekort);
	const covered = rows.filter((r) => r.tekort !== null && r.eenheden_gepland >= r.tekort);
	const parts = [`Geplande eenheden tegen het tekort in peiljaar ${peiljaar}.`];
	if (short.length) {
		parts.push(`De projecten dekken het tekort niet bij ${short.map((r) => `${label(r)} (gepland ${formatInteger(r.eenheden_gepland)}, tekort ${formatInteger(r.tekort)})`).join(', ')}.`);
	}
	if (covered.length) {
		parts.push(`Wel gedekt of meer gepland dan het tekort: ${covered.map((r) => `${label(r)} (gepland ${formatInteger(r.eenheden_gepland)}, tekort ${formatInteger(r.tekort)})`).join(', ')}.`);
	}
	return parts.join(' ');
}

function table(rows: readonly PlanVsTekortPunt[]): ChartTable {
	return {
		columns: [
			{ label: 'Voorzieningstype', numeric: false },
			{ label: 'Projecten', numeric: true },
			{ label: 'Eenheden gepland', numeric: true },
			{ label: 'Tekort', numeric: true },
			{ label: 'Tekort min gepland', numeric: true }
		],
		rows: rows.map((r) => [
			label(r),
			formatInteger(r.projecten),
			formatInteger(r.eenheden_gepland),
			formatInteger(r.tekort),
			r.tekort === null ? formatInteger(null) : formatInteger(Math.max(r.tekort - r.eenheden_gepland, 0))
		])
	};
}

export const planningPlanVsTekort: ChartDefinition<PlanVsTekortPunt> = { id: PLANNING_PLAN_VS_TEKORT_ID, build, describe, table, legend };
