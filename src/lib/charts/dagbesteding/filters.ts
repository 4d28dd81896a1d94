/**
 * The URL filters of /dagbesteding (and of its chart exports): aanbieder(s), periode range
 * (van/tot) and maat. Aanbieders and perioden come from the store, so an unknown value is a
 * Dutch 400 that lists what is allowed.
 */
import { z } from 'zod';
import { formatPeriode } from '../../domain/format';
import { FilterError, parseSearchParams } from '../../filters';
import type { DagbestedingMaat } from './common';

export const MATEN = ['aandeel', 'aantallen'] as const satisfies readonly DagbestedingMaat[];
export const MAAT_LABELS: Record<DagbestedingMaat, string> = { aandeel: 'Aandeel met dagbesteding', aantallen: 'Aantallen cliënten' };

export interface DagbestedingFilters {
	aanbieder?: string[];
	/** Absent only when the store has no perioden. */
	van?: string;
	tot?: string;
	maat: DagbestedingMaat;
}

const nonEmpty = (values: readonly string[]) => (values.length > 0 ? (values as [string, ...string[]]) : ['']);

/** The schema for the aanbieders and perioden (ordered in time) in the store: by default all aanbieders, the first to the last periode. */
/**
 * The periods shown by default: the last ten years of quarters. A long history (a national
 * set from 2000) would otherwise fill the page with decades nobody asked for; `van` shows more.
 */
export const STANDAARD_PERIODEN = 40;

export function dagbestedingFilterSchema(aanbieders: readonly string[], perioden: readonly string[]) {
	const periode = z.enum(nonEmpty(perioden));
	return z.object({
		aanbieder: z.array(z.enum(nonEmpty(aanbieders))).optional().meta({ label: 'Aanbieder' }),
		van: (perioden.length > 0 ? periode.default(perioden[Math.max(0, perioden.length - STANDAARD_PERIODEN)]) : periode.optional()).meta({ label: 'Vanaf periode' }),
		tot: (perioden.length > 0 ? periode.default(perioden.at(-1)!) : periode.optional()).meta({ label: 'Tot en met periode' }),
		maat: z.enum(MATEN).default('aandeel').meta({ label: 'Maat' })
	});
}

/** Parse the view's parameters; throws a FilterError (→ Dutch 400) also when van lies after tot. */
export function parseDagbestedingFilters(url: URL, { aanbieders, perioden }: { aanbieders: readonly string[]; perioden: readonly string[] }): DagbestedingFilters {
	const filters = parseSearchParams(url, dagbestedingFilterSchema(aanbieders, perioden)) as DagbestedingFilters;
	if (filters.van && filters.tot && perioden.indexOf(filters.van) > perioden.indexOf(filters.tot)) {
		throw new FilterError('tot', `Ongeldige waarde voor parameter 'tot': '${filters.tot}' ligt vóór 'van' (${filters.van}). Toegestaan: een periode vanaf ${filters.van}.`);
	}
	return filters;
}

/** Keep the periods from van up to and including tot (by their order in `perioden`). */
export function inPeriode<R extends { periode: string }>(rows: readonly R[], perioden: readonly string[], { van, tot }: Pick<DagbestedingFilters, 'van' | 'tot'>): R[] {
	const from = van ? perioden.indexOf(van) : 0;
	const to = tot ? perioden.indexOf(tot) : perioden.length - 1;
	return rows.filter((r) => {
		const i = perioden.indexOf(r.periode);
		return i >= from && i <= to;
	});
}

/** The active filters in Dutch, for chart subtitles. */
export function dagbestedingSubtitle(filters: DagbestedingFilters): string {
	const { van, tot } = filters;
	const periode = van && tot ? `${formatPeriode(van)} t/m ${formatPeriode(tot)}` : 'alle perioden';
	const aanbieders = filters.aanbieder?.length ? `aanbieder${filters.aanbieder.length > 1 ? 's' : ''} ${filters.aanbieder.join(', ')}` : 'alle aanbieders';
	return `${periode} · ${aanbieders} · ${MAAT_LABELS[filters.maat].toLowerCase()}`;
}
