/** Quarterly rows shaped like the example data (60% → 46% before P×Q, data/exports/README.md, "Wat de voorbeelddata laat zien"). */
import { REGIO_REEKS, type DagbestedingPunt } from './common';

const QUARTERS = ['2020-K1', '2020-K2', '2020-K3', '2020-K4', '2021-K1', '2021-K2'];
const start = (periode: string) => `${periode.slice(0, 4)}-${String((Number(periode.at(-1)) - 1) * 3 + 1).padStart(2, '0')}-01`;

function series(reeks: string, regio: boolean, counts: [number, number][]): DagbestedingPunt[] {
	return counts.map(([bw_clienten, met_dagbesteding], i) => ({
		reeks,
		regio,
		periode: QUARTERS[i],
		periode_start: start(QUARTERS[i]),
		bw_clienten,
		met_dagbesteding,
		aandeel: Math.round((met_dagbesteding / bw_clienten) * 10_000) / 10_000
	}));
}

export function regioRows(): DagbestedingPunt[] {
	return series(REGIO_REEKS, true, [[450, 270], [460, 253], [455, 228], [467, 215], [475, 217], [475, 224]]);
}

export function aanbiederRows(): DagbestedingPunt[] {
	return [
		...series('Aanbieder A', false, [[150, 96], [152, 90], [150, 80], [155, 72], [157, 74], [158, 76]]),
		...series('Aanbieder B', false, [[120, 60], [118, 55], [117, 50], [120, 48], [121, 49], [121, 50]])
	];
}
