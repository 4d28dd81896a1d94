/** Shared by the dagbesteding charts: the row shape, the P×Q date, axis helpers. */
import { shown, type Afgeschermd } from '../../domain/disclosure';
import { formatInteger, formatPercent, formatPeriode } from '../../domain/format';
import { PXQ_START, PXQ_START_TEKST } from '../../domain/pxq';

/** How the figures are shown: the share with dagbesteding, or the numbers of clients. */
export type DagbestedingMaat = 'aandeel' | 'aantallen';

/** One periode of one series: the region (all aanbieders) or one aanbieder. */
export interface DagbestedingPunt {
	/** Aanbieder name, or the region's label for the regional series. */
	reeks: string;
	regio: boolean;
	periode: string;
	/** ISO date of the first day of the periode. */
	periode_start: string;
	/** Null when hidden by disclosure control; `afgeschermd` says what to show. */
	bw_clienten: number | null;
	met_dagbesteding: number | null;
	/** 0–1; null without clients or when hidden. */
	aandeel: number | null;
	afgeschermd?: Afgeschermd;
}

/** The charts' option beside the rows: what they draw. */
export interface DagbestedingOptions {
	maat: DagbestedingMaat;
}
export const DAGBESTEDING_STANDAARD: DagbestedingOptions = { maat: 'aandeel' };

export const REGIO_REEKS = 'Regio (alle aanbieders)';

export { PXQ_START };
export const PXQ_LABEL = `Overgang op P×Q, ${PXQ_START_TEKST}`;
/** The dash of the P×Q rule, in the chart and its legend. */
export const PXQ_STREEP = '4,3';

/** ISO date → decimal year (2020-10-01 → 2020.75): quarters and years on one numeric axis. */
export function decimalYear(iso: string): number {
	const [y, m, d] = iso.split('-').map(Number);
	const start = Date.UTC(y, 0, 1);
	return y + (Date.UTC(y, m - 1, d) - start) / (Date.UTC(y + 1, 0, 1) - start);
}

export const PXQ_X = decimalYear(PXQ_START);

/** Whole years from the first to the last periode, every `step` years. */
export function yearTicks(rows: readonly DagbestedingPunt[], step = 1): number[] {
	if (rows.length === 0) return [];
	const xs = rows.map((r) => decimalYear(r.periode_start));
	const first = Math.ceil(Math.min(...xs));
	const last = Math.floor(Math.max(...xs));
	const ticks: number[] = [];
	for (let y = first; y <= last; y += step) ticks.push(y);
	return ticks;
}


/** `2020 K4: 46% (215 van 467)`: the tooltip of one point. */
export function puntTitel(r: DagbestedingPunt): string {
	return `${r.reeks}, ${formatPeriode(r.periode)}: ${aandeelTekst(r)} met dagbesteding (${aantalTekst(r, 'met_dagbesteding')} van ${aantalTekst(r, 'bw_clienten')} BW-cliënten)`;
}

/** A count of a point as text: `< 5` or `afgeschermd` when hidden. */
export function aantalTekst(r: DagbestedingPunt, column: 'bw_clienten' | 'met_dagbesteding'): string {
	return shown(r, column, () => formatInteger(r[column]));
}

/** The share of a point as text (`46%`), or `afgeschermd`. */
export function aandeelTekst(r: DagbestedingPunt, digits = 0): string {
	return shown(r, 'aandeel', () => formatPercent(r.aandeel, { digits }));
}

/** The last periode before P×Q in the rows, if the rows span the switch or end before it. */
export function laatsteVoorPxq(rows: readonly DagbestedingPunt[]): DagbestedingPunt | undefined {
	return rows.filter((r) => r.periode_start < PXQ_START).at(-1);
}

/** The table both charts share: one row per series and periode. */
export const TABLE_COLUMNS = [
	{ label: 'Periode', numeric: false },
	{ label: 'Aanbieder', numeric: false },
	{ label: 'BW-cliënten', numeric: true },
	{ label: 'Met dagbesteding', numeric: true },
	{ label: 'Aandeel', numeric: true },
	{ label: 'Bekostiging', numeric: false }
];

export function tableRow(r: DagbestedingPunt): string[] {
	return [
		formatPeriode(r.periode),
		r.reeks,
		aantalTekst(r, 'bw_clienten'),
		aantalTekst(r, 'met_dagbesteding'),
		aandeelTekst(r, 1),
		r.periode_start >= PXQ_START ? 'P×Q' : 'vóór P×Q'
	];
}
