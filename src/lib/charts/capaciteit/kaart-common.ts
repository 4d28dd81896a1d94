/** What the tile map and the choropleth share: labels, tooltips, the table and the text alternative. */
import { formatInteger } from '../../domain/format';
import type { ChartTable } from '../types';
import { tekortLabel } from './bars';
import { formatMaat, maatEenheid, rankByTekort, type CapaciteitOptions, type GemeenteCapaciteit, type Maat } from './rows';
import type { LegendItem } from '../types';
import { kaartLegend, tekortKlassen, tekortKleur, tekstKleur } from './tekort-kleur';

export interface Gekleurd<T> {
	row: T;
	fill: string;
	ink: string;
	href: string;
	title: string;
	/** The value line in a tile or area: `12` or `geen tekort`. */
	waarde: string;
}

/** Each gemeente with its fill, text colour, link and tooltip. */
export function kleur<T extends GemeenteCapaciteit>(rows: readonly T[], maat: Maat): Gekleurd<T>[] {
	const klassen = klassenOf(rows, maat);
	return rows.map((row) => {
		const fill = tekortKleur(row.tekort, klassen);
		return {
			row,
			fill,
			ink: tekstKleur(fill),
			href: `/gemeente/${encodeURIComponent(row.gemeentecode)}`,
			title: `${row.naam}: ${tekortLabel(row, maat)} (${maatEenheid(maat)}); behoefte ${formatMaat(row.behoefte, maat)}, bestaand ${formatMaat(row.bestaand, maat)}`,
			waarde: row.tekort === null ? 'onbekend' : (row.tekort ?? 0) > 0 ? formatMaat(row.tekort, maat) : 'geen tekort'
		};
	});
}

const klassenOf = (rows: readonly GemeenteCapaciteit[], maat: Maat) => tekortKlassen(Math.max(0, ...rows.map((r) => r.tekort ?? 0)), maat);

/** The maps' legend with the class limits of these rows. */
export const kaartLegendOf = (rows: readonly GemeenteCapaciteit[], { maat }: CapaciteitOptions): readonly LegendItem[] => kaartLegend(klassenOf(rows, maat));

export function kaartDescribe(rows: readonly GemeenteCapaciteit[], { maat }: CapaciteitOptions): string {
	if (rows.length === 0) return 'Er zijn geen gemeenten om te tonen.';
	const ranked = rankByTekort(rows).filter((r) => (r.tekort ?? 0) > 0);
	if (ranked.length === 0) return 'Geen enkele gemeente heeft een tekort bij deze keuze; alle gemeenten zijn grijs.';
	const top = ranked.slice(0, 3).map((r) => `${r.naam} (${formatMaat(r.tekort, maat)})`);
	return (
		`De kaart kleurt de gemeenten naar tekort in ${maatEenheid(maat)}: hoe donkerder, hoe groter. ` +
		`${formatInteger(ranked.length)} van de ${formatInteger(rows.length)} gemeenten hebben een tekort; het grootst is het in ${top.join(', ')}.`
	);
}

export function kaartTable(rows: readonly GemeenteCapaciteit[], { maat }: CapaciteitOptions): ChartTable {
	const unit = maat === 'absolute' ? '' : ' (per 10.000 inw.)';
	return {
		columns: [
			{ label: 'Gemeente', numeric: false },
			{ label: `Tekort${unit}`, numeric: true },
			{ label: `Tekort na plan${unit}`, numeric: true },
			{ label: 'Inwoners', numeric: true }
		],
		rows: rankByTekort(rows).map((r) => [r.naam, formatMaat(r.tekort, maat), formatMaat(r.tekort_na_plan, maat), formatInteger(r.inwoners)])
	};
}
