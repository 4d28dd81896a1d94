/**
 * Projecten op een tijdlijn: one row per project, grouped under its status (idee →
 * locatieonderzoek → besluitvorming → realisatie → in gebruik), a dot at the expected
 * delivery date sized by its units. Projects without a date sit in a separate band
 * "Datum onbekend" at the right, so they are never dropped (README, "Wat is dit?": planning).
 */
import * as Plot from '@observablehq/plot';
import { formatDate, formatInteger, ONBEKEND } from '../../domain/format';
import { labelOf, PROJECTSTATUSSEN, type Projectstatus, type Voorzieningstype } from '../../domain/vocabulary';
import { PALETTE } from '../palette';
import { dataHref } from '../links';
import type { ChartDefinition, ChartOptions, ChartTable, LegendItem } from '../types';
import { orderedProjects, STATUS_ORDER, tijdlijnDatum, type TijdlijnProject } from './projects';
import { plotStyle } from '../style';
import { isNarrow, textWidth, wrapText } from '../narrow';

export { orderedProjects, tijdlijnDatum, type TijdlijnProject } from './projects';

export const PLANNING_TIJDLIJN_ID = 'planning-tijdlijn';

const statusLabel = (status: Projectstatus) => labelOf('projectstatus', status);
const eenhedenText = (n: number) => `${formatInteger(n)} ${n === 1 ? 'eenheid' : 'eenheden'}`;

/** ISO date → decimal year (2024-07-01 → 2024.5): a numeric axis keeps the unknown band simple. */
function decimalYear(iso: string): number {
	const [y, m, d] = iso.split('-').map(Number);
	const start = Date.UTC(y, 0, 1);
	return y + (Date.UTC(y, m - 1, d) - start) / (Date.UTC(y + 1, 0, 1) - start);
}

const projectKey = (p: TijdlijnProject) => `p:${p.project_id}`;
const headerKey = (s: Projectstatus) => `s:${s}`;

function tooltip(p: TijdlijnProject): string {
	const datum = tijdlijnDatum(p);
	const wanneer =
		p.status === 'in_gebruik' ? `in gebruik sinds ${formatDate(datum)}` : datum ? `verwachte oplevering ${formatDate(datum)}` : 'verwachte oplevering onbekend';
	return `${p.naam} (${p.gemeentenaam}): ${eenhedenText(p.eenheden)} ${labelOf('voorzieningstype', p.type).toLowerCase()}, ${statusLabel(p.status).toLowerCase()} sinds ${formatDate(p.status_datum)}, ${wanneer}`;
}

/** A long project name on two lines, broken at the space nearest its middle: never cut, never an ellipsis. */
export function wrapNaam(text: string, max = 26): string {
	if (text.length <= max) return text;
	const spaces = [...text.matchAll(/ /g)].map((m) => m.index!);
	if (spaces.length === 0) return text;
	const middle = text.length / 2;
	const cut = spaces.reduce((best, i) => (Math.abs(i - middle) < Math.abs(best - middle) ? i : best));
	return `${text.slice(0, cut)}\n${text.slice(cut + 1)}`;
}

/**
 * The years axis of both layouts: from the first year of a known date to a band on the right
 * for projects without one, a tick every `step(years)` years.
 */
function yearScale(projects: readonly TijdlijnProject[], step: (years: number) => number) {
	const years = projects.map(tijdlijnDatum).filter((d): d is string => d !== null).map(decimalYear);
	const first = years.length ? Math.floor(Math.min(...years)) : 0;
	const last = years.length ? Math.floor(Math.max(...years)) + 1 : 1;
	const span = last - first;
	const bandWidth = Math.max(1.6, span * 0.28);
	const band = { x1: last + span * 0.04, x2: last + span * 0.04 + bandWidth };
	const every = step(band.x2 - first);
	const ticks = years.length ? Array.from({ length: Math.floor(span / every) + 1 }, (_, i) => first + i * every) : [];
	const axis = (label: string, extra: Plot.ScaleOptions = {}): Plot.ScaleOptions => ({
		domain: [first - span * 0.04, band.x2],
		ticks,
		tickFormat: (d: number) => String(d),
		label,
		labelAnchor: 'left',
		labelArrow: 'none',
		...extra,
		grid: true
	});
	return { band, unknownX: band.x1 + bandWidth * 0.15, axis };
}

function build(rows: readonly TijdlijnProject[], { width = 720, height, document }: ChartOptions): SVGSVGElement {
	if (!height && isNarrow(width)) return buildNarrow(rows, width, document);
	const projects = orderedProjects(rows);
	const statuses = STATUS_ORDER.filter((s) => projects.some((p) => p.status === s));
	const domain = statuses.flatMap((s) => [headerKey(s), ...projects.filter((p) => p.status === s).map(projectKey)]);
	// On a slide (fixed height) the rows are low: one line a name, the name column as wide as it needs.
	const names = new Map(projects.map((p) => [projectKey(p), height ? p.naam : wrapNaam(p.naam)]));
	const twoLines = [...names.values()].some((n) => n.includes('\n'));

	// About 7.4 px per character at 13 px in the site's font (Verdana fallback); long names take two lines.
	const longest = Math.max(14, ...[...names.values()].flatMap((n) => n.split('\n')).map((line) => line.length));
	const marginLeft = Math.min(height ? width * 0.45 : 250, 24 + 7.4 * longest);
	const marginRight = 140;
	// A year label needs about 40 px; skip years on narrow charts.
	const { band, unknownX, axis } = yearScale(projects, (years) => Math.max(1, Math.ceil((40 * years) / Math.max(1, width - marginLeft - marginRight))));
	const positioned = projects.map((p) => {
		const datum = tijdlijnDatum(p);
		return { ...p, key: projectKey(p), x: datum ? decimalYear(datum) : unknownX, bekend: datum !== null };
	});
	type Positioned = (typeof positioned)[number];
	const maxEenheden = Math.max(1, ...projects.map((p) => p.eenheden));
	// Two-line names need a higher row; the last row keeps clear of the x-axis (INSET below it).
	const rowHeight = twoLines ? 32 : 26;
	const INSET = 14;
	const marginTop = height ? 30 : 40;
	const marginBottom = height ? 42 : 50;
	// On a slide (fixed height) the rows get what the frame allows: dots no larger than their row.
	const rowBand = height ? (height - marginTop - marginBottom - INSET) / Math.max(domain.length, 1) : rowHeight;
	const maxR = Math.max(4, Math.min(11, rowBand / 2 - 1));
	const href = (d: Positioned) => `/gemeente/${d.gemeentecode}`;

	return Plot.plot({
		document,
		width,
		height: height ?? (marginTop + rowHeight * Math.max(domain.length, 1) + INSET + marginBottom),
		marginTop,
		marginBottom,
		marginLeft,
		marginRight,
		className: 'chart-planning-tijdlijn',
		style: plotStyle(),
		x: axis('Verwachte oplevering (bij ‘in gebruik’: sinds) · stipgrootte = aantal eenheden'),
		y: { domain, label: null, tickSize: 0, tickFormat: (key: string) => names.get(key) ?? '', padding: 0, insetBottom: INSET },
		r: { domain: [0, maxEenheden], range: [0, maxR] },
		marks: [
			Plot.rectX([band], { x1: 'x1', x2: 'x2', fill: '#ececec' }),
			Plot.text([band], { x: (b: typeof band) => (b.x1 + b.x2) / 2, text: () => 'Datum onbekend', frameAnchor: 'top', dy: -12, fontWeight: 'bold' }),
			Plot.text(statuses, {
				y: headerKey,
				text: (s: Projectstatus) => `${statusLabel(s)} (${projects.filter((p) => p.status === s).length})`,
				frameAnchor: 'left',
				textAnchor: 'start',
				dx: -marginLeft + 4,
				fontWeight: 'bold'
			}),
			Plot.dot(positioned, {
				x: 'x',
				y: 'key',
				r: 'eenheden',
				fill: (d: Positioned) => (d.bekend ? PALETTE.blauw : 'white'),
				stroke: PALETTE.blauw,
				strokeWidth: 2,
				render: dataHref(positioned, href),
				title: tooltip
			}),
			Plot.text(positioned, {
				x: 'x',
				y: 'key',
				text: (d: Positioned) => `${d.gemeentenaam} · ${eenhedenText(d.eenheden)}`,
				textAnchor: 'start',
				dx: 15,
				fill: PALETTE.inkt,
				render: dataHref(positioned, href),
				title: tooltip
			})
		]
	}) as SVGSVGElement;
}

function describe(rows: readonly TijdlijnProject[]): string {
	if (rows.length === 0) return 'Er zijn geen projecten die aan de gekozen filters voldoen.';
	const total = rows.reduce((sum, p) => sum + p.eenheden, 0);
	const perStatus = STATUS_ORDER.filter((s) => rows.some((p) => p.status === s)).map((s) => {
		const group = rows.filter((p) => p.status === s);
		return `${statusLabel(s).toLowerCase()} ${formatInteger(group.length)} (${eenhedenText(group.reduce((sum, p) => sum + p.eenheden, 0))})`;
	});
	const parts = [`${formatInteger(rows.length)} ${rows.length === 1 ? 'project' : 'projecten'} met samen ${eenhedenText(total)}. Per status: ${perStatus.join(', ')}.`];
	const next = [...rows].filter((p) => p.status !== 'in_gebruik' && p.verwachte_oplevering).sort((a, b) => a.verwachte_oplevering!.localeCompare(b.verwachte_oplevering!))[0];
	if (next) parts.push(`Als eerste wordt ${next.naam} (${next.gemeentenaam}, ${eenhedenText(next.eenheden)}) verwacht, op ${formatDate(next.verwachte_oplevering)}.`);
	const unknown = orderedProjects(rows).filter((p) => tijdlijnDatum(p) === null);
	if (unknown.length) parts.push(`Zonder verwachte opleverdatum: ${unknown.map((p) => p.naam).join(', ')}.`);
	return parts.join(' ');
}

/** The project list with every column the planning table shows (also the CSV export). */
function table(rows: readonly TijdlijnProject[]): ChartTable {
	return {
		columns: [
			{ label: 'Project', numeric: false },
			{ label: 'Gemeente', numeric: false },
			{ label: 'Voorzieningstype', numeric: false },
			{ label: 'Eenheden', numeric: true },
			{ label: 'Status', numeric: false },
			{ label: 'Status sinds', numeric: false },
			{ label: 'Verwachte oplevering', numeric: false },
			{ label: 'Toelichting', numeric: false }
		],
		rows: orderedProjects(rows).map((p) => [
			p.naam,
			p.gemeentenaam,
			labelOf('voorzieningstype', p.type),
			formatInteger(p.eenheden),
			statusLabel(p.status),
			formatDate(p.status_datum),
			p.verwachte_oplevering ? formatDate(p.verwachte_oplevering) : p.status === 'in_gebruik' ? ONBEKEND : 'onbekend',
			p.toelichting ?? ''
		])
	};
}

const legend: readonly LegendItem[] = [];

export const planningTijdlijn: ChartDefinition<TijdlijnProject> = { id: PLANNING_TIJDLIJN_ID, build, describe, table, legend };

/**
 * The timeline on a phone: no column of names beside the dots (it would leave them no room) but
 * each project's name, gemeente and units above its row, wrapped to the width; fewer years; the
 * axis label on three lines.
 */
function buildNarrow(rows: readonly TijdlijnProject[], width: number, document: Document): SVGSVGElement {
	const projects = orderedProjects(rows);
	const statuses = STATUS_ORDER.filter((s) => projects.some((p) => p.status === s));
	const domain = statuses.flatMap((s) => [headerKey(s), ...projects.filter((p) => p.status === s).map(projectKey)]);
	const marginLeft = 8;
	const marginRight = 12;
	const texts = new Map(projects.map((p) => [projectKey(p), [...wrapText(p.naam, width - marginLeft - marginRight), `${p.gemeentenaam} · ${eenhedenText(p.eenheden)}`].join('\n')]));
	const lines = Math.max(2, ...[...texts.values()].map((t) => t.split('\n').length));
	const maxR = 9;
	const rowHeight = 2 * maxR + 8 + 16 * lines;
	const headerHeight = 30;

	const { band, unknownX, axis } = yearScale(projects, (years) => Math.max(1, Math.ceil(((textWidth('2024') + 16) * years) / Math.max(1, width - marginLeft - marginRight - 40))));
	const positioned = projects.map((p) => {
		const datum = tijdlijnDatum(p);
		return { ...p, key: projectKey(p), x: datum ? decimalYear(datum) : unknownX, bekend: datum !== null };
	});
	type Positioned = (typeof positioned)[number];
	const maxEenheden = Math.max(1, ...projects.map((p) => p.eenheden));
	const href = (d: Positioned) => `/gemeente/${d.gemeentecode}`;
	// Status headers are lower than project rows, so rows are placed in pixels from the top.
	const heights = domain.map((k) => (k.startsWith('s:') ? headerHeight : rowHeight));
	const marginTop = 44;
	const marginBottom = 80;
	const plotHeight = heights.reduce((a, b) => a + b, 0);
	const offsets = heights.map((_, i) => heights.slice(0, i).reduce((a, b) => a + b, 0));
	const yOf = new Map(domain.map((k, i) => [k, offsets[i] + heights[i]]));

	return Plot.plot({
		document,
		width,
		height: marginTop + plotHeight + marginBottom,
		marginTop,
		marginBottom,
		marginLeft,
		marginRight,
		className: 'chart-planning-tijdlijn',
		style: plotStyle(),
		x: axis('Verwachte oplevering\n(bij ‘in gebruik’: sinds)\nstipgrootte = aantal eenheden', { labelOffset: 70 }),
		// A linear y in pixels from the top: rows of two heights (status headers, projects).
		y: { domain: [0, plotHeight], range: [marginTop, marginTop + plotHeight], axis: null },
		r: { domain: [0, maxEenheden], range: [0, maxR] },
		marks: [
			Plot.rectX([band], { x1: 'x1', x2: 'x2', fill: '#ececec' }),
			Plot.text([band], { x: (b: typeof band) => b.x2, text: () => 'Datum\nonbekend', frameAnchor: 'top', lineAnchor: 'bottom', textAnchor: 'end', dy: -4, fontWeight: 'bold' }),
			Plot.text(statuses, {
				y: (s: Projectstatus) => (yOf.get(headerKey(s)) ?? 0) - 8,
				text: (s: Projectstatus) => `${statusLabel(s)} (${projects.filter((p) => p.status === s).length})`,
				frameAnchor: 'left',
				textAnchor: 'start',
				lineAnchor: 'bottom',
				fontWeight: 'bold'
			}),
			Plot.text(positioned, {
				y: (d: Positioned) => (yOf.get(d.key) ?? 0) - 2 * maxR - 8,
				text: (d: Positioned) => texts.get(d.key) ?? d.naam,
				frameAnchor: 'left',
				textAnchor: 'start',
				lineAnchor: 'bottom',
				fill: PALETTE.inkt,
				render: dataHref(positioned, href),
				title: tooltip
			}),
			Plot.dot(positioned, {
				x: 'x',
				y: (d: Positioned) => (yOf.get(d.key) ?? 0) - maxR - 3,
				r: 'eenheden',
				fill: (d: Positioned) => (d.bekend ? PALETTE.blauw : 'white'),
				stroke: PALETTE.blauw,
				strokeWidth: 2,
				render: dataHref(positioned, href),
				title: tooltip
			})
		]
	}) as SVGSVGElement;
}
